//
// DtrackTargetStoreTest.cpp
//
// store() against the Dependency-Track double: what the project looks like
// afterwards, which requests it took, and the managed active status.
//

#include "DtrackTestSupport.h"
#include "sbomop/config/BuiltinKeys.h"
#include <cppunit/extensions/HelperMacros.h>

using namespace sbomop;
using namespace sbomop::dtracktest;
using config::BuiltinKeys;
using dtracksim::Project;

namespace {

const std::string NGINX_B = "docker.io/library/nginx@" + DIGEST_B;
const std::string NAME = "docker.io/library/nginx";

Project project(dtracksim::DtrackSimServer& sim, const std::string& version)
{
	const std::optional<Project> found = sim.project(NAME, version);
	CPPUNIT_ASSERT_MESSAGE("project " + version + " exists", static_cast<bool>(found));
	return *found;
}

SimFixture::Tweak managed()
{
	return [](Poco::Util::MapConfiguration& config, dtracksim::DtrackSimServer&)
	{
		config.setString(BuiltinKeys::DTRACK_MANAGE_PROJECT_ACTIVE_STATUS, "true");
	};
}

}

class DtrackTargetStoreTest: public CppUnit::TestFixture
{
	CPPUNIT_TEST_SUITE(DtrackTargetStoreTest);
	CPPUNIT_TEST(testUploadCreatesTheTaggedProjectInOneRequest);
	CPPUNIT_TEST(testDefaultParentTravelsInTheUpload);
	CPPUNIT_TEST(testParentAnnotationSelectsTheRootProjectOfThatVersion);
	CPPUNIT_TEST(testOldServerGetsTagsByMinimalPatch);
	CPPUNIT_TEST(testExistingProjectKeepsForeignTagsAndRotatesRawImageId);
	CPPUNIT_TEST(testNewVersionDeactivatesItsSiblings);
	CPPUNIT_TEST(testRollbackReactivatesWithoutUpload);
	CPPUNIT_TEST(testVersionsStoredInTheSameBatchStayActive);
	CPPUNIT_TEST(testVersionOfAnotherClusterStaysActive);
	CPPUNIT_TEST(testNonCycloneDxDocumentIsRefused);
	CPPUNIT_TEST(testCycloneDxXmlIsUploaded);
	CPPUNIT_TEST_SUITE_END();

public:
	void testUploadCreatesTheTaggedProjectInOneRequest()
	{
		SimFixture f;
		const auto result = f.store(imageTask(NGINX_A, "nginx:1.25", "shop", {{"app", "web"}}), 7);
		CPPUNIT_ASSERT_MESSAGE(result.message, result.stored);
		const Project p = project(f.sim(), "1.25");
		const std::vector<std::string> tags = {"app=web", "kubernetes-cluster=test-cluster", "namespace=shop",
			"raw-image-id=" + NGINX_A, "sbom-operator"};
		CPPUNIT_ASSERT(tags == p.tags);
		CPPUNIT_ASSERT(p.active);
		CPPUNIT_ASSERT_EQUAL(std::string(), p.parentUuid);
		CPPUNIT_ASSERT_EQUAL(std::string("dtrack:" + NAME + ":1.25 (" + p.uuid + ")"), result.location);
		const auto bom = f.sim().lastBom(p.uuid);
		CPPUNIT_ASSERT(bom.has_value());
		CPPUNIT_ASSERT_EQUAL(7, bom->componentCount);
		CPPUNIT_ASSERT_EQUAL(std::string("multipart"), bom->transport);
		CPPUNIT_ASSERT_EQUAL(1, f.countRequests("POST", "/api/v1/bom"));
		CPPUNIT_ASSERT_EQUAL(0, f.countRequests("PATCH", ""));
		CPPUNIT_ASSERT_EQUAL(0, f.countRequests("POST", "/api/v1/project"));
	}

	void testDefaultParentTravelsInTheUpload()
	{
		std::string parentUuid;
		SimFixture f("4.14.3", [&parentUuid](Poco::Util::MapConfiguration& config, dtracksim::DtrackSimServer& sim)
		{
			parentUuid = seed(sim, "cluster-root", std::nullopt).uuid;
			config.setString(BuiltinKeys::DTRACK_DEFAULT_PARENT_PROJECT, parentUuid);
		});
		const auto result = f.store(imageTask(NGINX_A, "nginx:1.25"));
		CPPUNIT_ASSERT_MESSAGE(result.message, result.stored);
		CPPUNIT_ASSERT_EQUAL(parentUuid, project(f.sim(), "1.25").parentUuid);
		CPPUNIT_ASSERT_EQUAL(0, f.countRequests("PATCH", ""));
	}

	void testParentAnnotationSelectsTheRootProjectOfThatVersion()
	{
		SimFixture f("4.14.3", [](Poco::Util::MapConfiguration& config, dtracksim::DtrackSimServer&)
		{
			config.setString(BuiltinKeys::DTRACK_PARENT_PROJECT_ANNOTATION_KEY, "dtrack.example.com/parent");
		});
		seed(f.sim(), "platform", std::string("2024"));
		const Project wanted = seed(f.sim(), "platform", std::string("2025"));
		const auto result = f.store(imageTask(NGINX_A, "nginx:1.25", "shop", {}, {{"dtrack.example.com/parent/app", "platform:2025"}}));
		CPPUNIT_ASSERT_MESSAGE(result.message, result.stored);
		CPPUNIT_ASSERT_EQUAL(wanted.uuid, project(f.sim(), "1.25").parentUuid);
		CPPUNIT_ASSERT_EQUAL(0, f.countRequests("PATCH", ""));
	}

	void testOldServerGetsTagsByMinimalPatch()
	{
		SimFixture f("4.11.7");
		const auto result = f.store(imageTask(NGINX_A, "nginx:1.25", "shop"));
		CPPUNIT_ASSERT_MESSAGE(result.message, result.stored);
		const std::vector<std::string> tags = {"kubernetes-cluster=test-cluster", "namespace=shop", "raw-image-id=" + NGINX_A, "sbom-operator"};
		CPPUNIT_ASSERT(tags == project(f.sim(), "1.25").tags);
		CPPUNIT_ASSERT_EQUAL(1, f.countRequests("PATCH", "/api/v1/project/"));
		CPPUNIT_ASSERT_EQUAL(0, f.countRequests("POST", "/api/v1/project"));
	}

	void testExistingProjectKeepsForeignTagsAndRotatesRawImageId()
	{
		SimFixture f;
		seed(f.sim(), NAME, std::string("latest"), {"owner=team-a", "raw-image-id=" + NGINX_B, "sbom-operator"});
		const auto result = f.store(imageTask(NGINX_A, "nginx", "shop"));
		CPPUNIT_ASSERT_MESSAGE(result.message, result.stored);
		const std::vector<std::string> tags = {"kubernetes-cluster=test-cluster", "namespace=shop", "owner=team-a",
			"raw-image-id=" + NGINX_A, "sbom-operator"};
		CPPUNIT_ASSERT(tags == project(f.sim(), "latest").tags);
	}

	void testNewVersionDeactivatesItsSiblings()
	{
		SimFixture f("4.14.3", managed());
		f.target().beginBatch("1");
		CPPUNIT_ASSERT(f.store(imageTask(NGINX_A, "nginx:1.24")).stored);
		f.target().beginBatch("2");
		CPPUNIT_ASSERT(f.store(imageTask(NGINX_B, "nginx:1.25")).stored);
		const Project old = project(f.sim(), "1.24");
		const Project current = project(f.sim(), "1.25");
		CPPUNIT_ASSERT(!old.active);
		CPPUNIT_ASSERT(!old.isLatest);
		CPPUNIT_ASSERT(current.active);
		CPPUNIT_ASSERT(current.isLatest);
	}

	void testRollbackReactivatesWithoutUpload()
	{
		SimFixture f("4.14.3", managed());
		f.target().beginBatch("1");
		CPPUNIT_ASSERT(f.store(imageTask(NGINX_A, "nginx:1.24")).stored);
		f.target().beginBatch("2");
		CPPUNIT_ASSERT(f.store(imageTask(NGINX_B, "nginx:1.25")).stored);
		f.target().beginBatch("3");
		const auto result = f.store(imageTask(NGINX_A, "nginx:1.24"));
		CPPUNIT_ASSERT_MESSAGE(result.message, result.stored);
		CPPUNIT_ASSERT(project(f.sim(), "1.24").active);
		CPPUNIT_ASSERT(project(f.sim(), "1.24").isLatest);
		CPPUNIT_ASSERT(!project(f.sim(), "1.25").active);
		CPPUNIT_ASSERT_EQUAL(std::size_t(2), f.sim().uploads().size());
	}

	void testVersionsStoredInTheSameBatchStayActive()
	{
		SimFixture f("4.14.3", managed());
		f.target().beginBatch("1");
		CPPUNIT_ASSERT(f.store(imageTask(NGINX_A, "nginx:1.24")).stored);
		CPPUNIT_ASSERT(f.store(imageTask(NGINX_B, "nginx:1.25")).stored);
		CPPUNIT_ASSERT(project(f.sim(), "1.24").active);
		CPPUNIT_ASSERT(project(f.sim(), "1.25").active);
	}

	void testVersionOfAnotherClusterStaysActive()
	{
		SimFixture f("4.14.3", managed());
		seed(f.sim(), NAME, std::string("1.20"), {"kubernetes-cluster=other", "raw-image-id=x", "sbom-operator"});
		seed(f.sim(), NAME, std::string("1.21"), {"kubernetes-cluster=test-cluster", "raw-image-id=y", "sbom-operator"});
		seed(f.sim(), NAME, std::string("1.22"), {"manual"});
		CPPUNIT_ASSERT(f.store(imageTask(NGINX_A, "nginx:1.25")).stored);
		CPPUNIT_ASSERT(project(f.sim(), "1.20").active);
		CPPUNIT_ASSERT(!project(f.sim(), "1.21").active);
		CPPUNIT_ASSERT(project(f.sim(), "1.22").active);
	}

	void testNonCycloneDxDocumentIsRefused()
	{
		SimFixture f;
		const auto result = f.target().store(imageTask(NGINX_A, "nginx:1"), "{}", targets::SbomFormat::forName("spdxjson"));
		CPPUNIT_ASSERT(!result.stored);
		CPPUNIT_ASSERT(result.message.find("CycloneDX only") != std::string::npos);
		CPPUNIT_ASSERT_EQUAL(0, f.countRequests("POST", "/api/v1/bom"));
	}

	void testCycloneDxXmlIsUploaded()
	{
		SimFixture f;
		const std::string xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
			"<bom xmlns=\"http://cyclonedx.org/schema/bom/1.6\" version=\"1\"><components>"
			"<component type=\"library\"><name>a</name><version>1</version></component>"
			"<component type=\"library\"><name>b</name><version>2</version></component>"
			"</components></bom>";
		const auto result = f.target().store(imageTask(NGINX_A, "nginx:1.25"), xml, targets::SbomFormat::forName("cyclonedx"));
		CPPUNIT_ASSERT_MESSAGE(result.message, result.stored);
		const auto bom = f.sim().lastBom(project(f.sim(), "1.25").uuid);
		CPPUNIT_ASSERT(bom.has_value());
		CPPUNIT_ASSERT_EQUAL(std::string("XML"), bom->format);
		CPPUNIT_ASSERT_EQUAL(2, bom->componentCount);
	}
};

CPPUNIT_TEST_SUITE_NAMED_REGISTRATION(DtrackTargetStoreTest, "DtrackTarget");
