//
// ConfigValidatorTest.cpp
//

#include "sbomop/config/BuiltinKeys.h"
#include "sbomop/config/ConfigValidator.h"
#include "ConfigTestSupport.h"
#include <Poco/AutoPtr.h>
#include <Poco/Exception.h>
#include <Poco/Util/MapConfiguration.h>
#include <cppunit/extensions/HelperMacros.h>
#include <stdexcept>

using namespace sbomop::config;
using sbomop::config::test::configErrorOf;
using sbomop::config::test::configMessageOf;

class ConfigValidatorTest: public CppUnit::TestFixture
{
	CPPUNIT_TEST_SUITE(ConfigValidatorTest);
	CPPUNIT_TEST(testNormalizesValuesOfEveryType);
	CPPUNIT_TEST(testRejectsUnknownKeyWithSuggestion);
	CPPUNIT_TEST(testRejectsNonIntegerWithExactMessage);
	CPPUNIT_TEST(testRejectsOutOfRangeIntegers);
	CPPUNIT_TEST(testRejectsNonBoolean);
	CPPUNIT_TEST(testRejectsValueOutsideEnum);
	CPPUNIT_TEST(testRejectsUnknownItemOfEnumList);
	CPPUNIT_TEST(testPerKeyValidatorReasonBecomesPartOfMessage);
	CPPUNIT_TEST(testValidatorExceptionsOfOtherTypesAreWrapped);
	CPPUNIT_TEST(testSecretValueIsMaskedEvenWhenValidatorQuotesIt);
	CPPUNIT_TEST(testValidatorsSeeTheNormalisedValue);
	CPPUNIT_TEST(testValidatesAWholeConfiguration);
	CPPUNIT_TEST(testRequireNonEmptyNamesKeyAndReason);
	CPPUNIT_TEST_SUITE_END();

public:
	void setUp()
	{
		_schema = BuiltinKeys::schema();
	}

	void testNormalizesValuesOfEveryType()
	{
		const ConfigValidator validator(_schema);
		CPPUNIT_ASSERT_EQUAL(std::string("true"), validator.check("once", "YES", "x"));
		CPPUNIT_ASSERT_EQUAL(std::string("false"), validator.check("delete-orphan-images", "0", "x"));
		CPPUNIT_ASSERT_EQUAL(std::string("60"), validator.check("job-timeout", "0060", "x"));
		CPPUNIT_ASSERT_EQUAL(std::string("debug"), validator.check("verbosity", "DEBUG", "x"));
		CPPUNIT_ASSERT_EQUAL(std::string("git,oci"), validator.check("targets", " GIT, oci ,git,", "x"));
		CPPUNIT_ASSERT_EQUAL(std::string("a=b,c=d"), validator.check("registry-proxy", "a=b, ,c=d ", "x"));
		CPPUNIT_ASSERT_EQUAL(std::string(" keep blanks "), validator.check("git-path", " keep blanks ", "x"));
		CPPUNIT_ASSERT_EQUAL(std::string(""), validator.check("targets", "", "x"));
	}

	void testRejectsUnknownKeyWithSuggestion()
	{
		const ConfigValidator validator(_schema);
		const ConfigException exc = configErrorOf([&] { validator.check("jobtimeout", "5", "--jobtimeout"); });
		CPPUNIT_ASSERT_EQUAL(std::string("unknown key 'jobtimeout' (from --jobtimeout); did you mean 'job-timeout'?"), exc.message());
		CPPUNIT_ASSERT_EQUAL(std::string("jobtimeout"), exc.key());
		CPPUNIT_ASSERT_EQUAL(std::string("--jobtimeout"), exc.source());
	}

	void testRejectsNonIntegerWithExactMessage()
	{
		const ConfigValidator validator(_schema);
		const ConfigException exc = configErrorOf([&] { validator.check("job-timeout", "abc", "--job-timeout"); });
		CPPUNIT_ASSERT_EQUAL(std::string("invalid value \"abc\" for key 'job-timeout' (from --job-timeout): not an integer; "
			"allowed: integer from 1 to 2147483647 (seconds)"), exc.message());
		CPPUNIT_ASSERT_EQUAL(std::string("abc"), exc.displayValue());
		CPPUNIT_ASSERT_EQUAL(std::string("integer from 1 to 2147483647 (seconds)"), exc.allowed());
		CPPUNIT_ASSERT_THROW(validator.check("job-timeout", "60s", "x"), ConfigException);
		CPPUNIT_ASSERT_THROW(validator.check("job-timeout", " 60", "x"), ConfigException);
	}

	void testRejectsOutOfRangeIntegers()
	{
		const ConfigValidator validator(_schema);
		CPPUNIT_ASSERT_EQUAL(std::string("invalid value \"0\" for key 'job-timeout' (from SBOM_JOB_TIMEOUT): out of range; "
			"allowed: integer from 1 to 2147483647 (seconds)"),
			configMessageOf([&] { validator.check("job-timeout", "0", "SBOM_JOB_TIMEOUT"); }));
		CPPUNIT_ASSERT_THROW(validator.check("job-timeout", "2147483648", "x"), ConfigException);
		CPPUNIT_ASSERT_EQUAL(std::string("2147483647"), validator.check("job-timeout", "2147483647", "x"));
		CPPUNIT_ASSERT_EQUAL(std::string("invalid value \"99999999999999999999\" for key 'health-port' (from --health-port): "
			"out of range; allowed: integer from 0 to 65535"),
			configMessageOf([&] { validator.check("health-port", "99999999999999999999", "--health-port"); }));
		CPPUNIT_ASSERT_EQUAL(std::string("0"), validator.check("health-port", "0", "x"));
		CPPUNIT_ASSERT_THROW(validator.check("health-port", "-1", "x"), ConfigException);
	}

	void testRejectsNonBoolean()
	{
		const ConfigValidator validator(_schema);
		CPPUNIT_ASSERT_EQUAL(std::string("invalid value \"maybe\" for key 'once' (from --once): not a boolean; "
			"allowed: true, false, yes, no, 1, 0"),
			configMessageOf([&] { validator.check("once", "maybe", "--once"); }));
		CPPUNIT_ASSERT_THROW(validator.check("once", "on", "x"), ConfigException);
		CPPUNIT_ASSERT_THROW(validator.check("once", "", "x"), ConfigException);
	}

	void testRejectsValueOutsideEnum()
	{
		const ConfigValidator validator(_schema);
		CPPUNIT_ASSERT_EQUAL(std::string("invalid value \"loud\" for key 'verbosity' (from file /etc/sbom.properties): "
			"not an allowed value; allowed: one of trace, debug, info, warn, error, fatal"),
			configMessageOf([&] { validator.check("verbosity", "loud", "file /etc/sbom.properties"); }));
	}

	void testRejectsUnknownItemOfEnumList()
	{
		const ConfigValidator validator(_schema);
		CPPUNIT_ASSERT_EQUAL(std::string("invalid value \"git,s3\" for key 'targets' (from SBOM_TARGETS): "
			"'s3' is not an allowed value; allowed: comma-separated list of git, dtrack, oci, configmap"),
			configMessageOf([&] { validator.check("targets", "git,s3", "SBOM_TARGETS"); }));
	}

	void testPerKeyValidatorReasonBecomesPartOfMessage()
	{
		_schema.addValidator("pod-label-selector", [](const std::string& value)
		{
			if (value.find('!') == 0) throw ConfigException("unable to parse requirement: found '!'");
		});
		const ConfigValidator validator(_schema);
		CPPUNIT_ASSERT_EQUAL(std::string("app=web"), validator.check("pod-label-selector", "app=web", "x"));
		const ConfigException exc = configErrorOf([&] { validator.check("pod-label-selector", "!=x", "--pod-label-selector"); });
		CPPUNIT_ASSERT_EQUAL(std::string("invalid value \"!=x\" for key 'pod-label-selector' (from --pod-label-selector): "
			"unable to parse requirement: found '!'"), exc.message());
		CPPUNIT_ASSERT_EQUAL(std::string("pod-label-selector"), exc.key());
	}

	void testValidatorExceptionsOfOtherTypesAreWrapped()
	{
		_schema.addValidator("cron", [](const std::string&) { throw Poco::SyntaxException("expected 5 fields"); });
		_schema.addValidator("kubeconfig", [](const std::string&) { throw std::runtime_error("no such file"); });
		const ConfigValidator validator(_schema);
		CPPUNIT_ASSERT_EQUAL(std::string("invalid value \"* *\" for key 'cron' (from SBOM_CRON): expected 5 fields"),
			configMessageOf([&] { validator.check("cron", "* *", "SBOM_CRON"); }));
		CPPUNIT_ASSERT_EQUAL(std::string("invalid value \"/k\" for key 'kubeconfig' (from --kubeconfig): no such file"),
			configMessageOf([&] { validator.check("kubeconfig", "/k", "--kubeconfig"); }));
	}

	void testSecretValueIsMaskedEvenWhenValidatorQuotesIt()
	{
		_schema.addValidator("git-password", [](const std::string& value)
		{
			if (value.size() < 12) throw ConfigException("'" + value + "' is shorter than 12 characters");
		});
		const ConfigValidator validator(_schema);
		const ConfigException exc = configErrorOf([&] { validator.check("git-password", "hunter2", "SBOM_GIT_PASSWORD"); });
		CPPUNIT_ASSERT_EQUAL(std::string("invalid value \"***\" for key 'git-password' (from SBOM_GIT_PASSWORD): "
			"'***' is shorter than 12 characters"), exc.message());
		CPPUNIT_ASSERT_EQUAL(std::string("***"), exc.displayValue());
		CPPUNIT_ASSERT(exc.displayText().find("hunter2") == std::string::npos);
	}

	void testValidatorsSeeTheNormalisedValue()
	{
		std::string seen;
		_schema.addValidator("targets", [&seen](const std::string& value) { seen = value; });
		const ConfigValidator validator(_schema);
		validator.check("targets", " DTRACK ,git", "x");
		CPPUNIT_ASSERT_EQUAL(std::string("dtrack,git"), seen);
	}

	void testValidatesAWholeConfiguration()
	{
		const ConfigValidator validator(_schema);
		Poco::AutoPtr<Poco::Util::MapConfiguration> config(new Poco::Util::MapConfiguration);
		config->setString("job-timeout", "60");
		config->setString("once", "yes");
		validator.validate(*config, "test configuration");

		config->setString("health-port", "http");
		CPPUNIT_ASSERT_EQUAL(std::string("invalid value \"http\" for key 'health-port' (from test configuration): not an integer; "
			"allowed: integer from 0 to 65535"),
			configMessageOf([&] { validator.validate(*config, "test configuration"); }));

		config->setString("health-port", "9090");
		config->setString("git.branch", "main");
		CPPUNIT_ASSERT_EQUAL(std::string("unknown key 'git.branch' (from test configuration); did you mean 'git-branch'?"),
			configMessageOf([&] { validator.validate(*config, "test configuration"); }));
	}

	void testRequireNonEmptyNamesKeyAndReason()
	{
		Poco::AutoPtr<Poco::Util::MapConfiguration> config(new Poco::Util::MapConfiguration);
		CPPUNIT_ASSERT_EQUAL(std::string("missing value for key 'git-repository': required by target git"),
			configMessageOf([&] { ConfigValidator::requireNonEmpty(*config, "git-repository", "required by target git"); }));
		config->setString("git-repository", "   ");
		CPPUNIT_ASSERT_THROW(ConfigValidator::requireNonEmpty(*config, "git-repository", "required by target git"), ConfigException);
		config->setString("registry-proxy", " , ");
		CPPUNIT_ASSERT_THROW(ConfigValidator::requireNonEmpty(*config, "registry-proxy", "r"), ConfigException);
		config->setString("git-repository", "https://git.example.com/sboms.git");
		ConfigValidator::requireNonEmpty(*config, "git-repository", "required by target git");
		const ConfigException exc = configErrorOf([&] { ConfigValidator::requireNonEmpty(*config, "dtrack-base-url", "required by target dtrack"); });
		CPPUNIT_ASSERT_EQUAL(std::string("dtrack-base-url"), exc.key());
	}

private:
	ConfigSchema _schema;
};

CPPUNIT_TEST_SUITE_NAMED_REGISTRATION(ConfigValidatorTest, "Config");
