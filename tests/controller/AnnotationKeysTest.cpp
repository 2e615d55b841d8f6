//
// AnnotationKeysTest.cpp
//

#include "ControllerTestSupport.h"
#include "sbomop/controller/AnnotationKeys.h"
#include "sbomop/image/ImageId.h"
#include "sbomop/image/ImageReference.h"
#include <cppunit/extensions/HelperMacros.h>

using sbomop::controller::AnnotationKeys;
using sbomop::image::ImageId;
using sbomop::image::ImageReference;
using namespace sbomop::controller::test;

namespace {

bool doneWith(const std::string& recorded, const std::string& imageID, const std::string& specImage)
{
	const ImageReference spec = ImageReference::parse(specImage);
	const ImageId id = *ImageId::parse(imageID, spec);
	return AnnotationKeys::isDone({ { "ckotzbauer.sbom-operator.io/web", recorded } }, "web", id, spec);
}

} // namespace


class AnnotationKeysTest: public CppUnit::TestFixture
{
	CPPUNIT_TEST_SUITE(AnnotationKeysTest);
	CPPUNIT_TEST(testKeyIsPrefixPlusContainerName);
	CPPUNIT_TEST(testNormalisedValueCountsAsDone);
	CPPUNIT_TEST(testGoOperatorRawImageIdCountsAsDone);
	CPPUNIT_TEST(testBareDigestValueTakesTheSpecRepository);
	CPPUNIT_TEST(testAnotherImageIsNotDone);
	CPPUNIT_TEST(testMissingAnnotationIsNotDone);
	CPPUNIT_TEST(testAnnotationOfAnotherContainerDoesNotCount);
	CPPUNIT_TEST(testMalformedValueCountsAsNotDone);
	CPPUNIT_TEST_SUITE_END();

public:
	void testKeyIsPrefixPlusContainerName()
	{
		CPPUNIT_ASSERT_EQUAL(std::string("ckotzbauer.sbom-operator.io/"), AnnotationKeys::PREFIX);
		CPPUNIT_ASSERT_EQUAL(std::string("ckotzbauer.sbom-operator.io/nginx"), AnnotationKeys::keyFor("nginx"));
		CPPUNIT_ASSERT_EQUAL(std::string("ckotzbauer.sbom-operator.io/istio-proxy"), AnnotationKeys::keyFor("istio-proxy"));
	}

	void testNormalisedValueCountsAsDone()
	{
		const std::string id = "docker.io/library/nginx@" + NGINX_DIGEST;
		CPPUNIT_ASSERT(doneWith(id, id, "nginx:1.25.3"));
		CPPUNIT_ASSERT(doneWith(id, "docker-pullable://nginx@" + NGINX_DIGEST, "nginx:1.25.3"));
	}

	void testGoOperatorRawImageIdCountsAsDone()
	{
		// The Go operator recorded status.imageID as the runtime reported it.
		const std::string running = "docker.io/library/nginx@" + NGINX_DIGEST;
		const char* recorded[] = {
			"docker-pullable://nginx@",
			"docker-pullable://docker.io/library/nginx@",
			"containerd://docker.io/library/nginx@",
			"docker.io/library/nginx@",
			"nginx@",
			"index.docker.io/library/nginx@",
		};
		for (const char* prefix: recorded)
		{
			CPPUNIT_ASSERT_MESSAGE(prefix, doneWith(prefix + NGINX_DIGEST, running, "nginx:1.25.3"));
		}
		// The runtime's view may be the Go value too: same digest either way.
		CPPUNIT_ASSERT(doneWith("docker-pullable://nginx@" + NGINX_DIGEST, "docker-pullable://nginx@" + NGINX_DIGEST, "nginx:1.25.3"));
	}

	void testBareDigestValueTakesTheSpecRepository()
	{
		// Docker reports only the image config id for images without repo digest.
		CPPUNIT_ASSERT(doneWith(API_DIGEST, API_DIGEST, "registry.example.com/team/api:2.3.1"));
		CPPUNIT_ASSERT(doneWith("docker://" + API_DIGEST, API_DIGEST, "registry.example.com/team/api:2.3.1"));
		CPPUNIT_ASSERT(doneWith("registry.example.com/team/api@" + API_DIGEST, API_DIGEST, "registry.example.com/team/api:2.3.1"));
	}

	void testAnotherImageIsNotDone()
	{
		const std::string running = "docker.io/library/nginx@" + NGINX_DIGEST;
		// Same repository, an older digest: the container was updated.
		CPPUNIT_ASSERT(!doneWith("docker.io/library/nginx@" + digestOf("nginx:1.24"), running, "nginx:1.25.3"));
		// Same digest, another repository: another image name.
		CPPUNIT_ASSERT(!doneWith("mirror.example.com/library/nginx@" + NGINX_DIGEST, running, "nginx:1.25.3"));
	}

	void testMissingAnnotationIsNotDone()
	{
		const ImageReference spec = ImageReference::parse("nginx:1.25.3");
		const ImageId id = *ImageId::parse("docker.io/library/nginx@" + NGINX_DIGEST, spec);
		CPPUNIT_ASSERT(!AnnotationKeys::isDone({}, "web", id, spec));
		CPPUNIT_ASSERT(!AnnotationKeys::isDone({ { "web", id.string() } }, "web", id, spec));
	}

	void testAnnotationOfAnotherContainerDoesNotCount()
	{
		const ImageReference spec = ImageReference::parse("nginx:1.25.3");
		const ImageId id = *ImageId::parse("docker.io/library/nginx@" + NGINX_DIGEST, spec);
		const std::map<std::string, std::string> annotations = { { "ckotzbauer.sbom-operator.io/sidecar", id.string() } };
		CPPUNIT_ASSERT(!AnnotationKeys::isDone(annotations, "web", id, spec));
		CPPUNIT_ASSERT(AnnotationKeys::isDone(annotations, "sidecar", id, spec));
	}

	void testMalformedValueCountsAsNotDone()
	{
		const std::string running = "docker.io/library/nginx@" + NGINX_DIGEST;
		const std::string recorded[] = {
			"",
			"   ",
			"nginx:1.25.3",                      // no digest
			"docker-pullable://",                // nothing after the scheme
			"sha256:0123",                       // short digest
			"Not An Image!",
			"docker.io/library/nginx@md5:abcdef",
		};
		for (const auto& value: recorded)
		{
			CPPUNIT_ASSERT_MESSAGE("'" + value + "'", !doneWith(value, running, "nginx:1.25.3"));
		}
	}
};

CPPUNIT_TEST_SUITE_NAMED_REGISTRATION(AnnotationKeysTest, "Controller");
