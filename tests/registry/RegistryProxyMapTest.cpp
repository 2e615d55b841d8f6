//
// RegistryProxyMapTest.cpp
//

#include "sbomop/registry/RegistryProxyMap.h"
#include "sbomop/registry/RegistryException.h"
#include <cppunit/extensions/HelperMacros.h>

using sbomop::image::ImageReference;
using sbomop::registry::InvalidRegistryProxyException;
using sbomop::registry::RegistryProxyMap;

namespace {

const std::string DIGEST = "sha256:0d17b565c37bcbd895e9d92315a05c1c3c9a29f762b011a10c54a66cd53c9b31";


std::string rewrite(const std::string& image, const std::string& entries)
{
	return RegistryProxyMap::parse(entries).apply(ImageReference::parse(image)).string();
}


std::string errorOf(const std::string& entries)
{
	try
	{
		RegistryProxyMap::parse(entries);
	}
	catch (InvalidRegistryProxyException& exc)
	{
		return exc.message();
	}
	CPPUNIT_FAIL("no exception for \"" + entries + "\"");
	return std::string();
}

} // namespace


class RegistryProxyMapTest: public CppUnit::TestFixture
{
	CPPUNIT_TEST_SUITE(RegistryProxyMapTest);
	CPPUNIT_TEST(testGoOperatorTable);
	CPPUNIT_TEST(testNoMappingLeavesReferenceUnchanged);
	CPPUNIT_TEST(testDigestWinsOverTag);
	CPPUNIT_TEST(testMissingTagBecomesLatest);
	CPPUNIT_TEST(testUserRepositoryOnDockerHub);
	CPPUNIT_TEST(testDockerHubAliasesAsSource);
	CPPUNIT_TEST(testSourceIsCaseInsensitive);
	CPPUNIT_TEST(testProxyWithPathPrefix);
	CPPUNIT_TEST(testLibraryPathOfOtherRegistriesIsKept);
	CPPUNIT_TEST(testOnlyTheHostIsReplaced);
	CPPUNIT_TEST(testPortIsPartOfTheSource);
	CPPUNIT_TEST(testRepeatableValuesAndCommaLists);
	CPPUNIT_TEST(testWhitespaceAndEmptyEntriesAreIgnored);
	CPPUNIT_TEST(testSameMappingTwiceIsAccepted);
	CPPUNIT_TEST(testProxyFor);
	CPPUNIT_TEST(testRejectsEntryWithoutEquals);
	CPPUNIT_TEST(testRejectsEmptySides);
	CPPUNIT_TEST(testRejectsRepeatedEquals);
	CPPUNIT_TEST(testRejectsInvalidHosts);
	CPPUNIT_TEST(testRejectsConflictingMapping);
	CPPUNIT_TEST_SUITE_END();

public:
	void testGoOperatorTable()
	{
		// internal/kubernetes/image_test.go of the Go operator.
		CPPUNIT_ASSERT_EQUAL(std::string("docker.io/library/alpine:3.17"), rewrite("alpine:3.17", ""));
		CPPUNIT_ASSERT_EQUAL(std::string("ghcr.io/alpine:3.17"), rewrite("docker.io/alpine:3.17", "docker.io=ghcr.io"));
		CPPUNIT_ASSERT_EQUAL(std::string("ghcr.io/alpine:3.17"), rewrite("alpine:3.17", "docker.io=ghcr.io"));
		CPPUNIT_ASSERT_EQUAL(std::string("docker.io/library/alpine:3.17"), rewrite("alpine:3.17", "ghcr.io=docker.io"));
		CPPUNIT_ASSERT_EQUAL(std::string("my.registry.com:5000/alpine:3.17"), rewrite("alpine:3.17", "docker.io=my.registry.com:5000"));
		CPPUNIT_ASSERT_EQUAL(std::string("ghcr.io/alpine:3.17"), rewrite("my.registry.com:5000/alpine:3.17", "my.registry.com:5000=ghcr.io"));
	}

	void testNoMappingLeavesReferenceUnchanged()
	{
		const ImageReference image = ImageReference::parse("quay.io/org/app:1@" + DIGEST);
		CPPUNIT_ASSERT(RegistryProxyMap::parse("docker.io=ghcr.io").apply(image) == image);
		CPPUNIT_ASSERT(RegistryProxyMap().apply(image) == image);
	}

	void testDigestWinsOverTag()
	{
		CPPUNIT_ASSERT_EQUAL("ghcr.io/alpine@" + DIGEST, rewrite("alpine:3.17@" + DIGEST, "docker.io=ghcr.io"));
		CPPUNIT_ASSERT_EQUAL("ghcr.io/alpine@" + DIGEST, rewrite("docker.io/library/alpine@" + DIGEST, "docker.io=ghcr.io"));
	}

	void testMissingTagBecomesLatest()
	{
		const ImageReference rewritten = RegistryProxyMap::parse("docker.io=ghcr.io").apply(ImageReference::parse("alpine"));
		CPPUNIT_ASSERT_EQUAL(std::string("latest"), rewritten.tag());
		CPPUNIT_ASSERT_EQUAL(std::string("ghcr.io/alpine:latest"), rewritten.string());
	}

	void testUserRepositoryOnDockerHub()
	{
		CPPUNIT_ASSERT_EQUAL(std::string("ghcr.io/bitnami/redis:7"), rewrite("bitnami/redis:7", "docker.io=ghcr.io"));
	}

	void testDockerHubAliasesAsSource()
	{
		CPPUNIT_ASSERT_EQUAL(std::string("ghcr.io/alpine:3.17"), rewrite("alpine:3.17", "index.docker.io=ghcr.io"));
		CPPUNIT_ASSERT_EQUAL(std::string("ghcr.io/alpine:3.17"), rewrite("registry-1.docker.io/library/alpine:3.17", "docker.io=ghcr.io"));
	}

	void testSourceIsCaseInsensitive()
	{
		CPPUNIT_ASSERT_EQUAL(std::string("mirror.example.com/team/app:1"), rewrite("Registry.Example.com/team/app:1", "registry.example.com=mirror.example.com"));
	}

	void testProxyWithPathPrefix()
	{
		CPPUNIT_ASSERT_EQUAL(std::string("harbor.example.com/hub/alpine:3.17"), rewrite("alpine:3.17", "docker.io=harbor.example.com/hub/"));
	}

	void testLibraryPathOfOtherRegistriesIsKept()
	{
		CPPUNIT_ASSERT_EQUAL(std::string("mirror.example.com/library/app:1"), rewrite("harbor.example.com/library/app:1", "harbor.example.com=mirror.example.com"));
	}

	void testOnlyTheHostIsReplaced()
	{
		CPPUNIT_ASSERT_EQUAL(std::string("mirror.io/ghcr.io-tools/x:1"), rewrite("ghcr.io/ghcr.io-tools/x:1", "ghcr.io=mirror.io"));
	}

	void testPortIsPartOfTheSource()
	{
		CPPUNIT_ASSERT_EQUAL(std::string("registry.example.com:5000/a:1"), rewrite("registry.example.com:5000/a:1", "registry.example.com=mirror.io"));
	}

	void testRepeatableValuesAndCommaLists()
	{
		const RegistryProxyMap map(std::vector<std::string>{"docker.io=ghcr.io,quay.io=mirror.io:8443", "gcr.io=mirror.io/gcr"});
		CPPUNIT_ASSERT_EQUAL(std::size_t(3), map.size());
		CPPUNIT_ASSERT_EQUAL(std::string("mirror.io:8443/org/app:1"), map.apply(ImageReference::parse("quay.io/org/app:1")).string());
		CPPUNIT_ASSERT_EQUAL(std::string("mirror.io/gcr/distroless/base:nonroot"), map.apply(ImageReference::parse("gcr.io/distroless/base:nonroot")).string());
	}

	void testWhitespaceAndEmptyEntriesAreIgnored()
	{
		const RegistryProxyMap map = RegistryProxyMap::parse(" docker.io = ghcr.io , , ");
		CPPUNIT_ASSERT_EQUAL(std::size_t(1), map.size());
		CPPUNIT_ASSERT_EQUAL(std::string("ghcr.io"), map.entries().at("docker.io"));
		CPPUNIT_ASSERT(RegistryProxyMap::parse("").empty());
	}

	void testSameMappingTwiceIsAccepted()
	{
		CPPUNIT_ASSERT_EQUAL(std::size_t(1), RegistryProxyMap::parse("docker.io=ghcr.io,index.docker.io=ghcr.io").size());
	}

	void testProxyFor()
	{
		const RegistryProxyMap map = RegistryProxyMap::parse("docker.io=ghcr.io");
		CPPUNIT_ASSERT_EQUAL(std::string("ghcr.io"), map.proxyFor("index.docker.io"));
		CPPUNIT_ASSERT_EQUAL(std::string(""), map.proxyFor("quay.io"));
	}

	void testRejectsEntryWithoutEquals()
	{
		CPPUNIT_ASSERT_THROW(RegistryProxyMap::parse("docker.io"), InvalidRegistryProxyException);
		CPPUNIT_ASSERT_EQUAL(std::string("\"docker.io\": expected <registry>=<proxy>"), errorOf("docker.io"));
	}

	void testRejectsEmptySides()
	{
		CPPUNIT_ASSERT_EQUAL(std::string("\"=ghcr.io\": empty source registry"), errorOf("=ghcr.io"));
		CPPUNIT_ASSERT_EQUAL(std::string("\"docker.io=\": empty proxy registry"), errorOf("docker.io="));
	}

	void testRejectsRepeatedEquals()
	{
		CPPUNIT_ASSERT_EQUAL(std::string("\"docker.io=ghcr.io=x\": expected <registry>=<proxy>"), errorOf("docker.io=ghcr.io=x"));
	}

	void testRejectsInvalidHosts()
	{
		CPPUNIT_ASSERT_EQUAL(std::string("\"docker_io=ghcr.io\": invalid source registry \"docker_io\" (expected host[:port])"), errorOf("docker_io=ghcr.io"));
		CPPUNIT_ASSERT_EQUAL(std::string("\"docker.io/library=ghcr.io\": invalid source registry \"docker.io/library\" (expected host[:port])"),
			errorOf("docker.io/library=ghcr.io"));
		CPPUNIT_ASSERT_EQUAL(std::string("\"docker.io=https://ghcr.io\": invalid proxy registry \"https://ghcr.io\" (expected host[:port][/path])"),
			errorOf("docker.io=https://ghcr.io"));
		CPPUNIT_ASSERT_EQUAL(std::string("\"docker.io=ghcr.io/Hub\": invalid proxy registry \"ghcr.io/Hub\" (expected host[:port][/path])"),
			errorOf("docker.io=ghcr.io/Hub"));
	}

	void testRejectsConflictingMapping()
	{
		CPPUNIT_ASSERT_EQUAL(std::string("\"index.docker.io=b.io\": docker.io is already mapped to \"a.io\""), errorOf("docker.io=a.io,index.docker.io=b.io"));
	}
};


CPPUNIT_TEST_SUITE_NAMED_REGISTRATION(RegistryProxyMapTest, "Registry");
