//
// KeyDefinitionTest.cpp
//

#include "sbomop/config/KeyDefinition.h"
#include <cppunit/extensions/HelperMacros.h>

using sbomop::config::KeyDefinition;

class KeyDefinitionTest: public CppUnit::TestFixture
{
	CPPUNIT_TEST_SUITE(KeyDefinitionTest);
	CPPUNIT_TEST(testEnvironmentVariableIsSbomPrefixedUpperSnakeCase);
	CPPUNIT_TEST(testOptionNameIsDoubleDashName);
	CPPUNIT_TEST(testNamedConstructorsSetTypeAndDefault);
	CPPUNIT_TEST(testAllowedTextIsGeneratedFromTheType);
	CPPUNIT_TEST(testExplicitAllowedTextReplacesTheGeneratedOne);
	CPPUNIT_TEST(testFlagsAreOffUntilMarked);
	CPPUNIT_TEST(testDerivedDefaultIsComputedFromOtherKeys);
	CPPUNIT_TEST(testValidatorsAreKeptInOrder);
	CPPUNIT_TEST_SUITE_END();

public:
	void testEnvironmentVariableIsSbomPrefixedUpperSnakeCase()
	{
		CPPUNIT_ASSERT_EQUAL(std::string("SBOM_JOB_TIMEOUT"), KeyDefinition::stringKey("job-timeout", "job", "", "h").envName());
		CPPUNIT_ASSERT_EQUAL(std::string("SBOM_GIT_WORKINGTREE"), KeyDefinition::envNameOf("git-workingtree"));
		CPPUNIT_ASSERT_EQUAL(std::string("SBOM_DTRACK_KUBERNETES_CLUSTER_ID_MODE"), KeyDefinition::envNameOf("dtrack-kubernetes-cluster-id-mode"));
		CPPUNIT_ASSERT_EQUAL(std::string("SBOM_ONCE"), KeyDefinition::envNameOf("once"));
	}

	void testOptionNameIsDoubleDashName()
	{
		CPPUNIT_ASSERT_EQUAL(std::string("--registry-proxy"), KeyDefinition::listKey("registry-proxy", "common", "", "h").optionName());
	}

	void testNamedConstructorsSetTypeAndDefault()
	{
		const KeyDefinition flag = KeyDefinition::boolKey("once", "common", false, "help line");
		CPPUNIT_ASSERT_EQUAL(KeyDefinition::BOOL, flag.type());
		CPPUNIT_ASSERT_EQUAL(std::string("false"), flag.defaultValue());
		CPPUNIT_ASSERT_EQUAL(std::string("help line"), flag.help());
		CPPUNIT_ASSERT_EQUAL(std::string("common"), flag.group());
		CPPUNIT_ASSERT(!flag.isList());

		const KeyDefinition number = KeyDefinition::integerKey("health-port", "runtime", 8080, 0, 65535, "h");
		CPPUNIT_ASSERT_EQUAL(KeyDefinition::INTEGER, number.type());
		CPPUNIT_ASSERT_EQUAL(std::string("8080"), number.defaultValue());
		CPPUNIT_ASSERT_EQUAL(Poco::Int64(0), number.minimum());
		CPPUNIT_ASSERT_EQUAL(Poco::Int64(65535), number.maximum());

		const KeyDefinition targets = KeyDefinition::enumListKey("targets", "common", {"git", "oci"}, "git", "h");
		CPPUNIT_ASSERT_EQUAL(KeyDefinition::ENUM_LIST, targets.type());
		CPPUNIT_ASSERT(targets.isList());
		CPPUNIT_ASSERT_EQUAL(std::size_t(2), targets.allowedValues().size());
		CPPUNIT_ASSERT_EQUAL(std::string("enum-list"), targets.typeName());
	}

	void testAllowedTextIsGeneratedFromTheType()
	{
		CPPUNIT_ASSERT_EQUAL(std::string(""), KeyDefinition::stringKey("git-path", "git", "", "h").allowed());
		CPPUNIT_ASSERT_EQUAL(std::string("true, false, yes, no, 1, 0"), KeyDefinition::boolKey("once", "common", false, "h").allowed());
		CPPUNIT_ASSERT_EQUAL(std::string("integer from 1 to 2147483647 (seconds)"),
			KeyDefinition::integerKey("job-timeout", "job", 3600, 1, 2147483647, "h").withUnit("seconds").allowed());
		CPPUNIT_ASSERT_EQUAL(std::string("integer from 0 to 65535"),
			KeyDefinition::integerKey("health-port", "runtime", 8080, 0, 65535, "h").allowed());
		CPPUNIT_ASSERT_EQUAL(std::string("one of tag, prefix"),
			KeyDefinition::enumKey("mode", "dtrack", {"tag", "prefix"}, "tag", "h").allowed());
		CPPUNIT_ASSERT_EQUAL(std::string("comma-separated list"), KeyDefinition::listKey("proxy", "common", "", "h").allowed());
		CPPUNIT_ASSERT_EQUAL(std::string("comma-separated list of git, dtrack"),
			KeyDefinition::enumListKey("targets", "common", {"git", "dtrack"}, "git", "h").allowed());
	}

	void testExplicitAllowedTextReplacesTheGeneratedOne()
	{
		CPPUNIT_ASSERT_EQUAL(std::string("a regular expression"),
			KeyDefinition::stringKey("matcher", "dtrack", "", "h").withAllowedText("a regular expression").allowed());
	}

	void testFlagsAreOffUntilMarked()
	{
		KeyDefinition key = KeyDefinition::stringKey("token", "git", "", "h");
		CPPUNIT_ASSERT(!key.isSecret());
		CPPUNIT_ASSERT(!key.isEnvOnly());
		key.markSecret().markEnvOnly();
		CPPUNIT_ASSERT(key.isSecret());
		CPPUNIT_ASSERT(key.isEnvOnly());
	}

	void testDerivedDefaultIsComputedFromOtherKeys()
	{
		const KeyDefinition plain = KeyDefinition::stringKey("backend", "common", "fixed", "h");
		CPPUNIT_ASSERT(!plain.hasDerivedDefault());
		CPPUNIT_ASSERT_EQUAL(std::string("fixed"), plain.defaultFor([](const std::string&) { return std::string("x"); }));

		const KeyDefinition derived = KeyDefinition::stringKey("backend", "common", "", "h")
			.withDerivedDefault([](const KeyDefinition::ValueLookup& lookup) { return lookup("job-image").empty() ? "syft" : "jobimage"; },
				"jobimage when job-image is set, else syft");
		CPPUNIT_ASSERT(derived.hasDerivedDefault());
		CPPUNIT_ASSERT_EQUAL(std::string("syft"), derived.defaultFor([](const std::string&) { return std::string(); }));
		CPPUNIT_ASSERT_EQUAL(std::string("jobimage"), derived.defaultFor([](const std::string& key)
			{ return key == "job-image" ? std::string("example/job:1") : std::string(); }));
		CPPUNIT_ASSERT_EQUAL(std::string("jobimage when job-image is set, else syft"), derived.defaultDescription());
	}

	void testValidatorsAreKeptInOrder()
	{
		std::string calls;
		const KeyDefinition key = KeyDefinition::stringKey("k", "g", "", "h")
			.withValidator([&calls](const std::string& v) { calls += "first:" + v + ";"; })
			.withValidator([&calls](const std::string& v) { calls += "second:" + v + ";"; });
		CPPUNIT_ASSERT_EQUAL(std::size_t(2), key.validators().size());
		for (const auto& validator: key.validators()) validator("v");
		CPPUNIT_ASSERT_EQUAL(std::string("first:v;second:v;"), calls);
	}
};

CPPUNIT_TEST_SUITE_NAMED_REGISTRATION(KeyDefinitionTest, "Config");
