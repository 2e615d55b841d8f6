//
// RegistryCredentialsTest.cpp
//

#include "sbomop/registry/RegistryCredentials.h"
#include <cppunit/extensions/HelperMacros.h>
#include <sstream>

using sbomop::registry::RegistryCredentials;


class RegistryCredentialsTest: public CppUnit::TestFixture
{
	CPPUNIT_TEST_SUITE(RegistryCredentialsTest);
	CPPUNIT_TEST(testDefaultIsEmpty);
	CPPUNIT_TEST(testAccessorsReturnValues);
	CPPUNIT_TEST(testAnyCredentialMakesItNonEmpty);
	CPPUNIT_TEST(testToStringMasksPasswordAndToken);
	CPPUNIT_TEST(testToStringWithoutSecrets);
	CPPUNIT_TEST(testStreamOutputMasksSecrets);
	CPPUNIT_TEST(testWithRegistryKeepsSecrets);
	CPPUNIT_TEST(testEquality);
	CPPUNIT_TEST_SUITE_END();

public:
	void testDefaultIsEmpty()
	{
		const RegistryCredentials credentials;
		CPPUNIT_ASSERT(credentials.empty());
		CPPUNIT_ASSERT_EQUAL(std::string(""), credentials.registry());
	}

	void testAccessorsReturnValues()
	{
		const RegistryCredentials credentials("ghcr.io", "bob", "s3cr3t", "tok");
		CPPUNIT_ASSERT_EQUAL(std::string("ghcr.io"), credentials.registry());
		CPPUNIT_ASSERT_EQUAL(std::string("bob"), credentials.username());
		CPPUNIT_ASSERT_EQUAL(std::string("s3cr3t"), credentials.password());
		CPPUNIT_ASSERT_EQUAL(std::string("tok"), credentials.token());
	}

	void testAnyCredentialMakesItNonEmpty()
	{
		CPPUNIT_ASSERT(!RegistryCredentials("r", "u", "").empty());
		CPPUNIT_ASSERT(!RegistryCredentials("r", "", "p").empty());
		CPPUNIT_ASSERT(!RegistryCredentials("r", "", "", "t").empty());
		CPPUNIT_ASSERT(RegistryCredentials("r", "", "").empty());
	}

	void testToStringMasksPasswordAndToken()
	{
		const RegistryCredentials credentials("ghcr.io", "bob", "s3cr3t", "tok3n");
		const std::string text = credentials.toString();
		CPPUNIT_ASSERT_EQUAL(std::string("ghcr.io (username \"bob\", password ***, token ***)"), text);
		CPPUNIT_ASSERT(text.find("s3cr3t") == std::string::npos);
		CPPUNIT_ASSERT(text.find("tok3n") == std::string::npos);
	}

	void testToStringWithoutSecrets()
	{
		CPPUNIT_ASSERT_EQUAL(std::string("<any registry> (no username, no password, no token)"), RegistryCredentials().toString());
	}

	void testStreamOutputMasksSecrets()
	{
		std::ostringstream ostr;
		ostr << RegistryCredentials("docker.io", "", "", "identity-token-value");
		CPPUNIT_ASSERT_EQUAL(std::string("docker.io (no username, no password, token ***)"), ostr.str());
	}

	void testWithRegistryKeepsSecrets()
	{
		const RegistryCredentials credentials = RegistryCredentials("https://index.docker.io/v1/", "u", "p").withRegistry("docker.io");
		CPPUNIT_ASSERT_EQUAL(std::string("docker.io"), credentials.registry());
		CPPUNIT_ASSERT_EQUAL(std::string("u"), credentials.username());
		CPPUNIT_ASSERT_EQUAL(std::string("p"), credentials.password());
	}

	void testEquality()
	{
		CPPUNIT_ASSERT(RegistryCredentials("r", "u", "p") == RegistryCredentials("r", "u", "p"));
		CPPUNIT_ASSERT(RegistryCredentials("r", "u", "p") != RegistryCredentials("r", "u", "q"));
	}
};


CPPUNIT_TEST_SUITE_NAMED_REGISTRATION(RegistryCredentialsTest, "Registry");
