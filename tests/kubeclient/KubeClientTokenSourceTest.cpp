//
// KubeClientTokenSourceTest.cpp
//

#include "TestFiles.h"
#include "sbomop/kube/KubeClientTokenSource.h"
#include "sbomop/kube/KubeException.h"
#include <Poco/File.h>
#include <cppunit/extensions/HelperMacros.h>

using namespace sbomop::kube;
using sbomop::kube::test::LogCapture;
using sbomop::kube::test::ManualClock;
using sbomop::kube::test::TempDir;

class KubeClientTokenSourceTest: public CppUnit::TestFixture
{
	CPPUNIT_TEST_SUITE(KubeClientTokenSourceTest);
	CPPUNIT_TEST(testStaticTokenIsReturnedAsGiven);
	CPPUNIT_TEST(testFileTokenIsTrimmedAndCachedForSixtySeconds);
	CPPUNIT_TEST(testFileTokenIsRereadAfterSixtySeconds);
	CPPUNIT_TEST(testInvalidateForcesImmediateReread);
	CPPUNIT_TEST(testKeepsLastTokenWhenRereadFails);
	CPPUNIT_TEST(testMissingFileOnFirstReadThrowsWithoutToken);
	CPPUNIT_TEST(testTokensNeverAppearInLogs);
	CPPUNIT_TEST_SUITE_END();

public:
	void testStaticTokenIsReturnedAsGiven()
	{
		KubeClientTokenSource source("static-token", "");
		CPPUNIT_ASSERT_EQUAL(std::string("static-token"), source.token());
		CPPUNIT_ASSERT(!source.fromFile());
		CPPUNIT_ASSERT(!source.invalidate());
	}

	void testFileTokenIsTrimmedAndCachedForSixtySeconds()
	{
		TempDir dir;
		auto clock = std::make_shared<ManualClock>();
		const std::string file = dir.write("token", "  first-token\n");
		KubeClientTokenSource source("ignored-static", file, clock);
		CPPUNIT_ASSERT_EQUAL(std::string("first-token"), source.token());
		dir.write("token", "second-token\n");
		clock->advance(Poco::Timespan(59, 0));
		CPPUNIT_ASSERT_EQUAL(std::string("first-token"), source.token());
	}

	void testFileTokenIsRereadAfterSixtySeconds()
	{
		TempDir dir;
		auto clock = std::make_shared<ManualClock>();
		const std::string file = dir.write("token", "first-token");
		KubeClientTokenSource source("", file, clock);
		CPPUNIT_ASSERT_EQUAL(std::string("first-token"), source.token());
		dir.write("token", "second-token");
		clock->advance(Poco::Timespan(60, 0));
		CPPUNIT_ASSERT_EQUAL(std::string("second-token"), source.token());
	}

	void testInvalidateForcesImmediateReread()
	{
		TempDir dir;
		auto clock = std::make_shared<ManualClock>();
		const std::string file = dir.write("token", "first-token");
		KubeClientTokenSource source("", file, clock);
		CPPUNIT_ASSERT_EQUAL(std::string("first-token"), source.token());
		dir.write("token", "rotated-token");
		CPPUNIT_ASSERT(source.invalidate());
		CPPUNIT_ASSERT_EQUAL(std::string("rotated-token"), source.token());
	}

	void testKeepsLastTokenWhenRereadFails()
	{
		TempDir dir;
		auto clock = std::make_shared<ManualClock>();
		const std::string file = dir.write("token", "first-token");
		KubeClientTokenSource source("", file, clock);
		CPPUNIT_ASSERT_EQUAL(std::string("first-token"), source.token());
		Poco::File(file).remove();
		clock->advance(Poco::Timespan(61, 0));
		CPPUNIT_ASSERT_EQUAL(std::string("first-token"), source.token());
	}

	void testMissingFileOnFirstReadThrowsWithoutToken()
	{
		TempDir dir;
		KubeClientTokenSource source("static-secret", dir.path("missing"));
		try
		{
			source.token();
			CPPUNIT_FAIL("no exception");
		}
		catch (KubeConfigException& e)
		{
			CPPUNIT_ASSERT(e.message().find(dir.path("missing")) != std::string::npos);
			CPPUNIT_ASSERT(e.message().find("static-secret") == std::string::npos);
		}
	}

	void testTokensNeverAppearInLogs()
	{
		LogCapture::Ptr logs = LogCapture::attach();
		TempDir dir;
		auto clock = std::make_shared<ManualClock>();
		const std::string file = dir.write("token", "secret-one");
		KubeClientTokenSource source("", file, clock);
		source.token();
		dir.write("token", "secret-two");
		source.invalidate();
		CPPUNIT_ASSERT_EQUAL(std::string("secret-two"), source.token());
		Poco::File(file).remove();
		source.invalidate();
		source.token();
		logs->detach();
		CPPUNIT_ASSERT(logs->anyContains(file));
		CPPUNIT_ASSERT(!logs->anyContains("secret-one"));
		CPPUNIT_ASSERT(!logs->anyContains("secret-two"));
	}
};

CPPUNIT_TEST_SUITE_NAMED_REGISTRATION(KubeClientTokenSourceTest, "KubeClient");
