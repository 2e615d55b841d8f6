//
// GitCredentialsTest.cpp
//
// Credential selection, the git target's key checks and secret masking.
//

#include "TokenEndpointDouble.h"
#include "sbomop/config/BuiltinKeys.h"
#include "sbomop/config/ConfigException.h"
#include "sbomop/targets/git/GitCredentials.h"
#include "sbomop/targets/git/GitException.h"
#include "sbomop/targets/git/GitRepository.h"
#include "sbomop/targets/git/GitTarget.h"
#include <Poco/AutoPtr.h>
#include <Poco/Util/MapConfiguration.h>
#include <cppunit/extensions/HelperMacros.h>

using sbomop::config::BuiltinKeys;
using sbomop::config::ConfigException;
using sbomop::targets::GitCredentials;
using sbomop::targets::GitRepository;
using sbomop::targets::GitTarget;

namespace {

const std::string TOKEN = "ghp_verysecrettoken123";
const std::string PASSWORD = "pa55w0rd-secret";

Poco::AutoPtr<Poco::Util::MapConfiguration> baseConfig()
{
	Poco::AutoPtr<Poco::Util::MapConfiguration> config = new Poco::Util::MapConfiguration;
	config->setString(BuiltinKeys::GIT_REPOSITORY, "https://git.example.com/sboms.git");
	config->setString(BuiltinKeys::GIT_AUTHOR_NAME, "SBOM Operator");
	config->setString(BuiltinKeys::GIT_AUTHOR_EMAIL, "sbom@example.com");
	config->setString(BuiltinKeys::GIT_WORKINGTREE, "/tmp/never-used");
	config->setString(BuiltinKeys::GIT_BRANCH, "main");
	return config;
}

bool contains(const std::string& text, const std::string& part)
{
	return text.find(part) != std::string::npos;
}

// The exception validate() throws, or a failure when it throws none.
ConfigException validationError(const Poco::Util::AbstractConfiguration& config)
{
	try
	{
		GitTarget().validate(config);
	}
	catch (ConfigException& exc)
	{
		return exc;
	}
	CPPUNIT_FAIL("validate() accepted the configuration");
	return ConfigException("unreachable");
}

}

class GitCredentialsTest: public CppUnit::TestFixture
{
	CPPUNIT_TEST_SUITE(GitCredentialsTest);
	CPPUNIT_TEST(testNoKeysSelectNoCredentials);
	CPPUNIT_TEST(testAccessTokenUsesTheGoOperatorUserName);
	CPPUNIT_TEST(testUsernameAndPasswordAreSentAsGiven);
	CPPUNIT_TEST(testUsernameWithoutPasswordNamesTheMissingKey);
	CPPUNIT_TEST(testPasswordWithoutUsernameNamesTheMissingKey);
	CPPUNIT_TEST(testSeveralMethodsAreRejectedWithoutShowingSecrets);
	CPPUNIT_TEST(testIncompleteGitHubAppNamesTheMissingKey);
	CPPUNIT_TEST(testGitHubAppCredentialsUseXAccessToken);
	CPPUNIT_TEST(testUnreadableGitHubAppKeyIsAStartupErrorWithoutTheKey);
	CPPUNIT_TEST(testDescriptionsContainNoSecrets);
	CPPUNIT_TEST(testValidateAcceptsACompleteConfiguration);
	CPPUNIT_TEST(testValidateRequiresRepositoryAndAuthor);
	CPPUNIT_TEST(testValidateRejectsNonHttpUrlWithoutItsCredentials);
	CPPUNIT_TEST(testValidateRejectsInvalidBranch);
	CPPUNIT_TEST(testValidateRejectsGitPathOutsideTheRepository);
	CPPUNIT_TEST(testValidateRejectsUnreadableCaFile);
	CPPUNIT_TEST(testUrlCredentialsAreMasked);
	CPPUNIT_TEST(testCommitMessagesFollowTheGoOperator);
	CPPUNIT_TEST_SUITE_END();

public:
	void testNoKeysSelectNoCredentials()
	{
		auto config = baseConfig();
		CPPUNIT_ASSERT_EQUAL(GitCredentials::NONE, GitCredentials::selectMethod(*config));
		std::string user, password;
		CPPUNIT_ASSERT(!GitCredentials::fromConfig(*config).resolve(user, password));
	}

	void testAccessTokenUsesTheGoOperatorUserName()
	{
		auto config = baseConfig();
		config->setString(BuiltinKeys::GIT_ACCESS_TOKEN, TOKEN);
		GitCredentials credentials = GitCredentials::fromConfig(*config);
		CPPUNIT_ASSERT_EQUAL(GitCredentials::ACCESS_TOKEN, credentials.method());
		std::string user, password;
		CPPUNIT_ASSERT(credentials.resolve(user, password));
		CPPUNIT_ASSERT_EQUAL(std::string("<token>"), user);
		CPPUNIT_ASSERT_EQUAL(TOKEN, password);
	}

	void testUsernameAndPasswordAreSentAsGiven()
	{
		auto config = baseConfig();
		config->setString(BuiltinKeys::GIT_USERNAME, "sbom");
		config->setString(BuiltinKeys::GIT_PASSWORD, PASSWORD);
		GitCredentials credentials = GitCredentials::fromConfig(*config);
		CPPUNIT_ASSERT_EQUAL(GitCredentials::USERNAME_PASSWORD, credentials.method());
		std::string user, password;
		CPPUNIT_ASSERT(credentials.resolve(user, password));
		CPPUNIT_ASSERT_EQUAL(std::string("sbom"), user);
		CPPUNIT_ASSERT_EQUAL(PASSWORD, password);
	}

	void testUsernameWithoutPasswordNamesTheMissingKey()
	{
		auto config = baseConfig();
		config->setString(BuiltinKeys::GIT_USERNAME, "sbom");
		CPPUNIT_ASSERT_EQUAL(std::string(BuiltinKeys::GIT_PASSWORD), validationError(*config).key());
	}

	void testPasswordWithoutUsernameNamesTheMissingKey()
	{
		auto config = baseConfig();
		config->setString(BuiltinKeys::GIT_PASSWORD, PASSWORD);
		ConfigException error = validationError(*config);
		CPPUNIT_ASSERT_EQUAL(std::string(BuiltinKeys::GIT_USERNAME), error.key());
		CPPUNIT_ASSERT(error.message().find(PASSWORD) == std::string::npos);
	}

	void testSeveralMethodsAreRejectedWithoutShowingSecrets()
	{
		auto config = baseConfig();
		config->setString(BuiltinKeys::GIT_ACCESS_TOKEN, TOKEN);
		config->setString(BuiltinKeys::GIT_USERNAME, "sbom");
		config->setString(BuiltinKeys::GIT_PASSWORD, PASSWORD);
		ConfigException error = validationError(*config);
		CPPUNIT_ASSERT(error.message().find("access token, user name and password") != std::string::npos);
		CPPUNIT_ASSERT(error.message().find(TOKEN) == std::string::npos);
		CPPUNIT_ASSERT(error.message().find(PASSWORD) == std::string::npos);
	}

	void testIncompleteGitHubAppNamesTheMissingKey()
	{
		auto config = baseConfig();
		config->setString(BuiltinKeys::GITHUB_APP_ID, "1234");
		config->setString(BuiltinKeys::GITHUB_APP_PRIVATE_KEY, sbomop::testing::TokenEndpointDouble::appKey().base64Pem);
		ConfigException error = validationError(*config);
		CPPUNIT_ASSERT_EQUAL(std::string(BuiltinKeys::GITHUB_APP_INSTALLATION_ID), error.key());
		CPPUNIT_ASSERT(error.message().find("PRIVATE KEY") == std::string::npos);
		CPPUNIT_ASSERT(error.message().find(sbomop::testing::TokenEndpointDouble::appKey().base64Pem.substr(0, 40)) == std::string::npos);
	}

	void testGitHubAppCredentialsUseXAccessToken()
	{
		auto& key = sbomop::testing::TokenEndpointDouble::appKey();
		sbomop::testing::TokenEndpointDouble endpoint(*key.key, "1234", "99", "ghs_installationtoken1");
		auto config = baseConfig();
		config->setString(BuiltinKeys::GITHUB_APP_ID, "1234");
		config->setString(BuiltinKeys::GITHUB_APP_INSTALLATION_ID, "99");
		config->setString(BuiltinKeys::GITHUB_APP_PRIVATE_KEY, key.base64Pem);
		config->setString(BuiltinKeys::GITHUB_API_URL, endpoint.url());
		GitCredentials credentials = GitCredentials::fromConfig(*config);
		CPPUNIT_ASSERT_EQUAL(GitCredentials::GITHUB_APP, credentials.method());
		std::string user, password;
		CPPUNIT_ASSERT(credentials.resolve(user, password));
		CPPUNIT_ASSERT_EQUAL(std::string("x-access-token"), user);
		CPPUNIT_ASSERT_EQUAL(std::string("ghs_installationtoken1"), password);
		CPPUNIT_ASSERT_EQUAL(1, endpoint.state().accepted);
	}

	void testUnreadableGitHubAppKeyIsAStartupErrorWithoutTheKey()
	{
		// Base64 of a PEM frame around bytes that are no RSA key.
		const std::string badKey = "LS0tLS1CRUdJTiBSU0EgUFJJVkFURSBLRVktLS0tLQpUVWxKYzJWamNtVjBhMlY1YldGMFpYSnBZV3c9Ci0tLS0tRU5EIFJTQSBQUklWQVRFIEtFWS0tLS0tCg==";
		auto config = baseConfig();
		config->setString(BuiltinKeys::GITHUB_APP_ID, "1234");
		config->setString(BuiltinKeys::GITHUB_APP_INSTALLATION_ID, "99");
		config->setString(BuiltinKeys::GITHUB_APP_PRIVATE_KEY, badKey);
		ConfigException error = validationError(*config);
		CPPUNIT_ASSERT_EQUAL(std::string(BuiltinKeys::GITHUB_APP_PRIVATE_KEY), error.key());
		CPPUNIT_ASSERT_MESSAGE(error.message(), contains(error.message(), "cannot be read as an RSA key"));
		CPPUNIT_ASSERT(!contains(error.message(), badKey));
		CPPUNIT_ASSERT(!contains(error.message(), "TUlJ"));
	}

	void testDescriptionsContainNoSecrets()
	{
		CPPUNIT_ASSERT_EQUAL(std::string("access token"), GitCredentials::accessToken(TOKEN).describe());
		CPPUNIT_ASSERT_EQUAL(std::string("user sbom"), GitCredentials::usernamePassword("sbom", PASSWORD).describe());
		CPPUNIT_ASSERT_EQUAL(std::string("no credentials"), GitCredentials().describe());
	}

	void testValidateAcceptsACompleteConfiguration()
	{
		auto config = baseConfig();
		config->setString(BuiltinKeys::GIT_PATH, "prod/cluster1");
		config->setString(BuiltinKeys::GIT_ACCESS_TOKEN, TOKEN);
		GitTarget().validate(*config);
		CPPUNIT_ASSERT_EQUAL(std::string("git"), GitTarget().name());
	}

	void testValidateRequiresRepositoryAndAuthor()
	{
		for (const char* key: { BuiltinKeys::GIT_REPOSITORY, BuiltinKeys::GIT_AUTHOR_NAME, BuiltinKeys::GIT_AUTHOR_EMAIL })
		{
			auto config = baseConfig();
			config->remove(key);
			CPPUNIT_ASSERT_EQUAL(std::string(key), validationError(*config).key());
		}
	}

	void testValidateRejectsNonHttpUrlWithoutItsCredentials()
	{
		auto config = baseConfig();
		config->setString(BuiltinKeys::GIT_REPOSITORY, "ftp://user:" + PASSWORD + "@host/repo.git");
		ConfigException error = validationError(*config);
		CPPUNIT_ASSERT_EQUAL(std::string(BuiltinKeys::GIT_REPOSITORY), error.key());
		CPPUNIT_ASSERT(error.message().find(PASSWORD) == std::string::npos);
		CPPUNIT_ASSERT(error.message().find("ftp://***@host/repo.git") != std::string::npos);
	}

	void testValidateRejectsInvalidBranch()
	{
		for (const char* branch: { "a..b", "-x", "with space", "x.lock", "a:b", "ends/" })
		{
			auto config = baseConfig();
			config->setString(BuiltinKeys::GIT_BRANCH, branch);
			CPPUNIT_ASSERT_EQUAL(std::string(BuiltinKeys::GIT_BRANCH), validationError(*config).key());
		}
		auto config = baseConfig();
		config->setString(BuiltinKeys::GIT_BRANCH, "feature/sboms-1.2");
		GitTarget().validate(*config);
	}

	void testValidateRejectsGitPathOutsideTheRepository()
	{
		auto config = baseConfig();
		config->setString(BuiltinKeys::GIT_PATH, "../elsewhere");
		CPPUNIT_ASSERT_EQUAL(std::string(BuiltinKeys::GIT_PATH), validationError(*config).key());
	}

	void testValidateRejectsUnreadableCaFile()
	{
		auto config = baseConfig();
		config->setString(BuiltinKeys::GIT_CA_CERT_FILE, "/nonexistent/ca.crt");
		CPPUNIT_ASSERT_EQUAL(std::string(BuiltinKeys::GIT_CA_CERT_FILE), validationError(*config).key());
	}

	void testUrlCredentialsAreMasked()
	{
		CPPUNIT_ASSERT_EQUAL(std::string("fetch from https://***@git.example.com/x.git failed: 401"),
			GitRepository::maskCredentials("fetch from https://sbom:" + PASSWORD + "@git.example.com/x.git failed: 401"));
		CPPUNIT_ASSERT_EQUAL(std::string("http://***@h/a and http://***@h/b"),
			GitRepository::maskCredentials("http://" + TOKEN + "@h/a and http://u:p@h/b"));
		CPPUNIT_ASSERT_EQUAL(std::string("mail me@example.com"), GitRepository::maskCredentials("mail me@example.com"));
	}

	void testCommitMessagesFollowTheGoOperator()
	{
		CPPUNIT_ASSERT_EQUAL(std::string("Created new SBOM for image a@sha256:1"), GitTarget::commitMessage({ "a@sha256:1" }));
		CPPUNIT_ASSERT_EQUAL(std::string("Created new SBOMs for 2 images\n\nCreated new SBOM for image a@sha256:1\nCreated new SBOM for image b@sha256:2"),
			GitTarget::commitMessage({ "a@sha256:1", "b@sha256:2" }));
		CPPUNIT_ASSERT_EQUAL(std::string("Deleted old SBOMs"), GitTarget::REMOVE_MESSAGE);
	}
};

CPPUNIT_TEST_SUITE_NAMED_REGISTRATION(GitCredentialsTest, "GitTarget");
