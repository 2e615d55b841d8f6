//
// OciAuthChallengeTest.cpp
//
// Parsing of WWW-Authenticate challenges.
//

#include "sbomop/targets/oci/OciAuthChallenge.h"
#include <Poco/Exception.h>
#include <cppunit/extensions/HelperMacros.h>

using sbomop::targets::OciAuthChallenge;


class OciAuthChallengeTest: public CppUnit::TestFixture
{
	CPPUNIT_TEST_SUITE(OciAuthChallengeTest);
	CPPUNIT_TEST(testParsesBasicWithRealm);
	CPPUNIT_TEST(testParsesBearerWithCommasInsideQuotedScope);
	CPPUNIT_TEST(testUnescapesQuotedStrings);
	CPPUNIT_TEST(testAcceptsTokensAndMixedCase);
	CPPUNIT_TEST(testKeepsOnlyTheFirstChallenge);
	CPPUNIT_TEST(testRejectsMissingSchemeAndOpenQuotes);
	CPPUNIT_TEST_SUITE_END();

public:
	void testParsesBasicWithRealm()
	{
		const OciAuthChallenge challenge = OciAuthChallenge::parse("Basic realm=\"sbom-registry\"");
		CPPUNIT_ASSERT(challenge.isBasic());
		CPPUNIT_ASSERT(!challenge.isBearer());
		CPPUNIT_ASSERT_EQUAL(std::string("sbom-registry"), challenge.parameter("realm"));
		CPPUNIT_ASSERT_EQUAL(std::size_t(1), challenge.parameters().size());
	}

	void testParsesBearerWithCommasInsideQuotedScope()
	{
		const OciAuthChallenge challenge = OciAuthChallenge::parse(
			"Bearer realm=\"https://auth.docker.io/token\",service=\"registry.docker.io\","
			"scope=\"repository:team/sboms:pull,push\",error=\"insufficient_scope\"");
		CPPUNIT_ASSERT(challenge.isBearer());
		CPPUNIT_ASSERT_EQUAL(std::string("https://auth.docker.io/token"), challenge.parameter("realm"));
		CPPUNIT_ASSERT_EQUAL(std::string("registry.docker.io"), challenge.parameter("service"));
		CPPUNIT_ASSERT_EQUAL(std::string("repository:team/sboms:pull,push"), challenge.parameter("scope"));
		CPPUNIT_ASSERT_EQUAL(std::string("insufficient_scope"), challenge.parameter("error"));
		CPPUNIT_ASSERT_EQUAL(std::string(), challenge.parameter("missing"));
	}

	void testUnescapesQuotedStrings()
	{
		const OciAuthChallenge challenge = OciAuthChallenge::parse("Basic realm=\"a \\\"quoted\\\" \\\\ realm, really\"");
		CPPUNIT_ASSERT_EQUAL(std::string("a \"quoted\" \\ realm, really"), challenge.parameter("realm"));
	}

	void testAcceptsTokensAndMixedCase()
	{
		const OciAuthChallenge challenge = OciAuthChallenge::parse("  BEARER  Realm = https://h:5001/token , Service=reg ");
		CPPUNIT_ASSERT_EQUAL(std::string("bearer"), challenge.scheme());
		CPPUNIT_ASSERT_EQUAL(std::string("https://h:5001/token"), challenge.parameter("REALM"));
		CPPUNIT_ASSERT_EQUAL(std::string("reg"), challenge.parameter("service"));
	}

	void testKeepsOnlyTheFirstChallenge()
	{
		const OciAuthChallenge challenge = OciAuthChallenge::parse("Bearer realm=\"r\", Basic realm=\"other\"");
		CPPUNIT_ASSERT(challenge.isBearer());
		CPPUNIT_ASSERT_EQUAL(std::string("r"), challenge.parameter("realm"));
		CPPUNIT_ASSERT_EQUAL(std::size_t(1), challenge.parameters().size());
	}

	void testRejectsMissingSchemeAndOpenQuotes()
	{
		CPPUNIT_ASSERT_THROW(OciAuthChallenge::parse(""), Poco::SyntaxException);
		CPPUNIT_ASSERT_THROW(OciAuthChallenge::parse("   "), Poco::SyntaxException);
		CPPUNIT_ASSERT_THROW(OciAuthChallenge::parse("Basic realm=\"open"), Poco::SyntaxException);
	}
};


CPPUNIT_TEST_SUITE_NAMED_REGISTRATION(OciAuthChallengeTest, "OciTarget");
