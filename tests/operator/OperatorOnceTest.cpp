//
// OperatorOnceTest.cpp
//
// `sbom-operator --once` against kube-sim with the scripted backend: what the
// backend receives (one task per unique digest), which pods get annotated
// (exactly those whose image succeeded), and the exit code.
//

#include "OperatorHarness.h"
#include <cppunit/extensions/HelperMacros.h>

using sbomop::testing::ContainerSpec;
using sbomop::testing::OperatorHarness;

namespace {

const std::string NGINX_DIGEST = OperatorHarness::digest('a');
const std::string REDIS_DIGEST = OperatorHarness::digest('b');
const std::string NGINX_ID = "docker.io/library/nginx@" + NGINX_DIGEST;
const std::string REDIS_ID = "docker.io/library/redis@" + REDIS_DIGEST;

ContainerSpec nginx(const std::string& name = "web")
{
	return { name, "nginx:1.25", "docker-pullable://nginx@" + NGINX_DIGEST, "container" };
}

ContainerSpec redis(const std::string& name = "cache")
{
	return { name, "redis:7", "docker.io/library/redis@" + REDIS_DIGEST, "container" };
}

} // namespace

class OperatorOnceTest: public CppUnit::TestFixture
{
	CPPUNIT_TEST_SUITE(OperatorOnceTest);
	CPPUNIT_TEST(testOneBackendTaskPerDigestAndEveryPodAnnotated);
	CPPUNIT_TEST(testSameImageInHundredPodsIsOneTask);
	CPPUNIT_TEST(testInitEphemeralAndDigestOnlyImages);
	CPPUNIT_TEST(testFailedImageIsNotAnnotatedAndExitCodeIsOne);
	CPPUNIT_TEST(testAnnotatedPodsAreSkippedUnlessIgnoringAnnotations);
	CPPUNIT_TEST(testGoOperatorAnnotationsCountAsDone);
	CPPUNIT_TEST(testExcludedImagesAreNeverPending);
	CPPUNIT_TEST(testPullCredentialsAndProxies);
	CPPUNIT_TEST(testLabelSelectorsLimitTheScope);
	CPPUNIT_TEST_SUITE_END();

public:
	void testOneBackendTaskPerDigestAndEveryPodAnnotated()
	{
		OperatorHarness h;
		h.addNamespace("shop");
		h.addPod("shop", "front-1", { nginx() });
		h.addPod("shop", "front-2", { nginx() });
		h.addPod("shop", "cache", { redis(), nginx("sidecar") });
		std::string log;
		CPPUNIT_ASSERT_EQUAL_MESSAGE(log, 0, h.runOnce({}, log));
		const auto batches = h.batches();
		CPPUNIT_ASSERT_EQUAL(std::size_t(1), batches.size());
		CPPUNIT_ASSERT_EQUAL(std::size_t(2), batches[0]->getArray("images")->size());
		CPPUNIT_ASSERT_EQUAL(NGINX_ID, h.annotation("shop", "front-1", "web"));
		CPPUNIT_ASSERT_EQUAL(NGINX_ID, h.annotation("shop", "front-2", "web"));
		CPPUNIT_ASSERT_EQUAL(NGINX_ID, h.annotation("shop", "cache", "sidecar"));
		CPPUNIT_ASSERT_EQUAL(REDIS_ID, h.annotation("shop", "cache", "cache"));

		// A second run finds nothing pending.
		CPPUNIT_ASSERT_EQUAL_MESSAGE(log, 0, h.runOnce({}, log));
		CPPUNIT_ASSERT_EQUAL(std::size_t(1), h.batches().size());
	}

	void testSameImageInHundredPodsIsOneTask()
	{
		OperatorHarness h;
		h.addNamespace("fleet");
		for (int i = 0; i < 100; ++i) h.addPod("fleet", "pod-" + std::to_string(i), { nginx() });
		std::string log;
		CPPUNIT_ASSERT_EQUAL_MESSAGE(log, 0, h.runOnce({}, log));
		const auto batches = h.batches();
		CPPUNIT_ASSERT_EQUAL(std::size_t(1), batches.size());
		auto images = batches[0]->getArray("images");
		CPPUNIT_ASSERT_EQUAL(std::size_t(1), images->size());
		CPPUNIT_ASSERT_EQUAL(std::size_t(100), images->getObject(0)->getArray("containers")->size());
		for (int i = 0; i < 100; ++i) CPPUNIT_ASSERT_EQUAL(NGINX_ID, h.annotation("fleet", "pod-" + std::to_string(i), "web"));
	}

	void testInitEphemeralAndDigestOnlyImages()
	{
		OperatorHarness h;
		h.addNamespace("jobs");
		const std::string busybox = OperatorHarness::digest('c');
		const std::string debug = OperatorHarness::digest('d');
		h.addPod("jobs", "worker", {
			{ "setup", "busybox:1.36", "containerd://docker.io/library/busybox@" + busybox, "init" },
			{ "main", "registry.example.com:5000/team/app:2.0", OperatorHarness::digest('e'), "container" },
			{ "debugger", "ghcr.io/tools/debug:latest", "ghcr.io/tools/debug@" + debug, "ephemeral" },
			{ "starting", "nginx:1.25", "", "container" },
		});
		std::string log;
		CPPUNIT_ASSERT_EQUAL_MESSAGE(log, 0, h.runOnce({}, log));
		CPPUNIT_ASSERT_EQUAL(std::size_t(3), h.backendImages());
		CPPUNIT_ASSERT_EQUAL("docker.io/library/busybox@" + busybox, h.annotation("jobs", "worker", "setup"));
		CPPUNIT_ASSERT_EQUAL("registry.example.com:5000/team/app@" + OperatorHarness::digest('e'), h.annotation("jobs", "worker", "main"));
		CPPUNIT_ASSERT_EQUAL("ghcr.io/tools/debug@" + debug, h.annotation("jobs", "worker", "debugger"));
		CPPUNIT_ASSERT_EQUAL(std::string(""), h.annotation("jobs", "worker", "starting"));
	}

	void testFailedImageIsNotAnnotatedAndExitCodeIsOne()
	{
		OperatorHarness h;
		h.addNamespace("shop");
		h.addPod("shop", "cache", { redis(), nginx("sidecar") });
		std::string log;
		CPPUNIT_ASSERT_EQUAL_MESSAGE(log, 1, h.runOnce({ "--scripted-fail=*redis*" }, log));
		CPPUNIT_ASSERT_EQUAL(std::string(""), h.annotation("shop", "cache", "cache"));
		CPPUNIT_ASSERT_EQUAL(NGINX_ID, h.annotation("shop", "cache", "sidecar"));
		CPPUNIT_ASSERT_MESSAGE(log, log.find("image " + REDIS_ID + " failed") != std::string::npos);

		// Retried by the next run, and only the failed image.
		CPPUNIT_ASSERT_EQUAL_MESSAGE(log, 0, h.runOnce({}, log));
		const auto batches = h.batches();
		CPPUNIT_ASSERT_EQUAL(std::size_t(2), batches.size());
		CPPUNIT_ASSERT_EQUAL(std::size_t(1), batches[1]->getArray("images")->size());
		CPPUNIT_ASSERT_EQUAL(REDIS_ID, batches[1]->getArray("images")->getObject(0)->getValue<std::string>("imageId"));
		CPPUNIT_ASSERT_EQUAL(REDIS_ID, h.annotation("shop", "cache", "cache"));
	}

	void testAnnotatedPodsAreSkippedUnlessIgnoringAnnotations()
	{
		OperatorHarness h;
		h.addNamespace("shop");
		h.addPod("shop", "front", { nginx() }, { { "ckotzbauer.sbom-operator.io/web", NGINX_ID } });
		std::string log;
		CPPUNIT_ASSERT_EQUAL_MESSAGE(log, 0, h.runOnce({}, log));
		CPPUNIT_ASSERT_EQUAL(std::size_t(0), h.batches().size());
		CPPUNIT_ASSERT_EQUAL_MESSAGE(log, 0, h.runOnce({ "--ignore-annotations" }, log));
		CPPUNIT_ASSERT_EQUAL(std::size_t(1), h.backendImages());
	}

	void testGoOperatorAnnotationsCountAsDone()
	{
		OperatorHarness h;
		h.addNamespace("legacy");
		// The Go operator recorded the raw imageID.
		h.addPod("legacy", "front", { nginx() }, { { "ckotzbauer.sbom-operator.io/web", "docker-pullable://nginx@" + NGINX_DIGEST } });
		std::string log;
		CPPUNIT_ASSERT_EQUAL_MESSAGE(log, 0, h.runOnce({}, log));
		CPPUNIT_ASSERT_EQUAL(std::size_t(0), h.batches().size());
	}

	void testExcludedImagesAreNeverPending()
	{
		OperatorHarness h;
		h.addNamespace("kube-infra");
		h.addPod("kube-infra", "p", { { "pause", "registry.k8s.io/pause:3.9", "registry.k8s.io/pause@" + OperatorHarness::digest('f'), "container" }, nginx() });
		std::string log;
		CPPUNIT_ASSERT_EQUAL_MESSAGE(log, 0, h.runOnce({ "--exclude-images=*/pause:*" }, log));
		CPPUNIT_ASSERT_EQUAL(std::size_t(1), h.backendImages());
		CPPUNIT_ASSERT_EQUAL(std::string(""), h.annotation("kube-infra", "p", "pause"));
	}

	void testPullCredentialsAndProxies()
	{
		OperatorHarness h;
		h.addNamespace("private");
		h.addDockerConfigSecret("private", "regcred", "mirror.example.com", "puller", "pull-password-1");
		h.addDockerConfigSecret("sbom-system", "fallback", "https://index.docker.io/v1/", "hub-user", "hub-password-2");
		h.addPod("private", "app", { nginx() }, {}, { "regcred", "missing-secret" });
		h.addPod("private", "db", { redis() });
		std::string log;
		CPPUNIT_ASSERT_EQUAL_MESSAGE(log, 0, h.runOnce({ "--registry-proxy=docker.io=mirror.example.com", "--fallback-pull-secret=fallback" }, log));
		auto images = h.batches().at(0)->getArray("images");
		CPPUNIT_ASSERT_EQUAL(std::size_t(2), images->size());
		for (std::size_t i = 0; i < images->size(); ++i)
		{
			auto image = images->getObject(i);
			const std::string id = image->getValue<std::string>("imageId");
			CPPUNIT_ASSERT(image->getValue<std::string>("pull").rfind("mirror.example.com/", 0) == 0);
			if (id == NGINX_ID)
			{
				// Proxied registry: the pod's secret for the mirror matches.
				CPPUNIT_ASSERT_EQUAL(std::string("puller"), image->getValue<std::string>("user"));
				CPPUNIT_ASSERT(image->getValue<bool>("hasPassword"));
				CPPUNIT_ASSERT_EQUAL(std::string("docker.io/library/nginx:1.25"), image->getValue<std::string>("original"));
			}
			else
			{
				// No pod secret; the fallback is for docker.io, not the mirror.
				CPPUNIT_ASSERT_EQUAL(std::string(""), image->getValue<std::string>("user"));
			}
		}
		CPPUNIT_ASSERT_EQUAL(NGINX_ID, h.annotation("private", "app", "web"));
		CPPUNIT_ASSERT_MESSAGE(log, log.find("pull secret private/missing-secret not found") != std::string::npos);
		CPPUNIT_ASSERT(log.find("pull-password-1") == std::string::npos);
		CPPUNIT_ASSERT(log.find("hub-password-2") == std::string::npos);
	}

	void testLabelSelectorsLimitTheScope()
	{
		OperatorHarness h;
		h.addNamespace("prod", { { "env", "prod" } });
		h.addNamespace("dev", { { "env", "dev" } });
		h.addPod("prod", "a", { nginx() }, {}, {}, { { "scan", "yes" } });
		h.addPod("prod", "b", { redis() }, {}, {}, { { "scan", "no" } });
		h.addPod("dev", "c", { nginx() }, {}, {}, { { "scan", "yes" } });
		std::string log;
		CPPUNIT_ASSERT_EQUAL_MESSAGE(log, 0, h.runOnce({ "--namespace-label-selector=env in (prod)", "--pod-label-selector=scan=yes" }, log));
		CPPUNIT_ASSERT_EQUAL(std::size_t(1), h.backendImages());
		CPPUNIT_ASSERT_EQUAL(NGINX_ID, h.annotation("prod", "a", "web"));
		CPPUNIT_ASSERT_EQUAL(std::string(""), h.annotation("prod", "b", "cache"));
		CPPUNIT_ASSERT_EQUAL(std::string(""), h.annotation("dev", "c", "web"));
	}
};

CPPUNIT_TEST_SUITE_NAMED_REGISTRATION(OperatorOnceTest, "Operator");
