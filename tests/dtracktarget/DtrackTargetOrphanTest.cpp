//
// DtrackTargetOrphanTest.cpp
//
// storedImages(), remove() and deactivate() against the Dependency-Track double.
//

#include "DtrackTestSupport.h"
#include "sbomop/config/BuiltinKeys.h"
#include <cppunit/extensions/HelperMacros.h>
#include <algorithm>

using namespace sbomop;
using namespace sbomop::dtracktest;
using config::BuiltinKeys;
using dtracksim::Project;

namespace {

const std::string REDIS_B = "docker.io/library/redis@" + DIGEST_B;

std::vector<std::string> ids(const std::vector<plugin::StoredImage>& images)
{
	std::vector<std::string> result;
	for (const auto& image: images) result.push_back(image.imageId);
	std::sort(result.begin(), result.end());
	return result;
}

SimFixture::Tweak setting(const char* key, const std::string& value)
{
	return [key, value](Poco::Util::MapConfiguration& config, dtracksim::DtrackSimServer&) { config.setString(key, value); };
}

}

class DtrackTargetOrphanTest: public CppUnit::TestFixture
{
	CPPUNIT_TEST_SUITE(DtrackTargetOrphanTest);
	CPPUNIT_TEST(testStoredImagesAreThisClustersTaggedProjects);
	CPPUNIT_TEST(testStoredImagesUseTagLookupsOnly);
	CPPUNIT_TEST(testRemoveDeletesTheOrphanedProject);
	CPPUNIT_TEST(testRemoveOfAnUnknownImageSucceeds);
	CPPUNIT_TEST(testRemoveKeepsProjectsAnotherClusterRuns);
	CPPUNIT_TEST(testRemoveLeavesProjectsWhoseImageChanged);
	CPPUNIT_TEST(testManagedStatusDeactivatesOrphans);
	CPPUNIT_TEST(testPrefixModeFindsAndDeletesByName);
	CPPUNIT_TEST_SUITE_END();

public:
	void testStoredImagesAreThisClustersTaggedProjects()
	{
		SimFixture f;
		CPPUNIT_ASSERT(f.store(imageTask(NGINX_A, "nginx:1.25")).stored);
		CPPUNIT_ASSERT(f.store(imageTask(REDIS_B, "redis:7")).stored);
		seed(f.sim(), "foreign", std::string("1"), {"kubernetes-cluster=other", "raw-image-id=x@sha256:1", "sbom-operator"});
		seed(f.sim(), "manual", std::string("1"), {"kubernetes-cluster=test-cluster", "raw-image-id=y@sha256:2"});
		const auto stored = f.target().storedImages();
		CPPUNIT_ASSERT(std::vector<std::string>({NGINX_A, REDIS_B}) == ids(stored));
		CPPUNIT_ASSERT(stored[0].location.find("dtrack:docker.io/library/") == 0);
	}

	void testStoredImagesUseTagLookupsOnly()
	{
		SimFixture f;
		CPPUNIT_ASSERT(f.store(imageTask(NGINX_A, "nginx:1.25")).stored);
		f.sim().requests().clear();
		f.target().storedImages();
		CPPUNIT_ASSERT_EQUAL(1, f.countRequests("GET", "/api/v1/project/tag/kubernetes-cluster%3Dtest-cluster?"));
		CPPUNIT_ASSERT_EQUAL(1, f.countRequests("", ""));
	}

	void testRemoveDeletesTheOrphanedProject()
	{
		SimFixture f;
		CPPUNIT_ASSERT(f.store(imageTask(NGINX_A, "nginx:1.25")).stored);
		CPPUNIT_ASSERT(f.store(imageTask(REDIS_B, "redis:7")).stored);
		f.target().storedImages();
		const auto results = f.target().remove({NGINX_A});
		CPPUNIT_ASSERT_EQUAL(std::size_t(1), results.size());
		CPPUNIT_ASSERT_MESSAGE(results[0].message, results[0].succeeded);
		CPPUNIT_ASSERT(!f.sim().project("docker.io/library/nginx", std::string("1.25")));
		CPPUNIT_ASSERT(f.sim().project("docker.io/library/redis", std::string("7")));
		CPPUNIT_ASSERT(std::vector<std::string>({REDIS_B}) == ids(f.target().storedImages()));
	}

	void testRemoveOfAnUnknownImageSucceeds()
	{
		SimFixture f;
		const auto results = f.target().remove({"docker.io/library/gone@" + DIGEST_A});
		CPPUNIT_ASSERT(results[0].succeeded);
		CPPUNIT_ASSERT_EQUAL(0, f.countRequests("DELETE", ""));
	}

	void testRemoveKeepsProjectsAnotherClusterRuns()
	{
		SimFixture f;
		seed(f.sim(), "docker.io/library/nginx", std::string("1.25"), {"kubernetes-cluster=other"});
		CPPUNIT_ASSERT(f.store(imageTask(NGINX_A, "nginx:1.25")).stored);
		f.target().storedImages();
		CPPUNIT_ASSERT(f.target().remove({NGINX_A})[0].succeeded);
		const auto p = f.sim().project("docker.io/library/nginx", std::string("1.25"));
		CPPUNIT_ASSERT(p.has_value());
		CPPUNIT_ASSERT(!p->hasTag("kubernetes-cluster=test-cluster"));
		CPPUNIT_ASSERT(p->hasTag("kubernetes-cluster=other"));
		CPPUNIT_ASSERT(f.target().storedImages().empty());
	}

	void testRemoveLeavesProjectsWhoseImageChanged()
	{
		SimFixture f;
		const std::string nginxB = "docker.io/library/nginx@" + DIGEST_B;
		CPPUNIT_ASSERT(f.store(imageTask(NGINX_A, "nginx:latest")).stored);
		f.target().storedImages();
		// nginx:latest moved to another digest after the inventory was taken.
		CPPUNIT_ASSERT(f.store(imageTask(nginxB, "nginx:latest")).stored);
		CPPUNIT_ASSERT(f.target().remove({NGINX_A})[0].succeeded);
		const auto p = f.sim().project("docker.io/library/nginx", std::string("latest"));
		CPPUNIT_ASSERT(p.has_value());
		CPPUNIT_ASSERT(p->hasTag("raw-image-id=" + nginxB));
	}

	void testManagedStatusDeactivatesOrphans()
	{
		SimFixture f("4.14.3", setting(BuiltinKeys::DTRACK_MANAGE_PROJECT_ACTIVE_STATUS, "true"));
		CPPUNIT_ASSERT(f.target().prefersDeactivation());
		CPPUNIT_ASSERT(f.store(imageTask(NGINX_A, "nginx:1.25")).stored);
		f.target().storedImages();
		const auto results = f.target().deactivate({NGINX_A});
		CPPUNIT_ASSERT_MESSAGE(results[0].message, results[0].succeeded);
		const auto p = f.sim().project("docker.io/library/nginx", std::string("1.25"));
		CPPUNIT_ASSERT(p.has_value());
		CPPUNIT_ASSERT(!p->active);
		CPPUNIT_ASSERT(!p->isLatest);
		CPPUNIT_ASSERT(!p->hasTag("kubernetes-cluster=test-cluster"));
		CPPUNIT_ASSERT(p->hasTag("raw-image-id=" + NGINX_A));
		CPPUNIT_ASSERT(f.target().storedImages().empty());
		CPPUNIT_ASSERT_EQUAL(0, f.countRequests("DELETE", ""));
	}

	void testPrefixModeFindsAndDeletesByName()
	{
		SimFixture f("4.14.3", setting(BuiltinKeys::DTRACK_KUBERNETES_CLUSTER_ID_MODE, "prefix"));
		CPPUNIT_ASSERT(!f.target().prefersDeactivation());
		CPPUNIT_ASSERT(f.store(imageTask(NGINX_A, "nginx:1.25")).stored);
		seed(f.sim(), "other-docker.io/library/nginx", std::string("1.25"), {"raw-image-id=" + NGINX_A, "sbom-operator"});
		const auto p = f.sim().project("test-cluster-docker.io/library/nginx", std::string("1.25"));
		CPPUNIT_ASSERT(p.has_value());
		CPPUNIT_ASSERT(!p->hasTag("kubernetes-cluster=test-cluster"));
		const auto stored = f.target().storedImages();
		CPPUNIT_ASSERT_EQUAL(std::size_t(1), stored.size());
		CPPUNIT_ASSERT(stored[0].location.find("test-cluster-docker.io/library/nginx") != std::string::npos);
		CPPUNIT_ASSERT(f.target().remove({NGINX_A})[0].succeeded);
		CPPUNIT_ASSERT(!f.sim().project("test-cluster-docker.io/library/nginx", std::string("1.25")));
		CPPUNIT_ASSERT(f.sim().project("other-docker.io/library/nginx", std::string("1.25")));
	}
};

CPPUNIT_TEST_SUITE_NAMED_REGISTRATION(DtrackTargetOrphanTest, "DtrackTarget");
