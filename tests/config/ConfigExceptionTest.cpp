//
// ConfigExceptionTest.cpp
//

#include "sbomop/config/ConfigException.h"
#include <cppunit/extensions/HelperMacros.h>
#include <memory>

using sbomop::config::ConfigException;

class ConfigExceptionTest: public CppUnit::TestFixture
{
	CPPUNIT_TEST_SUITE(ConfigExceptionTest);
	CPPUNIT_TEST(testInvalidValueNamesKeySourceReasonAndAllowed);
	CPPUNIT_TEST(testInvalidValueLeavesOutEmptyParts);
	CPPUNIT_TEST(testSecretValueIsMaskedAlsoInsideTheReason);
	CPPUNIT_TEST(testUnknownKeyWithAndWithoutSuggestion);
	CPPUNIT_TEST(testMissingValueNamesWhoNeedsIt);
	CPPUNIT_TEST(testWrongSourceNamesTheEnvironmentVariable);
	CPPUNIT_TEST(testFileErrorNamesFileAndReason);
	CPPUNIT_TEST(testMessageIsAlwaysOneLine);
	CPPUNIT_TEST(testCloneAndRethrowKeepEveryField);
	CPPUNIT_TEST(testIsAnSbomopException);
	CPPUNIT_TEST_SUITE_END();

public:
	void testInvalidValueNamesKeySourceReasonAndAllowed()
	{
		const ConfigException exc = ConfigException::invalidValue("job-timeout", "abc", false, "--job-timeout",
			"not an integer", "integer from 1 to 2147483647 (seconds)");
		CPPUNIT_ASSERT_EQUAL(std::string("invalid value \"abc\" for key 'job-timeout' (from --job-timeout): not an integer; "
			"allowed: integer from 1 to 2147483647 (seconds)"), exc.message());
		CPPUNIT_ASSERT_EQUAL(std::string("job-timeout"), exc.key());
		CPPUNIT_ASSERT_EQUAL(std::string("abc"), exc.displayValue());
		CPPUNIT_ASSERT_EQUAL(std::string("integer from 1 to 2147483647 (seconds)"), exc.allowed());
		CPPUNIT_ASSERT_EQUAL(std::string("--job-timeout"), exc.source());
	}

	void testInvalidValueLeavesOutEmptyParts()
	{
		const ConfigException exc = ConfigException::invalidValue("git-path", "x", false, "", "too long", "");
		CPPUNIT_ASSERT_EQUAL(std::string("invalid value \"x\" for key 'git-path': too long"), exc.message());
	}

	void testSecretValueIsMaskedAlsoInsideTheReason()
	{
		const ConfigException exc = ConfigException::invalidValue("git-password", "hunter2", true, "SBOM_GIT_PASSWORD",
			"'hunter2' contains a forbidden character", "");
		CPPUNIT_ASSERT_EQUAL(std::string("invalid value \"***\" for key 'git-password' (from SBOM_GIT_PASSWORD): "
			"'***' contains a forbidden character"), exc.message());
		CPPUNIT_ASSERT_EQUAL(std::string("***"), exc.displayValue());
		CPPUNIT_ASSERT(exc.displayText().find("hunter2") == std::string::npos);
	}

	void testUnknownKeyWithAndWithoutSuggestion()
	{
		CPPUNIT_ASSERT_EQUAL(std::string("unknown key 'jobtimeout' (from --jobtimeout); did you mean 'job-timeout'?"),
			ConfigException::unknownKey("jobtimeout", "--jobtimeout", "job-timeout").message());
		CPPUNIT_ASSERT_EQUAL(std::string("unknown key 'zzz' (from file /x.properties)"),
			ConfigException::unknownKey("zzz", "file /x.properties", "").message());
	}

	void testMissingValueNamesWhoNeedsIt()
	{
		const ConfigException exc = ConfigException::missingValue("git-repository", "required by target git");
		CPPUNIT_ASSERT_EQUAL(std::string("missing value for key 'git-repository': required by target git"), exc.message());
		CPPUNIT_ASSERT_EQUAL(std::string("git-repository"), exc.key());
	}

	void testWrongSourceNamesTheEnvironmentVariable()
	{
		CPPUNIT_ASSERT_EQUAL(std::string("key 'github-app-private-key' (from --github-app-private-key) can only be set "
			"through the environment variable SBOM_GITHUB_APP_PRIVATE_KEY"),
			ConfigException::wrongSource("github-app-private-key", "--github-app-private-key", "SBOM_GITHUB_APP_PRIVATE_KEY").message());
	}

	void testFileErrorNamesFileAndReason()
	{
		const ConfigException exc = ConfigException::fileError("/etc/x.json", "file not found");
		CPPUNIT_ASSERT_EQUAL(std::string("cannot read config file '/etc/x.json': file not found"), exc.message());
		CPPUNIT_ASSERT_EQUAL(std::string("file /etc/x.json"), exc.source());
	}

	void testMessageIsAlwaysOneLine()
	{
		const ConfigException exc = ConfigException::fileError("/x.xml", "line one\nline two\r\nend");
		CPPUNIT_ASSERT_EQUAL(std::string("cannot read config file '/x.xml': line one line two  end"), exc.message());
		CPPUNIT_ASSERT_EQUAL(std::string("a b"), ConfigException("a\nb").message());
	}

	void testCloneAndRethrowKeepEveryField()
	{
		const ConfigException original = ConfigException::invalidValue("health-port", "70000", false, "SBOM_HEALTH_PORT",
			"out of range", "integer from 0 to 65535");
		std::unique_ptr<Poco::Exception> copy(original.clone());
		try
		{
			copy->rethrow();
			CPPUNIT_FAIL("rethrow() did not throw");
		}
		catch (ConfigException& exc)
		{
			CPPUNIT_ASSERT_EQUAL(original.message(), exc.message());
			CPPUNIT_ASSERT_EQUAL(std::string("health-port"), exc.key());
			CPPUNIT_ASSERT_EQUAL(std::string("70000"), exc.displayValue());
			CPPUNIT_ASSERT_EQUAL(std::string("integer from 0 to 65535"), exc.allowed());
			CPPUNIT_ASSERT_EQUAL(std::string("SBOM_HEALTH_PORT"), exc.source());
		}
	}

	void testIsAnSbomopException()
	{
		CPPUNIT_ASSERT_THROW(throw ConfigException("x"), sbomop::SbomopException);
		CPPUNIT_ASSERT_EQUAL(std::string("Configuration error"), std::string(ConfigException("x").name()));
	}
};

CPPUNIT_TEST_SUITE_NAMED_REGISTRATION(ConfigExceptionTest, "Config");
