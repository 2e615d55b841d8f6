//
// GitHubAppTokenSourceTest.cpp
//
// The GitHub App JWT and the installation token flow against a double of
// GitHub's token endpoint.
//

#include "TokenEndpointDouble.h"
#include "common/Base64Text.h"
#include "sbomop/targets/git/GitException.h"
#include "sbomop/targets/git/GitHubAppTokenSource.h"
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <Poco/StringTokenizer.h>
#include <Poco/Timestamp.h>
#include <cppunit/extensions/HelperMacros.h>
#include <sstream>

using sbomop::targets::GitHubAppException;
using sbomop::targets::GitHubAppTokenSource;
using sbomop::testing::TokenEndpointDouble;

namespace {

Poco::JSON::Object::Ptr decodePart(const std::string& part)
{
	Poco::JSON::Parser parser;
	return parser.parse(TokenEndpointDouble::base64UrlDecode(part)).extract<Poco::JSON::Object::Ptr>();
}

// Broken into lines of 72 characters, as base64 tools write a PEM file.
std::string base64(const std::string& text)
{
	return sbomop::testcommon::base64(text, 72);
}

}

class GitHubAppTokenSourceTest: public CppUnit::TestFixture
{
	CPPUNIT_TEST_SUITE(GitHubAppTokenSourceTest);
	CPPUNIT_TEST(testBase64UrlEncodingHasNoPaddingAndUrlAlphabet);
	CPPUNIT_TEST(testJwtHasRs256HeaderAndGitHubClaims);
	CPPUNIT_TEST(testJwtSignatureVerifiesWithThePublicKey);
	CPPUNIT_TEST(testTamperedJwtDoesNotVerify);
	CPPUNIT_TEST(testTokenIsRequestedOnceAndCached);
	CPPUNIT_TEST(testTokenCloseToExpiryIsRefreshed);
	CPPUNIT_TEST(testInvalidateForcesANewToken);
	CPPUNIT_TEST(testRefusedRequestNamesEndpointAndStatusWithoutTheJwt);
	CPPUNIT_TEST(testUnreachableEndpointIsAGitHubAppError);
	CPPUNIT_TEST(testUnreadableKeyIsRejectedWithoutKeyMaterial);
	CPPUNIT_TEST_SUITE_END();

public:
	void testBase64UrlEncodingHasNoPaddingAndUrlAlphabet()
	{
		CPPUNIT_ASSERT_EQUAL(std::string("-_8"), GitHubAppTokenSource::base64UrlEncode("\xfb\xff"));
		CPPUNIT_ASSERT_EQUAL(std::string("eyJhIjoxfQ"), GitHubAppTokenSource::base64UrlEncode("{\"a\":1}"));
		// No line breaks however long, no padding.
		const std::string LONG = GitHubAppTokenSource::base64UrlEncode(std::string(301, '\xff'));
		CPPUNIT_ASSERT_EQUAL(std::size_t(402), LONG.size());
		CPPUNIT_ASSERT_EQUAL(std::string(401, '_') + "w", LONG);
	}

	void testJwtHasRs256HeaderAndGitHubClaims()
	{
		GitHubAppTokenSource source("https://api.github.com", "4711", "99", TokenEndpointDouble::appKey().base64Pem);
		Poco::Timestamp now;
		Poco::StringTokenizer parts(source.createJwt(now), ".");
		CPPUNIT_ASSERT_EQUAL(std::size_t(3), parts.count());
		auto header = decodePart(parts[0]);
		auto claims = decodePart(parts[1]);
		CPPUNIT_ASSERT_EQUAL(std::string("RS256"), header->getValue<std::string>("alg"));
		CPPUNIT_ASSERT_EQUAL(std::string("JWT"), header->getValue<std::string>("typ"));
		CPPUNIT_ASSERT_EQUAL(std::string("4711"), claims->getValue<std::string>("iss"));
		CPPUNIT_ASSERT_EQUAL(static_cast<Poco::Int64>(now.epochTime() - 60), claims->getValue<Poco::Int64>("iat"));
		CPPUNIT_ASSERT_EQUAL(static_cast<Poco::Int64>(now.epochTime() + 540), claims->getValue<Poco::Int64>("exp"));
		CPPUNIT_ASSERT_EQUAL(std::string("https://api.github.com/app/installations/99/access_tokens"), source.tokenUrl());
	}

	void testJwtSignatureVerifiesWithThePublicKey()
	{
		const auto& key = TokenEndpointDouble::appKey();
		GitHubAppTokenSource source("https://api.github.com/", "4711", "99", key.base64Pem);
		std::string error;
		CPPUNIT_ASSERT_MESSAGE(error, TokenEndpointDouble::verifyJwt(source.createJwt(Poco::Timestamp()), *key.key, "4711", error));
		// A plain PEM works as well as the base64-encoded one.
		GitHubAppTokenSource plain("https://api.github.com", "4711", "99", key.privatePem);
		CPPUNIT_ASSERT_MESSAGE(error, TokenEndpointDouble::verifyJwt(plain.createJwt(Poco::Timestamp()), *key.key, "4711", error));
	}

	void testTamperedJwtDoesNotVerify()
	{
		const auto& key = TokenEndpointDouble::appKey();
		GitHubAppTokenSource source("https://api.github.com", "4711", "99", key.base64Pem);
		GitHubAppTokenSource other("https://api.github.com", "4712", "99", key.base64Pem);
		Poco::StringTokenizer parts(source.createJwt(Poco::Timestamp()), ".");
		Poco::StringTokenizer otherParts(other.createJwt(Poco::Timestamp()), ".");
		// Claims of app 4712 with the signature made for app 4711.
		std::string error;
		CPPUNIT_ASSERT(!TokenEndpointDouble::verifyJwt(parts[0] + "." + otherParts[1] + "." + parts[2], *key.key, "4712", error));
		CPPUNIT_ASSERT_EQUAL(std::string("signature does not verify"), error);
	}

	void testTokenIsRequestedOnceAndCached()
	{
		const auto& key = TokenEndpointDouble::appKey();
		TokenEndpointDouble endpoint(*key.key, "4711", "99", "ghs_cachedtoken");
		GitHubAppTokenSource source(endpoint.url(), "4711", "99", key.base64Pem);
		CPPUNIT_ASSERT_EQUAL(std::string("ghs_cachedtoken"), source.token());
		CPPUNIT_ASSERT_EQUAL(std::string("ghs_cachedtoken"), source.token());
		CPPUNIT_ASSERT_EQUAL(1, endpoint.state().accepted);
		CPPUNIT_ASSERT_EQUAL(0, endpoint.state().refused);
		const Poco::Timestamp::TimeDiff left = source.expiresAt() - Poco::Timestamp();
		CPPUNIT_ASSERT(left > 3500 * Poco::Timestamp::resolution() && left <= 3600 * Poco::Timestamp::resolution());
	}

	void testTokenCloseToExpiryIsRefreshed()
	{
		const auto& key = TokenEndpointDouble::appKey();
		TokenEndpointDouble endpoint(*key.key, "4711", "99", "ghs_shortlived");
		endpoint.state().lifetimeSeconds = 120;   // inside the refresh margin
		GitHubAppTokenSource source(endpoint.url(), "4711", "99", key.base64Pem);
		source.token();
		source.token();
		CPPUNIT_ASSERT_EQUAL(2, endpoint.state().accepted);
	}

	void testInvalidateForcesANewToken()
	{
		const auto& key = TokenEndpointDouble::appKey();
		TokenEndpointDouble endpoint(*key.key, "4711", "99", "ghs_first");
		GitHubAppTokenSource source(endpoint.url(), "4711", "99", key.base64Pem);
		CPPUNIT_ASSERT_EQUAL(std::string("ghs_first"), source.token());
		endpoint.state().token = "ghs_second";
		source.invalidate();
		CPPUNIT_ASSERT_EQUAL(std::string("ghs_second"), source.token());
		CPPUNIT_ASSERT_EQUAL(2, endpoint.state().accepted);
	}

	void testRefusedRequestNamesEndpointAndStatusWithoutTheJwt()
	{
		const auto& key = TokenEndpointDouble::appKey();
		TokenEndpointDouble endpoint(*key.key, "4711", "99", "ghs_never");
		GitHubAppTokenSource source(endpoint.url(), "9999", "99", key.base64Pem);   // wrong app ID
		try
		{
			source.token();
			CPPUNIT_FAIL("token() succeeded for a refused JWT");
		}
		catch (GitHubAppException& exc)
		{
			const std::string message = exc.message();
			CPPUNIT_ASSERT(message.find(endpoint.url() + "/app/installations/99/access_tokens") != std::string::npos);
			CPPUNIT_ASSERT(message.find("HTTP 401") != std::string::npos);
			CPPUNIT_ASSERT(message.find("eyJ") == std::string::npos);   // no JWT
		}
		CPPUNIT_ASSERT_EQUAL(1, endpoint.state().refused);
		CPPUNIT_ASSERT_EQUAL(std::string("iss is not the app ID"), endpoint.state().errors.at(0));
	}

	void testUnreachableEndpointIsAGitHubAppError()
	{
		std::string url;
		{
			const auto& key = TokenEndpointDouble::appKey();
			TokenEndpointDouble endpoint(*key.key, "4711", "99", "ghs_x");
			url = endpoint.url();
		}
		GitHubAppTokenSource source(url, "4711", "99", TokenEndpointDouble::appKey().base64Pem);
		CPPUNIT_ASSERT_THROW(source.token(), GitHubAppException);
	}

	void testUnreadableKeyIsRejectedWithoutKeyMaterial()
	{
		const std::string garbage = base64("-----BEGIN RSA PRIVATE KEY-----\nTUlJc2VjcmV0a2V5bWF0ZXJpYWw=\n-----END RSA PRIVATE KEY-----\n");
		try
		{
			GitHubAppTokenSource source("https://api.github.com", "4711", "99", garbage);
			CPPUNIT_FAIL("an unreadable key was accepted");
		}
		catch (GitHubAppException& exc)
		{
			CPPUNIT_ASSERT_EQUAL(std::string("the GitHub App private key cannot be read as an RSA key"), exc.message());
		}
		CPPUNIT_ASSERT_THROW(GitHubAppTokenSource("https://api.github.com", "4711", "99", base64("not a key")), GitHubAppException);
		CPPUNIT_ASSERT_THROW(GitHubAppTokenSource("ftp://api.github.com", "4711", "99", TokenEndpointDouble::appKey().base64Pem), GitHubAppException);
	}
};

CPPUNIT_TEST_SUITE_NAMED_REGISTRATION(GitHubAppTokenSourceTest, "GitTarget");
