//
// DockerConfigTest.cpp
//

#include "sbomop/registry/DockerConfig.h"
#include "common/Base64Text.h"
#include "sbomop/registry/RegistryException.h"
#include <cppunit/extensions/HelperMacros.h>
#include <sstream>

using sbomop::registry::DockerConfig;
using sbomop::registry::InvalidPullSecretException;
using sbomop::registry::RegistryCredentials;

namespace {

const std::string SECRET = "hunter2-s3cr3t";


using sbomop::testcommon::base64;


DockerConfig configJson(const std::string& json)
{
	return DockerConfig::parse(DockerConfig::DOCKER_CONFIG_JSON_TYPE, {{DockerConfig::DOCKER_CONFIG_JSON_KEY, base64(json)}});
}


std::string errorOf(const std::string& type, const std::map<std::string, std::string>& data)
{
	try
	{
		DockerConfig::parse(type, data);
	}
	catch (InvalidPullSecretException& exc)
	{
		CPPUNIT_ASSERT_MESSAGE("secret leaked into: " + exc.displayText(), exc.displayText().find(SECRET) == std::string::npos);
		CPPUNIT_ASSERT_MESSAGE("secret leaked into: " + exc.displayText(), exc.displayText().find("hunter2") == std::string::npos);
		return exc.message();
	}
	CPPUNIT_FAIL("no exception");
	return std::string();
}


std::string jsonErrorOf(const std::string& json)
{
	return errorOf(DockerConfig::DOCKER_CONFIG_JSON_TYPE, {{DockerConfig::DOCKER_CONFIG_JSON_KEY, base64(json)}});
}

} // namespace


class DockerConfigTest: public CppUnit::TestFixture
{
	CPPUNIT_TEST_SUITE(DockerConfigTest);
	CPPUNIT_TEST(testUsernameAndPassword);
	CPPUNIT_TEST(testAuthFieldWithColonsInPassword);
	CPPUNIT_TEST(testExplicitFieldsWinOverAuth);
	CPPUNIT_TEST(testTokens);
	CPPUNIT_TEST(testLegacyDockercfg);
	CPPUNIT_TEST(testKeysAreKeptAsWrittenInKeyOrder);
	CPPUNIT_TEST(testConfigWithoutAuthsHasNoEntries);
	CPPUNIT_TEST(testNullFieldsCountAsAbsent);
	CPPUNIT_TEST(testTrailingNulBytesOfDecodedPasswordAreDropped);
	CPPUNIT_TEST(testParseDecodedContentDirectly);
	CPPUNIT_TEST(testRejectsUnsupportedSecretType);
	CPPUNIT_TEST(testRejectsMissingKey);
	CPPUNIT_TEST(testRejectsBadBase64Data);
	CPPUNIT_TEST(testRejectsBadJsonWithoutQuotingIt);
	CPPUNIT_TEST(testRejectsWrongJsonTypes);
	CPPUNIT_TEST(testRejectsBadAuthField);
	CPPUNIT_TEST(testRejectsAuthWithoutColon);
	CPPUNIT_TEST_SUITE_END();

public:
	void testUsernameAndPassword()
	{
		const DockerConfig config = configJson("{\"auths\":{\"registry.example.com\":{\"username\":\"u\",\"password\":\"" + SECRET + "\",\"email\":\"u@example.com\"}}}");
		CPPUNIT_ASSERT_EQUAL(std::size_t(1), config.entries().size());
		CPPUNIT_ASSERT(config.entries()[0] == RegistryCredentials("registry.example.com", "u", SECRET));
	}

	void testAuthFieldWithColonsInPassword()
	{
		const DockerConfig config = configJson("{\"auths\":{\"ghcr.io\":{\"auth\":\"" + base64("bob:pa:ss:word") + "\"}}}");
		CPPUNIT_ASSERT_EQUAL(std::string("bob"), config.entries()[0].username());
		CPPUNIT_ASSERT_EQUAL(std::string("pa:ss:word"), config.entries()[0].password());
	}

	void testExplicitFieldsWinOverAuth()
	{
		const DockerConfig config = configJson("{\"auths\":{\"ghcr.io\":{\"username\":\"alice\",\"password\":\"a\",\"auth\":\"" + base64("bob:b") + "\"}}}");
		CPPUNIT_ASSERT(config.entries()[0] == RegistryCredentials("ghcr.io", "alice", "a"));
	}

	void testTokens()
	{
		const DockerConfig config = configJson(
			"{\"auths\":{\"a.io\":{\"identitytoken\":\"id-token\"},"
			"\"b.io\":{\"identitytoken\":\"id-token\",\"registrytoken\":\"reg-token\"}}}");
		CPPUNIT_ASSERT(config.entries()[0] == RegistryCredentials("a.io", "", "", "id-token"));
		CPPUNIT_ASSERT(config.entries()[1] == RegistryCredentials("b.io", "", "", "reg-token"));
	}

	void testLegacyDockercfg()
	{
		const std::string json = "{\"https://index.docker.io/v1/\":{\"auth\":\"am9lam9lOmhlbGxv\",\"email\":\"user@example.com\"}}";
		const DockerConfig config = DockerConfig::parse(DockerConfig::DOCKERCFG_TYPE, {{DockerConfig::DOCKERCFG_KEY, base64(json)}});
		CPPUNIT_ASSERT_EQUAL(std::size_t(1), config.entries().size());
		CPPUNIT_ASSERT(config.entries()[0] == RegistryCredentials("https://index.docker.io/v1/", "joejoe", "hello"));
	}

	void testKeysAreKeptAsWrittenInKeyOrder()
	{
		const DockerConfig config = configJson(
			"{\"auths\":{\"my-registry.example/images\":{\"auth\":\"" + base64("a:1") + "\"},"
			"\"https://index.docker.io/v1/\":{\"auth\":\"" + base64("b:2") + "\"},"
			"\"*.example.com\":{\"auth\":\"" + base64("c:3") + "\"}}}");
		CPPUNIT_ASSERT_EQUAL(std::size_t(3), config.entries().size());
		CPPUNIT_ASSERT_EQUAL(std::string("*.example.com"), config.entries()[0].registry());
		CPPUNIT_ASSERT_EQUAL(std::string("https://index.docker.io/v1/"), config.entries()[1].registry());
		CPPUNIT_ASSERT_EQUAL(std::string("my-registry.example/images"), config.entries()[2].registry());
	}

	void testConfigWithoutAuthsHasNoEntries()
	{
		CPPUNIT_ASSERT(configJson("{\"credsStore\":\"desktop\"}").empty());
		CPPUNIT_ASSERT(configJson("{\"auths\":{}}").empty());
		CPPUNIT_ASSERT(configJson("{\"auths\":null}").empty());
	}

	void testNullFieldsCountAsAbsent()
	{
		const DockerConfig config = configJson("{\"auths\":{\"ghcr.io\":{\"username\":null,\"password\":null,\"auth\":\"" + base64("u:p") + "\"}}}");
		CPPUNIT_ASSERT(config.entries()[0] == RegistryCredentials("ghcr.io", "u", "p"));
	}

	void testTrailingNulBytesOfDecodedPasswordAreDropped()
	{
		const DockerConfig config = configJson("{\"auths\":{\"ghcr.io\":{\"auth\":\"" + base64(std::string("u:p\0\0", 5)) + "\"}}}");
		CPPUNIT_ASSERT_EQUAL(std::string("p"), config.entries()[0].password());
	}

	void testParseDecodedContentDirectly()
	{
		CPPUNIT_ASSERT(DockerConfig::parseConfigJson("{\"auths\":{\"ghcr.io\":{\"username\":\"u\",\"password\":\"p\"}}}").entries()[0]
			== RegistryCredentials("ghcr.io", "u", "p"));
		CPPUNIT_ASSERT(DockerConfig::parseDockerCfg("{\"ghcr.io\":{\"username\":\"u\",\"password\":\"p\"}}").entries()[0]
			== RegistryCredentials("ghcr.io", "u", "p"));
		CPPUNIT_ASSERT(DockerConfig().empty());
	}

	void testRejectsUnsupportedSecretType()
	{
		CPPUNIT_ASSERT_THROW(DockerConfig::parse("Opaque", {}), InvalidPullSecretException);
		CPPUNIT_ASSERT_EQUAL(std::string("unsupported secret type \"Opaque\" (expected kubernetes.io/dockerconfigjson or kubernetes.io/dockercfg)"),
			errorOf("Opaque", {{".dockerconfigjson", base64("{}")}}));
	}

	void testRejectsMissingKey()
	{
		CPPUNIT_ASSERT_EQUAL(std::string("data[.dockerconfigjson] is missing"),
			errorOf(DockerConfig::DOCKER_CONFIG_JSON_TYPE, {{".dockercfg", base64("{}")}}));
		CPPUNIT_ASSERT_EQUAL(std::string("data[.dockercfg] is missing"),
			errorOf(DockerConfig::DOCKERCFG_TYPE, {{".dockerconfigjson", base64("{}")}}));
	}

	void testRejectsBadBase64Data()
	{
		CPPUNIT_ASSERT_EQUAL(std::string("data[.dockerconfigjson] is not valid base64"),
			errorOf(DockerConfig::DOCKER_CONFIG_JSON_TYPE, {{".dockerconfigjson", "{\"auths\":{\"a\":{\"password\":\"" + SECRET + "\"}}}"}}));
		CPPUNIT_ASSERT_EQUAL(std::string("data[.dockerconfigjson] is not valid base64"),
			errorOf(DockerConfig::DOCKER_CONFIG_JSON_TYPE, {{".dockerconfigjson", "e30"}}));
	}

	void testRejectsBadJsonWithoutQuotingIt()
	{
		CPPUNIT_ASSERT_EQUAL(std::string("data[.dockerconfigjson] is not valid JSON"),
			jsonErrorOf("{\"auths\":{\"ghcr.io\":{\"password\":\"" + SECRET + "\""));
		CPPUNIT_ASSERT_EQUAL(std::string("data[.dockerconfigjson] is not valid JSON"), jsonErrorOf(""));
	}

	void testRejectsWrongJsonTypes()
	{
		CPPUNIT_ASSERT_EQUAL(std::string("data[.dockerconfigjson] is not a JSON object"), jsonErrorOf("[\"" + SECRET + "\"]"));
		CPPUNIT_ASSERT_EQUAL(std::string("\"auths\" in data[.dockerconfigjson] is not a JSON object"), jsonErrorOf("{\"auths\":[]}"));
		CPPUNIT_ASSERT_EQUAL(std::string("entry \"ghcr.io\" in data[.dockerconfigjson] is not a JSON object"),
			jsonErrorOf("{\"auths\":{\"ghcr.io\":\"" + SECRET + "\"}}"));
		CPPUNIT_ASSERT_EQUAL(std::string("field \"password\" of entry \"ghcr.io\" in data[.dockerconfigjson] is not a string"),
			jsonErrorOf("{\"auths\":{\"ghcr.io\":{\"username\":\"u\",\"password\":12345}}}"));
		CPPUNIT_ASSERT_EQUAL(std::string("entry \"ghcr.io\" in data[.dockercfg] is not a JSON object"),
			errorOf(DockerConfig::DOCKERCFG_TYPE, {{".dockercfg", base64("{\"ghcr.io\":true}")}}));
	}

	void testRejectsBadAuthField()
	{
		CPPUNIT_ASSERT_EQUAL(std::string("field \"auth\" of entry \"ghcr.io\" in data[.dockerconfigjson] is not valid base64"),
			jsonErrorOf("{\"auths\":{\"ghcr.io\":{\"auth\":\"u:" + SECRET + "\"}}}"));
	}

	void testRejectsAuthWithoutColon()
	{
		CPPUNIT_ASSERT_EQUAL(std::string("field \"auth\" of entry \"ghcr.io\" in data[.dockerconfigjson] is not \"username:password\""),
			jsonErrorOf("{\"auths\":{\"ghcr.io\":{\"auth\":\"" + base64("bob" + SECRET) + "\"}}}"));
	}
};


CPPUNIT_TEST_SUITE_NAMED_REGISTRATION(DockerConfigTest, "Registry");
