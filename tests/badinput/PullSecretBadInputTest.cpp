//
// PullSecretBadInputTest.cpp
//
// Malformed image pull secrets: each is rejected with an exact message that
// never quotes the secret, and a bad secret among good ones costs only its
// own credentials.
//

#include "BadInputTable.h"
#include "common/Base64Text.h"
#include "RecordingChannel.h"
#include "sbomop/controller/PullCredentials.h"
#include "sbomop/image/ImageReference.h"
#include "sbomop/kube/PodInfo.h"
#include "sbomop/registry/DockerConfig.h"
#include "sbomop/registry/RegistryException.h"
#include <Poco/Logger.h>
#include <sstream>
#include <vector>

using sbomop::controller::PullCredentials;
using sbomop::controller::SecretData;
using sbomop::image::ImageReference;
using sbomop::registry::DockerConfig;
using sbomop::registry::InvalidPullSecretException;
using sbomop::registry::RegistryCredentials;
using sbomop::testing::BadInputRow;
using sbomop::testing::rejectionOf;

namespace {

const std::string PASSWORD = "s3cr3t-Pa55";
const std::string JSON_TYPE = DockerConfig::DOCKER_CONFIG_JSON_TYPE;
const std::string JSON_KEY = DockerConfig::DOCKER_CONFIG_JSON_KEY;


using sbomop::testcommon::base64;


std::string goodConfig(const std::string& registry, const std::string& user)
{
	return "{\"auths\":{\"" + registry + "\":{\"auth\":\"" + base64(user + ":" + PASSWORD) + "\"}}}";
}


struct SecretRow
	/// A secret: type and the data map exactly as the API returns it.
{
	const char* what;
	SecretData secret;
	std::string expected;
};

} // namespace


class PullSecretBadInputTest: public CppUnit::TestFixture
{
	CPPUNIT_TEST_SUITE(PullSecretBadInputTest);
	CPPUNIT_TEST(testRejectsEveryMalformedSecretWithoutQuotingIt);
	CPPUNIT_TEST(testOneBadSecretDoesNotHideTheOthers);
	CPPUNIT_TEST_SUITE_END();

public:
	void testRejectsEveryMalformedSecretWithoutQuotingIt()
	{
		const std::string where = "data[.dockerconfigjson]";
		const std::vector<SecretRow> rows = {
			{"bad base64", {JSON_TYPE, {{JSON_KEY, "!!" + PASSWORD + "!!"}}}, where + " is not valid base64"},
			{"truncated base64", {JSON_TYPE, {{JSON_KEY, base64(goodConfig("ghcr.io", "bob")).substr(1)}}}, where + " is not valid base64"},
			{"base64 with a space", {JSON_TYPE, {{JSON_KEY, "e30 ="}}}, where + " is not valid base64"},
			{"bad JSON", {JSON_TYPE, {{JSON_KEY, base64("{\"auths\":{\"ghcr.io\":{\"password\":\"" + PASSWORD + "\"")}}}, where + " is not valid JSON"},
			{"empty JSON", {JSON_TYPE, {{JSON_KEY, ""}}}, where + " is not valid JSON"},
			{"binary", {JSON_TYPE, {{JSON_KEY, base64(std::string("\x00\xff\xfe", 3) + PASSWORD)}}}, where + " is not valid JSON"},
			{"JSON array", {JSON_TYPE, {{JSON_KEY, base64("[\"" + PASSWORD + "\"]")}}}, where + " is not a JSON object"},
			{"auths not an object", {JSON_TYPE, {{JSON_KEY, base64("{\"auths\":\"" + PASSWORD + "\"}")}}}, "\"auths\" in " + where + " is not a JSON object"},
			{"entry not an object", {JSON_TYPE, {{JSON_KEY, base64("{\"auths\":{\"ghcr.io\":\"" + PASSWORD + "\"}}")}}},
				"entry \"ghcr.io\" in " + where + " is not a JSON object"},
			{"password not a string", {JSON_TYPE, {{JSON_KEY, base64("{\"auths\":{\"ghcr.io\":{\"username\":\"bob\",\"password\":12345678}}}")}}},
				"field \"password\" of entry \"ghcr.io\" in " + where + " is not a string"},
			{"auth not base64", {JSON_TYPE, {{JSON_KEY, base64("{\"auths\":{\"ghcr.io\":{\"auth\":\"" + PASSWORD + "!\"}}}")}}},
				"field \"auth\" of entry \"ghcr.io\" in " + where + " is not valid base64"},
			{"auth without a colon", {JSON_TYPE, {{JSON_KEY, base64("{\"auths\":{\"ghcr.io\":{\"auth\":\"" + base64(PASSWORD) + "\"}}}")}}},
				"field \"auth\" of entry \"ghcr.io\" in " + where + " is not \"username:password\""},
			{".dockerconfigjson missing", {JSON_TYPE, {{".dockercfg", base64(goodConfig("ghcr.io", "bob"))}}}, where + " is missing"},
			{".dockercfg missing", {DockerConfig::DOCKERCFG_TYPE, {{JSON_KEY, base64(goodConfig("ghcr.io", "bob"))}}}, "data[.dockercfg] is missing"},
			{"dockercfg entry not an object", {DockerConfig::DOCKERCFG_TYPE, {{".dockercfg", base64("{\"ghcr.io\":\"" + PASSWORD + "\"}")}}},
				"entry \"ghcr.io\" in data[.dockercfg] is not a JSON object"},
			{"type basic-auth", {"kubernetes.io/basic-auth", {{"username", base64("bob")}, {"password", base64(PASSWORD)}}},
				"unsupported secret type \"kubernetes.io/basic-auth\" (expected kubernetes.io/dockerconfigjson or kubernetes.io/dockercfg)"},
			{"type Opaque", {"Opaque", {{JSON_KEY, base64(goodConfig("ghcr.io", "bob"))}}},
				"unsupported secret type \"Opaque\" (expected kubernetes.io/dockerconfigjson or kubernetes.io/dockercfg)"},
			{"no type", {"", {{JSON_KEY, base64(goodConfig("ghcr.io", "bob"))}}},
				"unsupported secret type \"\" (expected kubernetes.io/dockerconfigjson or kubernetes.io/dockercfg)"},
		};
		for (const SecretRow& row: rows)
		{
			const std::string message = rejectionOf<InvalidPullSecretException>([&] { DockerConfig::parse(row.secret.type, row.secret.data); });
			CPPUNIT_ASSERT_EQUAL_MESSAGE(row.what, row.expected, message);
			CPPUNIT_ASSERT_MESSAGE(row.what, message.find(PASSWORD) == std::string::npos);
		}
	}

	void testOneBadSecretDoesNotHideTheOthers()
	{
		// The pod lists broken secrets before the good one; the fallback
		// secret serves another registry. Each broken one is one warning.
		const std::map<std::string, SecretData> secrets = {
			{"bad-base64", {JSON_TYPE, {{JSON_KEY, "%%%"}}}},
			{"bad-json", {JSON_TYPE, {{JSON_KEY, base64("{\"auths\":")}}}},
			{"basic-auth", {"kubernetes.io/basic-auth", {{"password", base64(PASSWORD)}}}},
			{"no-colon", {JSON_TYPE, {{JSON_KEY, base64("{\"auths\":{\"ghcr.io\":{\"auth\":\"" + base64(PASSWORD) + "\"}}}")}}}},
			{"good", {JSON_TYPE, {{JSON_KEY, base64(goodConfig("ghcr.io", "alice"))}}}},
			{"fallback", {JSON_TYPE, {{JSON_KEY, base64(goodConfig("quay.io", "carol"))}}}},
		};
		std::size_t fetches = 0;
		const PullCredentials::Fetch fetch = [&](const std::string& ns, const std::string& name) -> std::optional<SecretData> {
			++fetches;
			CPPUNIT_ASSERT_EQUAL(std::string(name == "fallback" ? "operator" : "apps"), ns);
			const auto it = secrets.find(name);
			if (it == secrets.end()) return std::nullopt;
			return it->second;
		};
		sbomop::logging::RecordingChannel::Ptr channel(new sbomop::logging::RecordingChannel);
		Poco::Logger& logger = Poco::Logger::get("BadInput.PullSecrets");
		logger.setChannel(channel);
		logger.setLevel(Poco::Message::PRIO_INFORMATION);

		PullCredentials credentials(fetch, "operator", "fallback", logger);
		sbomop::kube::PodInfo pod;
		pod.name = "web";
		pod.namespaceName = "apps";
		pod.imagePullSecrets = {"bad-base64", "bad-json", "basic-auth", "absent", "no-colon", "good"};

		CPPUNIT_ASSERT_EQUAL(RegistryCredentials("ghcr.io", "alice", PASSWORD), credentials.resolve(pod, ImageReference::parse("ghcr.io/org/app:1")));
		CPPUNIT_ASSERT_EQUAL(RegistryCredentials("quay.io", "carol", PASSWORD), credentials.resolve(pod, ImageReference::parse("quay.io/org/tool:2")));
		CPPUNIT_ASSERT(credentials.resolve(pod, ImageReference::parse("nginx")).empty());
		// Every secret is read once per cycle, broken ones included.
		CPPUNIT_ASSERT_EQUAL(std::size_t(7), fetches);
		CPPUNIT_ASSERT_EQUAL(std::size_t(7), credentials.fetchCount());

		const std::string tail = "; its images are pulled without its credentials";
		const std::vector<std::string> expected = {
			"pull secret apps/bad-base64 is unusable: data[.dockerconfigjson] is not valid base64" + tail,
			"pull secret apps/bad-json is unusable: data[.dockerconfigjson] is not valid JSON" + tail,
			"pull secret apps/basic-auth is unusable: unsupported secret type \"kubernetes.io/basic-auth\" "
				"(expected kubernetes.io/dockerconfigjson or kubernetes.io/dockercfg)" + tail,
			"pull secret apps/absent not found; its images are pulled without its credentials",
			"pull secret apps/no-colon is unusable: field \"auth\" of entry \"ghcr.io\" in data[.dockerconfigjson] is not \"username:password\"" + tail,
		};
		const std::vector<Poco::Message> messages = channel->messages();
		CPPUNIT_ASSERT_EQUAL(expected.size(), messages.size());
		for (std::size_t i = 0; i < expected.size(); ++i)
		{
			CPPUNIT_ASSERT_EQUAL(expected[i], messages[i].getText());
			CPPUNIT_ASSERT_EQUAL(Poco::Message::PRIO_WARNING, messages[i].getPriority());
			CPPUNIT_ASSERT(messages[i].getText().find(PASSWORD) == std::string::npos);
		}
	}
};

CPPUNIT_TEST_SUITE_NAMED_REGISTRATION(PullSecretBadInputTest, "BadInput");
