//
// CredentialResolverTest.cpp
//

#include "sbomop/registry/CredentialResolver.h"
#include <cppunit/extensions/HelperMacros.h>

using sbomop::image::ImageReference;
using sbomop::registry::CredentialResolver;
using sbomop::registry::DockerConfig;
using sbomop::registry::RegistryCredentials;

namespace {

// A Docker config whose entries carry the username `user-of-<key>`.
DockerConfig config(const std::vector<std::string>& keys)
{
	std::string json = "{\"auths\":{";
	for (std::size_t i = 0; i < keys.size(); ++i)
	{
		if (i > 0) json += ",";
		json += "\"" + keys[i] + "\":{\"username\":\"user-of-" + keys[i] + "\",\"password\":\"pw\"}";
	}
	return DockerConfig::parseConfigJson(json + "}}");
}


std::string userFor(const CredentialResolver& resolver, const std::string& image)
{
	return resolver.resolve(ImageReference::parse(image)).username();
}


CredentialResolver resolverOf(const std::vector<std::string>& keys)
{
	CredentialResolver resolver;
	resolver.addSource("pull-secret", config(keys));
	return resolver;
}

} // namespace


class CredentialResolverTest: public CppUnit::TestFixture
{
	CPPUNIT_TEST_SUITE(CredentialResolverTest);
	CPPUNIT_TEST(testNoSourcesGiveEmptyCredentials);
	CPPUNIT_TEST(testExactHostMatch);
	CPPUNIT_TEST(testNothingMatchesGivesEmptyCredentials);
	CPPUNIT_TEST(testResultCarriesImageRegistry);
	CPPUNIT_TEST(testDockerHubSpellingsAreOneRegistry);
	CPPUNIT_TEST(testSchemeAndVersionPathAreIgnored);
	CPPUNIT_TEST(testLongestPathPrefixWins);
	CPPUNIT_TEST(testPathPrefixMatchesWholeComponents);
	CPPUNIT_TEST(testGlobMatchesOneDnsLabel);
	CPPUNIT_TEST(testLiteralHostBeatsGlob);
	CPPUNIT_TEST(testPortsMustBeEqual);
	CPPUNIT_TEST(testHostsAreCaseInsensitive);
	CPPUNIT_TEST(testEarlierSourceWinsTies);
	CPPUNIT_TEST(testMoreSpecificLaterSourceWins);
	CPPUNIT_TEST(testFallbackSourceIsUsedWhenPodSecretsDoNotMatch);
	CPPUNIT_TEST(testEmptyEntriesDoNotHideFallback);
	CPPUNIT_TEST(testMalformedGlobKeyMatchesNothing);
	CPPUNIT_TEST(testCandidatesAreOrderedBySpecificity);
	CPPUNIT_TEST_SUITE_END();

public:
	void testNoSourcesGiveEmptyCredentials()
	{
		const CredentialResolver resolver;
		CPPUNIT_ASSERT(resolver.resolve(ImageReference::parse("nginx")).empty());
		CPPUNIT_ASSERT_EQUAL(std::size_t(0), resolver.sourceCount());
	}

	void testExactHostMatch()
	{
		const CredentialResolver resolver = resolverOf({"ghcr.io", "quay.io"});
		CPPUNIT_ASSERT_EQUAL(std::string("user-of-ghcr.io"), userFor(resolver, "ghcr.io/org/app:1"));
		CPPUNIT_ASSERT_EQUAL(std::string("user-of-quay.io"), userFor(resolver, "quay.io/org/app:1"));
	}

	void testNothingMatchesGivesEmptyCredentials()
	{
		const CredentialResolver resolver = resolverOf({"ghcr.io"});
		const RegistryCredentials credentials = resolver.resolve(ImageReference::parse("quay.io/org/app"));
		CPPUNIT_ASSERT(credentials == RegistryCredentials());
		CPPUNIT_ASSERT(resolver.candidates(ImageReference::parse("quay.io/org/app")).empty());
	}

	void testResultCarriesImageRegistry()
	{
		const CredentialResolver resolver = resolverOf({"https://ghcr.io/v2/"});
		CPPUNIT_ASSERT(resolver.resolve(ImageReference::parse("ghcr.io/org/app"))
			== RegistryCredentials("ghcr.io", "user-of-https://ghcr.io/v2/", "pw"));
	}

	void testDockerHubSpellingsAreOneRegistry()
	{
		CPPUNIT_ASSERT_EQUAL(std::string("user-of-https://index.docker.io/v1/"), userFor(resolverOf({"https://index.docker.io/v1/"}), "nginx:1.25"));
		CPPUNIT_ASSERT_EQUAL(std::string("user-of-index.docker.io"), userFor(resolverOf({"index.docker.io"}), "bitnami/redis"));
		CPPUNIT_ASSERT_EQUAL(std::string("user-of-registry-1.docker.io"), userFor(resolverOf({"registry-1.docker.io"}), "docker.io/library/alpine"));
		CPPUNIT_ASSERT_EQUAL(std::string("user-of-docker.io"), userFor(resolverOf({"docker.io"}), "index.docker.io/library/alpine"));
		CPPUNIT_ASSERT_EQUAL(std::string("user-of-docker.io"), userFor(resolverOf({"docker.io"}), "registry-1.docker.io/library/alpine"));
	}

	void testSchemeAndVersionPathAreIgnored()
	{
		CPPUNIT_ASSERT_EQUAL(std::string("user-of-http://registry.example.com/v2/"), userFor(resolverOf({"http://registry.example.com/v2/"}), "registry.example.com/a/b"));
	}

	void testLongestPathPrefixWins()
	{
		const CredentialResolver resolver = resolverOf({"my-registry.example", "my-registry.example/images", "my-registry.example/images/team"});
		CPPUNIT_ASSERT_EQUAL(std::string("user-of-my-registry.example/images/team"), userFor(resolver, "my-registry.example/images/team/app:1"));
		CPPUNIT_ASSERT_EQUAL(std::string("user-of-my-registry.example/images"), userFor(resolver, "my-registry.example/images/app:1"));
		CPPUNIT_ASSERT_EQUAL(std::string("user-of-my-registry.example"), userFor(resolver, "my-registry.example/other/app:1"));
	}

	void testPathPrefixMatchesWholeComponents()
	{
		const CredentialResolver resolver = resolverOf({"my-registry.example/images"});
		CPPUNIT_ASSERT_EQUAL(std::string(""), userFor(resolver, "my-registry.example/images2/app"));
		CPPUNIT_ASSERT_EQUAL(std::string(""), userFor(resolver, "my-registry.example/app"));
		CPPUNIT_ASSERT_EQUAL(std::string("user-of-my-registry.example/images"), userFor(resolver, "my-registry.example/images"));
	}

	void testGlobMatchesOneDnsLabel()
	{
		const CredentialResolver resolver = resolverOf({"*.example.com"});
		CPPUNIT_ASSERT_EQUAL(std::string("user-of-*.example.com"), userFor(resolver, "a.example.com/x"));
		CPPUNIT_ASSERT_EQUAL(std::string(""), userFor(resolver, "example.com/x"));
		CPPUNIT_ASSERT_EQUAL(std::string(""), userFor(resolver, "a.b.example.com/x"));
		CPPUNIT_ASSERT_EQUAL(std::string("user-of-registry-?.*.io"), userFor(resolverOf({"registry-?.*.io"}), "registry-2.eu.io/x"));
	}

	void testLiteralHostBeatsGlob()
	{
		const CredentialResolver resolver = resolverOf({"*.example.com/team", "a.example.com"});
		CPPUNIT_ASSERT_EQUAL(std::string("user-of-a.example.com"), userFor(resolver, "a.example.com/team/app"));
		CPPUNIT_ASSERT_EQUAL(std::string("user-of-*.example.com/team"), userFor(resolver, "b.example.com/team/app"));
	}

	void testPortsMustBeEqual()
	{
		const CredentialResolver resolver = resolverOf({"registry.example.com:5000"});
		CPPUNIT_ASSERT_EQUAL(std::string("user-of-registry.example.com:5000"), userFor(resolver, "registry.example.com:5000/a"));
		CPPUNIT_ASSERT_EQUAL(std::string(""), userFor(resolver, "registry.example.com/a"));
		CPPUNIT_ASSERT_EQUAL(std::string(""), userFor(resolverOf({"registry.example.com"}), "registry.example.com:5000/a"));
	}

	void testHostsAreCaseInsensitive()
	{
		CPPUNIT_ASSERT_EQUAL(std::string("user-of-GHCR.IO"), userFor(resolverOf({"GHCR.IO"}), "ghcr.io/org/app"));
		CPPUNIT_ASSERT_EQUAL(std::string("user-of-ghcr.io"), userFor(resolverOf({"ghcr.io"}), "GHCR.io/org/app"));
	}

	void testEarlierSourceWinsTies()
	{
		CredentialResolver resolver;
		resolver.addSource("pod-secret", DockerConfig::parseConfigJson("{\"auths\":{\"ghcr.io\":{\"username\":\"pod\",\"password\":\"1\"}}}"));
		resolver.addSource("fallback", DockerConfig::parseConfigJson("{\"auths\":{\"https://ghcr.io\":{\"username\":\"fallback\",\"password\":\"2\"}}}"));
		CPPUNIT_ASSERT_EQUAL(std::string("pod"), userFor(resolver, "ghcr.io/org/app"));
		CPPUNIT_ASSERT_EQUAL(std::size_t(2), resolver.sourceCount());
	}

	void testMoreSpecificLaterSourceWins()
	{
		CredentialResolver resolver;
		resolver.addSource("pod-secret", DockerConfig::parseConfigJson("{\"auths\":{\"ghcr.io\":{\"username\":\"pod\",\"password\":\"1\"}}}"));
		resolver.addSource("fallback", DockerConfig::parseConfigJson("{\"auths\":{\"ghcr.io/org\":{\"username\":\"fallback\",\"password\":\"2\"}}}"));
		CPPUNIT_ASSERT_EQUAL(std::string("fallback"), userFor(resolver, "ghcr.io/org/app"));
		CPPUNIT_ASSERT_EQUAL(std::string("pod"), userFor(resolver, "ghcr.io/other/app"));
	}

	void testFallbackSourceIsUsedWhenPodSecretsDoNotMatch()
	{
		CredentialResolver resolver;
		resolver.addSource("pod-secret", config({"quay.io"}));
		resolver.addSource("fallback", config({"ghcr.io"}));
		CPPUNIT_ASSERT_EQUAL(std::string("user-of-ghcr.io"), userFor(resolver, "ghcr.io/org/app"));
	}

	void testEmptyEntriesDoNotHideFallback()
	{
		CredentialResolver resolver;
		resolver.addSource("pod-secret", DockerConfig::parseConfigJson("{\"auths\":{\"ghcr.io/org\":{\"email\":\"x@example.com\"}}}"));
		resolver.addSource("fallback", config({"ghcr.io"}));
		CPPUNIT_ASSERT_EQUAL(std::string("user-of-ghcr.io"), userFor(resolver, "ghcr.io/org/app"));
	}

	void testMalformedGlobKeyMatchesNothing()
	{
		const CredentialResolver resolver = resolverOf({"[.example.com", "ghcr.io"});
		CPPUNIT_ASSERT_EQUAL(std::string(""), userFor(resolver, "a.example.com/x"));
		CPPUNIT_ASSERT_EQUAL(std::string("user-of-ghcr.io"), userFor(resolver, "ghcr.io/x"));
	}

	void testCandidatesAreOrderedBySpecificity()
	{
		CredentialResolver resolver;
		resolver.addSource("pod-a", config({"*.example.com", "a.example.com"}));
		resolver.addSource("fallback", config({"a.example.com/team"}));
		const std::vector<CredentialResolver::Candidate> candidates = resolver.candidates(ImageReference::parse("a.example.com/team/app"));
		CPPUNIT_ASSERT_EQUAL(std::size_t(3), candidates.size());
		CPPUNIT_ASSERT_EQUAL(std::string("fallback"), candidates[0].source);
		CPPUNIT_ASSERT_EQUAL(std::string("a.example.com/team"), candidates[0].key);
		CPPUNIT_ASSERT_EQUAL(std::string("pod-a"), candidates[1].source);
		CPPUNIT_ASSERT_EQUAL(std::string("a.example.com"), candidates[1].key);
		CPPUNIT_ASSERT_EQUAL(std::string("*.example.com"), candidates[2].key);
		CPPUNIT_ASSERT_EQUAL(std::string("a.example.com"), candidates[2].credentials.registry());
	}
};


CPPUNIT_TEST_SUITE_NAMED_REGISTRATION(CredentialResolverTest, "Registry");
