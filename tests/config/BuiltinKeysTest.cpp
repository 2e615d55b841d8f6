//
// BuiltinKeysTest.cpp
//

#include "sbomop/config/BuiltinKeys.h"
#include "sbomop/config/ConfigValidator.h"
#include "ConfigTestSupport.h"
#include "common/Base64Text.h"
#include <Poco/Exception.h>
#include <cppunit/extensions/HelperMacros.h>
#include <set>
#include <sstream>

using namespace sbomop::config;
using sbomop::config::test::configMessageOf;

namespace
{
	struct Expected
	{
		const char* name;
		const char* type;
		const char* defaultValue;
		const char* group;
	};

	// The complete key table: names, types and defaults of the Go operator plus
	// the host's own keys.
	const Expected EXPECTED_KEYS[] = {
		{"backend", "string", "", "common"},
		{"targets", "enum-list", "git", "common"},
		{"format", "enum", "json", "common"},
		{"format-version", "string", "", "common"},
		{"cron", "string", "", "common"},
		{"once", "bool", "false", "common"},
		{"ignore-annotations", "bool", "false", "common"},
		{"pod-label-selector", "string", "", "common"},
		{"namespace-label-selector", "string", "", "common"},
		{"fallback-pull-secret", "string", "", "common"},
		{"registry-proxy", "list", "", "common"},
		{"delete-orphan-images", "bool", "true", "common"},
		{"kubernetes-cluster-id", "string", "default", "common"},
		{"git-workingtree", "string", "/work", "git"},
		{"git-repository", "string", "", "git"},
		{"git-branch", "string", "main", "git"},
		{"git-path", "string", "", "git"},
		{"git-access-token", "string", "", "git"},
		{"git-username", "string", "", "git"},
		{"git-password", "string", "", "git"},
		{"git-author-name", "string", "", "git"},
		{"git-author-email", "string", "", "git"},
		{"github-app-id", "string", "", "git"},
		{"github-app-installation-id", "string", "", "git"},
		{"github-app-private-key", "string", "", "git"},
		{"github-api-url", "string", "https://api.github.com", "git"},
		{"git-ca-cert-file", "string", "", "git"},
		{"git-insecure-skip-tls-verify", "bool", "false", "git"},
		{"dtrack-base-url", "string", "", "dtrack"},
		{"dtrack-api-key", "string", "", "dtrack"},
		{"dtrack-label-tag-matcher", "string", "", "dtrack"},
		{"dtrack-ca-cert-file", "string", "", "dtrack"},
		{"dtrack-client-cert-file", "string", "", "dtrack"},
		{"dtrack-client-key-file", "string", "", "dtrack"},
		{"dtrack-default-parent-project", "string", "", "dtrack"},
		{"dtrack-use-short-name", "bool", "false", "dtrack"},
		{"dtrack-kubernetes-cluster-id-mode", "enum", "tag", "dtrack"},
		{"dtrack-parent-project-annotation-key", "string", "", "dtrack"},
		{"dtrack-project-name-annotation-key", "string", "", "dtrack"},
		{"dtrack-manage-project-active-status", "bool", "false", "dtrack"},
		{"dtrack-insecure-skip-tls-verify", "bool", "false", "dtrack"},
		{"oci-registry", "string", "", "oci"},
		{"oci-user", "string", "", "oci"},
		{"oci-token", "string", "", "oci"},
		{"oci-ca-cert-file", "string", "", "oci"},
		{"oci-insecure-skip-tls-verify", "bool", "false", "oci"},
		{"job-image", "string", "", "job"},
		{"job-image-pull-secret", "string", "", "job"},
		{"job-timeout", "integer", "3600", "job"},
		{"job-service-account", "string", "", "job"},
		{"job-resources", "string", "", "job"},
		{"job-node-selector", "string", "", "job"},
		{"job-tolerations", "string", "", "job"},
		{"job-ttl-seconds", "integer", "-1", "job"},
		{"job-privileged", "bool", "false", "job"},
		{"syft-path", "string", "syft", "syft"},
		{"syft-timeout", "integer", "600", "syft"},
		{"scan-concurrency", "integer", "2", "syft"},
		{"platform", "string", "", "syft"},
		{"exclude-images", "list", "", "common"},
		{"verbosity", "enum", "info", "runtime"},
		{"log-format", "enum", "text", "runtime"},
		{"kubeconfig", "string", "", "runtime"},
		{"kube-api-qps", "integer", "50", "runtime"},
		{"kube-api-burst", "integer", "100", "runtime"},
		{"health-port", "integer", "8080", "runtime"},
		{"plugin-dir", "string", "", "runtime"},
		{"leader-elect", "enum", "auto", "election"},
		{"leader-elect-lease-name", "string", "sbom-operator", "election"},
		{"leader-elect-lease-duration", "integer", "15", "election"},
		{"leader-elect-renew-deadline", "integer", "10", "election"},
		{"leader-elect-retry-period", "integer", "2", "election"},
	};

	// Broken into lines of 72 characters, as base64 tools write a PEM file.
	std::string base64(const std::string& text)
	{
		return sbomop::testcommon::base64(text, 72);
	}
}


class BuiltinKeysTest: public CppUnit::TestFixture
{
	CPPUNIT_TEST_SUITE(BuiltinKeysTest);
	CPPUNIT_TEST(testHasExactlyTheDocumentedKeysWithTheirDefaults);
	CPPUNIT_TEST(testGroupsComeInHelpOrderWithTitles);
	CPPUNIT_TEST(testSecretKeysAreTheCredentials);
	CPPUNIT_TEST(testOnlyTheGithubAppPrivateKeyIsEnvironmentOnly);
	CPPUNIT_TEST(testEveryKeyHasOneHelpLine);
	CPPUNIT_TEST(testEnumerationsAllowTheGoOperatorValues);
	CPPUNIT_TEST(testNumericRanges);
	CPPUNIT_TEST(testBackendDefaultFollowsJobImage);
	CPPUNIT_TEST(testBackendAcceptsNameOrAbsolutePath);
	CPPUNIT_TEST(testLabelTagMatcherMustCompile);
	CPPUNIT_TEST(testRegistryProxyItemsMustBePairs);
	CPPUNIT_TEST(testDtrackBaseUrlMustBeHttp);
	CPPUNIT_TEST(testGithubPrivateKeyMustBeBase64PemAndIsNeverQuoted);
	CPPUNIT_TEST(testAddingTwiceIsRejected);
	CPPUNIT_TEST_SUITE_END();

public:
	void setUp()
	{
		_schema = BuiltinKeys::schema();
	}

	void testHasExactlyTheDocumentedKeysWithTheirDefaults()
	{
		CPPUNIT_ASSERT_EQUAL(sizeof(EXPECTED_KEYS) / sizeof(EXPECTED_KEYS[0]), _schema.keys().size());
		for (const Expected& expected: EXPECTED_KEYS)
		{
			const KeyDefinition* key = _schema.find(expected.name);
			CPPUNIT_ASSERT_MESSAGE(expected.name, key != nullptr);
			CPPUNIT_ASSERT_EQUAL_MESSAGE(expected.name, std::string(expected.type), key->typeName());
			CPPUNIT_ASSERT_EQUAL_MESSAGE(expected.name, std::string(expected.defaultValue), key->defaultValue());
			CPPUNIT_ASSERT_EQUAL_MESSAGE(expected.name, std::string(expected.group), key->group());
		}
	}

	void testGroupsComeInHelpOrderWithTitles()
	{
		const std::vector<std::string> expected = {"common", "syft", "git", "dtrack", "oci", "job", "runtime", "election"};
		CPPUNIT_ASSERT(expected == _schema.groups());
		CPPUNIT_ASSERT_EQUAL(std::string("General"), _schema.groupTitle("common"));
		CPPUNIT_ASSERT_EQUAL(std::string("Dependency-Track target"), _schema.groupTitle("dtrack"));
	}

	void testSecretKeysAreTheCredentials()
	{
		std::set<std::string> secrets;
		for (const KeyDefinition& key: _schema.keys())
		{
			if (key.isSecret()) secrets.insert(key.name());
		}
		const std::set<std::string> expected = {"git-access-token", "git-password", "github-app-private-key", "dtrack-api-key", "oci-token"};
		CPPUNIT_ASSERT(expected == secrets);
	}

	void testOnlyTheGithubAppPrivateKeyIsEnvironmentOnly()
	{
		for (const KeyDefinition& key: _schema.keys())
		{
			CPPUNIT_ASSERT_EQUAL_MESSAGE(key.name(), key.name() == "github-app-private-key", key.isEnvOnly());
		}
		CPPUNIT_ASSERT_EQUAL(std::string("SBOM_GITHUB_APP_PRIVATE_KEY"), _schema.get("github-app-private-key").envName());
	}

	void testEveryKeyHasOneHelpLine()
	{
		for (const KeyDefinition& key: _schema.keys())
		{
			CPPUNIT_ASSERT_MESSAGE(key.name(), key.help().size() > 20);
			CPPUNIT_ASSERT_MESSAGE(key.name(), key.help().find('\n') == std::string::npos);
			CPPUNIT_ASSERT_MESSAGE(key.name(), key.help().back() == '.');
		}
	}

	void testEnumerationsAllowTheGoOperatorValues()
	{
		const std::vector<std::string> formats = {"json", "syftjson", "cyclonedxjson", "cyclonedx", "cyclone", "cyclonedxxml",
			"spdxjson", "spdx", "spdxtv", "spdxtagvalue", "github", "githubjson", "text", "table"};
		CPPUNIT_ASSERT(formats == _schema.get("format").allowedValues());
		const std::vector<std::string> levels = {"trace", "debug", "info", "warn", "error", "fatal"};
		CPPUNIT_ASSERT(levels == _schema.get("verbosity").allowedValues());
		const std::vector<std::string> targets = {"git", "dtrack", "oci", "configmap"};
		CPPUNIT_ASSERT(targets == _schema.get("targets").allowedValues());
		const std::vector<std::string> modes = {"tag", "prefix"};
		CPPUNIT_ASSERT(modes == _schema.get("dtrack-kubernetes-cluster-id-mode").allowedValues());
		const std::vector<std::string> logFormats = {"text", "json"};
		CPPUNIT_ASSERT(logFormats == _schema.get("log-format").allowedValues());
	}

	void testNumericRanges()
	{
		CPPUNIT_ASSERT_EQUAL(std::string("integer from 1 to 2147483647 (seconds)"), _schema.get("job-timeout").allowed());
		CPPUNIT_ASSERT_EQUAL(std::string("integer from 0 to 65535"), _schema.get("health-port").allowed());
	}

	void testBackendDefaultFollowsJobImage()
	{
		const KeyDefinition& backend = _schema.get("backend");
		CPPUNIT_ASSERT_EQUAL(std::string("syft"), backend.defaultFor([](const std::string&) { return std::string(); }));
		CPPUNIT_ASSERT_EQUAL(std::string("jobimage"), backend.defaultFor([](const std::string& key)
			{ return key == "job-image" ? std::string("registry.example.com/job:1") : std::string(); }));
	}

	void testBackendAcceptsNameOrAbsolutePath()
	{
		const ConfigValidator validator(_schema);
		CPPUNIT_ASSERT_EQUAL(std::string("syft"), validator.check("backend", "syft", "--backend"));
		CPPUNIT_ASSERT_EQUAL(std::string("my_backend-2"), validator.check("backend", "my_backend-2", "--backend"));
		CPPUNIT_ASSERT_EQUAL(std::string("/opt/sbom/libsbomop-custom.so"), validator.check("backend", "/opt/sbom/libsbomop-custom.so", "--backend"));
		CPPUNIT_ASSERT_EQUAL(std::string("invalid value \"../x.so\" for key 'backend' (from --backend): neither a plugin name "
			"(lower-case letters, digits, '-', '_') nor an absolute path; allowed: a plugin name or an absolute path to a plugin library"),
			configMessageOf([&] { validator.check("backend", "../x.so", "--backend"); }));
	}

	void testLabelTagMatcherMustCompile()
	{
		const ConfigValidator validator(_schema);
		CPPUNIT_ASSERT_EQUAL(std::string("^team$"), validator.check("dtrack-label-tag-matcher", "^team$", "SBOM_DTRACK_LABEL_TAG_MATCHER"));
		const std::string message = configMessageOf([&] { validator.check("dtrack-label-tag-matcher", "([a-z", "SBOM_DTRACK_LABEL_TAG_MATCHER"); });
		const std::string prefix = "invalid value \"([a-z\" for key 'dtrack-label-tag-matcher' (from SBOM_DTRACK_LABEL_TAG_MATCHER): "
			"not a valid regular expression: ";
		CPPUNIT_ASSERT_EQUAL(prefix, message.substr(0, prefix.size()));
		const std::string suffix = "; allowed: a regular expression";
		CPPUNIT_ASSERT_EQUAL(suffix, message.substr(message.size() - suffix.size()));
	}

	void testRegistryProxyItemsMustBePairs()
	{
		const ConfigValidator validator(_schema);
		CPPUNIT_ASSERT_EQUAL(std::string("docker.io=mirror:5000,ghcr.io=m2"),
			validator.check("registry-proxy", " docker.io=mirror:5000 , ghcr.io=m2", "--registry-proxy"));
		CPPUNIT_ASSERT_EQUAL(std::string("invalid value \"a=b,c\" for key 'registry-proxy' (from --registry-proxy): "
			"'c' is not a SOURCE=TARGET pair; allowed: comma-separated list of SOURCE=TARGET registry host pairs"),
			configMessageOf([&] { validator.check("registry-proxy", "a=b,c", "--registry-proxy"); }));
		CPPUNIT_ASSERT_THROW(validator.check("registry-proxy", "=b", "x"), ConfigException);
		CPPUNIT_ASSERT_THROW(validator.check("registry-proxy", "a=", "x"), ConfigException);
	}

	void testDtrackBaseUrlMustBeHttp()
	{
		const ConfigValidator validator(_schema);
		CPPUNIT_ASSERT_EQUAL(std::string("https://dtrack.example.com"), validator.check("dtrack-base-url", "https://dtrack.example.com", "x"));
		CPPUNIT_ASSERT_EQUAL(std::string(""), validator.check("dtrack-base-url", "", "x"));
		CPPUNIT_ASSERT_EQUAL(std::string("invalid value \"ftp://dtrack\" for key 'dtrack-base-url' (from --dtrack-base-url): "
			"not an http:// or https:// URL; allowed: an http:// or https:// URL"),
			configMessageOf([&] { validator.check("dtrack-base-url", "ftp://dtrack", "--dtrack-base-url"); }));
		CPPUNIT_ASSERT_THROW(validator.check("dtrack-base-url", "dtrack.example.com", "x"), ConfigException);
	}

	void testGithubPrivateKeyMustBeBase64PemAndIsNeverQuoted()
	{
		const ConfigValidator validator(_schema);
		const std::string pem = "-----BEGIN RSA PRIVATE KEY-----\nMIIEabc\n-----END RSA PRIVATE KEY-----\n";
		const std::string encoded = base64(pem);
		CPPUNIT_ASSERT_EQUAL(encoded, validator.check("github-app-private-key", encoded, "SBOM_GITHUB_APP_PRIVATE_KEY"));

		const std::string notPem = base64("secret-material-not-a-key");
		const ConfigException exc = sbomop::config::test::configErrorOf([&] {
			validator.check("github-app-private-key", notPem, "SBOM_GITHUB_APP_PRIVATE_KEY"); });
		CPPUNIT_ASSERT_EQUAL(std::string("invalid value \"***\" for key 'github-app-private-key' (from SBOM_GITHUB_APP_PRIVATE_KEY): "
			"not a base64-encoded PEM private key; allowed: a base64-encoded PEM private key"), exc.message());
		CPPUNIT_ASSERT_EQUAL(std::string("***"), exc.displayValue());

		CPPUNIT_ASSERT_EQUAL(std::string("invalid value \"***\" for key 'github-app-private-key' (from SBOM_GITHUB_APP_PRIVATE_KEY): "
			"not valid base64; allowed: a base64-encoded PEM private key"),
			configMessageOf([&] { validator.check("github-app-private-key", "!!!not base64!!!", "SBOM_GITHUB_APP_PRIVATE_KEY"); }));
	}

	void testAddingTwiceIsRejected()
	{
		CPPUNIT_ASSERT_THROW(BuiltinKeys::addTo(_schema), Poco::ExistsException);
	}

private:
	ConfigSchema _schema;
};

CPPUNIT_TEST_SUITE_NAMED_REGISTRATION(BuiltinKeysTest, "Config");
