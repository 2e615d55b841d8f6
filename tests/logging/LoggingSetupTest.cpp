//
// LoggingSetupTest.cpp
//

#include "sbomop/logging/JsonLineFormatter.h"
#include "sbomop/logging/LoggingException.h"
#include "sbomop/logging/LoggingSetup.h"
#include "sbomop/logging/SecretRedactor.h"
#include "sbomop/logging/TextLineFormatter.h"
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <Poco/Logger.h>
#include <Poco/Message.h>
#include <Poco/NullChannel.h>
#include <Poco/NumberFormatter.h>
#include <Poco/Runnable.h>
#include <Poco/Thread.h>
#include <cppunit/extensions/HelperMacros.h>
#include <memory>
#include <sstream>
#include <vector>

using sbomop::logging::JsonLineFormatter;
using sbomop::logging::LoggingConfigException;
using sbomop::logging::LoggingSetup;
using sbomop::logging::SecretRedactor;
using sbomop::logging::TextLineFormatter;

class LoggingSetupTest: public CppUnit::TestFixture
{
	CPPUNIT_TEST_SUITE(LoggingSetupTest);
	CPPUNIT_TEST(testConfiguresLoggersCreatedBeforeAndAfter);
	CPPUNIT_TEST(testLevelFiltersMessages);
	CPPUNIT_TEST(testReconfiguringSwitchesFormatAndStream);
	CPPUNIT_TEST(testRejectsUnknownNamesAndKeepsTheConfiguration);
	CPPUNIT_TEST(testCreatesFormatterByName);
	CPPUNIT_TEST(testSecretNeverReachesTheOutput);
	CPPUNIT_TEST(testConcurrentMessagesStayOnSeparateLines);
	CPPUNIT_TEST_SUITE_END();

public:
	void tearDown() override
	{
		// The test streams die with the test; detach every logger from them.
		Poco::Logger::setChannel("", new Poco::NullChannel);
	}

	static std::vector<std::string> lines(const std::ostringstream& out)
	{
		std::vector<std::string> result;
		std::istringstream in(out.str());
		for (std::string line; std::getline(in, line);) result.push_back(line);
		return result;
	}

	static Poco::JSON::Object::Ptr parse(const std::string& line)
	{
		Poco::JSON::Parser parser;
		return parser.parse(line).extract<Poco::JSON::Object::Ptr>();
	}

	void testConfiguresLoggersCreatedBeforeAndAfter()
	{
		Poco::Logger& early = Poco::Logger::get("sbomop.kube.client");
		std::ostringstream out;

		LoggingSetup::configure("debug", "json", &out);
		early.debug("from an existing logger");
		Poco::Logger::get("sbomop.test.later").debug("from a new logger");

		const std::vector<std::string> written = lines(out);
		CPPUNIT_ASSERT_EQUAL(std::size_t(2), written.size());
		CPPUNIT_ASSERT_EQUAL(std::string("sbomop.kube.client"), parse(written[0])->getValue<std::string>("logger"));
		CPPUNIT_ASSERT_EQUAL(std::string("debug"), parse(written[0])->getValue<std::string>("level"));
		CPPUNIT_ASSERT_EQUAL(std::string("from an existing logger"), parse(written[0])->getValue<std::string>("message"));
		CPPUNIT_ASSERT_EQUAL(std::string("sbomop.test.later"), parse(written[1])->getValue<std::string>("logger"));
	}

	void testLevelFiltersMessages()
	{
		std::ostringstream out;
		LoggingSetup::configure("warn", "text", &out);
		Poco::Logger& logger = Poco::Logger::get("sbomop.test.level");

		logger.information("dropped");
		logger.debug("dropped");
		logger.warning("kept warning");
		logger.error("kept error");

		const std::vector<std::string> written = lines(out);
		CPPUNIT_ASSERT_EQUAL(std::size_t(2), written.size());
		CPPUNIT_ASSERT_EQUAL(std::string(" warn  sbomop.test.level: kept warning"), written[0].substr(24));
		CPPUNIT_ASSERT_EQUAL(std::string(" error sbomop.test.level: kept error"), written[1].substr(24));
	}

	void testReconfiguringSwitchesFormatAndStream()
	{
		std::ostringstream first;
		std::ostringstream second;
		Poco::Logger& logger = Poco::Logger::get("sbomop.test.switch");

		LoggingSetup::configure("info", "json", &first);
		logger.information("one");
		LoggingSetup::configure("info", "text", &second);
		logger.information("two");

		CPPUNIT_ASSERT_EQUAL(std::size_t(1), lines(first).size());
		CPPUNIT_ASSERT_EQUAL(std::string("one"), parse(lines(first)[0])->getValue<std::string>("message"));
		CPPUNIT_ASSERT_EQUAL(std::size_t(1), lines(second).size());
		CPPUNIT_ASSERT_EQUAL(std::string(" info  sbomop.test.switch: two"), lines(second)[0].substr(24));
	}

	void testRejectsUnknownNamesAndKeepsTheConfiguration()
	{
		std::ostringstream out;
		std::ostringstream unused;
		LoggingSetup::configure("info", "text", &out);

		CPPUNIT_ASSERT_THROW(LoggingSetup::configure("loud", "json", &unused), LoggingConfigException);
		CPPUNIT_ASSERT_THROW(LoggingSetup::configure("trace", "xml", &unused), LoggingConfigException);
		Poco::Logger::get("sbomop.test.keep").information("still here");
		Poco::Logger::get("sbomop.test.keep").debug("still filtered");

		CPPUNIT_ASSERT_EQUAL(std::string(), unused.str());
		CPPUNIT_ASSERT_EQUAL(std::size_t(1), lines(out).size());
		CPPUNIT_ASSERT_EQUAL(std::string(" info  sbomop.test.keep: still here"), lines(out)[0].substr(24));
	}

	void testCreatesFormatterByName()
	{
		CPPUNIT_ASSERT(dynamic_cast<TextLineFormatter*>(LoggingSetup::createFormatter("text").get()));
		CPPUNIT_ASSERT(dynamic_cast<JsonLineFormatter*>(LoggingSetup::createFormatter(" JSON ").get()));
		CPPUNIT_ASSERT_THROW(LoggingSetup::createFormatter("logfmt"), LoggingConfigException);
	}

	void testSecretNeverReachesTheOutput()
	{
		const std::string secret("registry-password-42");
		SecretRedactor::instance().add(secret);
		std::ostringstream jsonOut;
		std::ostringstream textOut;
		Poco::Message msg("sbomop.registry", "pull with " + secret + " denied", Poco::Message::PRIO_WARNING);
		msg.set("auth", "basic user:" + secret);

		LoggingSetup::configure("info", "json", &jsonOut);
		Poco::Logger::get("sbomop.registry").log(msg);
		LoggingSetup::configure("info", "text", &textOut);
		Poco::Logger::get("sbomop.registry").log(msg);
		SecretRedactor::instance().remove(secret);

		CPPUNIT_ASSERT_EQUAL(std::string::npos, jsonOut.str().find(secret));
		CPPUNIT_ASSERT_EQUAL(std::string::npos, textOut.str().find(secret));
		const Poco::JSON::Object::Ptr pObject = parse(lines(jsonOut).at(0));
		CPPUNIT_ASSERT_EQUAL(std::string("pull with *** denied"), pObject->getValue<std::string>("message"));
		CPPUNIT_ASSERT_EQUAL(std::string("basic user:***"), pObject->getValue<std::string>("auth"));
		CPPUNIT_ASSERT_EQUAL(std::string(" warn  sbomop.registry: pull with *** denied auth=\"basic user:***\""), lines(textOut).at(0).substr(24));
	}

	class Chatter: public Poco::Runnable
	{
	public:
		explicit Chatter(int id): _id(id)
		{
		}

		void run() override
		{
			Poco::Logger& logger = Poco::Logger::get("sbomop.test.thread" + Poco::NumberFormatter::format(_id));
			for (int i = 0; i < 200; ++i) logger.information("message " + Poco::NumberFormatter::format(i) + " " + std::string(100, 'x'));
		}

	private:
		const int _id;
	};

	void testConcurrentMessagesStayOnSeparateLines()
	{
		std::ostringstream out;
		LoggingSetup::configure("info", "json", &out);
		std::vector<std::unique_ptr<Chatter>> chatters;
		std::vector<std::unique_ptr<Poco::Thread>> threads;
		for (int id = 0; id < 4; ++id)
		{
			chatters.push_back(std::make_unique<Chatter>(id));
			threads.push_back(std::make_unique<Poco::Thread>());
			threads.back()->start(*chatters.back());
		}
		for (auto& pThread: threads) pThread->join();

		const std::vector<std::string> written = lines(out);
		CPPUNIT_ASSERT_EQUAL(std::size_t(800), written.size());
		for (const auto& line: written) CPPUNIT_ASSERT_EQUAL(std::string("info"), parse(line)->getValue<std::string>("level"));
	}
};

CPPUNIT_TEST_SUITE_NAMED_REGISTRATION(LoggingSetupTest, "Logging");
