//
// ImageIdTest.cpp
//

#include "sbomop/image/ImageId.h"
#include "sbomop/image/ImageException.h"
#include <cppunit/extensions/HelperMacros.h>

using sbomop::image::ImageId;
using sbomop::image::ImageReference;
using sbomop::image::InvalidImageReferenceException;

namespace {

const std::string HEX = "0d17b565c37bcbd895e9d92315a05c1c3c9a29f762b011a10c54a66cd53c9b31";
const std::string DIGEST = "sha256:" + HEX;


std::string errorOf(const std::string& imageId, const ImageReference& spec)
{
	try
	{
		ImageId::parse(imageId, spec);
	}
	catch (InvalidImageReferenceException& exc)
	{
		return exc.message();
	}
	CPPUNIT_FAIL("no exception for \"" + imageId + "\"");
	return std::string();
}

} // namespace


class ImageIdTest: public CppUnit::TestFixture
{
	CPPUNIT_TEST_SUITE(ImageIdTest);
	CPPUNIT_TEST(testContainerdRepoDigestIsKept);
	CPPUNIT_TEST(testDockerPullablePrefixIsStripped);
	CPPUNIT_TEST(testAnySchemePrefixIsStripped);
	CPPUNIT_TEST(testBareDigestTakesRepositoryFromSpecImage);
	CPPUNIT_TEST(testDockerSchemeWithBareDigestTakesRepositoryFromSpecImage);
	CPPUNIT_TEST(testBareDigestOfPrivateRegistryImage);
	CPPUNIT_TEST(testTagInImageIdIsDropped);
	CPPUNIT_TEST(testEmptyImageIdMeansNotReady);
	CPPUNIT_TEST(testRuntimeRepositoryWinsOverSpecRepository);
	CPPUNIT_TEST(testRejectsImageIdWithoutDigest);
	CPPUNIT_TEST(testRejectsInvalidBareDigest);
	CPPUNIT_TEST(testRejectsBareDigestWithoutSpecImage);
	CPPUNIT_TEST(testRejectsMalformedRepoDigest);
	CPPUNIT_TEST_SUITE_END();

public:
	void testContainerdRepoDigestIsKept()
	{
		const auto id = ImageId::parse("docker.io/library/nginx@" + DIGEST, ImageReference::parse("nginx:1.25"));
		CPPUNIT_ASSERT(id.has_value());
		CPPUNIT_ASSERT_EQUAL("docker.io/library/nginx@" + DIGEST, id->string());
		CPPUNIT_ASSERT_EQUAL(DIGEST, id->digest());
		CPPUNIT_ASSERT(id->fromRepoDigest());
	}

	void testDockerPullablePrefixIsStripped()
	{
		const auto id = ImageId::parse("docker-pullable://nginx@" + DIGEST, ImageReference::parse("nginx:1.25"));
		CPPUNIT_ASSERT_EQUAL("docker.io/library/nginx@" + DIGEST, id->string());
		CPPUNIT_ASSERT(id->fromRepoDigest());
	}

	void testAnySchemePrefixIsStripped()
	{
		const auto id = ImageId::parse("containerd://ghcr.io/org/app@" + DIGEST, ImageReference());
		CPPUNIT_ASSERT_EQUAL("ghcr.io/org/app@" + DIGEST, id->string());
	}

	void testBareDigestTakesRepositoryFromSpecImage()
	{
		const auto id = ImageId::parse(DIGEST, ImageReference::parse("nginx:1.25"));
		CPPUNIT_ASSERT_EQUAL("docker.io/library/nginx@" + DIGEST, id->string());
		CPPUNIT_ASSERT_EQUAL(DIGEST, id->digest());
		CPPUNIT_ASSERT(!id->fromRepoDigest());
	}

	void testDockerSchemeWithBareDigestTakesRepositoryFromSpecImage()
	{
		const auto id = ImageId::parse("docker://" + DIGEST, ImageReference::parse("nginx:1.25"));
		CPPUNIT_ASSERT_EQUAL("docker.io/library/nginx@" + DIGEST, id->string());
		CPPUNIT_ASSERT(!id->fromRepoDigest());
	}

	void testBareDigestOfPrivateRegistryImage()
	{
		const auto id = ImageId::parse(DIGEST, ImageReference::parse("registry:5000/a/b:t"));
		CPPUNIT_ASSERT_EQUAL("registry:5000/a/b@" + DIGEST, id->string());
	}

	void testTagInImageIdIsDropped()
	{
		const auto id = ImageId::parse("ghcr.io/org/app:1.0@" + DIGEST, ImageReference::parse("ghcr.io/org/app:1.0"));
		CPPUNIT_ASSERT_EQUAL("ghcr.io/org/app@" + DIGEST, id->string());
		CPPUNIT_ASSERT(!id->reference().hasTag());
	}

	void testEmptyImageIdMeansNotReady()
	{
		CPPUNIT_ASSERT(!ImageId::parse("", ImageReference::parse("nginx")).has_value());
		CPPUNIT_ASSERT(!ImageId::parse("  ", ImageReference::parse("nginx")).has_value());
	}

	void testRuntimeRepositoryWinsOverSpecRepository()
	{
		// Several tags/repositories can share one image on a node; the
		// runtime's repo digest is what is reported.
		const ImageReference spec = ImageReference::parse("mirror.example.com/nginx:1.25");
		const auto id = ImageId::parse("docker.io/library/nginx@" + DIGEST, spec);
		CPPUNIT_ASSERT_EQUAL("docker.io/library/nginx@" + DIGEST, id->string());
		CPPUNIT_ASSERT_EQUAL("mirror.example.com/nginx@" + DIGEST, spec.withoutTag().withDigest(id->digest()).string());
	}

	void testRejectsImageIdWithoutDigest()
	{
		CPPUNIT_ASSERT_EQUAL(std::string("\"docker.io/library/nginx:1.25\": image ID carries no digest"),
			errorOf("docker.io/library/nginx:1.25", ImageReference::parse("nginx")));
	}

	void testRejectsInvalidBareDigest()
	{
		CPPUNIT_ASSERT_EQUAL(std::string("\"docker://sha256:abc\": invalid digest \"sha256:abc\""),
			errorOf("docker://sha256:abc", ImageReference::parse("nginx")));
	}

	void testRejectsBareDigestWithoutSpecImage()
	{
		CPPUNIT_ASSERT_EQUAL("\"" + DIGEST + "\": image ID is a bare digest and no spec image is known", errorOf(DIGEST, ImageReference()));
	}

	void testRejectsMalformedRepoDigest()
	{
		CPPUNIT_ASSERT_THROW(ImageId::parse("docker-pullable://Nginx@" + DIGEST, ImageReference::parse("nginx")), InvalidImageReferenceException);
		CPPUNIT_ASSERT_EQUAL(std::string("\"docker://\": empty image ID after the scheme"), errorOf("docker://", ImageReference::parse("nginx")));
	}
};


CPPUNIT_TEST_SUITE_NAMED_REGISTRATION(ImageIdTest, "Image");
