//
// JobImageInformerTest.cpp
//
// Informer mode with the jobimage backend: the reference trivy job scans real
// images from the registry with the pods' pull-secret credentials, the SBOMs
// arrive in the Dependency-Track double, pods are annotated only after the
// Job completed, and pods added while a Job runs cause exactly one more Job.
//

#include "JobCluster.h"
#include <Poco/Thread.h>
#include <cppunit/extensions/HelperMacros.h>
#include <set>
#include <signal.h>

using sbomop::testing::JobCluster;
using Poco::JSON::Array;
using Poco::JSON::Object;

namespace {

int components(JobCluster& cluster, const std::string& repository)
	// The component count of the last BOM of the image's project, or -1.
{
	const std::string id = cluster.env().imageId(repository);
	const auto at = id.find('@');
	const auto project = cluster.dtrack().project(id.substr(0, at), id.substr(at + 1));
	if (!project) return -1;
	const auto bom = cluster.dtrack().lastBom(project->uuid);
	return bom ? bom->componentCount : -1;
}

Object::Ptr entryFor(const Array::Ptr& config, const std::string& image)
{
	for (std::size_t i = 0; config && i < config->size(); ++i)
	{
		Object::Ptr entry = config->getObject(static_cast<unsigned>(i));
		if (entry->getValue<std::string>("image") == image) return entry;
	}
	return nullptr;
}

std::set<std::string> podsOf(const Object::Ptr& entry)
{
	std::set<std::string> pods;
	Array::Ptr list = entry->getArray("pods");
	for (std::size_t i = 0; i < list->size(); ++i)
	{
		Object::Ptr pod = list->getObject(static_cast<unsigned>(i));
		pods.insert(pod->getValue<std::string>("namespace") + "/" + pod->getValue<std::string>("pod") + "@"
			+ pod->getValue<std::string>("cluster"));
	}
	return pods;
}

} // namespace

class JobImageInformerTest: public CppUnit::TestFixture
{
	CPPUNIT_TEST_SUITE(JobImageInformerTest);
	CPPUNIT_TEST(testTrivyJobDeliversSbomsAndPodsAreAnnotatedOnlyAfterItCompleted);
	CPPUNIT_TEST(testPodsAddedDuringARunCauseExactlyOneFollowUpJob);
	CPPUNIT_TEST_SUITE_END();

public:
	void testTrivyJobDeliversSbomsAndPodsAreAnnotatedOnlyAfterItCompleted()
	{
		JobCluster c("informer-happy");
		const auto& env = c.env();
		c.addNamespace("shop");
		c.addNamespace("payments");
		c.addPullSecret("shop", "regcred", env.registryPassword());
		c.addPullSecret("payments", "payments-pull", env.registryPassword());
		c.addPod("shop", "web-1", { { "web", "demo/node" } }, "regcred");
		c.addPod("shop", "web-2", { { "web", "demo/node" } }, "regcred");
		c.addPod("shop", "worker", { { "base", "demo/debian" }, { "worker", "demo/python" } }, "regcred");
		c.addPod("payments", "api", { { "api", "demo/python" } }, "payments-pull");
		const std::vector<std::vector<std::string>> containers = {
			{ "shop", "web-1", "web", "demo/node" }, { "shop", "web-2", "web", "demo/node" },
			{ "shop", "worker", "base", "demo/debian" }, { "shop", "worker", "worker", "demo/python" },
			{ "payments", "api", "api", "demo/python" } };

		auto op = c.startOperator({ "--job-image=" + JobCluster::GATED_JOB, "--job-timeout=300" });
		const std::string job = c.waitForRunningJob(60000);
		CPPUNIT_ASSERT_MESSAGE(op->err(), !job.empty());

		// While the Job runs: its Secret exists, nothing is annotated yet.
		CPPUNIT_ASSERT_EQUAL(std::size_t(1), c.secrets().size());
		for (const auto& container: containers)
		{
			CPPUNIT_ASSERT_EQUAL(std::string(""), c.annotation(container[0], container[1], container[2]));
		}
		Array::Ptr config = c.imageConfigOf(job);
		CPPUNIT_ASSERT(config);
		CPPUNIT_ASSERT_EQUAL(std::size_t(3), config->size());
		Object::Ptr node = entryFor(config, env.imageId("demo/node"));
		Object::Ptr python = entryFor(config, env.imageId("demo/python"));
		Object::Ptr debian = entryFor(config, env.imageId("demo/debian"));
		CPPUNIT_ASSERT(node && python && debian);
		CPPUNIT_ASSERT_EQUAL(env.registryHost(), node->getValue<std::string>("registry-host"));
		CPPUNIT_ASSERT_EQUAL(env.registryUser(), python->getValue<std::string>("registry-user"));
		CPPUNIT_ASSERT_EQUAL(env.registryPassword(), debian->getValue<std::string>("registry-password"));
		const std::string cluster = "@" + JobCluster::CLUSTER_ID;
		CPPUNIT_ASSERT(podsOf(node) == std::set<std::string>({ "shop/web-1" + cluster, "shop/web-2" + cluster }));
		CPPUNIT_ASSERT(podsOf(python) == std::set<std::string>({ "payments/api" + cluster, "shop/worker" + cluster }));
		CPPUNIT_ASSERT(podsOf(debian) == std::set<std::string>({ "shop/worker" + cluster }));

		c.openGate();
		for (const auto& container: containers)
		{
			const std::string expected = env.imageId(container[3]);
			CPPUNIT_ASSERT_MESSAGE(container[1] + "/" + container[2] + "\n" + op->err(),
				c.waitFor([&] { return c.annotation(container[0], container[1], container[2]) == expected; }, 120000));
		}

		// Annotated strictly after the Job's Complete condition was written.
		const std::uint64_t completed = c.completedAt(job);
		CPPUNIT_ASSERT(completed > 0);
		for (const auto& container: containers)
		{
			const std::uint64_t annotated = c.annotatedAt(container[0], container[1], container[2]);
			CPPUNIT_ASSERT_MESSAGE(container[1] + "/" + container[2] + " annotated at " + std::to_string(annotated)
				+ ", Job complete at " + std::to_string(completed), annotated > completed);
		}

		// The SBOMs in Dependency-Track, with the counts trivy finds in these images.
		CPPUNIT_ASSERT_EQUAL(std::size_t(3), c.dtrack().projects().size());
		CPPUNIT_ASSERT_EQUAL(5, components(c, "demo/debian"));
		CPPUNIT_ASSERT_EQUAL(7, components(c, "demo/node"));
		CPPUNIT_ASSERT_EQUAL(6, components(c, "demo/python"));
		const std::string nodeId = env.imageId("demo/node");
		const auto nodeProject = c.dtrack().project(nodeId.substr(0, nodeId.find('@')), nodeId.substr(nodeId.find('@') + 1));
		CPPUNIT_ASSERT(nodeProject->hasTag("kubernetes-cluster=" + JobCluster::CLUSTER_ID));
		CPPUNIT_ASSERT(nodeProject->hasTag("pod=shop/web-1"));
		CPPUNIT_ASSERT(nodeProject->hasTag("pod=shop/web-2"));

		// Secret and Job are removed once the run ended; one Job in all.
		CPPUNIT_ASSERT_MESSAGE(op->err(), c.waitFor([&] { return c.secrets().empty() && c.jobs().empty(); }, 20000));
		CPPUNIT_ASSERT_EQUAL(std::uint64_t(1), c.jobsCreated());
		CPPUNIT_ASSERT(op->waitForOutput("Job " + JobCluster::OPERATOR_NAMESPACE + "/" + job + " succeeded", 5000));
		CPPUNIT_ASSERT_EQUAL(1.0, JobCluster::metric(*op, "sbomop_job_runs_total{result=\"succeeded\"}"));
		CPPUNIT_ASSERT_EQUAL(0.0, JobCluster::metric(*op, "sbomop_job_runs_total{result=\"failed\"}"));
		CPPUNIT_ASSERT_EQUAL(1.0, JobCluster::metric(*op, "sbomop_job_images_count"));
		CPPUNIT_ASSERT_EQUAL(3.0, JobCluster::metric(*op, "sbomop_job_images_sum"));
		CPPUNIT_ASSERT_EQUAL(1.0, JobCluster::metric(*op, "sbomop_job_duration_seconds_count"));
		// Registry credentials never reach the operator's log.
		CPPUNIT_ASSERT(op->err().find(env.registryPassword()) == std::string::npos);

		op->signal(SIGTERM);
		CPPUNIT_ASSERT_EQUAL(0, op->wait(20000));
	}

	void testPodsAddedDuringARunCauseExactlyOneFollowUpJob()
	{
		JobCluster c("informer-triggers");
		const auto& env = c.env();
		c.addNamespace("shop");
		c.addPullSecret("shop", "regcred", env.registryPassword());
		c.addPod("shop", "first", { { "app", "demo/debian" } }, "regcred");

		auto op = c.startOperator({ "--job-image=" + JobCluster::GATED_JOB });
		const std::string firstJob = c.waitForRunningJob(60000);
		CPPUNIT_ASSERT_MESSAGE(op->err(), !firstJob.empty());

		// Several separate triggers while the first Job blocks the cycle.
		c.addPod("shop", "second", { { "app", "demo/node" } }, "regcred");
		Poco::Thread::sleep(300);
		c.addPod("shop", "third", { { "app", "demo/python" } }, "regcred");
		Poco::Thread::sleep(300);
		c.addPod("shop", "fourth", { { "app", "demo/node" } }, "regcred");
		Poco::Thread::sleep(1500);
		CPPUNIT_ASSERT_EQUAL(std::uint64_t(1), c.jobsCreated());
		c.openGate();

		const std::vector<std::pair<std::string, std::string>> pods = {
			{ "first", "demo/debian" }, { "second", "demo/node" }, { "third", "demo/python" }, { "fourth", "demo/node" } };
		for (const auto& pod: pods)
		{
			const std::string expected = env.imageId(pod.second);
			CPPUNIT_ASSERT_MESSAGE(pod.first + "\n" + op->err(),
				c.waitFor([&] { return c.annotation("shop", pod.first, "app") == expected; }, 120000));
		}
		CPPUNIT_ASSERT_MESSAGE(op->err(), c.waitFor([&] { return c.jobs().empty() && c.secrets().empty(); }, 20000));
		// Room for a spurious third cycle to show up.
		Poco::Thread::sleep(3000);

		const std::vector<std::string> created = c.jobsEverCreated();
		CPPUNIT_ASSERT_EQUAL(std::size_t(2), created.size());
		CPPUNIT_ASSERT_EQUAL(std::uint64_t(2), c.jobsCreated());
		CPPUNIT_ASSERT_EQUAL(firstJob, created[0]);
		Array::Ptr first = c.imageConfigOf(created[0]);
		Array::Ptr second = c.imageConfigOf(created[1]);
		CPPUNIT_ASSERT_EQUAL(std::size_t(1), first->size());
		CPPUNIT_ASSERT_EQUAL(std::size_t(2), second->size());
		CPPUNIT_ASSERT(entryFor(second, env.imageId("demo/node")));
		CPPUNIT_ASSERT(entryFor(second, env.imageId("demo/python")));
		CPPUNIT_ASSERT_EQUAL(2u, static_cast<unsigned>(podsOf(entryFor(second, env.imageId("demo/node"))).size()));
		CPPUNIT_ASSERT_EQUAL(2.0, JobCluster::metric(*op, "sbomop_job_runs_total{result=\"succeeded\"}"));
		CPPUNIT_ASSERT_EQUAL(3.0, JobCluster::metric(*op, "sbomop_job_images_sum"));

		op->signal(SIGTERM);
		CPPUNIT_ASSERT_EQUAL(0, op->wait(20000));
	}
};

CPPUNIT_TEST_SUITE_NAMED_REGISTRATION(JobImageInformerTest, "JobImageOperator");
