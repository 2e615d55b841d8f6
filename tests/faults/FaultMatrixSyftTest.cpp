//
// FaultMatrixSyftTest.cpp
//
// The real operator with the syft backend (Syft double) and all four targets
// against real servers while parts of that world fail: the operator killed
// mid-scan, the image registry down, the git server down, one Syft run
// hanging, the git working tree's disk full. Every test ends with the same
// proof: each image reached the targets after recovery with at most one
// repeated scan, every pod carries exactly the annotation of its own image
// (none while its SBOM was not stored), no Syft process and no scan directory
// is left over, and the operator stops cleanly.
//

#include "SyftFaultTools.h"
#include "SyftOperatorStack.h"
#include <Poco/File.h>
#include <Poco/Path.h>
#include <cppunit/extensions/HelperMacros.h>
#include <signal.h>

using sbomop::testing::ChildProcess;
using sbomop::testing::ServiceSwitch;
using sbomop::testing::SyftOperatorStack;
using sbomop::testing::TmpfsMount;
using sbomop::testing::await;
using sbomop::testing::entriesOf;
using sbomop::testing::processesWithArgument;

namespace {

const std::string SYFT_DOUBLE = std::string(SBOMOP_BINARY_DIR) + "/bin/syftdouble/syft";
const std::string ANNOTATION_PREFIX = "ckotzbauer.sbom-operator.io/";
const std::vector<std::string> DEMO = { "demo/debian", "demo/node", "demo/python" };

struct PodImage
{
	std::string pod;
	std::string container;
	std::string repository;
};

// demo/node runs in two pods: one scan serves both.
const std::vector<PodImage> PODS = {
	{ "db", "db", "demo/debian" }, { "web-1", "web", "demo/node" }, { "web-2", "web", "demo/node" }, { "py", "py", "demo/python" }
};

bool contains(const std::string& text, const std::string& part)
{
	return text.find(part) != std::string::npos;
}

std::size_t occurrences(const std::string& text, const std::string& part)
{
	std::size_t count = 0;
	for (auto at = text.find(part); at != std::string::npos; at = text.find(part, at + part.size())) ++count;
	return count;
}

void addPods(SyftOperatorStack& s, const std::vector<std::string>& repositories)
{
	for (const auto& p: PODS)
	{
		if (std::find(repositories.begin(), repositories.end(), p.repository) == repositories.end()) continue;
		s.harness().addPod("apps", p.pod, { s.container(p.container, p.repository) }, {}, { "regcred" });
	}
}

bool annotated(SyftOperatorStack& s, const std::vector<std::string>& repositories)
{
	for (const auto& p: PODS)
	{
		if (std::find(repositories.begin(), repositories.end(), p.repository) == repositories.end()) continue;
		if (s.harness().annotation("apps", p.pod, p.container) != s.imageId(p.repository)) return false;
	}
	return true;
}

// Pods of `done` carry exactly their image's annotation, all others none.
void assertAnnotations(SyftOperatorStack& s, const std::vector<std::string>& done)
{
	for (const auto& p: PODS)
	{
		std::size_t ours = 0;
		for (const auto& annotation: s.harness().annotations("apps", p.pod)) ours += annotation.first.rfind(ANNOTATION_PREFIX, 0) == 0 ? 1 : 0;
		const bool expected = std::find(done.begin(), done.end(), p.repository) != done.end();
		CPPUNIT_ASSERT_EQUAL_MESSAGE("annotations of " + p.pod, std::size_t(expected ? 1 : 0), ours);
		if (expected) CPPUNIT_ASSERT_EQUAL_MESSAGE(p.pod, s.imageId(p.repository), s.harness().annotation("apps", p.pod, p.container));
	}
}

// The SBOM is complete in git, identical in the pod's ConfigMap, and present
// in Dependency-Track and the OCI registry.
void assertStored(SyftOperatorStack& s, const std::string& repository)
{
	const PodImage& p = *std::find_if(PODS.begin(), PODS.end(), [&](const PodImage& i) { return i.repository == repository; });
	const std::string document = s.git().show(s.gitPath(repository));
	CPPUNIT_ASSERT_MESSAGE("git file " + s.gitPath(repository), contains(document, "\"bomFormat\""));
	CPPUNIT_ASSERT_EQUAL_MESSAGE("configmap of " + p.pod, document, s.configMapSbom("apps", p.pod + "-" + p.container));
	CPPUNIT_ASSERT_EQUAL_MESSAGE("dtrack project of " + repository, std::string("1.0"), s.dtrackVersionOf(repository));
	std::string error;
	CPPUNIT_ASSERT_MESSAGE("oci " + s.ociTag(repository) + ": " + error, contains(s.sboms().inspectRaw(s.ociTag(repository), error), "cyclonedx"));
}

// Syft processes of this stack (their argv names the image registry).
std::vector<int> syftProcesses(SyftOperatorStack& s)
{
	return processesWithArgument("registry:" + s.images().host() + "/");
}

std::string stackDir(const SyftOperatorStack& s)
{
	return Poco::Path(s.recordDir()).parent().toString();
}

// The common end of every test: all pods annotated with their own image,
// each image scanned `scans` times in all, nothing left over, clean stop.
void expectRecovered(SyftOperatorStack& s, ChildProcess& op, const std::map<std::string, std::size_t>& scans)
{
	await(op, "every pod annotated", [&] { return annotated(s, DEMO); }, 90000);
	// A late, wrong second delivery would show up within a cycle.
	CPPUNIT_ASSERT_MESSAGE(op.err(), op.waitForOutput("0 failed", 10000));
	assertAnnotations(s, DEMO);
	for (const auto& repository: DEMO)
	{
		assertStored(s, repository);
		CPPUNIT_ASSERT_EQUAL_MESSAGE("Syft runs for " + repository, scans.at(repository), s.syftRunsFor(repository));
	}
	CPPUNIT_ASSERT(syftProcesses(s).empty());
	op.signal(SIGTERM);
	CPPUNIT_ASSERT_EQUAL_MESSAGE(op.err(), 0, op.wait(20000));
	const auto left = entriesOf(s.workRoot());
	CPPUNIT_ASSERT_EQUAL_MESSAGE("left in the work root: " + (left.empty() ? std::string() : left.front()), std::size_t(0), left.size());
}

// The log line that reports why the image's SBOM was not stored (or not
// made); "" when there is none.
std::string failureLine(const std::string& log, const std::string& imageId)
{
	for (const std::string& prefix: { "SBOM of " + imageId + " not stored: ", "no SBOM for " + imageId + ": " })
	{
		const auto at = log.find(prefix);
		if (at != std::string::npos) return log.substr(at, log.find('\n', at) - at);
	}
	return "";
}

// Waits for a cycle that failed, then checks that each of `failed` was
// reported with `reason` and that none of their pods is annotated.
void expectFailedCycle(SyftOperatorStack& s, ChildProcess& op, const std::vector<std::string>& failed, const std::string& reason)
{
	await(op, "a failed cycle", [&] { return contains(op.err(), "retrying failed images"); }, 90000);
	for (const auto& repository: failed)
	{
		const std::string line = failureLine(op.err(), s.imageId(repository));
		CPPUNIT_ASSERT_MESSAGE("failure of " + repository + " in\n" + op.err(), !line.empty());
		CPPUNIT_ASSERT_MESSAGE(reason + " in\n" + line, contains(line, reason));
	}
	std::vector<std::string> done;
	for (const auto& repository: DEMO)
	{
		if (std::find(failed.begin(), failed.end(), repository) == failed.end()) done.push_back(repository);
	}
	assertAnnotations(s, done);
}

} // namespace


class FaultMatrixSyftTest: public CppUnit::TestFixture
{
	CPPUNIT_TEST_SUITE(FaultMatrixSyftTest);
	CPPUNIT_TEST(testOperatorKilledMidScanThenRestarted);
	CPPUNIT_TEST(testImageRegistryDownThenUp);
	CPPUNIT_TEST(testGitServerDownThenUp);
	CPPUNIT_TEST(testHangingSyftIsKilledAtTheTimeout);
	CPPUNIT_TEST(testFullGitWorkingTreeThenRoom);
	CPPUNIT_TEST_SUITE_END();

public:
	void testOperatorKilledMidScanThenRestarted()
	{
		SyftOperatorStack s("fault-kill");
		addPods(s, DEMO);
		const int commitsBefore = s.git().commitCount();
		auto first = s.startOperator({ "--scan-concurrency=3" }, { { "SYFT_DOUBLE_DELAY_MS", "3000" } });
		await(*first, "three scans running", [&] { return s.syftRuns().size() == 3; }, 60000);
		first->signal(SIGKILL);
		first->wait(10000);
		assertAnnotations(s, {});
		CPPUNIT_ASSERT_EQUAL(commitsBefore, s.git().commitCount());

		// In a pod the container's processes die with it; here the orphaned
		// Syft runs end on their own a little later.
		await(*first, "orphaned scans to end", [&] { return syftProcesses(s).empty(); }, 30000);
		CPPUNIT_ASSERT_EQUAL(std::size_t(3), entriesOf(s.workRoot()).size());

		// A kill while libgit2 writes the index leaves its lock file behind.
		const std::string worktree = stackDir(s) + "/worktree";
		CPPUNIT_ASSERT(Poco::File(worktree + "/.git").exists());
		Poco::File(worktree + "/.git/index.lock").createFile();

		auto second = s.startOperator({ "--scan-concurrency=3" });
		// The interrupted scans run once more, and only once more; the
		// killed run's scan directories (with credentials) are removed.
		expectRecovered(s, *second, { { "demo/debian", 2 }, { "demo/node", 2 }, { "demo/python", 2 } });
		CPPUNIT_ASSERT_MESSAGE(second->err(), contains(second->err(), "removed 3 scan directories left behind by an earlier run"));
		CPPUNIT_ASSERT_EQUAL(commitsBefore + 1, s.git().commitCount());
		CPPUNIT_ASSERT(!Poco::File(worktree + "/.git/index.lock").exists());
		CPPUNIT_ASSERT_EQUAL(std::string(""), sbomop::testing::GitServer::run({ "status", "--porcelain" }, worktree));
	}

	void testImageRegistryDownThenUp()
	{
		SyftOperatorStack s("fault-registry");
		addPods(s, DEMO);
		ServiceSwitch registry(s, ServiceSwitch::IMAGE_REGISTRY);
		registry.stop();
		auto op = s.startOperator({ "--scan-concurrency=3" });
		expectFailedCycle(s, *op, DEMO, "Connection refused");
		registry.start();
		// The retry 30 s later, with no pod changed, scans each image once more.
		expectRecovered(s, *op, { { "demo/debian", 2 }, { "demo/node", 2 }, { "demo/python", 2 } });
	}

	void testGitServerDownThenUp()
	{
		SyftOperatorStack s("fault-git");
		addPods(s, { "demo/debian" });
		auto op = s.startOperator({ "--scan-concurrency=3" });
		await(*op, "db annotated", [&] { return annotated(s, { "demo/debian" }); }, 60000);
		const int commitsBefore = s.git().commitCount();

		ServiceSwitch git(s, ServiceSwitch::GIT_SERVER);
		git.stop();
		addPods(s, { "demo/node", "demo/python" });
		expectFailedCycle(s, *op, { "demo/node", "demo/python" }, "not stored: git");
		CPPUNIT_ASSERT_EQUAL(commitsBefore, s.git().commitCount());
		git.start();
		expectRecovered(s, *op, { { "demo/debian", 1 }, { "demo/node", 2 }, { "demo/python", 2 } });
		CPPUNIT_ASSERT_EQUAL(commitsBefore + 1, s.git().commitCount());
	}

	void testHangingSyftIsKilledAtTheTimeout()
	{
		SyftOperatorStack s("fault-hang");
		addPods(s, DEMO);
		const std::string wrapper = sbomop::testing::writeHangingSyft(stackDir(s), SYFT_DOUBLE, "demo/python");
		auto op = s.startOperator({ "--scan-concurrency=3", "--syft-timeout=2", "--syft-path=" + wrapper });
		expectFailedCycle(s, *op, { "demo/python" }, "did not finish scanning");
		const std::string log = op->err();
		CPPUNIT_ASSERT_MESSAGE(log, contains(log, "within 2 s and was killed"));
		CPPUNIT_ASSERT_EQUAL(std::size_t(1), occurrences(log, "no SBOM for " + s.imageId("demo/python")));
		// The hanging run and the child it forked are gone, and so is its scan directory.
		await(*op, "the hanging Syft to be gone", [&] { return syftProcesses(s).empty(); }, 5000);
		CPPUNIT_ASSERT_EQUAL(std::size_t(1), s.syftRunsFor("demo/python"));
		CPPUNIT_ASSERT_EQUAL(std::size_t(1), s.syftRunsFor("demo/node"));
		CPPUNIT_ASSERT_EQUAL(std::size_t(1), s.syftRunsFor("demo/debian"));
		assertStored(s, "demo/node");
		assertStored(s, "demo/debian");
		CPPUNIT_ASSERT(!s.git().hasPath(s.gitPath("demo/python")));
		op->signal(SIGTERM);
		CPPUNIT_ASSERT_EQUAL_MESSAGE(op->err(), 0, op->wait(20000));
		CPPUNIT_ASSERT_EQUAL(std::size_t(0), entriesOf(s.workRoot()).size());
	}

	void testFullGitWorkingTreeThenRoom()
	{
		SyftOperatorStack s("fault-disk");
		addPods(s, DEMO);
		const std::string worktree = stackDir(s) + "/worktree-tmpfs";
		std::unique_ptr<TmpfsMount> disk;
		try
		{
			disk.reset(new TmpfsMount(worktree, 2));
		}
		catch (const std::exception& exc)
		{
			CPPUNIT_FAIL(exc.what());
		}
		// About 2.5 MB per SBOM: none of them fits.
		auto op = s.startOperator({ "--scan-concurrency=3", "--git-workingtree=" + worktree }, { { "SYFT_DOUBLE_COMPONENTS", "8000" } });
		expectFailedCycle(s, *op, DEMO, "No space left on device");
		for (const auto& repository: DEMO) CPPUNIT_ASSERT(contains(failureLine(op->err(), s.imageId(repository)), "not stored: git"));
		CPPUNIT_ASSERT(!s.git().hasPath(s.gitPath("demo/node")));
		disk->resize(64);
		expectRecovered(s, *op, { { "demo/debian", 2 }, { "demo/node", 2 }, { "demo/python", 2 } });
		// No half-written file is left anywhere in the working tree.
		for (const auto& name: entriesOf(worktree + "/.git")) CPPUNIT_ASSERT_MESSAGE(name, name.find("sbomop-write-") == std::string::npos);
		CPPUNIT_ASSERT_EQUAL(std::string(""), sbomop::testing::GitServer::run({ "status", "--porcelain" }, worktree));
	}
};

CPPUNIT_TEST_SUITE_NAMED_REGISTRATION(FaultMatrixSyftTest, "FaultMatrixSyft");
