//
// ConfigLoaderTest.cpp
//

#include "sbomop/config/BuiltinKeys.h"
#include "sbomop/config/ConfigLoader.h"
#include "ConfigTestSupport.h"
#include "common/Base64Text.h"
#include <Poco/Environment.h>
#include <cppunit/extensions/HelperMacros.h>
#include <sstream>

using namespace sbomop::config;
using sbomop::config::test::TempConfigFile;
using sbomop::config::test::configErrorOf;
using sbomop::config::test::configMessageOf;

namespace
{
	using Environment = std::map<std::string, std::string>;
}


class ConfigLoaderTest: public CppUnit::TestFixture
{
	CPPUNIT_TEST_SUITE(ConfigLoaderTest);
	CPPUNIT_TEST(testPrecedenceOfLayersForStringKey);
	CPPUNIT_TEST(testPrecedenceOfLayersForBoolKey);
	CPPUNIT_TEST(testPrecedenceOfLayersForIntegerKey);
	CPPUNIT_TEST(testPrecedenceOfLayersForListKey);
	CPPUNIT_TEST(testEveryKeyOfTheSchemaIsResolved);
	CPPUNIT_TEST(testRepeatedScalarOptionTakesTheLastValue);
	CPPUNIT_TEST(testUnknownSbomEnvironmentVariablesAreIgnored);
	CPPUNIT_TEST(testEmptyEnvironmentValueCountsAsUnset);
	CPPUNIT_TEST(testValuesThatLoseToAHigherLayerAreNotValidated);
	CPPUNIT_TEST(testPropertiesFile);
	CPPUNIT_TEST(testJsonFileWithArrayForListKey);
	CPPUNIT_TEST(testXmlFileWithRepeatedElementForListKey);
	CPPUNIT_TEST(testIniFile);
	CPPUNIT_TEST(testListInFileForScalarKeyIsRejected);
	CPPUNIT_TEST(testUnknownKeyOnCommandLineSuggestsNearestKey);
	CPPUNIT_TEST(testUnknownKeyInFileNamesTheFile);
	CPPUNIT_TEST(testInvalidValueFromEachLayerNamesItsSource);
	CPPUNIT_TEST(testBareOptionOfNonBooleanKeyIsMissingItsValue);
	CPPUNIT_TEST(testEnvironmentOnlyKeyIsRejectedElsewhereWithoutItsValue);
	CPPUNIT_TEST(testEnvironmentOnlyKeyIsReadFromEnvironment);
	CPPUNIT_TEST(testSecretIsMaskedInValidationError);
	CPPUNIT_TEST(testMissingConfigFileIsReportedByLoad);
	CPPUNIT_TEST(testMalformedConfigFileIsReportedByLoad);
	CPPUNIT_TEST(testBackendDefaultDependsOnJobImage);
	CPPUNIT_TEST(testPeekSeesRawValuesAndDerivedDefaults);
	CPPUNIT_TEST(testPluginKeysAddedAfterLoadingAreResolved);
	CPPUNIT_TEST(testProcessEnvironmentReadsThisProcess);
	CPPUNIT_TEST_SUITE_END();

public:
	void setUp()
	{
		_schema = BuiltinKeys::schema();
	}

	void testPrecedenceOfLayersForStringKey()
	{
		checkPrecedence("git-branch", {"--git-branch=from-cli"}, "from-cli", "from-env", "from-env", "from-file", "from-file", "main");
	}

	void testPrecedenceOfLayersForBoolKey()
	{
		// Bare flag on the command line; the layers alternate so that each pair
		// differs in value or at least in provenance.
		checkPrecedence("once", {"--once"}, "true", "NO", "false", "1", "true", "false");
	}

	void testPrecedenceOfLayersForIntegerKey()
	{
		checkPrecedence("job-timeout", {"--job-timeout", "10"}, "10", "20", "20", "30", "30", "3600");
	}

	void testPrecedenceOfLayersForListKey()
	{
		checkPrecedence("registry-proxy", {"--registry-proxy", "a=cli", "--registry-proxy=b=cli,c=cli"}, "a=cli,b=cli,c=cli",
			" a=env , b=env", "a=env,b=env", "a=file", "a=file", "");
	}

	void testEveryKeyOfTheSchemaIsResolved()
	{
		const ResolvedConfig config = resolve({}, {});
		CPPUNIT_ASSERT_EQUAL(_schema.keys().size(), config.keys().size());
		for (const KeyDefinition& key: _schema.keys())
		{
			CPPUNIT_ASSERT_MESSAGE(key.name(), config.configuration()->hasProperty(key.name()));
			CPPUNIT_ASSERT_EQUAL_MESSAGE(key.name(), Provenance::DEFAULT, config.provenance(key.name()).layer);
		}
		CPPUNIT_ASSERT_EQUAL(std::string("git"), config.value("targets"));
		CPPUNIT_ASSERT_EQUAL(std::string("true"), config.value("delete-orphan-images"));
		CPPUNIT_ASSERT_EQUAL(std::string("default"), config.provenance("targets").source);
	}

	void testRepeatedScalarOptionTakesTheLastValue()
	{
		const ResolvedConfig config = resolve({"--verbosity=debug", "--verbosity", "warn"}, {});
		CPPUNIT_ASSERT_EQUAL(std::string("warn"), config.value("verbosity"));
	}

	void testUnknownSbomEnvironmentVariablesAreIgnored()
	{
		const ResolvedConfig config = resolve({}, {
			{"SBOM_JOB_CUSTOM_SETTING", "x"}, {"SBOM_NOT_A_KEY", "y"}, {"HOME", "/root"},
			{"sbom_job_timeout", "7"}, {"SBOM_job_timeout", "8"}, {"SBOM_JOB_TIMEOUT", "9"}});
		CPPUNIT_ASSERT_EQUAL(std::string("9"), config.value("job-timeout"));
		CPPUNIT_ASSERT_EQUAL(std::string("SBOM_JOB_TIMEOUT"), config.provenance("job-timeout").source);
		CPPUNIT_ASSERT(!config.has("job-custom-setting"));
	}

	void testEmptyEnvironmentValueCountsAsUnset()
	{
		const TempConfigFile file("properties", "git-branch = release\n");
		const ResolvedConfig config = resolve({"--config", file.path()}, {{"SBOM_GIT_BRANCH", ""}, {"SBOM_JOB_TIMEOUT", ""}});
		CPPUNIT_ASSERT_EQUAL(std::string("release"), config.value("git-branch"));
		CPPUNIT_ASSERT_EQUAL(std::string("3600"), config.value("job-timeout"));
	}

	void testValuesThatLoseToAHigherLayerAreNotValidated()
	{
		const TempConfigFile file("properties", "job-timeout = soon\n");
		const ResolvedConfig config = resolve({"--config", file.path()}, {{"SBOM_JOB_TIMEOUT", "5"}});
		CPPUNIT_ASSERT_EQUAL(std::string("5"), config.value("job-timeout"));
	}

	void testPropertiesFile()
	{
		const TempConfigFile file("properties",
			"# example\nverbosity = DEBUG\nonce = yes\njob-timeout = 120\nregistry-proxy = a=b, c=d\ntargets = git,dtrack\n");
		const ResolvedConfig config = resolve({"--config=" + file.path()}, {});
		CPPUNIT_ASSERT_EQUAL(std::string("debug"), config.value("verbosity"));
		CPPUNIT_ASSERT_EQUAL(std::string("true"), config.value("once"));
		CPPUNIT_ASSERT_EQUAL(std::string("120"), config.value("job-timeout"));
		CPPUNIT_ASSERT_EQUAL(std::string("a=b,c=d"), config.value("registry-proxy"));
		CPPUNIT_ASSERT_EQUAL(std::string("git,dtrack"), config.value("targets"));
		CPPUNIT_ASSERT_EQUAL(Provenance::FILE, config.provenance("once").layer);
		CPPUNIT_ASSERT_EQUAL("file " + file.path(), config.provenance("once").source);
	}

	void testJsonFileWithArrayForListKey()
	{
		const TempConfigFile file("json",
			R"({"job-timeout": 90, "ignore-annotations": true, "registry-proxy": ["a=b", "c=d"], "targets": "git, oci", "git-path": null})");
		const ResolvedConfig config = resolve({"--config", file.path()}, {});
		CPPUNIT_ASSERT_EQUAL(std::string("90"), config.value("job-timeout"));
		CPPUNIT_ASSERT_EQUAL(std::string("true"), config.value("ignore-annotations"));
		CPPUNIT_ASSERT_EQUAL(std::string("a=b,c=d"), config.value("registry-proxy"));
		CPPUNIT_ASSERT_EQUAL(std::string("git,oci"), config.value("targets"));
		CPPUNIT_ASSERT_EQUAL(std::string(""), config.value("git-path"));
		CPPUNIT_ASSERT_EQUAL(Provenance::FILE, config.provenance("git-path").layer);
	}

	void testXmlFileWithRepeatedElementForListKey()
	{
		const TempConfigFile file("xml",
			"<sbom-operator><git-branch>xml</git-branch><registry-proxy>a=b</registry-proxy>"
			"<registry-proxy>c=d</registry-proxy><health-port>9090</health-port></sbom-operator>");
		const ResolvedConfig config = resolve({"--config", file.path()}, {});
		CPPUNIT_ASSERT_EQUAL(std::string("xml"), config.value("git-branch"));
		CPPUNIT_ASSERT_EQUAL(std::string("a=b,c=d"), config.value("registry-proxy"));
		CPPUNIT_ASSERT_EQUAL(std::string("9090"), config.value("health-port"));
	}

	void testIniFile()
	{
		const TempConfigFile file("ini", "; example\nverbosity = error\ndelete-orphan-images = no\n");
		const ResolvedConfig config = resolve({"--config", file.path()}, {});
		CPPUNIT_ASSERT_EQUAL(std::string("error"), config.value("verbosity"));
		CPPUNIT_ASSERT_EQUAL(std::string("false"), config.value("delete-orphan-images"));
	}

	void testListInFileForScalarKeyIsRejected()
	{
		const TempConfigFile json("json", R"({"job-timeout": [60, 120]})");
		CPPUNIT_ASSERT_EQUAL("invalid value \"60,120\" for key 'job-timeout' (from file " + json.path() + "): "
			"a list is not allowed for this key; allowed: integer from 1 to 2147483647 (seconds)",
			configMessageOf([&] { resolve({"--config", json.path()}, {}); }));
		const TempConfigFile xml("xml", "<c><git-branch>a</git-branch><git-branch>b</git-branch></c>");
		CPPUNIT_ASSERT_EQUAL("invalid value \"a,b\" for key 'git-branch' (from file " + xml.path() + "): a list is not allowed for this key",
			configMessageOf([&] { resolve({"--config", xml.path()}, {}); }));
	}

	void testUnknownKeyOnCommandLineSuggestsNearestKey()
	{
		const ConfigException exc = configErrorOf([&] { resolve({"--jobtimeout=60"}, {}); });
		CPPUNIT_ASSERT_EQUAL(std::string("unknown key 'jobtimeout' (from --jobtimeout); did you mean 'job-timeout'?"), exc.message());
		CPPUNIT_ASSERT_EQUAL(std::string("jobtimeout"), exc.key());
		// No abbreviations: a prefix of a key is unknown too.
		CPPUNIT_ASSERT_EQUAL(std::string("unknown key 'job-time' (from --job-time); did you mean 'job-timeout'?"),
			configMessageOf([&] { resolve({"--job-time", "60"}, {}); }));
	}

	void testUnknownKeyInFileNamesTheFile()
	{
		const TempConfigFile file("properties", "git-brnch = main\n");
		CPPUNIT_ASSERT_EQUAL("unknown key 'git-brnch' (from file " + file.path() + "); did you mean 'git-branch'?",
			configMessageOf([&] { resolve({"--config", file.path()}, {}); }));
		const TempConfigFile nested("json", R"({"dtrack": {"base-url": "https://x"}})");
		CPPUNIT_ASSERT_EQUAL("unknown key 'dtrack.base-url' (from file " + nested.path() + "); did you mean 'dtrack-base-url'?",
			configMessageOf([&] { resolve({"--config", nested.path()}, {}); }));
	}

	void testInvalidValueFromEachLayerNamesItsSource()
	{
		CPPUNIT_ASSERT_EQUAL(std::string("invalid value \"abc\" for key 'job-timeout' (from --job-timeout): not an integer; "
			"allowed: integer from 1 to 2147483647 (seconds)"),
			configMessageOf([&] { resolve({"--job-timeout", "abc"}, {}); }));
		CPPUNIT_ASSERT_EQUAL(std::string("invalid value \"0\" for key 'job-timeout' (from SBOM_JOB_TIMEOUT): out of range; "
			"allowed: integer from 1 to 2147483647 (seconds)"),
			configMessageOf([&] { resolve({}, {{"SBOM_JOB_TIMEOUT", "0"}}); }));
		const TempConfigFile file("properties", "dtrack-kubernetes-cluster-id-mode = suffix\n");
		CPPUNIT_ASSERT_EQUAL("invalid value \"suffix\" for key 'dtrack-kubernetes-cluster-id-mode' (from file " + file.path()
			+ "): not an allowed value; allowed: one of tag, prefix",
			configMessageOf([&] { resolve({"--config", file.path()}, {}); }));
		CPPUNIT_ASSERT_EQUAL(std::string("invalid value \"sometimes\" for key 'once' (from --once): not a boolean; "
			"allowed: true, false, yes, no, 1, 0"),
			configMessageOf([&] { resolve({"--once=sometimes"}, {}); }));
		CPPUNIT_ASSERT_EQUAL(std::string("invalid value \"git,s3\" for key 'targets' (from SBOM_TARGETS): 's3' is not an allowed value; "
			"allowed: comma-separated list of git, dtrack, oci, configmap"),
			configMessageOf([&] { resolve({}, {{"SBOM_TARGETS", "git,s3"}}); }));
	}

	void testBareOptionOfNonBooleanKeyIsMissingItsValue()
	{
		const ConfigException exc = configErrorOf([&] { resolve({"--once", "--job-timeout"}, {}); });
		CPPUNIT_ASSERT_EQUAL(std::string("missing value for key 'job-timeout' (from --job-timeout): "
			"write --job-timeout=VALUE or --job-timeout VALUE"), exc.message());
		CPPUNIT_ASSERT_EQUAL(std::string("job-timeout"), exc.key());
		CPPUNIT_ASSERT_EQUAL(std::string("integer from 1 to 2147483647 (seconds)"), exc.allowed());
	}

	void testEnvironmentOnlyKeyIsRejectedElsewhereWithoutItsValue()
	{
		const std::string fromCli = configMessageOf([&] { resolve({"--github-app-private-key=LS0tLS1CRUdJTg=="}, {}); });
		CPPUNIT_ASSERT_EQUAL(std::string("key 'github-app-private-key' (from --github-app-private-key) can only be set "
			"through the environment variable SBOM_GITHUB_APP_PRIVATE_KEY"), fromCli);
		const TempConfigFile file("properties", "github-app-private-key = LS0tLS1CRUdJTg==\n");
		const std::string fromFile = configMessageOf([&] { resolve({"--config", file.path()}, {}); });
		CPPUNIT_ASSERT_EQUAL("key 'github-app-private-key' (from file " + file.path() + ") can only be set "
			"through the environment variable SBOM_GITHUB_APP_PRIVATE_KEY", fromFile);
	}

	void testEnvironmentOnlyKeyIsReadFromEnvironment()
	{
		const std::string encoded = sbomop::testcommon::base64("-----BEGIN PRIVATE KEY-----\nMIIB\n-----END PRIVATE KEY-----\n");
		const ResolvedConfig config = resolve({}, {{"SBOM_GITHUB_APP_PRIVATE_KEY", encoded}});
		CPPUNIT_ASSERT_EQUAL(encoded, config.value("github-app-private-key"));
		CPPUNIT_ASSERT_EQUAL(Provenance::ENVIRONMENT, config.provenance("github-app-private-key").layer);
	}

	void testSecretIsMaskedInValidationError()
	{
		_schema.addValidator("oci-token", [](const std::string& value)
		{
			throw ConfigException("token '" + value + "' has expired");
		});
		const ConfigException exc = configErrorOf([&] { resolve({"--oci-token=tok-1234"}, {}); });
		CPPUNIT_ASSERT_EQUAL(std::string("invalid value \"***\" for key 'oci-token' (from --oci-token): token '***' has expired"), exc.message());
		CPPUNIT_ASSERT_EQUAL(std::string("***"), exc.displayValue());
		CPPUNIT_ASSERT(exc.displayText().find("tok-1234") == std::string::npos);
	}

	void testMissingConfigFileIsReportedByLoad()
	{
		ConfigLoader loader(_schema);
		CPPUNIT_ASSERT_EQUAL(std::string("cannot read config file '/nonexistent/sbom-operator.properties': file not found"),
			configMessageOf([&] { loader.load(CommandLine::parse({"--config", "/nonexistent/sbom-operator.properties"}), {}); }));
	}

	void testMalformedConfigFileIsReportedByLoad()
	{
		const TempConfigFile file("json", "{\"once\": ");
		ConfigLoader loader(_schema);
		const std::string message = configMessageOf([&] { loader.load(CommandLine::parse({"--config", file.path()}), {}); });
		const std::string prefix = "cannot read config file '" + file.path() + "': malformed JSON: ";
		CPPUNIT_ASSERT_EQUAL(prefix, message.substr(0, prefix.size()));
	}

	void testBackendDefaultDependsOnJobImage()
	{
		CPPUNIT_ASSERT_EQUAL(std::string("syft"), resolve({}, {}).value("backend"));
		const ResolvedConfig withJob = resolve({}, {{"SBOM_JOB_IMAGE", "registry.example.com/job:1"}});
		CPPUNIT_ASSERT_EQUAL(std::string("jobimage"), withJob.value("backend"));
		CPPUNIT_ASSERT_EQUAL(Provenance::DEFAULT, withJob.provenance("backend").layer);
		CPPUNIT_ASSERT_EQUAL(std::string("syft"),
			resolve({"--backend=syft"}, {{"SBOM_JOB_IMAGE", "registry.example.com/job:1"}}).value("backend"));
	}

	void testPeekSeesRawValuesAndDerivedDefaults()
	{
		ConfigLoader loader(_schema);
		loader.load(CommandLine::parse({"--job-timeout=soon"}), {{"SBOM_JOB_IMAGE", "registry.example.com/job:1"}});
		CPPUNIT_ASSERT_EQUAL(std::string("jobimage"), loader.peek("backend"));
		CPPUNIT_ASSERT_EQUAL(std::string("soon"), loader.peek("job-timeout"));
		CPPUNIT_ASSERT_EQUAL(std::string("main"), loader.peek("git-branch"));
		CPPUNIT_ASSERT_EQUAL(std::string(""), loader.peek("no-such-key"));
		loader.load(CommandLine::parse({}), {});
		CPPUNIT_ASSERT_EQUAL(std::string("syft"), loader.peek("backend"));
	}

	void testPluginKeysAddedAfterLoadingAreResolved()
	{
		ConfigLoader loader(_schema);
		loader.load(CommandLine::parse({"--syft-parallelism", "4"}), {{"SBOM_SYFT_DEBUG", "yes"}});
		CPPUNIT_ASSERT_EQUAL(std::string("4"), loader.peek("syft-parallelism"));
		CPPUNIT_ASSERT_EQUAL(std::string("yes"), loader.peek("syft-debug"));
		const ConfigException before = configErrorOf([&] { loader.resolve(); });
		CPPUNIT_ASSERT_EQUAL(std::string("syft-parallelism"), before.key());

		_schema.add(KeyDefinition::integerKey("syft-parallelism", "syft", 2, 1, 64, "Images scanned at the same time."));
		_schema.add(KeyDefinition::boolKey("syft-debug", "syft", false, "Log Syft's own output."));
		_schema.add(KeyDefinition::stringKey("syft-binary", "syft", "syft", "Syft executable."));
		const ResolvedConfig config = loader.resolve();
		CPPUNIT_ASSERT_EQUAL(std::string("4"), config.value("syft-parallelism"));
		CPPUNIT_ASSERT_EQUAL(std::string("true"), config.value("syft-debug"));
		CPPUNIT_ASSERT_EQUAL(std::string("SBOM_SYFT_DEBUG"), config.provenance("syft-debug").source);
		CPPUNIT_ASSERT_EQUAL(std::string("syft"), config.value("syft-binary"));
	}

	void testProcessEnvironmentReadsThisProcess()
	{
		Poco::Environment::set("SBOM_CONFIG_SUITE_PROBE", "probe=value");
		const Environment environment = ConfigLoader::processEnvironment();
		auto it = environment.find("SBOM_CONFIG_SUITE_PROBE");
		CPPUNIT_ASSERT(it != environment.end());
		CPPUNIT_ASSERT_EQUAL(std::string("probe=value"), it->second);
	}

private:
	ResolvedConfig resolve(const std::vector<std::string>& args, const Environment& environment)
	{
		ConfigLoader loader(_schema);
		return loader.load(CommandLine::parse(args, _schema), environment).resolve();
	}

	void checkPrecedence(const std::string& key, const std::vector<std::string>& cliArgs, const std::string& cliExpected,
		const std::string& envValue, const std::string& envExpected,
		const std::string& fileValue, const std::string& fileExpected, const std::string& defaultExpected)
	{
		const std::string envName = KeyDefinition::envNameOf(key);
		const TempConfigFile file("properties", key + " = " + fileValue + "\n");
		const std::string fileSource = "file " + file.path();

		// Every combination of the three explicit layers, and the expected winner.
		for (int mask = 0; mask < 8; ++mask)
		{
			const bool useCli = mask & 4;
			const bool useEnv = mask & 2;
			const bool useFile = mask & 1;
			std::vector<std::string> args = useCli ? cliArgs : std::vector<std::string>();
			if (useFile) args.push_back("--config=" + file.path());
			Environment environment;
			if (useEnv) environment[envName] = envValue;

			const ResolvedConfig config = resolve(args, environment);
			const std::string context = key + " with layers " + std::to_string(mask);
			const Provenance& provenance = config.provenance(key);
			if (useCli)
			{
				CPPUNIT_ASSERT_EQUAL_MESSAGE(context, cliExpected, config.value(key));
				CPPUNIT_ASSERT_EQUAL_MESSAGE(context, Provenance::COMMAND_LINE, provenance.layer);
				CPPUNIT_ASSERT_EQUAL_MESSAGE(context, "--" + key, provenance.source);
			}
			else if (useEnv)
			{
				CPPUNIT_ASSERT_EQUAL_MESSAGE(context, envExpected, config.value(key));
				CPPUNIT_ASSERT_EQUAL_MESSAGE(context, Provenance::ENVIRONMENT, provenance.layer);
				CPPUNIT_ASSERT_EQUAL_MESSAGE(context, envName, provenance.source);
			}
			else if (useFile)
			{
				CPPUNIT_ASSERT_EQUAL_MESSAGE(context, fileExpected, config.value(key));
				CPPUNIT_ASSERT_EQUAL_MESSAGE(context, Provenance::FILE, provenance.layer);
				CPPUNIT_ASSERT_EQUAL_MESSAGE(context, fileSource, provenance.source);
			}
			else
			{
				CPPUNIT_ASSERT_EQUAL_MESSAGE(context, defaultExpected, config.value(key));
				CPPUNIT_ASSERT_EQUAL_MESSAGE(context, Provenance::DEFAULT, provenance.layer);
				CPPUNIT_ASSERT_EQUAL_MESSAGE(context, std::string("default"), provenance.source);
			}
		}
	}

	ConfigSchema _schema;
};

CPPUNIT_TEST_SUITE_NAMED_REGISTRATION(ConfigLoaderTest, "Config");
