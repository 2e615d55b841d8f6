//
// PendingPlannerTest.cpp
//

#include "ControllerTestSupport.h"
#include "sbomop/controller/PendingPlanner.h"
#include "sbomop/image/ImageFilter.h"
#include <cppunit/extensions/HelperMacros.h>

using sbomop::controller::Inventory;
using sbomop::controller::PendingPlanner;
using sbomop::controller::Plan;
using sbomop::controller::PlannedImage;
using sbomop::image::ImageFilter;
using sbomop::kube::PodInfo;
using namespace sbomop::controller::test;

namespace {

const std::string NGINX = "docker.io/library/nginx@";
const std::string REDIS = "docker.io/bitnami/redis@";

std::vector<std::string> imageIds(const std::vector<PlannedImage>& planned)
{
	std::vector<std::string> result;
	for (const auto& entry: planned) result.push_back(entry.image->id.string());
	return result;
}

std::vector<std::string> containers(const PlannedImage& planned)
{
	std::vector<std::string> result;
	for (const auto* usage: planned.usages) result.push_back(usage->pod->name + "/" + usage->containerName);
	return result;
}

struct Fixture
{
	CapturedLogger log;
	Inventory inventory{ log.logger() };
	std::vector<PodInfo> pods;

	void add(const std::vector<PodInfo>& more)
	{
		pods = more;
		for (const auto& pod: pods) inventory.addPod(pod);
	}

	Plan plan(bool ignoreAnnotations = false, const ImageFilter& exclude = ImageFilter(), const std::set<std::string>& processed = {})
	{
		return PendingPlanner(ignoreAnnotations, exclude).plan(inventory, processed);
	}
};

PodInfo webPod(const std::string& name)
{
	return makePod("shop", name, {
		container("nginx", "nginx:1.25.3", "docker-pullable://nginx@" + NGINX_DIGEST),
		container("cache", "bitnami/redis:7.2.4", "docker.io/bitnami/redis@" + REDIS_DIGEST),
	});
}

} // namespace


class PendingPlannerTest: public CppUnit::TestFixture
{
	CPPUNIT_TEST_SUITE(PendingPlannerTest);
	CPPUNIT_TEST(testUnannotatedImagesArePending);
	CPPUNIT_TEST(testAnnotatedContainersAreDone);
	CPPUNIT_TEST(testGoStyleRawAnnotationCountsAsDone);
	CPPUNIT_TEST(testOnlyContainersNotDoneAreListed);
	CPPUNIT_TEST(testProcessedImagesAreOnlyAnnotated);
	CPPUNIT_TEST(testIgnoreAnnotationsSendsAnnotatedImagesOncePerProcess);
	CPPUNIT_TEST(testExcludePatternsMakeImagesNeverPending);
	CPPUNIT_TEST(testOneEntryPerDigest);
	CPPUNIT_TEST_SUITE_END();

public:
	void testUnannotatedImagesArePending()
	{
		Fixture f;
		f.add({ webPod("web-1"), webPod("web-2") });
		const Plan plan = f.plan();
		CPPUNIT_ASSERT_EQUAL((std::vector<std::string>{ REDIS + REDIS_DIGEST, NGINX + NGINX_DIGEST }), imageIds(plan.pending));
		CPPUNIT_ASSERT_EQUAL((std::vector<std::string>{ "web-1/cache", "web-2/cache" }), containers(plan.pending[0]));
		CPPUNIT_ASSERT_EQUAL((std::vector<std::string>{ "web-1/nginx", "web-2/nginx" }), containers(plan.pending[1]));
		CPPUNIT_ASSERT(plan.annotateOnly.empty());
		CPPUNIT_ASSERT_EQUAL(std::size_t(0), plan.doneContainers);
		CPPUNIT_ASSERT_EQUAL(std::size_t(0), plan.excludedImages);
	}

	void testAnnotatedContainersAreDone()
	{
		Fixture f;
		PodInfo pod = annotated(webPod("web-1"), "nginx", NGINX + NGINX_DIGEST);
		pod = annotated(pod, "cache", REDIS + REDIS_DIGEST);
		f.add({ pod });
		const Plan plan = f.plan();
		CPPUNIT_ASSERT(plan.pending.empty());
		CPPUNIT_ASSERT(plan.annotateOnly.empty());
		CPPUNIT_ASSERT_EQUAL(std::size_t(2), plan.doneContainers);
	}

	void testGoStyleRawAnnotationCountsAsDone()
	{
		Fixture f;
		PodInfo pod = annotated(webPod("web-1"), "nginx", "docker-pullable://nginx@" + NGINX_DIGEST);
		// An annotation naming an older digest: the container was updated.
		pod = annotated(pod, "cache", "docker-pullable://bitnami/redis@" + digestOf("bitnami/redis:7.0"));
		f.add({ pod });
		const Plan plan = f.plan();
		CPPUNIT_ASSERT_EQUAL(std::vector<std::string>{ REDIS + REDIS_DIGEST }, imageIds(plan.pending));
		CPPUNIT_ASSERT_EQUAL(std::size_t(1), plan.doneContainers);
	}

	void testOnlyContainersNotDoneAreListed()
	{
		Fixture f;
		f.add({ annotated(webPod("web-1"), "nginx", NGINX + NGINX_DIGEST), webPod("web-2") });
		const Plan plan = f.plan();
		CPPUNIT_ASSERT_EQUAL((std::vector<std::string>{ REDIS + REDIS_DIGEST, NGINX + NGINX_DIGEST }), imageIds(plan.pending));
		CPPUNIT_ASSERT_EQUAL((std::vector<std::string>{ "web-2/nginx" }), containers(plan.pending[1]));
		CPPUNIT_ASSERT_EQUAL(std::size_t(1), plan.doneContainers);
	}

	void testProcessedImagesAreOnlyAnnotated()
	{
		Fixture f;
		f.add({ annotated(webPod("web-1"), "nginx", NGINX + NGINX_DIGEST), webPod("web-2") });
		const Plan plan = f.plan(false, ImageFilter(), { NGINX + NGINX_DIGEST });
		CPPUNIT_ASSERT_EQUAL(std::vector<std::string>{ REDIS + REDIS_DIGEST }, imageIds(plan.pending));
		CPPUNIT_ASSERT_EQUAL(std::vector<std::string>{ NGINX + NGINX_DIGEST }, imageIds(plan.annotateOnly));
		CPPUNIT_ASSERT_EQUAL((std::vector<std::string>{ "web-2/nginx" }), containers(plan.annotateOnly[0]));
	}

	void testIgnoreAnnotationsSendsAnnotatedImagesOncePerProcess()
	{
		Fixture f;
		PodInfo pod = annotated(webPod("web-1"), "nginx", NGINX + NGINX_DIGEST);
		pod = annotated(pod, "cache", REDIS + REDIS_DIGEST);
		f.add({ pod, webPod("web-2") });

		// Not processed in this process yet: everything goes to the backend.
		Plan first = f.plan(true);
		CPPUNIT_ASSERT_EQUAL((std::vector<std::string>{ REDIS + REDIS_DIGEST, NGINX + NGINX_DIGEST }), imageIds(first.pending));
		CPPUNIT_ASSERT_EQUAL((std::vector<std::string>{ "web-1/nginx", "web-2/nginx" }), containers(first.pending[1]));
		CPPUNIT_ASSERT_EQUAL(std::size_t(0), first.doneContainers);

		// Processed: the annotations decide again; only web-2 is left to annotate.
		Plan second = f.plan(true, ImageFilter(), { NGINX + NGINX_DIGEST, REDIS + REDIS_DIGEST });
		CPPUNIT_ASSERT(second.pending.empty());
		CPPUNIT_ASSERT_EQUAL((std::vector<std::string>{ REDIS + REDIS_DIGEST, NGINX + NGINX_DIGEST }), imageIds(second.annotateOnly));
		CPPUNIT_ASSERT_EQUAL((std::vector<std::string>{ "web-2/nginx" }), containers(second.annotateOnly[1]));
		CPPUNIT_ASSERT_EQUAL(std::size_t(2), second.doneContainers);
	}

	void testExcludePatternsMakeImagesNeverPending()
	{
		struct Case
		{
			std::string patterns;
			std::size_t excluded;
			std::vector<std::string> pending;
		};
		const std::string PAUSE = "registry.k8s.io/pause@" + PAUSE_DIGEST;
		// The mirror pod runs docker.io's nginx through a mirror spec image: only
		// the digest reference names docker.io.
		const std::string MIRRORED = "docker.io/library/nginx@" + NGINX_DIGEST;
		const Case cases[] = {
			{ "", 0, { REDIS + REDIS_DIGEST, MIRRORED, PAUSE } },
			{ "*/pause:*", 1, { REDIS + REDIS_DIGEST, MIRRORED } },                 // spec image
			{ "registry.k8s.io/*", 1, { REDIS + REDIS_DIGEST, MIRRORED } },
			{ "docker.io/library/nginx", 1, { REDIS + REDIS_DIGEST, PAUSE } },       // digest reference only
			{ "mirror.example.com/*", 1, { REDIS + REDIS_DIGEST, PAUSE } },          // spec image only
			{ "bitnami/*, */pause:*", 2, { MIRRORED } },                            // familiar name
			{ "quay.io/*", 0, { REDIS + REDIS_DIGEST, MIRRORED, PAUSE } },
		};
		for (const auto& c: cases)
		{
			Fixture f;
			f.add({
				makePod("kube-system", "sandbox", { container("pause", "registry.k8s.io/pause:3.9", "registry.k8s.io/pause@" + PAUSE_DIGEST) }),
				makePod("shop", "cache-0", { container("redis", "bitnami/redis:7.2.4", REDIS + REDIS_DIGEST) }),
				makePod("shop", "web-1", { container("nginx", "mirror.example.com/library/nginx:1.25.3", MIRRORED) }),
			});
			const Plan plan = f.plan(false, ImageFilter::parse(c.patterns));
			CPPUNIT_ASSERT_EQUAL_MESSAGE(c.patterns, c.excluded, plan.excludedImages);
			CPPUNIT_ASSERT_EQUAL_MESSAGE(c.patterns, c.pending, imageIds(plan.pending));
			// Excluded images are not even annotated when processed earlier.
			const Plan processed = f.plan(false, ImageFilter::parse(c.patterns), { PAUSE, REDIS + REDIS_DIGEST, MIRRORED });
			CPPUNIT_ASSERT_EQUAL_MESSAGE(c.patterns, c.pending, imageIds(processed.annotateOnly));
		}
	}

	void testOneEntryPerDigest()
	{
		Fixture f;
		f.add({
			makePod("shop", "web-1", { container("nginx", "nginx:1.25.3", NGINX + NGINX_DIGEST) }),
			makePod("blog", "web-1", { container("proxy", "nginx:stable", "docker-pullable://nginx@" + NGINX_DIGEST) }),
		});
		const Plan plan = f.plan();
		CPPUNIT_ASSERT_EQUAL(std::size_t(1), plan.pending.size());
		CPPUNIT_ASSERT_EQUAL((std::vector<std::string>{ "web-1/nginx", "web-1/proxy" }), containers(plan.pending[0]));
	}
};

CPPUNIT_TEST_SUITE_NAMED_REGISTRATION(PendingPlannerTest, "Controller");
