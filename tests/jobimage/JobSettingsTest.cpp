//
// JobSettingsTest.cpp
//
// Reading and validating the job-* keys.
//

#include "JobImageTestSupport.h"
#include "sbomop/config/BuiltinKeys.h"
#include "sbomop/config/ConfigException.h"
#include "sbomop/jobimage/JobImageBackend.h"
#include "sbomop/jobimage/JobSettings.h"
#include "sbomop/jobimage/JobValueParser.h"
#include <cppunit/extensions/HelperMacros.h>

using namespace sbomop;
using namespace sbomop::jobimage;
using namespace sbomop::jobimage::test;
using config::ConfigException;

namespace {

ConfigException errorOf(const std::map<std::string, std::string>& values)
{
	try
	{
		JobSettings::fromConfig(*configuration(values));
	}
	catch (ConfigException& exc)
	{
		return exc;
	}
	CPPUNIT_FAIL("no ConfigException");
	return ConfigException("unreachable");
}

void assertRejected(const std::string& key, const std::string& value, const std::string& reasonPart)
{
	const ConfigException exc = errorOf({{key, value}});
	CPPUNIT_ASSERT_EQUAL_MESSAGE(value, key, exc.key());
	CPPUNIT_ASSERT_MESSAGE(exc.message(), exc.message().find("for key '" + key + "'") != std::string::npos);
	CPPUNIT_ASSERT_MESSAGE(exc.message() + " lacks " + reasonPart, exc.message().find(reasonPart) != std::string::npos);
}

} // namespace


class JobSettingsTest: public CppUnit::TestFixture
{
	CPPUNIT_TEST_SUITE(JobSettingsTest);
	CPPUNIT_TEST(testDefaults);
	CPPUNIT_TEST(testAllKeysAreRead);
	CPPUNIT_TEST(testBuiltinTableHasTheJobKeys);
	CPPUNIT_TEST(testMissingJobImageIsRejected);
	CPPUNIT_TEST(testInvalidJobImageIsRejected);
	CPPUNIT_TEST(testTimeoutMustBePositive);
	CPPUNIT_TEST(testTtlMustBeMinusOneOrMore);
	CPPUNIT_TEST(testPrivilegedMustBeBoolean);
	CPPUNIT_TEST(testObjectNamesAreChecked);
	CPPUNIT_TEST(testResourcesAreChecked);
	CPPUNIT_TEST(testNodeSelectorIsChecked);
	CPPUNIT_TEST(testTolerationsAreChecked);
	CPPUNIT_TEST(testQuantities);
	CPPUNIT_TEST(testBackendValidateThrowsConfigException);
	CPPUNIT_TEST_SUITE_END();

public:
	void testDefaults()
	{
		const JobSettings settings = JobSettings::fromConfig(*configuration());
		CPPUNIT_ASSERT_EQUAL(std::string("registry.example.com/scanner:1.0"), settings.image);
		CPPUNIT_ASSERT_EQUAL(std::string(), settings.imagePullSecret);
		CPPUNIT_ASSERT_EQUAL(std::string(), settings.serviceAccount);
		CPPUNIT_ASSERT_EQUAL(Poco::Int64(3600), settings.timeoutSeconds);
		CPPUNIT_ASSERT_EQUAL(Poco::Int64(-1), settings.ttlSecondsAfterFinished);
		CPPUNIT_ASSERT_EQUAL(false, settings.privileged);
		CPPUNIT_ASSERT(!settings.resources);
		CPPUNIT_ASSERT(!settings.nodeSelector);
		CPPUNIT_ASSERT(!settings.tolerations);
	}

	void testAllKeysAreRead()
	{
		const JobSettings settings = JobSettings::fromConfig(*configuration({
			{"job-image", "ghcr.io/acme/scan@" + digest('a')}, {"job-image-pull-secret", "pull"}, {"job-service-account", "scan"},
			{"job-timeout", "60"}, {"job-ttl-seconds", "300"}, {"job-privileged", "yes"},
			{"job-resources", "{\"requests\":{\"cpu\":\"1\"}}"}, {"job-node-selector", "{\"a\":\"b\"}"},
			{"job-tolerations", "[{\"operator\":\"Exists\"}]"}}));
		CPPUNIT_ASSERT_EQUAL(std::string("ghcr.io/acme/scan@" + digest('a')), settings.image);
		CPPUNIT_ASSERT_EQUAL(std::string("pull"), settings.imagePullSecret);
		CPPUNIT_ASSERT_EQUAL(std::string("scan"), settings.serviceAccount);
		CPPUNIT_ASSERT_EQUAL(Poco::Int64(60), settings.timeoutSeconds);
		CPPUNIT_ASSERT_EQUAL(Poco::Int64(300), settings.ttlSecondsAfterFinished);
		CPPUNIT_ASSERT_EQUAL(true, settings.privileged);
		CPPUNIT_ASSERT_EQUAL(std::string("{\"requests\":{\"cpu\":\"1\"}}"), stringify(settings.resources));
		CPPUNIT_ASSERT_EQUAL(std::string("{\"a\":\"b\"}"), stringify(settings.nodeSelector));
		CPPUNIT_ASSERT_EQUAL(std::size_t(1), settings.tolerations->size());
	}

	void testBuiltinTableHasTheJobKeys()
	{
		const config::ConfigSchema schema = config::BuiltinKeys::schema();
		const std::vector<std::pair<std::string, std::string>> expected = {
			{"job-service-account", ""}, {"job-resources", ""}, {"job-node-selector", ""}, {"job-tolerations", ""},
			{"job-ttl-seconds", "-1"}, {"job-privileged", "false"}};
		for (const auto& key: expected)
		{
			CPPUNIT_ASSERT_MESSAGE(key.first, schema.has(key.first));
			CPPUNIT_ASSERT_EQUAL_MESSAGE(key.first, std::string("job"), schema.get(key.first).group());
			CPPUNIT_ASSERT_EQUAL_MESSAGE(key.first, key.second, schema.get(key.first).defaultValue());
			CPPUNIT_ASSERT_MESSAGE(key.first, !schema.get(key.first).help().empty());
		}
		CPPUNIT_ASSERT_EQUAL(config::KeyDefinition::BOOL, schema.get("job-privileged").type());
		CPPUNIT_ASSERT_EQUAL(Poco::Int64(-1), schema.get("job-ttl-seconds").minimum());
	}

	void testMissingJobImageIsRejected()
	{
		const ConfigException exc = errorOf({{"job-image", "  "}});
		CPPUNIT_ASSERT_EQUAL(std::string("job-image"), exc.key());
		CPPUNIT_ASSERT_EQUAL(std::string("missing value for key 'job-image': required by backend jobimage"), exc.message());
	}

	void testInvalidJobImageIsRejected()
	{
		assertRejected("job-image", "Registry.Example.com/UPPER:1", "job-image");
		assertRejected("job-image", "nginx:bad tag", "job-image");
	}

	void testTimeoutMustBePositive()
	{
		assertRejected("job-timeout", "0", "out of range");
		assertRejected("job-timeout", "-5", "out of range");
		assertRejected("job-timeout", "1h", "not an integer");
		assertRejected("job-timeout", "2147483648", "out of range");
	}

	void testTtlMustBeMinusOneOrMore()
	{
		assertRejected("job-ttl-seconds", "-2", "out of range");
		assertRejected("job-ttl-seconds", "soon", "not an integer");
		CPPUNIT_ASSERT_EQUAL(Poco::Int64(0), JobSettings::fromConfig(*configuration({{"job-ttl-seconds", "0"}})).ttlSecondsAfterFinished);
	}

	void testPrivilegedMustBeBoolean()
	{
		assertRejected("job-privileged", "maybe", "not a boolean");
	}

	void testObjectNamesAreChecked()
	{
		assertRejected("job-image-pull-secret", "Pull_Secret", "lower case alphanumeric");
		assertRejected("job-service-account", "-scan", "lower case alphanumeric");
		assertRejected("job-service-account", std::string(254, 'a'), "253");
	}

	void testResourcesAreChecked()
	{
		assertRejected("job-resources", "{\"requests\":{\"cpu\":\"1\"},\"claims\":[]}", "unknown field \"claims\"");
		assertRejected("job-resources", "{\"limits\":{\"cpu\":2}}", "limits.cpu: must be a quantity string");
		assertRejected("job-resources", "{\"limits\":{\"memory\":\"lots\"}}", "limits.memory: \"lots\" is not a non-negative quantity");
		assertRejected("job-resources", "{\"requests\":{\"memory\":\"-1Gi\"}}", "is not a non-negative quantity");
		assertRejected("job-resources", "{\"requests\":[\"cpu\"]}", "requests: must be an object");
		assertRejected("job-resources", "[1]", "not a JSON object");
		assertRejected("job-resources", "{\"requests\":", "not valid JSON");
		assertRejected("job-resources", "{\"requests\":{\"bad name!\":\"1\"}}", "not a valid resource name");
	}

	void testNodeSelectorIsChecked()
	{
		assertRejected("job-node-selector", "{\"a\":1}", "must be a string");
		assertRejected("job-node-selector", "{\"a\":\"b c\"}", "value \"b c\"");
		assertRejected("job-node-selector", "disk", "is not a key=value pair");
		assertRejected("job-node-selector", "bad key=x", "key \"bad key\"");
		assertRejected("job-node-selector", "[\"a=b\"]", "key \"[");
		const JobSettings settings = JobSettings::fromConfig(*configuration({{"job-node-selector", " disk = ssd , zone=a "}}));
		CPPUNIT_ASSERT_EQUAL(std::string("{\"disk\":\"ssd\",\"zone\":\"a\"}"), stringify(settings.nodeSelector));
	}

	void testTolerationsAreChecked()
	{
		assertRejected("job-tolerations", "{\"key\":\"a\"}", "not a JSON array");
		assertRejected("job-tolerations", "[\"a\"]", "[0]: must be an object");
		assertRejected("job-tolerations", "[{\"key\":\"a\",\"operater\":\"Exists\"}]", "unknown field \"operater\"");
		assertRejected("job-tolerations", "[{\"key\":\"a\",\"operator\":\"In\"}]", "is not supported");
		assertRejected("job-tolerations", "[{\"value\":\"a\"}]", "must be Exists when key is empty");
		assertRejected("job-tolerations", "[{\"key\":\"a\",\"operator\":\"Exists\",\"value\":\"b\"}]", "must be empty when operator is Exists");
		assertRejected("job-tolerations", "[{\"key\":\"a\",\"effect\":\"Sometimes\"}]", "[0].effect");
		assertRejected("job-tolerations", "[{\"key\":\"a\",\"effect\":\"NoSchedule\",\"tolerationSeconds\":5}]", "requires effect NoExecute");
		assertRejected("job-tolerations", "[{\"key\":\"a\",\"effect\":\"NoExecute\",\"tolerationSeconds\":\"5\"}]", "must be an integer");
		assertRejected("job-tolerations", "[{\"key\":7}]", "[0].key: must be a string");
		assertRejected("job-tolerations", "[{\"key\":\"ok\"},{\"key\":\"no good\"}]", "[1].key");
	}

	void testQuantities()
	{
		for (const char* good: {"1", "0", "500m", "1.5", ".5", "2.", "1Gi", "128Mi", "1e3", "1E-2", "+1", "100k", "2Ei"})
		{
			CPPUNIT_ASSERT_MESSAGE(good, JobValueParser::isQuantity(good));
		}
		for (const char* bad: {"", "-1", "1.2.3", "Gi", "1GB", "1 Gi", "one", "1Ki2", "e3"})
		{
			CPPUNIT_ASSERT_MESSAGE(bad, !JobValueParser::isQuantity(bad));
		}
	}

	void testBackendValidateThrowsConfigException()
	{
		JobImageBackend backend;
		CPPUNIT_ASSERT_NO_THROW(backend.validate(*configuration()));
		CPPUNIT_ASSERT_THROW(backend.validate(*configuration({{"job-tolerations", "nope"}})), ConfigException);
		Poco::AutoPtr<Poco::Util::MapConfiguration> empty = new Poco::Util::MapConfiguration;
		CPPUNIT_ASSERT_THROW(backend.validate(*empty), ConfigException);
	}
};

CPPUNIT_TEST_SUITE_NAMED_REGISTRATION(JobSettingsTest, "JobImage");
