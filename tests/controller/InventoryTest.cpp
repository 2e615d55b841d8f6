//
// InventoryTest.cpp
//

#include "ControllerTestSupport.h"
#include "sbomop/controller/Inventory.h"
#include <cppunit/extensions/HelperMacros.h>

using sbomop::controller::Inventory;
using sbomop::controller::InventoryImage;
using sbomop::kube::ContainerKind;
using sbomop::kube::PodInfo;
using namespace sbomop::controller::test;

namespace {

std::vector<std::string> keys(const Inventory& inventory)
{
	std::vector<std::string> result;
	for (const auto& entry: inventory.images()) result.push_back(entry.first);
	return result;
}

const InventoryImage& imageAt(const Inventory& inventory, const std::string& key)
{
	auto it = inventory.images().find(key);
	CPPUNIT_ASSERT_MESSAGE("no image " + key, it != inventory.images().end());
	return it->second;
}

} // namespace


class InventoryTest: public CppUnit::TestFixture
{
	CPPUNIT_TEST_SUITE(InventoryTest);
	CPPUNIT_TEST(testImagesAreKeyedByNormalisedDigestReference);
	CPPUNIT_TEST(testRuntimeSchemePrefixesAreStripped);
	CPPUNIT_TEST(testBareDigestTakesTheSpecRepository);
	CPPUNIT_TEST(testStatusImageIsUsedWhenSpecImageIsUnknown);
	CPPUNIT_TEST(testInitAndEphemeralContainersAreIncluded);
	CPPUNIT_TEST(testSpecImageKeepsItsTagForNaming);
	CPPUNIT_TEST(testContainersWithoutImageIdAreSkippedSilently);
	CPPUNIT_TEST(testMalformedStatusesAreLoggedAndSkipped);
	CPPUNIT_TEST(testPodsBeingDeletedAreSkipped);
	CPPUNIT_TEST(testOperatorsOwnPodsAreSkipped);
	CPPUNIT_TEST(testSameImageInHundredPodsIsOneEntry);
	CPPUNIT_TEST(testDifferentTagsOfOneDigestShareAnEntry);
	CPPUNIT_TEST_SUITE_END();

public:
	void testImagesAreKeyedByNormalisedDigestReference()
	{
		CapturedLogger log;
		Inventory inventory(log.logger());
		const PodInfo pod = makePod("shop", "web-7d4b9c6f5-x2k8p", {
			container("nginx", "nginx:1.25.3", "docker.io/library/nginx@" + NGINX_DIGEST),
			container("cache", "bitnami/redis:7.2.4", "docker.io/bitnami/redis@" + REDIS_DIGEST),
		});
		inventory.addPod(pod);

		CPPUNIT_ASSERT_EQUAL(std::size_t(2), inventory.images().size());
		CPPUNIT_ASSERT_EQUAL(std::size_t(2), inventory.containerCount());
		CPPUNIT_ASSERT_EQUAL(std::size_t(0), inventory.malformedCount());
		const InventoryImage& nginx = imageAt(inventory, "docker.io/library/nginx@" + NGINX_DIGEST);
		CPPUNIT_ASSERT_EQUAL(NGINX_DIGEST, nginx.id.digest());
		CPPUNIT_ASSERT_EQUAL(std::size_t(1), nginx.usages.size());
		CPPUNIT_ASSERT(nginx.usages[0].pod == &pod);
		CPPUNIT_ASSERT_EQUAL(std::string("nginx"), nginx.usages[0].containerName);
		const InventoryImage& redis = imageAt(inventory, "docker.io/bitnami/redis@" + REDIS_DIGEST);
		CPPUNIT_ASSERT_EQUAL(std::string("cache"), redis.usages[0].containerName);
	}

	void testRuntimeSchemePrefixesAreStripped()
	{
		const std::string expected = "docker.io/library/nginx@" + NGINX_DIGEST;
		const std::string imageIDs[] = {
			"docker-pullable://nginx@" + NGINX_DIGEST,
			"docker-pullable://docker.io/library/nginx@" + NGINX_DIGEST,
			"containerd://docker.io/library/nginx@" + NGINX_DIGEST,
			"docker://" + NGINX_DIGEST,      // bare digest behind a scheme: spec repository
			"index.docker.io/library/nginx@" + NGINX_DIGEST,
		};
		for (const auto& imageID: imageIDs)
		{
			CapturedLogger log;
			Inventory inventory(log.logger());
			const PodInfo pod = makePod("shop", "web-7d4b9c6f5-x2k8p", { container("nginx", "nginx:1.25.3", imageID) });
			inventory.addPod(pod);
			CPPUNIT_ASSERT_EQUAL_MESSAGE(imageID, std::vector<std::string>{ expected }, keys(inventory));
		}
	}

	void testBareDigestTakesTheSpecRepository()
	{
		CapturedLogger log;
		Inventory inventory(log.logger());
		const PodInfo pod = makePod("payments", "api-5f6d8b7c9-q7w2e", {
			container("api", "registry.example.com/team/api:2.3.1", API_DIGEST),
		});
		inventory.addPod(pod);
		const InventoryImage& api = imageAt(inventory, "registry.example.com/team/api@" + API_DIGEST);
		CPPUNIT_ASSERT(!api.id.fromRepoDigest());
		CPPUNIT_ASSERT_EQUAL(API_DIGEST, api.id.digest());
	}

	void testStatusImageIsUsedWhenSpecImageIsUnknown()
	{
		CapturedLogger log;
		Inventory inventory(log.logger());
		PodInfo pod = makePod("payments", "api-5f6d8b7c9-q7w2e", {
			container("api", "registry.example.com/team/api:2.3.1", API_DIGEST),
		});
		pod.specImages.clear();
		inventory.addPod(pod);
		CPPUNIT_ASSERT_EQUAL(std::vector<std::string>{ "registry.example.com/team/api@" + API_DIGEST }, keys(inventory));
	}

	void testInitAndEphemeralContainersAreIncluded()
	{
		CapturedLogger log;
		Inventory inventory(log.logger());
		const PodInfo pod = makePod("shop", "web-7d4b9c6f5-x2k8p", {
			initContainer("migrate", "registry.example.com/team/api:2.3.1", "registry.example.com/team/api@" + API_DIGEST),
			container("nginx", "nginx:1.25.3", "docker.io/library/nginx@" + NGINX_DIGEST),
			ephemeralContainer("debugger-r4x9z", "busybox:1.36", "docker.io/library/busybox@" + BUSYBOX_DIGEST),
		});
		inventory.addPod(pod);

		CPPUNIT_ASSERT_EQUAL(std::size_t(3), inventory.containerCount());
		const auto& init = imageAt(inventory, "registry.example.com/team/api@" + API_DIGEST).usages.at(0);
		CPPUNIT_ASSERT_EQUAL(std::string("migrate"), init.containerName);
		CPPUNIT_ASSERT(init.kind == ContainerKind::Init);
		const auto& main = imageAt(inventory, "docker.io/library/nginx@" + NGINX_DIGEST).usages.at(0);
		CPPUNIT_ASSERT(main.kind == ContainerKind::Container);
		const auto& debug = imageAt(inventory, "docker.io/library/busybox@" + BUSYBOX_DIGEST).usages.at(0);
		CPPUNIT_ASSERT_EQUAL(std::string("debugger-r4x9z"), debug.containerName);
		CPPUNIT_ASSERT(debug.kind == ContainerKind::Ephemeral);
	}

	void testSpecImageKeepsItsTagForNaming()
	{
		CapturedLogger log;
		Inventory inventory(log.logger());
		const PodInfo pod = makePod("shop", "web-7d4b9c6f5-x2k8p", {
			container("nginx", "nginx:1.25.3", "docker-pullable://nginx@" + NGINX_DIGEST),
			container("cache", "bitnami/redis", "docker.io/bitnami/redis@" + REDIS_DIGEST),
		});
		inventory.addPod(pod);
		CPPUNIT_ASSERT_EQUAL(std::string("docker.io/library/nginx:1.25.3"),
			imageAt(inventory, "docker.io/library/nginx@" + NGINX_DIGEST).usages[0].specImage.string());
		CPPUNIT_ASSERT_EQUAL(std::string("docker.io/bitnami/redis:latest"),
			imageAt(inventory, "docker.io/bitnami/redis@" + REDIS_DIGEST).usages[0].specImage.string());
	}

	void testContainersWithoutImageIdAreSkippedSilently()
	{
		CapturedLogger log;
		Inventory inventory(log.logger());
		const PodInfo pod = makePod("shop", "web-7d4b9c6f5-x2k8p", {
			container("nginx", "nginx:1.25.3", ""),       // still pulling
			container("cache", "bitnami/redis:7.2.4", "docker.io/bitnami/redis@" + REDIS_DIGEST),
		});
		inventory.addPod(pod);
		CPPUNIT_ASSERT_EQUAL(std::size_t(1), inventory.containerCount());
		CPPUNIT_ASSERT_EQUAL(std::size_t(0), inventory.malformedCount());
		CPPUNIT_ASSERT_EQUAL(std::size_t(0), log.channel().texts(Poco::Message::PRIO_WARNING).size());
	}

	void testMalformedStatusesAreLoggedAndSkipped()
	{
		CapturedLogger log;
		Inventory inventory(log.logger());
		PodInfo pod = makePod("shop", "web-7d4b9c6f5-x2k8p", {
			container("no-digest", "nginx:1.25.3", "docker-pullable://nginx:1.25.3"),
			container("bad-spec", "Registry.Example.com/Team/API:2.3.1!", "registry.example.com/team/api@" + API_DIGEST),
			container("bad-digest", "nginx:1.25.3", "docker.io/library/nginx@sha256:12345"),
			container("nginx", "nginx:1.25.3", "docker.io/library/nginx@" + NGINX_DIGEST),
			container("bare-no-spec", "", "sha256:" + std::string(64, 'a')),
		});
		pod.containerStatuses.back().image = "";
		inventory.addPod(pod);

		CPPUNIT_ASSERT_EQUAL(std::size_t(4), inventory.malformedCount());
		CPPUNIT_ASSERT_EQUAL(std::size_t(1), inventory.containerCount());
		CPPUNIT_ASSERT_EQUAL(std::vector<std::string>{ "docker.io/library/nginx@" + NGINX_DIGEST }, keys(inventory));
		const auto warnings = log.channel().texts(Poco::Message::PRIO_WARNING);
		CPPUNIT_ASSERT_EQUAL(std::size_t(4), warnings.size());
		const char* names[] = { "no-digest", "bad-spec", "bad-digest", "bare-no-spec" };
		for (std::size_t i = 0; i < 4; ++i)
		{
			CPPUNIT_ASSERT_MESSAGE(warnings[i], warnings[i].find(std::string("container ") + names[i]) != std::string::npos);
			CPPUNIT_ASSERT_MESSAGE(warnings[i], warnings[i].find("shop/web-7d4b9c6f5-x2k8p") != std::string::npos);
		}
	}

	void testPodsBeingDeletedAreSkipped()
	{
		CapturedLogger log;
		Inventory inventory(log.logger());
		PodInfo leaving = makePod("shop", "web-7d4b9c6f5-x2k8p", {
			container("nginx", "nginx:1.25.3", "docker.io/library/nginx@" + NGINX_DIGEST),
		});
		leaving.deletionTimestamp = "2024-05-02T10:15:00Z";
		const PodInfo staying = makePod("shop", "cache-0", {
			container("redis", "bitnami/redis:7.2.4", "docker.io/bitnami/redis@" + REDIS_DIGEST),
		});
		inventory.addPod(leaving);
		inventory.addPod(staying);
		CPPUNIT_ASSERT_EQUAL(std::vector<std::string>{ "docker.io/bitnami/redis@" + REDIS_DIGEST }, keys(inventory));
		CPPUNIT_ASSERT_EQUAL(std::size_t(1), inventory.containerCount());
	}

	void testOperatorsOwnPodsAreSkipped()
	{
		CapturedLogger log;
		Inventory inventory(log.logger());
		PodInfo scanJob = makePod("sbom-system", "sbom-operator-job-c1-x7k2p", {
			container("sbom", "ghcr.io/example/trivy-job:1", "ghcr.io/example/trivy-job@" + REDIS_DIGEST),
		});
		scanJob.labels["app.kubernetes.io/managed-by"] = "sbom-operator";
		PodInfo helmManaged = makePod("shop", "cache-0", {
			container("redis", "bitnami/redis:7.2.4", "docker.io/bitnami/redis@" + REDIS_DIGEST),
		});
		helmManaged.labels["app.kubernetes.io/managed-by"] = "Helm";
		inventory.addPod(scanJob);
		inventory.addPod(helmManaged);
		CPPUNIT_ASSERT_EQUAL(std::vector<std::string>{ "docker.io/bitnami/redis@" + REDIS_DIGEST }, keys(inventory));
		CPPUNIT_ASSERT_EQUAL(std::size_t(1), inventory.containerCount());
	}

	void testSameImageInHundredPodsIsOneEntry()
	{
		CapturedLogger log;
		Inventory inventory(log.logger());
		std::vector<PodInfo> pods;
		for (int i = 0; i < 100; ++i)
		{
			pods.push_back(makePod("shop", "web-7d4b9c6f5-" + std::to_string(i), {
				container("nginx", "nginx:1.25.3", "docker-pullable://nginx@" + NGINX_DIGEST),
			}));
		}
		for (const auto& pod: pods) inventory.addPod(pod);

		CPPUNIT_ASSERT_EQUAL(std::size_t(1), inventory.images().size());
		CPPUNIT_ASSERT_EQUAL(std::size_t(100), inventory.containerCount());
		const InventoryImage& nginx = imageAt(inventory, "docker.io/library/nginx@" + NGINX_DIGEST);
		CPPUNIT_ASSERT_EQUAL(std::size_t(100), nginx.usages.size());
		CPPUNIT_ASSERT(nginx.usages[0].pod == &pods[0]);
		CPPUNIT_ASSERT(nginx.usages[99].pod == &pods[99]);
	}

	void testDifferentTagsOfOneDigestShareAnEntry()
	{
		CapturedLogger log;
		Inventory inventory(log.logger());
		const PodInfo a = makePod("shop", "web-a", { container("nginx", "nginx:1.25.3", "docker.io/library/nginx@" + NGINX_DIGEST) });
		const PodInfo b = makePod("blog", "web-b", { container("nginx", "nginx:stable", "docker.io/library/nginx@" + NGINX_DIGEST) });
		inventory.addPod(a);
		inventory.addPod(b);
		const InventoryImage& nginx = imageAt(inventory, "docker.io/library/nginx@" + NGINX_DIGEST);
		CPPUNIT_ASSERT_EQUAL(std::size_t(2), nginx.usages.size());
		CPPUNIT_ASSERT_EQUAL(std::string("docker.io/library/nginx:1.25.3"), nginx.usages[0].specImage.string());
		CPPUNIT_ASSERT_EQUAL(std::string("docker.io/library/nginx:stable"), nginx.usages[1].specImage.string());
	}
};

CPPUNIT_TEST_SUITE_NAMED_REGISTRATION(InventoryTest, "Controller");
