//
// ResolvedConfigTest.cpp
//

#include "sbomop/config/ResolvedConfig.h"
#include <Poco/Exception.h>
#include <cppunit/extensions/HelperMacros.h>

using namespace sbomop::config;

class ResolvedConfigTest: public CppUnit::TestFixture
{
	CPPUNIT_TEST_SUITE(ResolvedConfigTest);
	CPPUNIT_TEST(testStoresValueAndProvenance);
	CPPUNIT_TEST(testConfigurationSharesTheValues);
	CPPUNIT_TEST(testUnknownKeyThrowsNotFound);
	CPPUNIT_TEST(testKeysAreSorted);
	CPPUNIT_TEST(testLayerNames);
	CPPUNIT_TEST_SUITE_END();

public:
	void testStoresValueAndProvenance()
	{
		ResolvedConfig config;
		Provenance fromEnv;
		fromEnv.layer = Provenance::ENVIRONMENT;
		fromEnv.source = "SBOM_JOB_TIMEOUT";
		config.set("job-timeout", "60", fromEnv);
		CPPUNIT_ASSERT(config.has("job-timeout"));
		CPPUNIT_ASSERT_EQUAL(std::string("60"), config.value("job-timeout"));
		CPPUNIT_ASSERT_EQUAL(Provenance::ENVIRONMENT, config.provenance("job-timeout").layer);
		CPPUNIT_ASSERT_EQUAL(std::string("SBOM_JOB_TIMEOUT"), config.provenance("job-timeout").source);
		config.set("git-branch", "main", Provenance());
		CPPUNIT_ASSERT_EQUAL(std::string("default"), config.provenance("git-branch").source);
	}

	void testConfigurationSharesTheValues()
	{
		ResolvedConfig config;
		const ResolvedConfig copy = config;
		config.set("once", "true", Provenance());
		CPPUNIT_ASSERT_EQUAL(std::string("true"), copy.configuration()->getString("once"));
		CPPUNIT_ASSERT(config.configuration()->getBool("once"));
	}

	void testUnknownKeyThrowsNotFound()
	{
		const ResolvedConfig config;
		CPPUNIT_ASSERT(!config.has("x"));
		CPPUNIT_ASSERT_THROW(config.value("x"), Poco::NotFoundException);
		CPPUNIT_ASSERT_THROW(config.provenance("x"), Poco::NotFoundException);
	}

	void testKeysAreSorted()
	{
		ResolvedConfig config;
		config.set("verbosity", "info", Provenance());
		config.set("cron", "", Provenance());
		const std::vector<std::string> keys = config.keys();
		CPPUNIT_ASSERT_EQUAL(std::size_t(2), keys.size());
		CPPUNIT_ASSERT_EQUAL(std::string("cron"), keys[0]);
		CPPUNIT_ASSERT_EQUAL(std::string("verbosity"), keys[1]);
	}

	void testLayerNames()
	{
		CPPUNIT_ASSERT_EQUAL(std::string("command line"), Provenance::layerName(Provenance::COMMAND_LINE));
		CPPUNIT_ASSERT_EQUAL(std::string("environment"), Provenance::layerName(Provenance::ENVIRONMENT));
		CPPUNIT_ASSERT_EQUAL(std::string("file"), Provenance::layerName(Provenance::FILE));
		CPPUNIT_ASSERT_EQUAL(std::string("default"), Provenance::layerName(Provenance::DEFAULT));
	}
};

CPPUNIT_TEST_SUITE_NAMED_REGISTRATION(ResolvedConfigTest, "Config");
