//
// OciRepositoryTest.cpp
//
// Parsing the oci-registry value, and the target's validation of its keys.
//

#include "OciTestSupport.h"
#include "sbomop/config/ConfigException.h"
#include "sbomop/targets/oci/OciRepository.h"
#include "sbomop/targets/oci/OciTarget.h"
#include <Poco/Exception.h>
#include <cppunit/extensions/HelperMacros.h>

using sbomop::config::ConfigException;
using sbomop::targets::OciRepository;
using sbomop::targets::OciTarget;
using sbomop::testing::ociConfiguration;


class OciRepositoryTest: public CppUnit::TestFixture
{
	CPPUNIT_TEST_SUITE(OciRepositoryTest);
	CPPUNIT_TEST(testRegistryWithRepositoryPath);
	CPPUNIT_TEST(testRegistryWithPortAndExplicitScheme);
	CPPUNIT_TEST(testNamesWithoutRegistryAreOnDockerHub);
	CPPUNIT_TEST(testRejectsMalformedValues);
	CPPUNIT_TEST(testValidateNamesTheOffendingKey);
	CPPUNIT_TEST_SUITE_END();

public:
	void testRegistryWithRepositoryPath()
	{
		const OciRepository repository = OciRepository::parse("ghcr.io/ckotzbauer/sbom-operator/oci-test");
		CPPUNIT_ASSERT_EQUAL(std::string("https"), repository.scheme());
		CPPUNIT_ASSERT_EQUAL(std::string("ghcr.io"), repository.registry());
		CPPUNIT_ASSERT_EQUAL(std::string("ghcr.io"), repository.host());
		CPPUNIT_ASSERT_EQUAL(Poco::UInt16(443), repository.port());
		CPPUNIT_ASSERT_EQUAL(std::string("ckotzbauer/sbom-operator/oci-test"), repository.repository());
		CPPUNIT_ASSERT_EQUAL(std::string("ghcr.io/ckotzbauer/sbom-operator/oci-test"), repository.toString());
	}

	void testRegistryWithPortAndExplicitScheme()
	{
		const OciRepository tls = OciRepository::parse("127.0.0.1:5001/team/sboms/");
		CPPUNIT_ASSERT_EQUAL(std::string("127.0.0.1"), tls.host());
		CPPUNIT_ASSERT_EQUAL(Poco::UInt16(5001), tls.port());
		CPPUNIT_ASSERT_EQUAL(std::string("127.0.0.1:5001"), tls.registry());
		CPPUNIT_ASSERT_EQUAL(std::string("team/sboms"), tls.repository());
		const OciRepository plain = OciRepository::parse("http://localhost/sboms");
		CPPUNIT_ASSERT_EQUAL(std::string("http"), plain.scheme());
		CPPUNIT_ASSERT_EQUAL(Poco::UInt16(80), plain.port());
		CPPUNIT_ASSERT_EQUAL(std::string("localhost"), plain.host());
	}

	void testNamesWithoutRegistryAreOnDockerHub()
	{
		const OciRepository single = OciRepository::parse("sboms");
		CPPUNIT_ASSERT_EQUAL(std::string("docker.io"), single.registry());
		CPPUNIT_ASSERT_EQUAL(std::string("registry-1.docker.io"), single.host());
		CPPUNIT_ASSERT_EQUAL(std::string("library/sboms"), single.repository());
		CPPUNIT_ASSERT_EQUAL(std::string("team/sboms"), OciRepository::parse("team/sboms").repository());
		CPPUNIT_ASSERT_EQUAL(std::string("registry-1.docker.io"), OciRepository::parse("index.docker.io/team/sboms").host());
	}

	void testRejectsMalformedValues()
	{
		CPPUNIT_ASSERT_THROW(OciRepository::parse(""), Poco::SyntaxException);
		CPPUNIT_ASSERT_THROW(OciRepository::parse("registry.example.com"), Poco::SyntaxException);
		CPPUNIT_ASSERT_THROW(OciRepository::parse("registry.example.com/Team"), Poco::SyntaxException);
		CPPUNIT_ASSERT_THROW(OciRepository::parse("registry.example.com/a//b"), Poco::SyntaxException);
		CPPUNIT_ASSERT_THROW(OciRepository::parse("registry.example.com:99999/a"), Poco::SyntaxException);
		CPPUNIT_ASSERT_THROW(OciRepository::parse("ftp://registry.example.com/a"), Poco::SyntaxException);
	}

	void testValidateNamesTheOffendingKey()
	{
		const OciTarget target;
		CPPUNIT_ASSERT_NO_THROW(target.validate(*ociConfiguration({ { "oci-registry", "r.example/sboms" },
			{ "oci-user", "u" }, { "oci-token", "t" } })));
		expectKey(target, {}, "oci-registry");
		expectKey(target, { { "oci-registry", "r.example" } }, "oci-registry");
		expectKey(target, { { "oci-registry", "r.example/s" }, { "oci-user", "u" } }, "oci-token");
		expectKey(target, { { "oci-registry", "r.example/s" }, { "oci-token", "t0ken-secret" } }, "oci-user");
		expectKey(target, { { "oci-registry", "r.example/s" }, { "oci-ca-cert-file", "/nonexistent/ca.pem" } }, "oci-ca-cert-file");
	}

private:
	static void expectKey(const OciTarget& target, const std::map<std::string, std::string>& values, const std::string& key)
	{
		try
		{
			target.validate(*ociConfiguration(values));
			CPPUNIT_FAIL("no ConfigException for " + key);
		}
		catch (ConfigException& e)
		{
			CPPUNIT_ASSERT_EQUAL_MESSAGE(e.message(), key, e.key());
			CPPUNIT_ASSERT(e.message().find("t0ken-secret") == std::string::npos);
		}
	}
};


CPPUNIT_TEST_SUITE_NAMED_REGISTRATION(OciRepositoryTest, "OciTarget");
