//
// SyftOperatorTest.cpp
//
// The real operator in informer mode with the syft backend (Syft double) and
// all four targets against real servers: one Syft run per image however many
// pods use it, every pod annotated, the SBOM in git, Dependency-Track, the
// OCI registry and ConfigMaps; a target that is down keeps the image pending
// and unannotated until the next cycle stores it everywhere; a deleted pod's
// image is removed from every target (its Dependency-Track project deleted,
// or deactivated with managed active status).
//

#include "SyftOperatorStack.h"
#include "sbomop/kube/ResourceType.h"
#include <Poco/String.h>
#include <cppunit/extensions/HelperMacros.h>
#include <signal.h>

using sbomop::testing::ChildProcess;
using sbomop::testing::SyftOperatorStack;
using sbomop::testing::await;

namespace {

const std::vector<std::string> DEMO = { "demo/debian", "demo/node", "demo/python" };
const std::vector<std::string> PODS = { "db", "web-1", "py" };
const std::vector<std::string> CONTAINERS = { "db", "web", "py" };

std::size_t occurrences(const std::string& text, const std::string& part)
{
	std::size_t count = 0;
	for (auto at = text.find(part); at != std::string::npos; at = text.find(part, at + part.size())) ++count;
	return count;
}

bool contains(const std::string& text, const std::string& part)
{
	return text.find(part) != std::string::npos;
}

// The pods of the first cycle: demo/node in four pods, the others in one each.
void addDemoPods(SyftOperatorStack& s)
{
	for (int i = 1; i <= 4; ++i) s.harness().addPod("apps", "web-" + std::to_string(i), { s.container("web", "demo/node") }, {}, { "regcred" });
	s.harness().addPod("apps", "db", { s.container("db", "demo/debian") }, {}, { "regcred" });
	s.harness().addPod("apps", "py", { s.container("py", "demo/python") }, {}, { "regcred" });
}

// Everything that shows an image's SBOM is stored in all four targets.
void assertStoredEverywhere(SyftOperatorStack& s, const std::string& repository, const std::string& pod, const std::string& container)
{
	const std::string document = s.git().show(s.gitPath(repository));
	CPPUNIT_ASSERT_MESSAGE("git file " + s.gitPath(repository), contains(document, "\"bomFormat\""));
	CPPUNIT_ASSERT_EQUAL_MESSAGE("configmap of " + pod, document, s.configMapSbom("apps", pod + "-" + container));
	CPPUNIT_ASSERT_EQUAL_MESSAGE("dtrack project of " + repository, std::string("1.0"), s.dtrackVersionOf(repository));
	std::string error;
	const std::string manifest = s.sboms().inspectRaw(s.ociTag(repository), error);
	CPPUNIT_ASSERT_MESSAGE("oci " + s.ociTag(repository) + ": " + error, contains(manifest, "\"mediaType\": \"application/vnd.cyclonedx+json\"")
		|| contains(manifest, "\"mediaType\":\"application/vnd.cyclonedx+json\""));
}

} // namespace

class SyftOperatorTest: public CppUnit::TestFixture
{
	CPPUNIT_TEST_SUITE(SyftOperatorTest);
	CPPUNIT_TEST(testStoresEveryImageOnceInAllTargetsRetriesAfterAnOutageAndRemovesOrphans);
	CPPUNIT_TEST_SUITE_END();

public:
	void testStoresEveryImageOnceInAllTargetsRetriesAfterAnOutageAndRemovesOrphans()
	{
		SyftOperatorStack s("e2e");
		s.images().copyAsDockerImage("demo/python", "demo/extra");
		addDemoPods(s);
		const int commitsBefore = s.git().commitCount();
		auto op = s.startOperator({ "--scan-concurrency=2" });

		// (a) Three images in six pods: one Syft run per digest, every pod annotated.
		for (const std::string pod: { "web-1", "web-2", "web-3", "web-4" })
		{
			await(*op, "annotation of " + pod, [&] {
				return s.harness().annotation("apps", pod, "web") == s.imageId("demo/node"); }, 90000);
		}
		await(*op, "annotation of db", [&] { return s.harness().annotation("apps", "db", "db") == s.imageId("demo/debian"); }, 30000);
		await(*op, "annotation of py", [&] { return s.harness().annotation("apps", "py", "py") == s.imageId("demo/python"); }, 30000);
		CPPUNIT_ASSERT_EQUAL(std::size_t(3), s.syftRuns().size());
		for (const auto& repository: DEMO) CPPUNIT_ASSERT_EQUAL_MESSAGE(repository, std::size_t(1), s.syftRunsFor(repository));
		CPPUNIT_ASSERT_EQUAL_MESSAGE("one commit for the cycle", commitsBefore + 1, s.git().commitCount());
		CPPUNIT_ASSERT_EQUAL(std::string("sbom-operator <sbom@example.com>"), s.git().git({ "log", "-1", "--format=%an <%ae>", "main" }));
		assertStoredEverywhere(s, "demo/node", "web-1", "web");
		assertStoredEverywhere(s, "demo/debian", "db", "db");
		assertStoredEverywhere(s, "demo/python", "py", "py");
		for (const std::string pod: { "web-2", "web-3", "web-4" })
		{
			CPPUNIT_ASSERT_EQUAL(s.git().show(s.gitPath("demo/node")), s.configMapSbom("apps", pod + "-web"));
		}
		auto project = s.dtrack().project(s.images().host() + "/demo/node", std::string("1.0"));
		CPPUNIT_ASSERT(project.has_value());
		for (const std::string tag: { "kubernetes-cluster=e2e", "sbom-operator", "namespace=apps" })
		{
			CPPUNIT_ASSERT_MESSAGE(tag, project->hasTag(tag));
		}
		CPPUNIT_ASSERT(project->hasTag("raw-image-id=" + s.imageId("demo/node")));
		CPPUNIT_ASSERT(op->waitForOutput("0 failed", 10000));

		// (b) Dependency-Track is down when a new image arrives: nothing is
		// annotated, the failure names the target, the image stays pending.
		s.dtrack().faults().setDown(true);
		const std::size_t retriesBefore = occurrences(op->err(), "retrying failed images");
		s.harness().addPod("apps", "extra", { s.container("x", "demo/extra") }, {}, { "regcred" });
		await(*op, "a failed cycle", [&] {
			return occurrences(op->err(), "retrying failed images") > retriesBefore; }, 60000);
		CPPUNIT_ASSERT_EQUAL(std::string(""), s.harness().annotation("apps", "extra", "x"));
		CPPUNIT_ASSERT_MESSAGE(op->err(), contains(op->err(), "SBOM of " + s.imageId("demo/extra") + " not stored: dtrack"));
		CPPUNIT_ASSERT_EQUAL(std::size_t(1), s.syftRunsFor("demo/extra"));

		// Back up: the retry (no pod changed) stores it everywhere and annotates the pod.
		s.dtrack().faults().setDown(false);
		await(*op, "annotation of extra after the retry", [&] {
			return s.harness().annotation("apps", "extra", "x") == s.imageId("demo/extra"); }, 90000);
		assertStoredEverywhere(s, "demo/extra", "extra", "x");
		for (std::size_t i = 0; i < DEMO.size(); ++i) assertStoredEverywhere(s, DEMO[i], PODS[i], CONTAINERS[i]);
		CPPUNIT_ASSERT_EQUAL(std::size_t(1), s.harness().annotations("apps", "extra").size());

		// (c) The only pod of demo/python goes: its SBOM leaves every target
		// (Dependency-Track deletes the project: delete-orphan-images without
		// managed active status).
		s.harness().client().remove(sbomop::kube::ResourceType::PODS, "apps", "py");
		await(*op, "removal from git", [&] { return !s.git().hasPath(s.gitPath("demo/python")); }, 30000);
		await(*op, "removal from dtrack", [&] { return s.dtrackVersionOf("demo/python").empty(); }, 10000);
		await(*op, "removal of the configmap", [&] { return !s.configMapExists("apps", "py-py"); }, 10000);
		std::string error;
		CPPUNIT_ASSERT_EQUAL_MESSAGE(error, std::string(""), s.sboms().inspectRaw(s.ociTag("demo/python"), error));
		CPPUNIT_ASSERT(!s.dtrack().project(s.images().host() + "/demo/python", std::string("1.0")).has_value());
		// The others stay.
		assertStoredEverywhere(s, "demo/extra", "extra", "x");
		assertStoredEverywhere(s, "demo/node", "web-1", "web");
		assertStoredEverywhere(s, "demo/debian", "db", "db");

		// The image comes back in a new pod: scanned and stored again, not
		// merely annotated as if its SBOM were still stored.
		s.harness().addPod("apps", "py-back", { s.container("py", "demo/python") }, {}, { "regcred" });
		await(*op, "annotation of py-back", [&] {
			return s.harness().annotation("apps", "py-back", "py") == s.imageId("demo/python"); }, 30000);
		CPPUNIT_ASSERT_EQUAL(std::size_t(2), s.syftRunsFor("demo/python"));
		assertStoredEverywhere(s, "demo/python", "py-back", "py");

		op->signal(SIGTERM);
		CPPUNIT_ASSERT_EQUAL(0, op->wait(15000));

		// With managed active status an orphan's project is deactivated, not deleted.
		op = s.startOperator({ "--dtrack-manage-project-active-status=true" });
		CPPUNIT_ASSERT_MESSAGE(op->err(), op->waitForOutput("synced", 30000));
		s.harness().client().remove(sbomop::kube::ResourceType::PODS, "apps", "db");
		await(*op, "removal from git", [&] { return !s.git().hasPath(s.gitPath("demo/debian")); }, 30000);
		await(*op, "deactivation in dtrack", [&] { return s.dtrackVersionOf("demo/debian").empty(); }, 10000);
		auto debian = s.dtrack().project(s.images().host() + "/demo/debian", std::string("1.0"));
		CPPUNIT_ASSERT(debian.has_value());
		CPPUNIT_ASSERT(!debian->active);
		// The targets remove in order (git, dtrack, oci, configmap): wait for the last.
		await(*op, "removal of the ConfigMap", [&] { return !s.configMapExists("apps", "db-db"); }, 10000);
		CPPUNIT_ASSERT_EQUAL_MESSAGE(error, std::string(""), s.sboms().inspectRaw(s.ociTag("demo/debian"), error));
		assertStoredEverywhere(s, "demo/node", "web-1", "web");
		// Nothing was scanned again: 3 images, 2 runs of the retried one, 1 of the returned one.
		CPPUNIT_ASSERT_EQUAL(std::size_t(6), s.syftRuns().size());
		op->signal(SIGTERM);
		CPPUNIT_ASSERT_EQUAL(0, op->wait(15000));
	}
};

CPPUNIT_TEST_SUITE_NAMED_REGISTRATION(SyftOperatorTest, "SyftOperator");
