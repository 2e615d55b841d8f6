//
// CycleRunnerTest.cpp
//
// One cycle: the batch handed to the backend, annotations after success, retries, credentials and proxies.
//

#include "CycleRunnerHarness.h"
#include <Poco/RegularExpression.h>
#include <cppunit/extensions/HelperMacros.h>

using sbomop::StopToken;
using sbomop::controller::CycleReport;
using sbomop::controller::CycleRunner;
using sbomop::controller::CycleSettings;
using sbomop::controller::OperatorMetrics;
using sbomop::image::ImageFilter;
using sbomop::kube::PodInfo;
using sbomop::plugin::ImageBatch;
using sbomop::plugin::ImageTask;
using sbomop::registry::RegistryProxyMap;
using namespace sbomop::controller::test;


class CycleRunnerTest: public CppUnit::TestFixture
{
	CPPUNIT_TEST_SUITE(CycleRunnerTest);
	CPPUNIT_TEST(testBatchDescribesEachImageAndItsContainers);
	CPPUNIT_TEST(testAnnotationValuesEqualTheNormalisedImageId);
	CPPUNIT_TEST(testSameImageInHundredPodsIsOneTask);
	CPPUNIT_TEST(testNewPodsOfAProcessedImageAreOnlyAnnotated);
	CPPUNIT_TEST(testImagesNoPodRunsAreForgotten);
	CPPUNIT_TEST(testFailedImageIsNotAnnotatedAndRetriedNextCycle);
	CPPUNIT_TEST(testBackendExceptionFailsEveryImage);
	CPPUNIT_TEST(testMissingResultCountsAsFailed);
	CPPUNIT_TEST(testGoStyleAnnotationCountsAsDone);
	CPPUNIT_TEST(testIgnoreAnnotationsProcessesEachImageOncePerProcess);
	CPPUNIT_TEST(testExcludedImagesAreNeverSentNorAnnotated);
	CPPUNIT_TEST(testProxyChangesOnlyThePullReference);
	CPPUNIT_TEST(testCredentialsComeFromPodSecretThenFallbackElseNone);
	CPPUNIT_TEST(testSecretIsReadOncePerCycleForFiftyPods);
	CPPUNIT_TEST(testMalformedSecretIsWarnedWithoutItsContent);
	CPPUNIT_TEST(testGonePodsAreSkippedAndFailedPatchesCounted);
	CPPUNIT_TEST(testMalformedContainersAreSkippedNotFatal);
	CPPUNIT_TEST_SUITE_END();

public:
	void testBatchDescribesEachImageAndItsContainers()
	{
		Harness h;
		const PodInfo pod = makePod("shop", "web-7d4b9c6f5-x2k8p", {
			initContainer("migrate", "registry.example.com/team/api:2.3.1", API_DIGEST),
			container("nginx", "nginx:1.25.3", "docker-pullable://nginx@" + NGINX_DIGEST),
			ephemeralContainer("debugger-r4x9z", "busybox:1.36", "docker.io/library/busybox@" + BUSYBOX_DIGEST),
		});
		const CycleReport report = h.run({ pod });

		CPPUNIT_ASSERT_EQUAL(std::size_t(1), h.backend.batches.size());
		const ImageBatch& batch = h.lastBatch();
		CPPUNIT_ASSERT_EQUAL(report.cycleId, batch.cycleId);
		CPPUNIT_ASSERT_EQUAL((std::vector<std::string>{
			"docker.io/library/busybox@" + BUSYBOX_DIGEST, NGINX + NGINX_DIGEST, API + API_DIGEST }), taskIds(batch));

		const ImageTask& nginx = taskFor(batch, NGINX + NGINX_DIGEST);
		CPPUNIT_ASSERT_EQUAL(NGINX_DIGEST, nginx.digest);
		CPPUNIT_ASSERT_EQUAL(std::string("docker.io/library/nginx:1.25.3"), nginx.originalReference);
		CPPUNIT_ASSERT_EQUAL(NGINX + NGINX_DIGEST, nginx.pullReference);
		CPPUNIT_ASSERT(nginx.credentials.empty());
		CPPUNIT_ASSERT_EQUAL(std::size_t(1), nginx.containers.size());
		const auto& ref = nginx.containers[0];
		CPPUNIT_ASSERT_EQUAL(std::string("shop"), ref.namespaceName);
		CPPUNIT_ASSERT_EQUAL(std::string("web-7d4b9c6f5-x2k8p"), ref.podName);
		CPPUNIT_ASSERT_EQUAL(pod.uid, ref.podUid);
		CPPUNIT_ASSERT_EQUAL(std::string("nginx"), ref.containerName);
		CPPUNIT_ASSERT_EQUAL(std::string("container"), ref.kind);
		CPPUNIT_ASSERT_EQUAL(std::string("docker.io/library/nginx:1.25.3"), ref.specImage);
		CPPUNIT_ASSERT(pod.labels == ref.podLabels);

		// A digest-only imageID is named after the spec repository.
		const ImageTask& api = taskFor(batch, API + API_DIGEST);
		CPPUNIT_ASSERT_EQUAL(std::string("init"), api.containers.at(0).kind);
		CPPUNIT_ASSERT_EQUAL(std::string("registry.example.com/team/api:2.3.1"), api.originalReference);
		CPPUNIT_ASSERT_EQUAL(std::string("ephemeral"), taskFor(batch, "docker.io/library/busybox@" + BUSYBOX_DIGEST).containers.at(0).kind);

		CPPUNIT_ASSERT_EQUAL(std::size_t(3), report.imagesKnown);
		CPPUNIT_ASSERT_EQUAL(std::size_t(3), report.pending);
		CPPUNIT_ASSERT_EQUAL(std::size_t(3), report.succeeded);
		CPPUNIT_ASSERT_EQUAL(std::size_t(0), report.failed);
		CPPUNIT_ASSERT_EQUAL(std::size_t(1), report.podsAnnotated);
		CPPUNIT_ASSERT(report.ok());
		CPPUNIT_ASSERT_EQUAL(std::size_t(1), h.patcher.calls.size());
		const std::map<std::string, std::string> expected = {
			{ KEY + "debugger-r4x9z", "docker.io/library/busybox@" + BUSYBOX_DIGEST },
			{ KEY + "migrate", API + API_DIGEST },
			{ KEY + "nginx", NGINX + NGINX_DIGEST },
		};
		CPPUNIT_ASSERT(expected == h.patcher.annotationsOf("shop", "web-7d4b9c6f5-x2k8p"));
	}

	void testAnnotationValuesEqualTheNormalisedImageId()
	{
		const std::string imageIDs[] = {
			"docker-pullable://nginx@" + NGINX_DIGEST,
			"containerd://docker.io/library/nginx@" + NGINX_DIGEST,
			"docker.io/library/nginx@" + NGINX_DIGEST,
			"index.docker.io/library/nginx@" + NGINX_DIGEST,
			NGINX_DIGEST,
			"docker://" + NGINX_DIGEST,
		};
		for (const auto& imageID: imageIDs)
		{
			Harness h;
			h.run({ makePod("shop", "web-1", { container("nginx", "nginx:1.25.3", imageID) }) });
			CPPUNIT_ASSERT_EQUAL_MESSAGE(imageID, std::vector<std::string>{ NGINX + NGINX_DIGEST }, taskIds(h.lastBatch()));
			const std::map<std::string, std::string> expected = { { KEY + "nginx", NGINX + NGINX_DIGEST } };
			CPPUNIT_ASSERT_MESSAGE(imageID, expected == h.patcher.annotationsOf("shop", "web-1"));
		}
	}

	void testSameImageInHundredPodsIsOneTask()
	{
		Harness h;
		std::vector<PodInfo> pods;
		for (int i = 0; i < 100; ++i) pods.push_back(nginxPod("web-" + std::to_string(i)));
		const CycleReport report = h.run(pods);

		CPPUNIT_ASSERT_EQUAL(std::size_t(1), h.backend.batches.size());
		CPPUNIT_ASSERT_EQUAL(std::size_t(1), h.lastBatch().images.size());
		CPPUNIT_ASSERT_EQUAL(std::size_t(100), h.lastBatch().images[0].containers.size());
		CPPUNIT_ASSERT_EQUAL(std::size_t(100), h.patcher.calls.size());
		CPPUNIT_ASSERT_EQUAL(std::size_t(100), report.podsAnnotated);
		CPPUNIT_ASSERT_EQUAL(std::size_t(1), report.succeeded);
		CPPUNIT_ASSERT_EQUAL(std::string("100"), h.metric("sbomop_pods_annotated_total"));
	}

	void testNewPodsOfAProcessedImageAreOnlyAnnotated()
	{
		Harness h;
		h.run({ nginxPod("web-1") });
		CPPUNIT_ASSERT_EQUAL(std::size_t(1), h.backend.batches.size());

		// Next cycle: web-1 carries its annotation; a new replica and a new image appear.
		h.patcher.calls.clear();
		const std::vector<PodInfo> pods = {
			annotated(nginxPod("web-1"), "nginx", NGINX + NGINX_DIGEST),
			nginxPod("web-2"),
			makePod("shop", "cache-0", { container("redis", "bitnami/redis:7.2.4", REDIS + REDIS_DIGEST) }),
		};
		const CycleReport report = h.run(pods);
		CPPUNIT_ASSERT_EQUAL(std::size_t(2), h.backend.batches.size());
		CPPUNIT_ASSERT_EQUAL(std::vector<std::string>{ REDIS + REDIS_DIGEST }, taskIds(h.lastBatch()));
		CPPUNIT_ASSERT_EQUAL(std::size_t(1), report.pending);
		CPPUNIT_ASSERT_EQUAL(std::size_t(1), report.annotateOnly);
		CPPUNIT_ASSERT_EQUAL((std::vector<std::string>{ "shop/cache-0", "shop/web-2" }), patchedPods(h.patcher));
		const std::map<std::string, std::string> expected = { { KEY + "nginx", NGINX + NGINX_DIGEST } };
		CPPUNIT_ASSERT(expected == h.patcher.annotationsOf("shop", "web-2"));

		// Everything annotated: no backend call, no patch.
		h.patcher.calls.clear();
		const CycleReport idle = h.run({
			annotated(nginxPod("web-1"), "nginx", NGINX + NGINX_DIGEST),
			annotated(nginxPod("web-2"), "nginx", NGINX + NGINX_DIGEST),
			annotated(pods[2], "redis", REDIS + REDIS_DIGEST),
		});
		CPPUNIT_ASSERT_EQUAL(std::size_t(2), h.backend.batches.size());
		CPPUNIT_ASSERT(h.patcher.calls.empty());
		CPPUNIT_ASSERT_EQUAL(std::size_t(0), idle.pending);
		CPPUNIT_ASSERT(idle.ok());
	}

	void testImagesNoPodRunsAreForgotten()
	{
		Harness h;
		h.run({ nginxPod("web-1") });
		CPPUNIT_ASSERT_EQUAL(std::size_t(1), h.runner->processed().count(NGINX + NGINX_DIGEST));

		// The rollout replaced nginx: the set keeps only what still runs.
		const PodInfo cache = makePod("shop", "cache-0", { container("redis", "bitnami/redis:7.2.4", REDIS + REDIS_DIGEST) });
		h.run({ cache });
		CPPUNIT_ASSERT((std::set<std::string>{ REDIS + REDIS_DIGEST }) == h.runner->processed());

		// nginx comes back after its SBOM may have been removed as an orphan:
		// the backend gets it again instead of a bare annotation.
		h.run({ annotated(cache, "redis", REDIS + REDIS_DIGEST), nginxPod("web-2") });
		CPPUNIT_ASSERT_EQUAL(std::size_t(3), h.backend.batches.size());
		CPPUNIT_ASSERT_EQUAL(std::vector<std::string>{ NGINX + NGINX_DIGEST }, taskIds(h.lastBatch()));
	}

	void testFailedImageIsNotAnnotatedAndRetriedNextCycle()
	{
		Harness h;
		h.backend.fail(NGINX + NGINX_DIGEST, "syft: manifest unknown");
		const CycleReport first = h.run({ webPod("shop", "web-1") });

		CPPUNIT_ASSERT_EQUAL(std::size_t(1), first.succeeded);
		CPPUNIT_ASSERT_EQUAL(std::size_t(1), first.failed);
		CPPUNIT_ASSERT(!first.ok());
		const std::map<std::string, std::string> cacheOnly = { { KEY + "cache", REDIS + REDIS_DIGEST } };
		CPPUNIT_ASSERT(cacheOnly == h.patcher.annotationsOf("shop", "web-1"));
		CPPUNIT_ASSERT(h.log.channel().contains("syft: manifest unknown"));
		CPPUNIT_ASSERT_EQUAL(std::size_t(0), h.runner->processed().count(NGINX + NGINX_DIGEST));

		h.patcher.calls.clear();
		h.backend.succeed(NGINX + NGINX_DIGEST);
		const CycleReport second = h.run({ annotated(webPod("shop", "web-1"), "cache", REDIS + REDIS_DIGEST) });
		CPPUNIT_ASSERT_EQUAL(std::vector<std::string>{ NGINX + NGINX_DIGEST }, taskIds(h.lastBatch()));
		CPPUNIT_ASSERT(second.ok());
		const std::map<std::string, std::string> nginxOnly = { { KEY + "nginx", NGINX + NGINX_DIGEST } };
		CPPUNIT_ASSERT(nginxOnly == h.patcher.annotationsOf("shop", "web-1"));
	}

	void testBackendExceptionFailsEveryImage()
	{
		const RecordingBackend::Throw kinds[] = { RecordingBackend::Throw::POCO, RecordingBackend::Throw::STD };
		for (const auto kind: kinds)
		{
			Harness h;
			h.backend.processThrows = kind;
			const CycleReport report = h.run({ webPod("shop", "web-1"), webPod("shop", "web-2") });

			CPPUNIT_ASSERT(report.backendError);
			CPPUNIT_ASSERT_EQUAL(std::size_t(2), report.pending);
			CPPUNIT_ASSERT_EQUAL(std::size_t(0), report.succeeded);
			CPPUNIT_ASSERT_EQUAL(std::size_t(2), report.failed);
			CPPUNIT_ASSERT(!report.ok());
			CPPUNIT_ASSERT(h.patcher.calls.empty());
			CPPUNIT_ASSERT(h.runner->processed().empty());
			CPPUNIT_ASSERT(h.log.channel().contains("scanner crashed"));
			CPPUNIT_ASSERT_EQUAL(std::string("1"), h.metric("sbomop_cycles_total{result=\"failure\"}"));
			CPPUNIT_ASSERT_EQUAL(std::string("2"), h.metric("sbomop_backend_images_total{backend=\"recording\",result=\"failed\"}"));

			// Nothing was lost: the next cycle sends both images again.
			h.backend.processThrows = RecordingBackend::Throw::NOTHING;
			const CycleReport retry = h.run({ webPod("shop", "web-1"), webPod("shop", "web-2") });
			CPPUNIT_ASSERT_EQUAL((std::vector<std::string>{ REDIS + REDIS_DIGEST, NGINX + NGINX_DIGEST }), taskIds(h.lastBatch()));
			CPPUNIT_ASSERT_EQUAL(std::size_t(2), retry.podsAnnotated);
			CPPUNIT_ASSERT(retry.ok());
		}
	}

	void testMissingResultCountsAsFailed()
	{
		Harness h;
		h.backend.omit(REDIS + REDIS_DIGEST);
		const CycleReport report = h.run({ webPod("shop", "web-1") });

		CPPUNIT_ASSERT_EQUAL(std::size_t(1), report.succeeded);
		CPPUNIT_ASSERT_EQUAL(std::size_t(1), report.failed);
		CPPUNIT_ASSERT(!report.backendError);
		CPPUNIT_ASSERT(!report.ok());
		const std::map<std::string, std::string> nginxOnly = { { KEY + "nginx", NGINX + NGINX_DIGEST } };
		CPPUNIT_ASSERT(nginxOnly == h.patcher.annotationsOf("shop", "web-1"));
		CPPUNIT_ASSERT(h.log.channel().contains("no result from the backend"));
	}

	void testGoStyleAnnotationCountsAsDone()
	{
		Harness h;
		PodInfo pod = annotated(webPod("shop", "web-1"), "nginx", "docker-pullable://nginx@" + NGINX_DIGEST);
		pod = annotated(pod, "cache", "docker.io/bitnami/redis@" + REDIS_DIGEST);
		const CycleReport report = h.run({ pod });
		CPPUNIT_ASSERT(h.backend.batches.empty());
		CPPUNIT_ASSERT(h.patcher.calls.empty());
		CPPUNIT_ASSERT_EQUAL(std::size_t(2), report.imagesKnown);
		CPPUNIT_ASSERT_EQUAL(std::size_t(0), report.pending);
	}

	void testIgnoreAnnotationsProcessesEachImageOncePerProcess()
	{
		PodInfo web1 = annotated(webPod("shop", "web-1"), "nginx", "docker-pullable://nginx@" + NGINX_DIGEST);
		web1 = annotated(web1, "cache", REDIS + REDIS_DIGEST);
		const std::vector<PodInfo> pods = { web1, annotated(nginxPod("web-2"), "nginx", NGINX + NGINX_DIGEST) };

		Harness h;
		h.settings.ignoreAnnotations = true;
		const CycleReport first = h.run(pods);
		CPPUNIT_ASSERT_EQUAL((std::vector<std::string>{ REDIS + REDIS_DIGEST, NGINX + NGINX_DIGEST }), taskIds(h.lastBatch()));
		CPPUNIT_ASSERT_EQUAL(std::size_t(2), taskFor(h.lastBatch(), NGINX + NGINX_DIGEST).containers.size());
		CPPUNIT_ASSERT_EQUAL(std::size_t(2), first.podsAnnotated);

		// Same process: processed once, the annotations count again.
		h.patcher.calls.clear();
		const CycleReport second = h.run(pods);
		CPPUNIT_ASSERT_EQUAL(std::size_t(1), h.backend.batches.size());
		CPPUNIT_ASSERT(h.patcher.calls.empty());
		CPPUNIT_ASSERT_EQUAL(std::size_t(0), second.pending);

		// A new process (operator restart) processes them once more.
		Harness restarted;
		restarted.settings.ignoreAnnotations = true;
		restarted.run(pods);
		CPPUNIT_ASSERT_EQUAL(std::size_t(1), restarted.backend.batches.size());
		CPPUNIT_ASSERT_EQUAL(std::size_t(2), restarted.lastBatch().images.size());
	}

	void testExcludedImagesAreNeverSentNorAnnotated()
	{
		Harness h;
		h.settings.exclude = ImageFilter::parse("*/pause:*, bitnami/*");
		const CycleReport report = h.run({
			webPod("shop", "web-1"),
			makePod("kube-system", "sandbox", { container("pause", "registry.k8s.io/pause:3.9", "registry.k8s.io/pause@" + PAUSE_DIGEST) }),
		});
		CPPUNIT_ASSERT_EQUAL(std::vector<std::string>{ NGINX + NGINX_DIGEST }, taskIds(h.lastBatch()));
		CPPUNIT_ASSERT_EQUAL(std::vector<std::string>{ "shop/web-1" }, patchedPods(h.patcher));
		const std::map<std::string, std::string> nginxOnly = { { KEY + "nginx", NGINX + NGINX_DIGEST } };
		CPPUNIT_ASSERT(nginxOnly == h.patcher.annotationsOf("shop", "web-1"));
		CPPUNIT_ASSERT_EQUAL(std::size_t(3), report.imagesKnown);
		CPPUNIT_ASSERT_EQUAL(std::size_t(1), report.pending);
		CPPUNIT_ASSERT(report.ok());
	}

	void testProxyChangesOnlyThePullReference()
	{
		Harness h;
		h.settings.proxies = RegistryProxyMap::parse("docker.io=mirror.example.com/hub");
		h.secrets.add("shop", "regcred", dockerConfigSecret({
			{ "https://index.docker.io/v1/", "hub-user", "hub-pw" },
			{ "mirror.example.com", "mirror-bot", "mirror-pw" },
		}));
		const PodInfo pod = makePod("shop", "web-1", {
			container("nginx", "nginx:1.25.3", "docker-pullable://nginx@" + NGINX_DIGEST),
			container("api", "registry.example.com/team/api:2.3.1", API + API_DIGEST),
		}, { "regcred" });
		h.run({ pod });

		const ImageTask& nginx = taskFor(h.lastBatch(), NGINX + NGINX_DIGEST);
		CPPUNIT_ASSERT_EQUAL("mirror.example.com/hub/nginx@" + NGINX_DIGEST, nginx.pullReference);
		CPPUNIT_ASSERT_EQUAL(std::string("docker.io/library/nginx:1.25.3"), nginx.originalReference);
		CPPUNIT_ASSERT_EQUAL(std::string("docker.io/library/nginx:1.25.3"), nginx.containers.at(0).specImage);
		// Credentials are those of the registry actually pulled from.
		CPPUNIT_ASSERT_EQUAL(std::string("mirror-bot"), nginx.credentials.username());
		CPPUNIT_ASSERT_EQUAL(std::string("mirror.example.com"), nginx.credentials.registry());

		const ImageTask& api = taskFor(h.lastBatch(), API + API_DIGEST);
		CPPUNIT_ASSERT_EQUAL(API + API_DIGEST, api.pullReference);

		const std::map<std::string, std::string> expected = {
			{ KEY + "api", API + API_DIGEST },
			{ KEY + "nginx", NGINX + NGINX_DIGEST },
		};
		CPPUNIT_ASSERT(expected == h.patcher.annotationsOf("shop", "web-1"));
	}

	void testCredentialsComeFromPodSecretThenFallbackElseNone()
	{
		Harness h;
		h.settings.fallbackPullSecret = "sbom-fallback-pull";
		h.secrets.add("payments", "regcred", dockerConfigSecret({ { "registry.example.com", "ci-bot", "pw-pod" } }));
		h.secrets.add(OPERATOR_NS, "sbom-fallback-pull", dockerConfigSecret({
			{ "registry.example.com", "fallback-bot", "pw-fallback" },
			{ "ghcr.io", "octocat", "ghp-fallback" },
		}));
		const std::string ghcrDigest = digestOf("ghcr.io/acme/worker:0.9.1");
		const std::string quayDigest = digestOf("quay.io/prometheus/node-exporter:v1.7.0");
		h.run({
			makePod("payments", "api-1", { container("api", "registry.example.com/team/api:2.3.1", API + API_DIGEST) }, { "regcred" }),
			makePod("payments", "worker-1", { container("worker", "ghcr.io/acme/worker:0.9.1", "ghcr.io/acme/worker@" + ghcrDigest) }, { "regcred" }),
			makePod("monitoring", "exporter-1", { container("exporter", "quay.io/prometheus/node-exporter:v1.7.0", "quay.io/prometheus/node-exporter@" + quayDigest) }),
		});

		const ImageBatch& batch = h.lastBatch();
		const ImageTask& api = taskFor(batch, API + API_DIGEST);
		CPPUNIT_ASSERT_EQUAL(std::string("ci-bot"), api.credentials.username());
		CPPUNIT_ASSERT_EQUAL(std::string("pw-pod"), api.credentials.password());
		const ImageTask& worker = taskFor(batch, "ghcr.io/acme/worker@" + ghcrDigest);
		CPPUNIT_ASSERT_EQUAL(std::string("octocat"), worker.credentials.username());
		CPPUNIT_ASSERT_EQUAL(std::string("ghcr.io"), worker.credentials.registry());
		const ImageTask& exporter = taskFor(batch, "quay.io/prometheus/node-exporter@" + quayDigest);
		CPPUNIT_ASSERT(exporter.credentials.empty());
		CPPUNIT_ASSERT_EQUAL(std::size_t(1), h.secrets.reads("payments", "regcred"));
		CPPUNIT_ASSERT_EQUAL(std::size_t(1), h.secrets.reads(OPERATOR_NS, "sbom-fallback-pull"));
	}

	void testSecretIsReadOncePerCycleForFiftyPods()
	{
		Harness h;
		h.settings.fallbackPullSecret = "sbom-fallback-pull";
		h.secrets.add("payments", "regcred", dockerConfigSecret({ { "registry.example.com", "ci-bot", "pw-pod" } }));
		std::vector<PodInfo> pods;
		for (int i = 0; i < 50; ++i)
		{
			const std::string image = "registry.example.com/team/svc-" + std::to_string(i);
			const std::string digest = digestOf(image);
			pods.push_back(makePod("payments", "svc-" + std::to_string(i) + "-0", { container("svc", image + ":1.0." + std::to_string(i), image + "@" + digest) }, { "regcred" }));
			h.backend.fail(image + "@" + digest, "registry timeout");
		}

		h.run(pods);
		CPPUNIT_ASSERT_EQUAL(std::size_t(50), h.lastBatch().images.size());
		for (const auto& task: h.lastBatch().images)
		{
			CPPUNIT_ASSERT_EQUAL_MESSAGE(task.imageId, std::string("ci-bot"), task.credentials.username());
		}
		CPPUNIT_ASSERT_EQUAL(std::size_t(1), h.secrets.reads("payments", "regcred"));
		CPPUNIT_ASSERT_EQUAL(std::size_t(1), h.secrets.reads(OPERATOR_NS, "sbom-fallback-pull"));

		// Every image failed: the next cycle reads the secrets again, once.
		h.run(pods);
		CPPUNIT_ASSERT_EQUAL(std::size_t(2), h.backend.batches.size());
		CPPUNIT_ASSERT_EQUAL(std::size_t(2), h.secrets.reads("payments", "regcred"));
		CPPUNIT_ASSERT_EQUAL(std::size_t(2), h.secrets.reads(OPERATOR_NS, "sbom-fallback-pull"));
	}

	void testMalformedSecretIsWarnedWithoutItsContent()
	{
		const std::string password = "Tr0ub4dor-and-3";
		Harness h;
		h.secrets.add("payments", "regcred", rawDockerConfigSecret(
			"{\"auths\":{\"registry.example.com\":{\"username\":\"ci-bot\",\"password\":\"" + password + "\"}"));
		const CycleReport report = h.run({
			makePod("payments", "api-1", { container("api", "registry.example.com/team/api:2.3.1", API + API_DIGEST) }, { "regcred" }),
		});

		// The image proceeds without those credentials.
		CPPUNIT_ASSERT(taskFor(h.lastBatch(), API + API_DIGEST).credentials.empty());
		CPPUNIT_ASSERT(report.ok());
		const auto warnings = h.log.channel().texts(Poco::Message::PRIO_WARNING);
		CPPUNIT_ASSERT_EQUAL(std::size_t(1), warnings.size());
		CPPUNIT_ASSERT_MESSAGE(warnings[0], warnings[0].find("payments/regcred") != std::string::npos);
		const std::string logged = h.log.channel().all();
		CPPUNIT_ASSERT_MESSAGE(logged, logged.find(password) == std::string::npos);
		CPPUNIT_ASSERT_MESSAGE(logged, logged.find(base64(password)) == std::string::npos);
	}

	void testGonePodsAreSkippedAndFailedPatchesCounted()
	{
		Harness h;
		h.patcher.gone.insert("shop/web-2");
		h.patcher.failing.insert("shop/web-3");
		const CycleReport report = h.run({ nginxPod("web-1"), nginxPod("web-2"), nginxPod("web-3") });

		CPPUNIT_ASSERT_EQUAL(std::size_t(1), report.succeeded);
		CPPUNIT_ASSERT_EQUAL(std::size_t(1), report.podsAnnotated);
		CPPUNIT_ASSERT_EQUAL(std::size_t(1), report.annotationFailures);
		CPPUNIT_ASSERT(!report.ok());
		CPPUNIT_ASSERT_EQUAL(std::string("1"), h.metric("sbomop_annotation_failures_total"));
		CPPUNIT_ASSERT_EQUAL(std::string("1"), h.metric("sbomop_pods_annotated_total"));

		// The image is not processed again; the failed pod is annotated next cycle.
		h.patcher.calls.clear();
		h.patcher.failing.clear();
		const CycleReport next = h.run({ annotated(nginxPod("web-1"), "nginx", NGINX + NGINX_DIGEST), nginxPod("web-3") });
		CPPUNIT_ASSERT_EQUAL(std::size_t(1), h.backend.batches.size());
		CPPUNIT_ASSERT_EQUAL(std::vector<std::string>{ "shop/web-3" }, patchedPods(h.patcher));
		CPPUNIT_ASSERT_EQUAL(std::size_t(1), next.annotateOnly);
		CPPUNIT_ASSERT(next.ok());
	}

	void testMalformedContainersAreSkippedNotFatal()
	{
		Harness h;
		const CycleReport report = h.run({
			makePod("shop", "web-1", {
				container("nginx", "nginx:1.25.3", "docker-pullable://nginx@" + NGINX_DIGEST),
				container("broken", "nginx:1.25.3", "docker-pullable://nginx:1.25.3"),
			}),
		});
		CPPUNIT_ASSERT_EQUAL(std::vector<std::string>{ NGINX + NGINX_DIGEST }, taskIds(h.lastBatch()));
		const std::map<std::string, std::string> nginxOnly = { { KEY + "nginx", NGINX + NGINX_DIGEST } };
		CPPUNIT_ASSERT(nginxOnly == h.patcher.annotationsOf("shop", "web-1"));
		CPPUNIT_ASSERT(report.ok());
	}
};

CPPUNIT_TEST_SUITE_NAMED_REGISTRATION(CycleRunnerTest, "Controller");
