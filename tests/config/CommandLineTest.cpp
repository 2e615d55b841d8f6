//
// CommandLineTest.cpp
//

#include "sbomop/config/CommandLine.h"
#include "ConfigTestSupport.h"
#include <cppunit/extensions/HelperMacros.h>

using namespace sbomop::config;
using sbomop::config::test::configMessageOf;

class CommandLineTest: public CppUnit::TestFixture
{
	CPPUNIT_TEST_SUITE(CommandLineTest);
	CPPUNIT_TEST(testEmptyCommandLine);
	CPPUNIT_TEST(testEqualsAndSeparateValueForms);
	CPPUNIT_TEST(testValueMayContainEqualsOrBeEmpty);
	CPPUNIT_TEST(testBareBooleanOptionDoesNotTakeTheNextArgument);
	CPPUNIT_TEST(testOptionFollowedByOptionIsBare);
	CPPUNIT_TEST(testValueMayStartWithASingleDash);
	CPPUNIT_TEST(testRepeatedOptionsAreKeptInOrder);
	CPPUNIT_TEST(testUnknownKeysAreKeptForLaterValidation);
	CPPUNIT_TEST(testAbbreviationsAreNotExpanded);
	CPPUNIT_TEST(testHelpAndVersion);
	CPPUNIT_TEST(testHelpAndVersionTakeNoValue);
	CPPUNIT_TEST(testConfigFileInBothForms);
	CPPUNIT_TEST(testConfigFileMustBeGivenOnceWithAName);
	CPPUNIT_TEST(testPositionalArgumentIsRejected);
	CPPUNIT_TEST(testPositionalAfterBareBooleanExplainsTheEqualsForm);
	CPPUNIT_TEST(testStrayArgumentAfterSecretOptionIsMasked);
	CPPUNIT_TEST(testSingleDashOptionIsRejectedWithoutItsValue);
	CPPUNIT_TEST(testDoubleDashAloneIsRejected);
	CPPUNIT_TEST_SUITE_END();

public:
	void testEmptyCommandLine()
	{
		const CommandLine cl = CommandLine::parse({});
		CPPUNIT_ASSERT(!cl.helpRequested());
		CPPUNIT_ASSERT(!cl.versionRequested());
		CPPUNIT_ASSERT(cl.configFile().empty());
		CPPUNIT_ASSERT(cl.options().empty());
	}

	void testEqualsAndSeparateValueForms()
	{
		const CommandLine cl = CommandLine::parse({"--job-timeout=60", "--git-branch", "develop"});
		CPPUNIT_ASSERT_EQUAL(std::size_t(2), cl.options().size());
		CPPUNIT_ASSERT_EQUAL(std::string("job-timeout"), cl.options()[0].key);
		CPPUNIT_ASSERT_EQUAL(std::string("60"), cl.options()[0].value);
		CPPUNIT_ASSERT(cl.options()[0].hasValue);
		CPPUNIT_ASSERT_EQUAL(std::string("git-branch"), cl.options()[1].key);
		CPPUNIT_ASSERT_EQUAL(std::string("develop"), cl.options()[1].value);
		CPPUNIT_ASSERT(cl.has("git-branch"));
		CPPUNIT_ASSERT(!cl.has("git"));
	}

	void testValueMayContainEqualsOrBeEmpty()
	{
		const CommandLine cl = CommandLine::parse({"--registry-proxy=docker.io=mirror", "--git-path="});
		CPPUNIT_ASSERT_EQUAL(std::string("docker.io=mirror"), cl.options()[0].value);
		CPPUNIT_ASSERT_EQUAL(std::string(""), cl.options()[1].value);
		CPPUNIT_ASSERT(cl.options()[1].hasValue);
	}

	void testBareBooleanOptionDoesNotTakeTheNextArgument()
	{
		const CommandLine cl = CommandLine::parse({"--once", "--job-timeout", "5", "--ignore-annotations"});
		CPPUNIT_ASSERT_EQUAL(std::size_t(3), cl.options().size());
		CPPUNIT_ASSERT_EQUAL(std::string("once"), cl.options()[0].key);
		CPPUNIT_ASSERT(!cl.options()[0].hasValue);
		CPPUNIT_ASSERT_EQUAL(std::string("5"), cl.options()[1].value);
		CPPUNIT_ASSERT(!cl.options()[2].hasValue);
	}

	void testOptionFollowedByOptionIsBare()
	{
		const CommandLine cl = CommandLine::parse({"--git-branch", "--once"});
		CPPUNIT_ASSERT_EQUAL(std::size_t(2), cl.options().size());
		CPPUNIT_ASSERT_EQUAL(std::string("git-branch"), cl.options()[0].key);
		CPPUNIT_ASSERT(!cl.options()[0].hasValue);
		const CommandLine last = CommandLine::parse({"--job-image"});
		CPPUNIT_ASSERT(!last.options()[0].hasValue);
	}

	void testValueMayStartWithASingleDash()
	{
		const CommandLine cl = CommandLine::parse({"--job-timeout", "-5"});
		CPPUNIT_ASSERT_EQUAL(std::string("-5"), cl.options()[0].value);
	}

	void testRepeatedOptionsAreKeptInOrder()
	{
		const CommandLine cl = CommandLine::parse({"--registry-proxy", "a=b", "--once", "--registry-proxy=c=d"});
		const std::vector<std::string> values = cl.values("registry-proxy");
		CPPUNIT_ASSERT_EQUAL(std::size_t(2), values.size());
		CPPUNIT_ASSERT_EQUAL(std::string("a=b"), values[0]);
		CPPUNIT_ASSERT_EQUAL(std::string("c=d"), values[1]);
	}

	void testUnknownKeysAreKeptForLaterValidation()
	{
		// A backend plugin may declare syft-parallelism after the command line is parsed.
		const CommandLine cl = CommandLine::parse({"--syft-parallelism", "4", "--syft-debug"});
		CPPUNIT_ASSERT_EQUAL(std::string("syft-parallelism"), cl.options()[0].key);
		CPPUNIT_ASSERT_EQUAL(std::string("4"), cl.options()[0].value);
		CPPUNIT_ASSERT_EQUAL(std::string("syft-debug"), cl.options()[1].key);
		CPPUNIT_ASSERT(!cl.options()[1].hasValue);
	}

	void testAbbreviationsAreNotExpanded()
	{
		const CommandLine cl = CommandLine::parse({"--job-time=5", "--verb", "debug"});
		CPPUNIT_ASSERT_EQUAL(std::string("job-time"), cl.options()[0].key);
		CPPUNIT_ASSERT_EQUAL(std::string("verb"), cl.options()[1].key);
		CPPUNIT_ASSERT(!cl.has("job-timeout"));
		CPPUNIT_ASSERT(!cl.has("verbosity"));
	}

	void testHelpAndVersion()
	{
		CPPUNIT_ASSERT(CommandLine::parse({"--help"}).helpRequested());
		CPPUNIT_ASSERT(CommandLine::parse({"-h"}).helpRequested());
		CPPUNIT_ASSERT(CommandLine::parse({"--version"}).versionRequested());
		const CommandLine cl = CommandLine::parse({"--once", "-h", "--version"});
		CPPUNIT_ASSERT(cl.helpRequested());
		CPPUNIT_ASSERT(cl.versionRequested());
		CPPUNIT_ASSERT_EQUAL(std::size_t(1), cl.options().size());
	}

	void testHelpAndVersionTakeNoValue()
	{
		CPPUNIT_ASSERT_EQUAL(std::string("option '--help' does not take a value"),
			configMessageOf([] { CommandLine::parse({"--help=all"}); }));
		CPPUNIT_ASSERT_EQUAL(std::string("option '--version' does not take a value"),
			configMessageOf([] { CommandLine::parse({"--version=1"}); }));
	}

	void testConfigFileInBothForms()
	{
		CPPUNIT_ASSERT_EQUAL(std::string("/etc/sbom/a.properties"), CommandLine::parse({"--config", "/etc/sbom/a.properties"}).configFile());
		const CommandLine cl = CommandLine::parse({"--config=b.json", "--once"});
		CPPUNIT_ASSERT_EQUAL(std::string("b.json"), cl.configFile());
		CPPUNIT_ASSERT_EQUAL(std::size_t(1), cl.options().size());
	}

	void testConfigFileMustBeGivenOnceWithAName()
	{
		const std::string missing = "missing value for option '--config': expected a file name";
		CPPUNIT_ASSERT_EQUAL(missing, configMessageOf([] { CommandLine::parse({"--config"}); }));
		CPPUNIT_ASSERT_EQUAL(missing, configMessageOf([] { CommandLine::parse({"--config", "--once"}); }));
		CPPUNIT_ASSERT_EQUAL(missing, configMessageOf([] { CommandLine::parse({"--config="}); }));
		CPPUNIT_ASSERT_EQUAL(std::string("option '--config' given more than once"),
			configMessageOf([] { CommandLine::parse({"--config=a.json", "--config", "b.json"}); }));
	}

	void testPositionalArgumentIsRejected()
	{
		const ConfigException exc = sbomop::config::test::configErrorOf([] { CommandLine::parse({"--job-timeout=5", "scan"}); });
		CPPUNIT_ASSERT_EQUAL(std::string("unexpected argument 'scan': positional arguments are not accepted"), exc.message());
		CPPUNIT_ASSERT_THROW(CommandLine::parse({"-"}), ConfigException);
	}

	void testPositionalAfterBareBooleanExplainsTheEqualsForm()
	{
		CPPUNIT_ASSERT_EQUAL(std::string("unexpected argument 'false': positional arguments are not accepted "
			"(write --ignore-annotations=<true|false> to set a boolean)"),
			configMessageOf([] { CommandLine::parse({"--ignore-annotations", "false"}); }));
	}

	void testStrayArgumentAfterSecretOptionIsMasked()
	{
		const std::string message = configMessageOf([] { CommandLine::parse({"--git-password", "=", "hunter2"}); });
		CPPUNIT_ASSERT_EQUAL(std::string("unexpected argument '***': positional arguments are not accepted"), message);
	}

	void testSingleDashOptionIsRejectedWithoutItsValue()
	{
		CPPUNIT_ASSERT_EQUAL(std::string("unknown option '-x': options are written --key or --key=value"),
			configMessageOf([] { CommandLine::parse({"-x"}); }));
		const std::string message = configMessageOf([] { CommandLine::parse({"-git-password=hunter2"}); });
		CPPUNIT_ASSERT_EQUAL(std::string("unknown option '-git-password': options are written --key or --key=value"), message);
	}

	void testDoubleDashAloneIsRejected()
	{
		CPPUNIT_ASSERT_EQUAL(std::string("unexpected argument '--': positional arguments are not accepted"),
			configMessageOf([] { CommandLine::parse({"--"}); }));
	}
};

CPPUNIT_TEST_SUITE_NAMED_REGISTRATION(CommandLineTest, "Config");
