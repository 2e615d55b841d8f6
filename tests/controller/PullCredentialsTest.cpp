//
// PullCredentialsTest.cpp
//

#include "ControllerTestSupport.h"
#include "sbomop/controller/PullCredentials.h"
#include "sbomop/image/ImageReference.h"
#include <cppunit/extensions/HelperMacros.h>

using sbomop::controller::PullCredentials;
using sbomop::controller::SecretData;
using sbomop::image::ImageReference;
using sbomop::kube::PodInfo;
using sbomop::registry::RegistryCredentials;
using namespace sbomop::controller::test;

namespace {

const std::string OPERATOR_NS = "sbom-system";
const std::string FALLBACK = "sbom-fallback-pull";

PodInfo apiPod(const std::string& ns, const std::string& name, const std::vector<std::string>& secrets)
{
	return makePod(ns, name, { container("api", "registry.example.com/team/api:2.3.1", "registry.example.com/team/api@" + API_DIGEST) }, secrets);
}

ImageReference image(const std::string& reference)
{
	return ImageReference::parse(reference);
}

} // namespace


class PullCredentialsTest: public CppUnit::TestFixture
{
	CPPUNIT_TEST_SUITE(PullCredentialsTest);
	CPPUNIT_TEST(testPodSecretProvidesCredentials);
	CPPUNIT_TEST(testFallbackSecretIsUsedWhenPodSecretsDoNotMatch);
	CPPUNIT_TEST(testNoMatchingSecretGivesEmptyCredentials);
	CPPUNIT_TEST(testPodSecretsInOrderThenFallback);
	CPPUNIT_TEST(testMostSpecificEntryWins);
	CPPUNIT_TEST(testSecretIsReadOncePerNamespaceAndName);
	CPPUNIT_TEST(testMissingSecretIsWarningAndImageProceeds);
	CPPUNIT_TEST(testMalformedSecretWarningNamesSecretButNotItsContent);
	CPPUNIT_TEST(testForbiddenSecretIsWarning);
	CPPUNIT_TEST(testLegacyDockercfgSecret);
	CPPUNIT_TEST(testStdExceptionFromSecretReadIsWarning);
	CPPUNIT_TEST_SUITE_END();

public:
	void testPodSecretProvidesCredentials()
	{
		CapturedLogger log;
		ScriptedSecrets secrets;
		secrets.add("payments", "regcred", dockerConfigSecret({ { "registry.example.com", "ci-bot", "s3cr3t-pod" } }));
		PullCredentials credentials(secrets.function(), OPERATOR_NS, "", log.logger());

		const RegistryCredentials found = credentials.resolve(apiPod("payments", "api-1", { "regcred" }), image("registry.example.com/team/api@" + API_DIGEST));
		CPPUNIT_ASSERT_EQUAL(std::string("registry.example.com"), found.registry());
		CPPUNIT_ASSERT_EQUAL(std::string("ci-bot"), found.username());
		CPPUNIT_ASSERT_EQUAL(std::string("s3cr3t-pod"), found.password());
		CPPUNIT_ASSERT_EQUAL(std::size_t(1), credentials.fetchCount());
	}

	void testFallbackSecretIsUsedWhenPodSecretsDoNotMatch()
	{
		CapturedLogger log;
		ScriptedSecrets secrets;
		secrets.add("payments", "ghcr", dockerConfigSecret({ { "ghcr.io", "octocat", "ghp-token" } }));
		secrets.add(OPERATOR_NS, FALLBACK, dockerConfigSecret({ { "https://registry.example.com/v2/", "fallback-bot", "s3cr3t-fallback" } }));
		PullCredentials credentials(secrets.function(), OPERATOR_NS, FALLBACK, log.logger());

		const RegistryCredentials found = credentials.resolve(apiPod("payments", "api-1", { "ghcr" }), image("registry.example.com/team/api@" + API_DIGEST));
		CPPUNIT_ASSERT_EQUAL(std::string("fallback-bot"), found.username());
		CPPUNIT_ASSERT_EQUAL(std::string("s3cr3t-fallback"), found.password());
		CPPUNIT_ASSERT_EQUAL(std::size_t(1), secrets.reads("payments", "ghcr"));
		CPPUNIT_ASSERT_EQUAL(std::size_t(1), secrets.reads(OPERATOR_NS, FALLBACK));
	}

	void testNoMatchingSecretGivesEmptyCredentials()
	{
		CapturedLogger log;
		ScriptedSecrets secrets;
		secrets.add(OPERATOR_NS, FALLBACK, dockerConfigSecret({ { "registry.example.com", "fallback-bot", "s3cr3t-fallback" } }));

		// Neither pod secrets nor a fallback secret configured: nothing is read.
		PullCredentials none(secrets.function(), OPERATOR_NS, "", log.logger());
		CPPUNIT_ASSERT(none.resolve(apiPod("payments", "api-1", {}), image("registry.example.com/team/api@" + API_DIGEST)).empty());
		CPPUNIT_ASSERT_EQUAL(std::size_t(0), secrets.totalReads());

		// A fallback for another registry: read, but no match.
		PullCredentials other(secrets.function(), OPERATOR_NS, FALLBACK, log.logger());
		CPPUNIT_ASSERT(other.resolve(apiPod("payments", "api-1", {}), image("quay.io/prometheus/node-exporter:v1.7.0")).empty());
		CPPUNIT_ASSERT_EQUAL(std::size_t(1), secrets.reads(OPERATOR_NS, FALLBACK));
		CPPUNIT_ASSERT_EQUAL(std::size_t(0), log.channel().texts(Poco::Message::PRIO_WARNING).size());
	}

	void testPodSecretsInOrderThenFallback()
	{
		CapturedLogger log;
		ScriptedSecrets secrets;
		secrets.add("payments", "first", dockerConfigSecret({ { "registry.example.com", "first-bot", "pw-1" } }));
		secrets.add("payments", "second", dockerConfigSecret({ { "registry.example.com", "second-bot", "pw-2" } }));
		secrets.add(OPERATOR_NS, FALLBACK, dockerConfigSecret({ { "registry.example.com", "fallback-bot", "pw-3" } }));
		PullCredentials credentials(secrets.function(), OPERATOR_NS, FALLBACK, log.logger());
		const ImageReference api = image("registry.example.com/team/api@" + API_DIGEST);

		CPPUNIT_ASSERT_EQUAL(std::string("first-bot"), credentials.resolve(apiPod("payments", "api-1", { "first", "second" }), api).username());
		CPPUNIT_ASSERT_EQUAL(std::string("second-bot"), credentials.resolve(apiPod("payments", "api-2", { "second", "first" }), api).username());
		CPPUNIT_ASSERT_EQUAL(std::string("fallback-bot"), credentials.resolve(apiPod("payments", "api-3", {}), api).username());
	}

	void testMostSpecificEntryWins()
	{
		CapturedLogger log;
		ScriptedSecrets secrets;
		secrets.add("payments", "regcred", dockerConfigSecret({
			{ "*.example.com", "wildcard-bot", "pw-glob" },
			{ "registry.example.com", "host-bot", "pw-host" },
		}));
		// The fallback comes last but names the repository path: more specific.
		secrets.add(OPERATOR_NS, FALLBACK, dockerConfigSecret({ { "registry.example.com/team", "team-bot", "pw-team" } }));
		PullCredentials credentials(secrets.function(), OPERATOR_NS, FALLBACK, log.logger());

		CPPUNIT_ASSERT_EQUAL(std::string("team-bot"),
			credentials.resolve(apiPod("payments", "api-1", { "regcred" }), image("registry.example.com/team/api@" + API_DIGEST)).username());
		CPPUNIT_ASSERT_EQUAL(std::string("host-bot"),
			credentials.resolve(apiPod("payments", "api-1", { "regcred" }), image("registry.example.com/other/app:1.0")).username());
		CPPUNIT_ASSERT_EQUAL(std::string("wildcard-bot"),
			credentials.resolve(apiPod("payments", "api-1", { "regcred" }), image("cache.example.com/team/api:1.0")).username());
	}

	void testSecretIsReadOncePerNamespaceAndName()
	{
		CapturedLogger log;
		ScriptedSecrets secrets;
		secrets.add("payments", "regcred", dockerConfigSecret({ { "registry.example.com", "ci-bot", "pw" } }));
		secrets.add("orders", "regcred", dockerConfigSecret({ { "registry.example.com", "orders-bot", "pw" } }));
		PullCredentials credentials(secrets.function(), OPERATOR_NS, FALLBACK, log.logger());
		const ImageReference api = image("registry.example.com/team/api@" + API_DIGEST);

		for (int i = 0; i < 50; ++i)
		{
			CPPUNIT_ASSERT_EQUAL(std::string("ci-bot"), credentials.resolve(apiPod("payments", "api-" + std::to_string(i), { "regcred", "missing" }), api).username());
		}
		CPPUNIT_ASSERT_EQUAL(std::string("orders-bot"), credentials.resolve(apiPod("orders", "api-0", { "regcred" }), api).username());

		CPPUNIT_ASSERT_EQUAL(std::size_t(1), secrets.reads("payments", "regcred"));
		CPPUNIT_ASSERT_EQUAL(std::size_t(1), secrets.reads("payments", "missing"));
		CPPUNIT_ASSERT_EQUAL(std::size_t(1), secrets.reads("orders", "regcred"));
		CPPUNIT_ASSERT_EQUAL(std::size_t(1), secrets.reads(OPERATOR_NS, FALLBACK));
		CPPUNIT_ASSERT_EQUAL(std::size_t(4), secrets.totalReads());
		CPPUNIT_ASSERT_EQUAL(std::size_t(4), credentials.fetchCount());
		// One warning per missing secret and cycle, not per pod.
		CPPUNIT_ASSERT_EQUAL(std::size_t(2), log.channel().texts(Poco::Message::PRIO_WARNING).size());
	}

	void testMissingSecretIsWarningAndImageProceeds()
	{
		CapturedLogger log;
		ScriptedSecrets secrets;
		secrets.add(OPERATOR_NS, FALLBACK, dockerConfigSecret({ { "registry.example.com", "fallback-bot", "pw" } }));
		PullCredentials credentials(secrets.function(), OPERATOR_NS, FALLBACK, log.logger());

		const RegistryCredentials found = credentials.resolve(apiPod("payments", "api-1", { "deleted-cred" }), image("registry.example.com/team/api@" + API_DIGEST));
		CPPUNIT_ASSERT_EQUAL(std::string("fallback-bot"), found.username());
		const auto warnings = log.channel().texts(Poco::Message::PRIO_WARNING);
		CPPUNIT_ASSERT_EQUAL(std::size_t(1), warnings.size());
		CPPUNIT_ASSERT_MESSAGE(warnings[0], warnings[0].find("payments/deleted-cred") != std::string::npos);
	}

	void testMalformedSecretWarningNamesSecretButNotItsContent()
	{
		const std::string password = "Tr0ub4dor-and-3";
		const std::string token = "ghp_9f8e7d6c5b4a39281706";
		struct Case
		{
			std::string what;
			SecretData secret;
		};
		SecretData wrongType = dockerConfigSecret({ { "registry.example.com", "ci-bot", password } });
		wrongType.type = "Opaque";
		SecretData notBase64;
		notBase64.type = "kubernetes.io/dockerconfigjson";
		notBase64.data[".dockerconfigjson"] = "{\"auths\":{\"registry.example.com\":{\"password\":\"" + password + "\"}}}";
		const Case cases[] = {
			{ "bad JSON", rawDockerConfigSecret("{\"auths\":{\"registry.example.com\":{\"username\":\"ci-bot\",\"password\":\"" + password + "\"") },
			{ "wrong field type", rawDockerConfigSecret("{\"auths\":{\"registry.example.com\":{\"username\":[\"" + password + "\"],\"identitytoken\":\"" + token + "\"}}}") },
			{ "bad auth field", rawDockerConfigSecret("{\"auths\":{\"registry.example.com\":{\"auth\":\"" + base64(password) + "\"}}}") },
			{ "wrong type", wrongType },
			{ "not base64", notBase64 },
		};
		for (const auto& c: cases)
		{
			CapturedLogger log;
			ScriptedSecrets secrets;
			secrets.add("payments", "broken-cred", c.secret);
			secrets.add(OPERATOR_NS, FALLBACK, dockerConfigSecret({ { "registry.example.com", "fallback-bot", "pw" } }));
			PullCredentials credentials(secrets.function(), OPERATOR_NS, FALLBACK, log.logger());

			const RegistryCredentials found = credentials.resolve(apiPod("payments", "api-1", { "broken-cred" }), image("registry.example.com/team/api@" + API_DIGEST));
			CPPUNIT_ASSERT_EQUAL_MESSAGE(c.what, std::string("fallback-bot"), found.username());
			const auto warnings = log.channel().texts(Poco::Message::PRIO_WARNING);
			CPPUNIT_ASSERT_EQUAL_MESSAGE(c.what, std::size_t(1), warnings.size());
			CPPUNIT_ASSERT_MESSAGE(c.what + ": " + warnings[0], warnings[0].find("payments/broken-cred") != std::string::npos);
			const std::string logged = log.channel().all();
			CPPUNIT_ASSERT_MESSAGE(c.what + ": " + logged, logged.find(password) == std::string::npos);
			CPPUNIT_ASSERT_MESSAGE(c.what + ": " + logged, logged.find(token) == std::string::npos);
			CPPUNIT_ASSERT_MESSAGE(c.what + ": " + logged, logged.find(base64(password)) == std::string::npos);
			for (const auto& entry: c.secret.data)
			{
				CPPUNIT_ASSERT_MESSAGE(c.what + ": " + logged, logged.find(entry.second) == std::string::npos);
			}
		}
	}

	void testForbiddenSecretIsWarning()
	{
		CapturedLogger log;
		ScriptedSecrets secrets;
		secrets.forbidden.insert({ "payments", "regcred" });
		PullCredentials credentials(secrets.function(), OPERATOR_NS, "", log.logger());

		CPPUNIT_ASSERT(credentials.resolve(apiPod("payments", "api-1", { "regcred" }), image("registry.example.com/team/api@" + API_DIGEST)).empty());
		CPPUNIT_ASSERT(credentials.resolve(apiPod("payments", "api-2", { "regcred" }), image("registry.example.com/team/api@" + API_DIGEST)).empty());
		CPPUNIT_ASSERT_EQUAL(std::size_t(1), secrets.reads("payments", "regcred"));
		const auto warnings = log.channel().texts(Poco::Message::PRIO_WARNING);
		CPPUNIT_ASSERT_EQUAL(std::size_t(1), warnings.size());
		CPPUNIT_ASSERT_MESSAGE(warnings[0], warnings[0].find("payments/regcred") != std::string::npos);
	}

	void testLegacyDockercfgSecret()
	{
		CapturedLogger log;
		ScriptedSecrets secrets;
		SecretData legacy;
		legacy.type = "kubernetes.io/dockercfg";
		legacy.data[".dockercfg"] = base64("{\"registry.example.com\":{\"auth\":\"" + base64("legacy-bot:pa:ss") + "\"}}");
		secrets.add("payments", "old-cred", legacy);
		PullCredentials credentials(secrets.function(), OPERATOR_NS, "", log.logger());

		const RegistryCredentials found = credentials.resolve(apiPod("payments", "api-1", { "old-cred" }), image("registry.example.com/team/api@" + API_DIGEST));
		CPPUNIT_ASSERT_EQUAL(std::string("legacy-bot"), found.username());
		CPPUNIT_ASSERT_EQUAL(std::string("pa:ss"), found.password());
	}

	void testStdExceptionFromSecretReadIsWarning()
	{
		CapturedLogger log;
		ScriptedSecrets secrets;
		secrets.failingStd.insert({ "payments", "regcred" });
		secrets.add(OPERATOR_NS, FALLBACK, dockerConfigSecret({ { "registry.example.com", "fallback-bot", "pw" } }));
		PullCredentials credentials(secrets.function(), OPERATOR_NS, FALLBACK, log.logger());

		RegistryCredentials found;
		CPPUNIT_ASSERT_NO_THROW(found = credentials.resolve(apiPod("payments", "api-1", { "regcred" }), image("registry.example.com/team/api@" + API_DIGEST)));
		CPPUNIT_ASSERT_EQUAL(std::string("fallback-bot"), found.username());
		CPPUNIT_ASSERT_EQUAL(std::size_t(1), log.channel().texts(Poco::Message::PRIO_WARNING).size());
	}
};

CPPUNIT_TEST_SUITE_NAMED_REGISTRATION(PullCredentialsTest, "Controller");
