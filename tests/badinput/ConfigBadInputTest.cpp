//
// ConfigBadInputTest.cpp
//
// Malformed configuration values: type, range, enum, label selectors, cron
// expressions, registry proxies, job tolerations and resources, format and
// format version. Each is rejected with a ConfigException whose message
// names the key, the value (masked for secrets), the source and the reason.
//

#include "BadInputTable.h"
#include "sbomop/app/HostValidators.h"
#include "sbomop/config/BuiltinKeys.h"
#include "sbomop/config/ConfigException.h"
#include "sbomop/config/ConfigSchema.h"
#include "sbomop/config/ConfigValidator.h"
#include "sbomop/jobimage/JobSettings.h"
#include "sbomop/targets/SbomFormat.h"
#include <Poco/AutoPtr.h>
#include <Poco/Util/MapConfiguration.h>
#include <vector>

using sbomop::config::ConfigException;
using sbomop::testing::rejectionOf;

namespace {

struct ConfigRow
{
	const char* key;
	std::string value;
	std::string expected;
};


std::string invalid(const std::string& key, const std::string& value, const std::string& reason, const std::string& allowed)
	// The message shape of ConfigException::invalidValue with a source.
{
	return "invalid value \"" + value + "\" for key '" + key + "' (from --" + key + "): " + reason + (allowed.empty() ? "" : "; allowed: " + allowed);
}


std::string invalidJobValue(const std::string& key, const std::string& value, const std::string& reason, const std::string& allowed)
	// The same without a source: the job keys are checked after merging.
{
	return "invalid value \"" + value + "\" for key '" + key + "': " + reason + "; allowed: " + allowed;
}

} // namespace


class ConfigBadInputTest: public CppUnit::TestFixture
{
	CPPUNIT_TEST_SUITE(ConfigBadInputTest);
	CPPUNIT_TEST(testRejectsEveryMalformedOperatorValue);
	CPPUNIT_TEST(testRejectsEveryMalformedJobValue);
	CPPUNIT_TEST(testRejectsUnknownFormatVersions);
	CPPUNIT_TEST(testOneBadKeyIsReportedAloneAndGoodValuesStillPass);
	CPPUNIT_TEST_SUITE_END();

public:
	void setUp()
	{
		_schema = sbomop::config::BuiltinKeys::schema();
		sbomop::app::HostValidators::addTo(_schema);
	}

	void testRejectsEveryMalformedOperatorValue()
	{
		const std::string seconds = "integer from 1 to 2147483647 (seconds)";
		const std::string proxyAllowed = "comma-separated list of SOURCE=TARGET registry host pairs";
		const std::vector<ConfigRow> rows = {
			{"job-timeout", "abc", invalid("job-timeout", "abc", "not an integer", seconds)},
			{"job-timeout", "60s", invalid("job-timeout", "60s", "not an integer", seconds)},
			{"syft-timeout", "1.5", invalid("syft-timeout", "1.5", "not an integer", "integer from 1 to 86400 (seconds)")},
			{"job-timeout", "0", invalid("job-timeout", "0", "out of range", seconds)},
			{"job-timeout", "-5", invalid("job-timeout", "-5", "out of range", seconds)},
			{"job-timeout", "99999999999", invalid("job-timeout", "99999999999", "out of range", seconds)},
			{"job-timeout", "99999999999999999999999", invalid("job-timeout", "99999999999999999999999", "out of range", seconds)},
			{"scan-concurrency", "65", invalid("scan-concurrency", "65", "out of range", "integer from 1 to 64")},
			{"job-ttl-seconds", "-2", invalid("job-ttl-seconds", "-2", "out of range", "integer from -1 to 2147483647 (seconds)")},
			{"leader-elect-lease-duration", "0", invalid("leader-elect-lease-duration", "0", "out of range", "integer from 1 to 3600")},
			{"once", "maybe", invalid("once", "maybe", "not a boolean", "true, false, yes, no, 1, 0")},
			{"verbosity", "loud", invalid("verbosity", "loud", "not an allowed value", "one of trace, debug, info, warn, error, fatal")},
			{"leader-elect", "yes", invalid("leader-elect", "yes", "not an allowed value", "one of auto, true, false")},
			{"targets", "git,s3", invalid("targets", "git,s3", "'s3' is not an allowed value", "comma-separated list of git, dtrack, oci, configmap")},
			{"format", "pdf", invalid("format", "pdf", "not an allowed value", "one of json, syftjson, cyclonedxjson, cyclonedx, cyclone, "
				"cyclonedxxml, spdxjson, spdx, spdxtv, spdxtagvalue, github, githubjson, text, table")},
			{"pod-label-selector", "a=b c", invalid("pod-label-selector", "a=b c", "not a valid label selector: found 'c', expected: ',' or 'end of string'", "")},
			{"pod-label-selector", "a in (b,c", invalid("pod-label-selector", "a in (b,c",
				"not a valid label selector: unable to parse requirement: found '', expected: ',' or ')'", "")},
			{"namespace-label-selector", "-x", invalid("namespace-label-selector", "-x",
				"not a valid label selector: unable to parse requirement: <nil>: Invalid value: \"-x\": name part must consist of alphanumeric "
				"characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or "
				"'123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')", "")},
			{"cron", "0 0 0 30 2 *", invalid("cron", "0 0 0 30 2 *", "not a valid cron expression: \"0 0 0 30 2 *\": the expression never matches a date", "")},
			{"cron", "* *", invalid("cron", "* *", "not a valid cron expression: \"* *\": expected 5 or 6 fields, found 2", "")},
			{"cron", "61 * * * * *", invalid("cron", "61 * * * * *", "not a valid cron expression: \"61 * * * * *\": second field \"61\": 61 is above the maximum 59", "")},
			{"cron", "@every 0s", invalid("cron", "@every 0s", "not a valid cron expression: \"@every 0s\": interval \"0s\" must be at least one second", "")},
			{"cron", "@fortnightly", invalid("cron", "@fortnightly", "not a valid cron expression: \"@fortnightly\": unknown descriptor \"@fortnightly\"", "")},
			{"cron", "CRON_TZ=Europe/Berlin @daily", invalid("cron", "CRON_TZ=Europe/Berlin @daily", "not a valid cron expression: "
				"\"CRON_TZ=Europe/Berlin @daily\": unsupported time zone \"Europe/Berlin\" (supported: UTC, Etc/UTC, GMT, Local)", "")},
			{"registry-proxy", "docker.io", invalid("registry-proxy", "docker.io", "'docker.io' is not a SOURCE=TARGET pair", proxyAllowed)},
			{"registry-proxy", "=mirror", invalid("registry-proxy", "=mirror", "'=mirror' is not a SOURCE=TARGET pair", proxyAllowed)},
			{"registry-proxy", "docker.io=", invalid("registry-proxy", "docker.io=", "'docker.io=' is not a SOURCE=TARGET pair", proxyAllowed)},
			{"registry-proxy", "https://docker.io=mirror.example.com", invalid("registry-proxy", "https://docker.io=mirror.example.com",
				"not a valid registry proxy list: \"https://docker.io=mirror.example.com\": invalid source registry \"https://docker.io\" (expected host[:port])",
				proxyAllowed)},
			{"exclude-images", "[abc", invalid("exclude-images", "[abc", "not a valid image pattern list: \"[abc\": unterminated character class",
				"comma-separated list of glob patterns")},
			{"platform", "linux", invalid("platform", "linux", "not an os/arch[/variant] platform such as linux/amd64 or linux/arm64/v8",
				"os/arch[/variant], e.g. linux/amd64 or linux/arm64/v8")},
			{"github-api-url", "ftp://x", invalid("github-api-url", "ftp://x", "not an http:// or https:// URL", "an http:// or https:// URL")},
			{"jobtimeout", "5", "unknown key 'jobtimeout' (from --jobtimeout); did you mean 'job-timeout'?"},
		};
		const sbomop::config::ConfigValidator validator(_schema);
		for (const ConfigRow& row: rows)
		{
			const std::string what = std::string(row.key) + "=" + row.value;
			CPPUNIT_ASSERT_EQUAL_MESSAGE(what, row.expected,
				rejectionOf<ConfigException>([&] { validator.check(row.key, row.value, std::string("--") + row.key); }));
		}
	}

	void testRejectsEveryMalformedJobValue()
	{
		const std::string tolerations = "a JSON array of objects with key, operator (Equal, Exists), value, effect and tolerationSeconds";
		const std::string resources = "a JSON object with only \"requests\" and \"limits\", each mapping resource names to quantity strings";
		const std::vector<ConfigRow> rows = {
			{"job-tolerations", "{", invalidJobValue("job-tolerations", "{", "not valid JSON (expected an array of toleration objects): unexpected end of text", tolerations)},
			{"job-tolerations", "{}", invalidJobValue("job-tolerations", "{}", "not a JSON array of toleration objects", tolerations)},
			{"job-tolerations", "[1]", invalidJobValue("job-tolerations", "[1]", "[0]: must be an object", tolerations)},
			{"job-tolerations", "[{\"operator\":\"Equal\"}]", invalidJobValue("job-tolerations", "[{\"operator\":\"Equal\"}]",
				"[0].operator: must be Exists when key is empty", tolerations)},
			{"job-tolerations", "[{\"key\":\"a\",\"operator\":\"Sometimes\"}]", invalidJobValue("job-tolerations", "[{\"key\":\"a\",\"operator\":\"Sometimes\"}]",
				"[0].operator: \"Sometimes\" is not supported (Equal, Exists)", tolerations)},
			{"job-tolerations", "[{\"key\":\"a\",\"operator\":\"Exists\",\"value\":\"v\"}]", invalidJobValue("job-tolerations",
				"[{\"key\":\"a\",\"operator\":\"Exists\",\"value\":\"v\"}]", "[0].value: must be empty when operator is Exists", tolerations)},
			{"job-tolerations", "[{\"key\":\"a\",\"effect\":\"NoSchedule\",\"tolerationSeconds\":5}]", invalidJobValue("job-tolerations",
				"[{\"key\":\"a\",\"effect\":\"NoSchedule\",\"tolerationSeconds\":5}]", "[0].tolerationSeconds: requires effect NoExecute", tolerations)},
			{"job-tolerations", "[{\"key\":\"a\",\"effect\":\"Never\"}]", invalidJobValue("job-tolerations", "[{\"key\":\"a\",\"effect\":\"Never\"}]",
				"[0].effect: \"Never\" is not supported (NoSchedule, PreferNoSchedule, NoExecute)", tolerations)},
			{"job-tolerations", "[{\"key\":\"a\",\"colour\":\"red\"}]", invalidJobValue("job-tolerations", "[{\"key\":\"a\",\"colour\":\"red\"}]",
				"[0]: unknown field \"colour\" (allowed: key, operator, value, effect, tolerationSeconds)", tolerations)},
			{"job-resources", "{", invalidJobValue("job-resources", "{",
				"not valid JSON (expected {\"requests\":{...},\"limits\":{...}}): unexpected end of text", resources)},
			{"job-resources", "[]", invalidJobValue("job-resources", "[]", "not a JSON object (expected {\"requests\":{...},\"limits\":{...}})", resources)},
			{"job-resources", "{\"limit\":{}}", invalidJobValue("job-resources", "{\"limit\":{}}", "unknown field \"limit\" (allowed: requests, limits)", resources)},
			{"job-resources", "{\"requests\":[]}", invalidJobValue("job-resources", "{\"requests\":[]}",
				"requests: must be an object of resource name to quantity", resources)},
			{"job-resources", "{\"limits\":{\"cpu\":\"lots\"}}", invalidJobValue("job-resources", "{\"limits\":{\"cpu\":\"lots\"}}",
				"limits.cpu: \"lots\" is not a non-negative quantity", resources)},
			{"job-resources", "{\"requests\":{\"memory\":\"-1Gi\"}}", invalidJobValue("job-resources", "{\"requests\":{\"memory\":\"-1Gi\"}}",
				"requests.memory: \"-1Gi\" is not a non-negative quantity", resources)},
			{"job-resources", "{\"requests\":{\"memory\":1}}", invalidJobValue("job-resources", "{\"requests\":{\"memory\":1}}",
				"requests.memory: must be a quantity string such as \"500m\" or \"1Gi\"", resources)},
			{"job-node-selector", "a b", invalidJobValue("job-node-selector", "a b", "\"a b\" is not a key=value pair",
				"a JSON object of label key to value, or comma-separated key=value pairs")},
			{"job-privileged", "perhaps", invalidJobValue("job-privileged", "perhaps", "not a boolean", "true, false, yes, no, 1, 0")},
		};
		for (const ConfigRow& row: rows)
		{
			Poco::AutoPtr<Poco::Util::MapConfiguration> config(new Poco::Util::MapConfiguration);
			config->setString("job-image", "ghcr.io/org/scanner:1");
			config->setString(row.key, row.value);
			const std::string what = std::string(row.key) + "=" + row.value;
			CPPUNIT_ASSERT_EQUAL_MESSAGE(what, row.expected,
				rejectionOf<ConfigException>([&] { sbomop::jobimage::JobSettings::fromConfig(*config); }));
		}
	}

	void testRejectsUnknownFormatVersions()
	{
		using sbomop::targets::SbomFormat;
		CPPUNIT_ASSERT_EQUAL(std::string("invalid value \"9.9\" for key 'format-version': format cyclonedxjson (Syft cyclonedx-json) has no such version; "
			"allowed: 1.2, 1.3, 1.4, 1.5, 1.6, 1.7"),
			rejectionOf<ConfigException>([] { SbomFormat::forName("cyclonedxjson").checkVersion("9.9"); }));
		CPPUNIT_ASSERT_EQUAL(std::string("invalid value \"2.3\" for key 'format-version': format cyclonedxjson (Syft cyclonedx-json) has no such version; "
			"allowed: 1.2, 1.3, 1.4, 1.5, 1.6, 1.7"),
			rejectionOf<ConfigException>([] { SbomFormat::forName("cyclonedxjson").checkVersion("2.3"); }));
		CPPUNIT_ASSERT_EQUAL(std::string("invalid value \"1\" for key 'format-version': format text (Syft syft-text) takes no version; "
			"allowed: no value (leave format-version empty)"),
			rejectionOf<ConfigException>([] { SbomFormat::forName("text").checkVersion("1"); }));
		CPPUNIT_ASSERT_EQUAL(std::string("invalid value \"pdf\" for key 'format': not a format of the syft backend; allowed: json, syftjson, "
			"cyclonedxjson, cyclonedx, cyclone, cyclonedxxml, spdxjson, spdx, spdxtv, spdxtagvalue, github, githubjson, text, table"),
			rejectionOf<ConfigException>([] { SbomFormat::forName("pdf"); }));
		CPPUNIT_ASSERT_NO_THROW(SbomFormat::forName("cyclonedxjson").checkVersion("1.5"));
	}

	void testOneBadKeyIsReportedAloneAndGoodValuesStillPass()
	{
		const sbomop::config::ConfigValidator validator(_schema);
		Poco::AutoPtr<Poco::Util::MapConfiguration> config(new Poco::Util::MapConfiguration);
		config->setString("cron", "@every 1h");
		config->setString("pod-label-selector", "app in (web,api),!canary");
		config->setString("registry-proxy", "docker.io=mirror.example.com");
		config->setString("scan-concurrency", "0");
		config->setString("verbosity", "debug");
		// The first bad key in key order is named, and only that one.
		CPPUNIT_ASSERT_EQUAL(std::string("invalid value \"0\" for key 'scan-concurrency' (from test.properties): out of range; allowed: integer from 1 to 64"),
			rejectionOf<ConfigException>([&] { validator.validate(*config, "test.properties"); }));
		config->setString("scan-concurrency", "4");
		CPPUNIT_ASSERT_NO_THROW(validator.validate(*config, "test.properties"));
		CPPUNIT_ASSERT_EQUAL(std::string("app in (web,api),!canary"), validator.check("pod-label-selector", "app in (web,api),!canary", "x"));
	}

private:
	sbomop::config::ConfigSchema _schema;
};

CPPUNIT_TEST_SUITE_NAMED_REGISTRATION(ConfigBadInputTest, "BadInput");
