//
// SecretRedactorTest.cpp
//

#include "sbomop/logging/SecretRedactor.h"
#include <Poco/NumberFormatter.h>
#include <Poco/Runnable.h>
#include <Poco/Thread.h>
#include <cppunit/extensions/HelperMacros.h>
#include <atomic>
#include <memory>
#include <vector>

using sbomop::logging::SecretRedactor;

class SecretRedactorTest: public CppUnit::TestFixture
{
	CPPUNIT_TEST_SUITE(SecretRedactorTest);
	CPPUNIT_TEST(testMasksEveryOccurrence);
	CPPUNIT_TEST(testIgnoresValuesShorterThanFourCharacters);
	CPPUNIT_TEST(testOverlappingSecretsLeaveNoFragment);
	CPPUNIT_TEST(testAdjacentOccurrencesCollapseIntoOneMask);
	CPPUNIT_TEST(testRedactInPlaceTellsWhetherSomethingWasMasked);
	CPPUNIT_TEST(testRemoveAndClearForgetSecrets);
	CPPUNIT_TEST(testInstanceIsProcessWide);
	CPPUNIT_TEST(testConcurrentAddsAndRedactionsAreSafe);
	CPPUNIT_TEST_SUITE_END();

public:
	void testMasksEveryOccurrence()
	{
		SecretRedactor redactor;
		redactor.add("hunter22");
		redactor.add("ghp_token0123");

		CPPUNIT_ASSERT_EQUAL(std::string("login with *** failed, retrying with *** and ***"),
			redactor.redact("login with hunter22 failed, retrying with hunter22 and ghp_token0123"));
		CPPUNIT_ASSERT_EQUAL(std::string("nothing to hide"), redactor.redact("nothing to hide"));
	}

	void testIgnoresValuesShorterThanFourCharacters()
	{
		SecretRedactor redactor;
		redactor.add("");
		redactor.add("abc");
		redactor.add("abcd");

		CPPUNIT_ASSERT_EQUAL(std::size_t(1), redactor.size());
		CPPUNIT_ASSERT_EQUAL(std::string("abc ***"), redactor.redact("abc abcd"));
	}

	void testOverlappingSecretsLeaveNoFragment()
	{
		SecretRedactor redactor;
		redactor.add("abcdef");
		redactor.add("defghi");
		redactor.add("aaaa");

		CPPUNIT_ASSERT_EQUAL(std::string("xx***xx"), redactor.redact("xxabcdefghixx"));
		CPPUNIT_ASSERT_EQUAL(std::string("x***x"), redactor.redact("xaaaaaax"));
	}

	void testAdjacentOccurrencesCollapseIntoOneMask()
	{
		SecretRedactor redactor;
		redactor.add("s3cr3t");

		CPPUNIT_ASSERT_EQUAL(std::string("[***]"), redactor.redact("[s3cr3ts3cr3t]"));
	}

	void testRedactInPlaceTellsWhetherSomethingWasMasked()
	{
		SecretRedactor redactor;
		redactor.add("password1");
		std::string clean("no secret here");
		std::string dirty("password1!");

		CPPUNIT_ASSERT(!redactor.redactInPlace(clean));
		CPPUNIT_ASSERT(redactor.redactInPlace(dirty));
		CPPUNIT_ASSERT_EQUAL(std::string("no secret here"), clean);
		CPPUNIT_ASSERT_EQUAL(std::string("***!"), dirty);
	}

	void testRemoveAndClearForgetSecrets()
	{
		SecretRedactor redactor;
		redactor.add("first-secret");
		redactor.add("second-secret");
		redactor.add("first-secret");
		CPPUNIT_ASSERT_EQUAL(std::size_t(2), redactor.size());

		redactor.remove("first-secret");
		CPPUNIT_ASSERT_EQUAL(std::string("first-secret ***"), redactor.redact("first-secret second-secret"));

		redactor.clear();
		CPPUNIT_ASSERT_EQUAL(std::size_t(0), redactor.size());
		CPPUNIT_ASSERT_EQUAL(std::string("second-secret"), redactor.redact("second-secret"));
	}

	void testInstanceIsProcessWide()
	{
		CPPUNIT_ASSERT(&SecretRedactor::instance() == &SecretRedactor::instance());
	}

	class Worker: public Poco::Runnable
	{
	public:
		Worker(SecretRedactor& redactor, int id): _redactor(redactor), _id(id)
		{
		}

		void run() override
		{
			for (int i = 0; i < 200; ++i)
			{
				const std::string secret = "secret-" + Poco::NumberFormatter::format(_id) + "-" + Poco::NumberFormatter::format(i);
				_redactor.add(secret);
				if (_redactor.redact("<" + secret + ">") != "<***>") ++failures;
			}
		}

		std::atomic<int> failures{0};

	private:
		SecretRedactor& _redactor;
		const int _id;
	};

	void testConcurrentAddsAndRedactionsAreSafe()
	{
		SecretRedactor redactor;
		std::vector<std::unique_ptr<Worker>> workers;
		std::vector<std::unique_ptr<Poco::Thread>> threads;
		for (int id = 0; id < 4; ++id)
		{
			workers.push_back(std::make_unique<Worker>(redactor, id));
			threads.push_back(std::make_unique<Poco::Thread>());
			threads.back()->start(*workers.back());
		}
		for (auto& pThread: threads) pThread->join();

		CPPUNIT_ASSERT_EQUAL(std::size_t(800), redactor.size());
		for (auto& pWorker: workers) CPPUNIT_ASSERT_EQUAL(0, pWorker->failures.load());
	}
};

CPPUNIT_TEST_SUITE_NAMED_REGISTRATION(SecretRedactorTest, "Logging");
