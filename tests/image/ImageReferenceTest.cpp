//
// ImageReferenceTest.cpp
//

#include "sbomop/image/ImageReference.h"
#include "sbomop/image/ImageException.h"
#include <cppunit/extensions/HelperMacros.h>
#include <cctype>
#include <sstream>

using sbomop::image::ImageReference;
using sbomop::image::InvalidImageReferenceException;

namespace {

const std::string HEX = "bc8813ea7b3603864987522f02a76101c17ad122e1c46d790efc0fca78ca7bfb";
const std::string DIGEST = "sha256:" + HEX;


std::string errorOf(const std::string& reference)
{
	try
	{
		ImageReference::parse(reference);
	}
	catch (InvalidImageReferenceException& exc)
	{
		return exc.message();
	}
	CPPUNIT_FAIL("no exception for \"" + reference + "\"");
	return std::string();
}

} // namespace


class ImageReferenceTest: public CppUnit::TestFixture
{
	CPPUNIT_TEST_SUITE(ImageReferenceTest);
	CPPUNIT_TEST(testBareNameGetsDockerHubAndLibrary);
	CPPUNIT_TEST(testTaggedOfficialImage);
	CPPUNIT_TEST(testUserRepositoryOnDockerHubKeepsItsPath);
	CPPUNIT_TEST(testLegacyIndexHostBecomesDockerIo);
	CPPUNIT_TEST(testExplicitDockerIoSingleComponentGetsLibrary);
	CPPUNIT_TEST(testRegistryWithPortAndNestedPath);
	CPPUNIT_TEST(testLocalhostIsAHost);
	CPPUNIT_TEST(testLocalhostWithoutPathIsAnImageWithTag);
	CPPUNIT_TEST(testDottedFirstComponentIsAHost);
	CPPUNIT_TEST(testUppercaseFirstComponentIsAHost);
	CPPUNIT_TEST(testIpv6HostWithPort);
	CPPUNIT_TEST(testDigestOnly);
	CPPUNIT_TEST(testTagAndDigestTogether);
	CPPUNIT_TEST(testDockerParserCases);
	CPPUNIT_TEST(testPathSeparators);
	CPPUNIT_TEST(testLongestValidTag);
	CPPUNIT_TEST(testNameOfExactly255CharactersIsValid);
	CPPUNIT_TEST(testRejectsEmptyReference);
	CPPUNIT_TEST(testRejectsUppercaseRepository);
	CPPUNIT_TEST(testRejectsInvalidTags);
	CPPUNIT_TEST(testRejectsInvalidDigests);
	CPPUNIT_TEST(testRejectsUnsupportedDigestAlgorithm);
	CPPUNIT_TEST(testRejectsNameLongerThan255Characters);
	CPPUNIT_TEST(testRejectsHexadecimalRepositoryName);
	CPPUNIT_TEST(testRejectsInvalidPaths);
	CPPUNIT_TEST(testRejectsInvalidRegistryHost);
	CPPUNIT_TEST(testRejectsUrlWithCredentials);
	CPPUNIT_TEST(testWithDigestKeepsTag);
	CPPUNIT_TEST(testWithDigestRejectsInvalidDigest);
	CPPUNIT_TEST(testWithoutTagKeepsDigest);
	CPPUNIT_TEST(testEqualityComparesNormalisedForms);
	CPPUNIT_TEST(testStreamsNormalisedString);
	CPPUNIT_TEST(testEmptyReference);
	CPPUNIT_TEST(testRegistryHostValidation);
	CPPUNIT_TEST(testRepositoryPathValidation);
	CPPUNIT_TEST_SUITE_END();

public:
	void testBareNameGetsDockerHubAndLibrary()
	{
		const ImageReference ref = ImageReference::parse("nginx");
		CPPUNIT_ASSERT_EQUAL(std::string("docker.io"), ref.registry());
		CPPUNIT_ASSERT_EQUAL(std::string("library/nginx"), ref.repository());
		CPPUNIT_ASSERT_EQUAL(std::string("docker.io/library/nginx"), ref.name());
		CPPUNIT_ASSERT_EQUAL(std::string(""), ref.tag());
		CPPUNIT_ASSERT_EQUAL(std::string(""), ref.digest());
		CPPUNIT_ASSERT(!ref.hasTag());
		CPPUNIT_ASSERT(!ref.hasDigest());
		CPPUNIT_ASSERT_EQUAL(std::string("docker.io/library/nginx:latest"), ref.string());
		CPPUNIT_ASSERT_EQUAL(std::string("nginx"), ref.familiarName());
		CPPUNIT_ASSERT_EQUAL(std::string("nginx"), ref.familiarString());
	}

	void testTaggedOfficialImage()
	{
		const ImageReference ref = ImageReference::parse("nginx:1.25");
		CPPUNIT_ASSERT_EQUAL(std::string("1.25"), ref.tag());
		CPPUNIT_ASSERT_EQUAL(std::string("docker.io/library/nginx:1.25"), ref.string());
		CPPUNIT_ASSERT_EQUAL(std::string("nginx:1.25"), ref.familiarString());
	}

	void testUserRepositoryOnDockerHubKeepsItsPath()
	{
		const ImageReference ref = ImageReference::parse("bitnami/redis:7.2");
		CPPUNIT_ASSERT_EQUAL(std::string("docker.io"), ref.registry());
		CPPUNIT_ASSERT_EQUAL(std::string("bitnami/redis"), ref.repository());
		CPPUNIT_ASSERT_EQUAL(std::string("bitnami/redis"), ref.familiarName());
		CPPUNIT_ASSERT_EQUAL(std::string("docker.io/bitnami/redis:7.2"), ref.string());
	}

	void testLegacyIndexHostBecomesDockerIo()
	{
		CPPUNIT_ASSERT_EQUAL(std::string("docker.io/library/nginx:1.25"), ImageReference::parse("index.docker.io/library/nginx:1.25").string());
		CPPUNIT_ASSERT_EQUAL(std::string("docker.io/library/nginx:latest"), ImageReference::parse("index.docker.io/nginx").string());
	}

	void testExplicitDockerIoSingleComponentGetsLibrary()
	{
		const ImageReference ref = ImageReference::parse("docker.io/alpine:3.17");
		CPPUNIT_ASSERT_EQUAL(std::string("library/alpine"), ref.repository());
		CPPUNIT_ASSERT_EQUAL(std::string("alpine:3.17"), ref.familiarString());
	}

	void testRegistryWithPortAndNestedPath()
	{
		const ImageReference ref = ImageReference::parse("registry:5000/a/b:t");
		CPPUNIT_ASSERT_EQUAL(std::string("registry:5000"), ref.registry());
		CPPUNIT_ASSERT_EQUAL(std::string("a/b"), ref.repository());
		CPPUNIT_ASSERT_EQUAL(std::string("t"), ref.tag());
		CPPUNIT_ASSERT_EQUAL(std::string("registry:5000/a/b:t"), ref.string());
		CPPUNIT_ASSERT_EQUAL(std::string("registry:5000/a/b"), ref.familiarName());
	}

	void testLocalhostIsAHost()
	{
		const ImageReference ref = ImageReference::parse("localhost/foo");
		CPPUNIT_ASSERT_EQUAL(std::string("localhost"), ref.registry());
		CPPUNIT_ASSERT_EQUAL(std::string("foo"), ref.repository());
		CPPUNIT_ASSERT_EQUAL(std::string("localhost:5000/foo:1"), ImageReference::parse("localhost:5000/foo:1").string());
	}

	void testLocalhostWithoutPathIsAnImageWithTag()
	{
		const ImageReference ref = ImageReference::parse("localhost:5000");
		CPPUNIT_ASSERT_EQUAL(std::string("docker.io/library/localhost:5000"), ref.string());
	}

	void testDottedFirstComponentIsAHost()
	{
		const ImageReference ref = ImageReference::parse("ghcr.io/org/team/app:v1.2.3");
		CPPUNIT_ASSERT_EQUAL(std::string("ghcr.io"), ref.registry());
		CPPUNIT_ASSERT_EQUAL(std::string("org/team/app"), ref.repository());
		CPPUNIT_ASSERT_EQUAL(std::string("ghcr.io/org/team/app"), ref.familiarName());
	}

	void testUppercaseFirstComponentIsAHost()
	{
		const ImageReference ref = ImageReference::parse("Registry.Example.com/team/app");
		CPPUNIT_ASSERT_EQUAL(std::string("Registry.Example.com"), ref.registry());
		CPPUNIT_ASSERT_EQUAL(std::string("team/app"), ref.repository());
	}

	void testIpv6HostWithPort()
	{
		const ImageReference ref = ImageReference::parse("[::1]:5000/foo/bar:tag");
		CPPUNIT_ASSERT_EQUAL(std::string("[::1]:5000"), ref.registry());
		CPPUNIT_ASSERT_EQUAL(std::string("foo/bar"), ref.repository());
		CPPUNIT_ASSERT_EQUAL(std::string("tag"), ref.tag());
	}

	void testDigestOnly()
	{
		const ImageReference ref = ImageReference::parse("ghcr.io/org/app@" + DIGEST);
		CPPUNIT_ASSERT_EQUAL(DIGEST, ref.digest());
		CPPUNIT_ASSERT(!ref.hasTag());
		CPPUNIT_ASSERT_EQUAL("ghcr.io/org/app@" + DIGEST, ref.string());
	}

	void testTagAndDigestTogether()
	{
		const ImageReference ref = ImageReference::parse("nginx:1.25@" + DIGEST);
		CPPUNIT_ASSERT_EQUAL(std::string("1.25"), ref.tag());
		CPPUNIT_ASSERT_EQUAL(DIGEST, ref.digest());
		CPPUNIT_ASSERT_EQUAL("docker.io/library/nginx:1.25@" + DIGEST, ref.string());
		CPPUNIT_ASSERT_EQUAL("nginx:1.25@" + DIGEST, ref.familiarString());
	}

	void testDockerParserCases()
	{
		// The cases of github.com/novln/docker-parser, which the Go operator used.
		CPPUNIT_ASSERT_EQUAL(std::string("docker.io/foo/bar:latest"), ImageReference::parse("foo/bar").string());
		CPPUNIT_ASSERT_EQUAL(std::string("docker.io/foo/bar:1.1"), ImageReference::parse("foo/bar:1.1").string());
		CPPUNIT_ASSERT_EQUAL("docker.io/foo/bar@" + DIGEST, ImageReference::parse("foo/bar@" + DIGEST).string());
		const ImageReference local = ImageReference::parse("localhost.localdomain:5000/foo/bar:1.1");
		CPPUNIT_ASSERT_EQUAL(std::string("localhost.localdomain:5000"), local.registry());
		CPPUNIT_ASSERT_EQUAL(std::string("foo/bar"), local.repository());
		CPPUNIT_ASSERT_EQUAL(std::string("localhost.localdomain:5000/foo/bar"), local.name());
		CPPUNIT_ASSERT_EQUAL("localhost.localdomain/foo/bar@" + DIGEST, ImageReference::parse("localhost.localdomain/foo/bar@" + DIGEST).string());
	}

	void testPathSeparators()
	{
		CPPUNIT_ASSERT_EQUAL(std::string("a/b__c"), ImageReference::parse("a/b__c").repository());
		CPPUNIT_ASSERT_EQUAL(std::string("a/b-c--d"), ImageReference::parse("a/b-c--d").repository());
		CPPUNIT_ASSERT_EQUAL(std::string("library/a.b_c"), ImageReference::parse("a.b_c").repository());
	}

	void testLongestValidTag()
	{
		const std::string tag = "v" + std::string(127, 'a');
		CPPUNIT_ASSERT_EQUAL(tag, ImageReference::parse("nginx:" + tag).tag());
	}

	void testNameOfExactly255CharactersIsValid()
	{
		const std::string name = "ghcr.io/" + std::string(247, 'a');
		CPPUNIT_ASSERT_EQUAL(std::size_t(255), name.size());
		CPPUNIT_ASSERT_EQUAL(name, ImageReference::parse(name).name());
	}

	void testRejectsEmptyReference()
	{
		CPPUNIT_ASSERT_THROW(ImageReference::parse(""), InvalidImageReferenceException);
		CPPUNIT_ASSERT_EQUAL(std::string("\"\": empty reference"), errorOf(""));
		CPPUNIT_ASSERT_EQUAL(std::string("\":1.0\": missing repository name"), errorOf(":1.0"));
	}

	void testRejectsUppercaseRepository()
	{
		CPPUNIT_ASSERT_EQUAL(std::string("\"Nginx:1.25\": repository name must be lowercase"), errorOf("Nginx:1.25"));
		CPPUNIT_ASSERT_EQUAL(std::string("\"docker.io/Library/nginx\": repository name must be lowercase"), errorOf("docker.io/Library/nginx"));
	}

	void testRejectsInvalidTags()
	{
		CPPUNIT_ASSERT_EQUAL(std::string("\"nginx:-bad\": invalid tag \"-bad\""), errorOf("nginx:-bad"));
		CPPUNIT_ASSERT_EQUAL(std::string("\"nginx:\": invalid tag \"\""), errorOf("nginx:"));
		const std::string tooLong = std::string(129, 'a');
		CPPUNIT_ASSERT_EQUAL("\"nginx:" + tooLong + "\": invalid tag \"" + tooLong + "\"", errorOf("nginx:" + tooLong));
	}

	void testRejectsInvalidDigests()
	{
		CPPUNIT_ASSERT_EQUAL(std::string("\"nginx@sha256:abc\": invalid digest \"sha256:abc\""), errorOf("nginx@sha256:abc"));
		CPPUNIT_ASSERT_EQUAL(std::string("\"nginx@\": invalid digest \"\""), errorOf("nginx@"));
		std::string upper = HEX;
		for (auto& c: upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
		CPPUNIT_ASSERT_EQUAL("\"nginx@sha256:" + upper + "\": invalid digest \"sha256:" + upper + "\": sha256 needs 64 lowercase hex digits",
			errorOf("nginx@sha256:" + upper));
		CPPUNIT_ASSERT_EQUAL("\"nginx@sha256:" + HEX + "00\": invalid digest \"sha256:" + HEX + "00\": sha256 needs 64 lowercase hex digits",
			errorOf("nginx@sha256:" + HEX + "00"));
	}

	void testRejectsUnsupportedDigestAlgorithm()
	{
		const std::string md5 = "md5:" + std::string(32, 'a');
		CPPUNIT_ASSERT_EQUAL("\"nginx@" + md5 + "\": unsupported digest algorithm \"md5\"", errorOf("nginx@" + md5));
	}

	void testRejectsNameLongerThan255Characters()
	{
		const std::string name = "ghcr.io/" + std::string(248, 'a');
		CPPUNIT_ASSERT_EQUAL("\"" + name + ":1\": repository name must not be longer than 255 characters", errorOf(name + ":1"));
	}

	void testRejectsHexadecimalRepositoryName()
	{
		CPPUNIT_ASSERT_EQUAL("\"" + HEX + "\": repository name must not be a 64-character hexadecimal string", errorOf(HEX));
	}

	void testRejectsInvalidPaths()
	{
		CPPUNIT_ASSERT_EQUAL(std::string("\"ghcr.io/\": invalid repository path \"\""), errorOf("ghcr.io/"));
		CPPUNIT_ASSERT_EQUAL(std::string("\"ghcr.io//x\": invalid repository path \"/x\""), errorOf("ghcr.io//x"));
		CPPUNIT_ASSERT_EQUAL(std::string("\"-nginx\": invalid repository path \"-nginx\""), errorOf("-nginx"));
		CPPUNIT_ASSERT_EQUAL(std::string("\"a/b_-c\": invalid repository path \"a/b_-c\""), errorOf("a/b_-c"));
		CPPUNIT_ASSERT_EQUAL(std::string("\"nginx:1.0:2\": invalid repository path \"nginx:1.0\""), errorOf("nginx:1.0:2"));
		CPPUNIT_ASSERT_EQUAL(std::string("\"ng inx\": invalid repository path \"ng inx\""), errorOf("ng inx"));
	}

	void testRejectsInvalidRegistryHost()
	{
		CPPUNIT_ASSERT_EQUAL(std::string("\"bad_host.io:abc/x\": invalid registry host \"bad_host.io:abc\""), errorOf("bad_host.io:abc/x"));
		CPPUNIT_ASSERT_EQUAL(std::string("\"-bad.io/x\": invalid registry host \"-bad.io\""), errorOf("-bad.io/x"));
	}

	void testRejectsUrlWithCredentials()
	{
		CPPUNIT_ASSERT_THROW(ImageReference::parse("sftp://user:passwd@example.com/foo/bar:latest"), InvalidImageReferenceException);
		CPPUNIT_ASSERT_THROW(ImageReference::parse("https://ghcr.io/foo/bar:latest"), InvalidImageReferenceException);
	}

	void testWithDigestKeepsTag()
	{
		const ImageReference ref = ImageReference::parse("nginx:1.25").withDigest(DIGEST);
		CPPUNIT_ASSERT_EQUAL("docker.io/library/nginx:1.25@" + DIGEST, ref.string());
	}

	void testWithDigestRejectsInvalidDigest()
	{
		CPPUNIT_ASSERT_THROW(ImageReference::parse("nginx").withDigest("sha256:zz"), InvalidImageReferenceException);
	}

	void testWithoutTagKeepsDigest()
	{
		const ImageReference ref = ImageReference::parse("nginx:1.25@" + DIGEST).withoutTag();
		CPPUNIT_ASSERT_EQUAL("docker.io/library/nginx@" + DIGEST, ref.string());
		CPPUNIT_ASSERT_EQUAL(std::string("docker.io/library/nginx:latest"), ImageReference::parse("nginx:1.25").withoutTag().string());
	}

	void testEqualityComparesNormalisedForms()
	{
		CPPUNIT_ASSERT(ImageReference::parse("nginx") == ImageReference::parse("docker.io/library/nginx"));
		CPPUNIT_ASSERT(ImageReference::parse("nginx") == ImageReference::parse("index.docker.io/nginx"));
		CPPUNIT_ASSERT(ImageReference::parse("nginx") != ImageReference::parse("nginx:latest"));
		CPPUNIT_ASSERT(ImageReference::parse("alpine") < ImageReference::parse("nginx"));
	}

	void testStreamsNormalisedString()
	{
		std::ostringstream ostr;
		ostr << ImageReference::parse("alpine:3.17");
		CPPUNIT_ASSERT_EQUAL(std::string("docker.io/library/alpine:3.17"), ostr.str());
	}

	void testEmptyReference()
	{
		const ImageReference ref;
		CPPUNIT_ASSERT(ref.isEmpty());
		CPPUNIT_ASSERT_EQUAL(std::string(""), ref.string());
		CPPUNIT_ASSERT_EQUAL(std::string(""), ref.name());
		CPPUNIT_ASSERT(!ImageReference::parse("nginx").isEmpty());
	}

	void testRegistryHostValidation()
	{
		CPPUNIT_ASSERT(ImageReference::isValidRegistryHost("ghcr.io"));
		CPPUNIT_ASSERT(ImageReference::isValidRegistryHost("localhost:5000"));
		CPPUNIT_ASSERT(ImageReference::isValidRegistryHost("[::1]:5000"));
		CPPUNIT_ASSERT(ImageReference::isValidRegistryHost("my-registry.example.com"));
		CPPUNIT_ASSERT(!ImageReference::isValidRegistryHost("ghcr.io/x"));
		CPPUNIT_ASSERT(!ImageReference::isValidRegistryHost(""));
		CPPUNIT_ASSERT(!ImageReference::isValidRegistryHost("-bad.io"));
		CPPUNIT_ASSERT(!ImageReference::isValidRegistryHost("bad_host"));
		CPPUNIT_ASSERT(!ImageReference::isValidRegistryHost("ghcr.io:"));
		CPPUNIT_ASSERT(!ImageReference::isValidRegistryHost("ghcr.io\n"));
	}

	void testRepositoryPathValidation()
	{
		CPPUNIT_ASSERT(ImageReference::isValidRepositoryPath("hub"));
		CPPUNIT_ASSERT(ImageReference::isValidRepositoryPath("proxy/docker-hub"));
		CPPUNIT_ASSERT(!ImageReference::isValidRepositoryPath("Hub"));
		CPPUNIT_ASSERT(!ImageReference::isValidRepositoryPath("a//b"));
		CPPUNIT_ASSERT(!ImageReference::isValidRepositoryPath(""));
	}
};


CPPUNIT_TEST_SUITE_NAMED_REGISTRATION(ImageReferenceTest, "Image");
