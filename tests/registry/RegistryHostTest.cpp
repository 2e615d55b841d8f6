//
// RegistryHostTest.cpp
//

#include "sbomop/registry/RegistryHost.h"
#include <cppunit/extensions/HelperMacros.h>

using sbomop::registry::RegistryHost;


class RegistryHostTest: public CppUnit::TestFixture
{
	CPPUNIT_TEST_SUITE(RegistryHostTest);
	CPPUNIT_TEST(testDockerHubAliases);
	CPPUNIT_TEST(testCanonicalLowercasesOtherHosts);
	CPPUNIT_TEST(testSplitHostAndPort);
	CPPUNIT_TEST(testSplitIpv6);
	CPPUNIT_TEST_SUITE_END();

public:
	void testDockerHubAliases()
	{
		CPPUNIT_ASSERT(RegistryHost::isDockerHub("docker.io"));
		CPPUNIT_ASSERT(RegistryHost::isDockerHub("index.docker.io"));
		CPPUNIT_ASSERT(RegistryHost::isDockerHub("Registry-1.Docker.io"));
		CPPUNIT_ASSERT(!RegistryHost::isDockerHub("docker.io:443"));
		CPPUNIT_ASSERT(!RegistryHost::isDockerHub("ghcr.io"));
		CPPUNIT_ASSERT_EQUAL(std::string("docker.io"), RegistryHost::canonical("index.docker.io"));
	}

	void testCanonicalLowercasesOtherHosts()
	{
		CPPUNIT_ASSERT_EQUAL(std::string("registry.example.com:5000"), RegistryHost::canonical("Registry.Example.com:5000"));
	}

	void testSplitHostAndPort()
	{
		std::string host;
		std::string port;
		RegistryHost::split("registry.example.com:5000", host, port);
		CPPUNIT_ASSERT_EQUAL(std::string("registry.example.com"), host);
		CPPUNIT_ASSERT_EQUAL(std::string("5000"), port);
		RegistryHost::split("ghcr.io", host, port);
		CPPUNIT_ASSERT_EQUAL(std::string("ghcr.io"), host);
		CPPUNIT_ASSERT_EQUAL(std::string(""), port);
	}

	void testSplitIpv6()
	{
		std::string host;
		std::string port;
		RegistryHost::split("[::1]:5000", host, port);
		CPPUNIT_ASSERT_EQUAL(std::string("[::1]"), host);
		CPPUNIT_ASSERT_EQUAL(std::string("5000"), port);
		RegistryHost::split("[fe80::1]", host, port);
		CPPUNIT_ASSERT_EQUAL(std::string("[fe80::1]"), host);
		CPPUNIT_ASSERT_EQUAL(std::string(""), port);
	}
};


CPPUNIT_TEST_SUITE_NAMED_REGISTRATION(RegistryHostTest, "Registry");
