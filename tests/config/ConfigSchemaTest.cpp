//
// ConfigSchemaTest.cpp
//

#include "sbomop/config/ConfigSchema.h"
#include <Poco/Exception.h>
#include <cppunit/extensions/HelperMacros.h>

using sbomop::config::ConfigSchema;
using sbomop::config::KeyDefinition;

class ConfigSchemaTest: public CppUnit::TestFixture
{
	CPPUNIT_TEST_SUITE(ConfigSchemaTest);
	CPPUNIT_TEST(testFindsAddedKeysInOrder);
	CPPUNIT_TEST(testRejectsDuplicateKey);
	CPPUNIT_TEST(testRejectsNamesThatAreNotKebabCase);
	CPPUNIT_TEST(testRejectsReservedNames);
	CPPUNIT_TEST(testRejectsDefaultThatIsNotAValidValue);
	CPPUNIT_TEST(testGetThrowsForUnknownKey);
	CPPUNIT_TEST(testValidatorCanBeAddedToExistingKeyOnly);
	CPPUNIT_TEST(testGroupsKeepOrderOfFirstUseAndTitles);
	CPPUNIT_TEST(testSuggestsNearestName);
	CPPUNIT_TEST(testSuggestsNothingForUnrelatedName);
	CPPUNIT_TEST_SUITE_END();

public:
	void testFindsAddedKeysInOrder()
	{
		ConfigSchema schema;
		schema.add(KeyDefinition::stringKey("git-branch", "git", "main", "Branch."));
		schema.add(KeyDefinition::boolKey("once", "common", false, "Once."));
		CPPUNIT_ASSERT_EQUAL(std::size_t(2), schema.keys().size());
		CPPUNIT_ASSERT_EQUAL(std::string("git-branch"), schema.keys()[0].name());
		CPPUNIT_ASSERT_EQUAL(std::string("once"), schema.keys()[1].name());
		CPPUNIT_ASSERT(schema.has("once"));
		CPPUNIT_ASSERT(schema.find("once") != nullptr);
		CPPUNIT_ASSERT(schema.find("twice") == nullptr);
		CPPUNIT_ASSERT_EQUAL(std::string("main"), schema.get("git-branch").defaultValue());
	}

	void testRejectsDuplicateKey()
	{
		ConfigSchema schema;
		schema.add(KeyDefinition::stringKey("git-branch", "git", "main", "h"));
		CPPUNIT_ASSERT_THROW(schema.add(KeyDefinition::stringKey("git-branch", "git", "dev", "h")), Poco::ExistsException);
		CPPUNIT_ASSERT_EQUAL(std::string("main"), schema.get("git-branch").defaultValue());
	}

	void testRejectsNamesThatAreNotKebabCase()
	{
		ConfigSchema schema;
		const char* invalid[] = {"", "Job", "job_timeout", "-job", "job-", "job--timeout", "1job", "job.timeout", "job timeout"};
		for (const char* name: invalid)
		{
			CPPUNIT_ASSERT_THROW_MESSAGE(name, schema.add(KeyDefinition::stringKey(name, "g", "", "h")), Poco::InvalidArgumentException);
		}
		CPPUNIT_ASSERT(schema.keys().empty());
		CPPUNIT_ASSERT(ConfigSchema::isValidName("dtrack-kubernetes-cluster-id-mode"));
		CPPUNIT_ASSERT(ConfigSchema::isValidName("syft2-parallelism"));
	}

	void testRejectsReservedNames()
	{
		ConfigSchema schema;
		CPPUNIT_ASSERT_THROW(schema.add(KeyDefinition::boolKey("help", "g", false, "h")), Poco::InvalidArgumentException);
		CPPUNIT_ASSERT_THROW(schema.add(KeyDefinition::boolKey("version", "g", false, "h")), Poco::InvalidArgumentException);
		CPPUNIT_ASSERT_THROW(schema.add(KeyDefinition::stringKey("config", "g", "", "h")), Poco::InvalidArgumentException);
	}

	void testRejectsDefaultThatIsNotAValidValue()
	{
		ConfigSchema schema;
		CPPUNIT_ASSERT_THROW(schema.add(KeyDefinition::integerKey("port", "g", 70000, 0, 65535, "h")), Poco::InvalidArgumentException);
		CPPUNIT_ASSERT_THROW(schema.add(KeyDefinition::enumKey("mode", "g", {"tag", "prefix"}, "suffix", "h")), Poco::InvalidArgumentException);
		CPPUNIT_ASSERT_THROW(schema.add(KeyDefinition::enumListKey("targets", "g", {"git"}, "git,s3", "h")), Poco::InvalidArgumentException);
		CPPUNIT_ASSERT(schema.keys().empty());
	}

	void testGetThrowsForUnknownKey()
	{
		ConfigSchema schema;
		CPPUNIT_ASSERT_THROW(schema.get("nothing"), Poco::NotFoundException);
	}

	void testValidatorCanBeAddedToExistingKeyOnly()
	{
		ConfigSchema schema;
		schema.add(KeyDefinition::stringKey("pod-label-selector", "common", "", "h"));
		schema.addValidator("pod-label-selector", [](const std::string&) {});
		CPPUNIT_ASSERT_EQUAL(std::size_t(1), schema.get("pod-label-selector").validators().size());
		CPPUNIT_ASSERT_THROW(schema.addValidator("pod-selector", [](const std::string&) {}), Poco::NotFoundException);
	}

	void testGroupsKeepOrderOfFirstUseAndTitles()
	{
		ConfigSchema schema;
		schema.addGroup("git", "Git target");
		schema.add(KeyDefinition::stringKey("a", "common", "", "h"));
		schema.add(KeyDefinition::stringKey("b", "git", "", "h"));
		schema.add(KeyDefinition::stringKey("c", "common", "", "h"));
		CPPUNIT_ASSERT_EQUAL(std::size_t(2), schema.groups().size());
		CPPUNIT_ASSERT_EQUAL(std::string("git"), schema.groups()[0]);
		CPPUNIT_ASSERT_EQUAL(std::string("common"), schema.groups()[1]);
		CPPUNIT_ASSERT_EQUAL(std::string("Git target"), schema.groupTitle("git"));
		CPPUNIT_ASSERT_EQUAL(std::string("common"), schema.groupTitle("common"));
		schema.addGroup("common", "General");
		CPPUNIT_ASSERT_EQUAL(std::string("General"), schema.groupTitle("common"));
		CPPUNIT_ASSERT_EQUAL(std::size_t(2), schema.groups().size());
	}

	void testSuggestsNearestName()
	{
		ConfigSchema schema;
		schema.add(KeyDefinition::integerKey("job-timeout", "job", 3600, 1, 2147483647, "h"));
		schema.add(KeyDefinition::stringKey("job-image", "job", "", "h"));
		schema.add(KeyDefinition::stringKey("git-branch", "git", "", "h"));
		CPPUNIT_ASSERT_EQUAL(std::string("job-timeout"), schema.suggest("jobtimeout"));
		CPPUNIT_ASSERT_EQUAL(std::string("job-timeout"), schema.suggest("JOB_TIMEOUT"));
		CPPUNIT_ASSERT_EQUAL(std::string("job-image"), schema.suggest("job-imag"));
		CPPUNIT_ASSERT_EQUAL(std::string("git-branch"), schema.suggest("git-brnch"));
	}

	void testSuggestsNothingForUnrelatedName()
	{
		ConfigSchema schema;
		schema.add(KeyDefinition::integerKey("job-timeout", "job", 3600, 1, 2147483647, "h"));
		CPPUNIT_ASSERT_EQUAL(std::string(), schema.suggest("verbose"));
		CPPUNIT_ASSERT_EQUAL(std::string(), ConfigSchema().suggest("job-timeout"));
	}
};

CPPUNIT_TEST_SUITE_NAMED_REGISTRATION(ConfigSchemaTest, "Config");
