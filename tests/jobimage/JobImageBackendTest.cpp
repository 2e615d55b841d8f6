//
// JobImageBackendTest.cpp
//
// The backend end to end against kube-sim with a real KubeClient: Secret and
// Job creation, every outcome, cleanup, cancellation, adoption after a
// restart and cleanup of leftovers.
//

#include "JobImageTestSupport.h"
#include "sbomop/core/StopToken.h"
#include "sbomop/http/MetricsRegistry.h"
#include "sbomop/jobimage/ImageConfig.h"
#include "sbomop/jobimage/JobImageBackend.h"
#include "sbomop/jobimage/JobNaming.h"
#include "sbomop/jobimage/JobSpecBuilder.h"
#include "sbomop/jobimage/ObjectFields.h"
#include "sbomop/jobimage/SecretSpecBuilder.h"
#include "sbomop/plugin/BackendContext.h"
#include <Poco/JSON/Array.h>
#include <Poco/Logger.h>
#include <cppunit/extensions/HelperMacros.h>
#include <memory>

using namespace sbomop;
using namespace sbomop::jobimage;
using namespace sbomop::jobimage::test;
using Poco::JSON::Object;

namespace {

using Environment = std::map<std::string, std::string>;

class Host
	/// What the operator host gives a backend: configuration, logger,
	/// metrics, client, namespace, cluster id.
{
public:
	Host(JobSim& sim, const std::map<std::string, std::string>& values = {}, bool withClient = true):
		_config(configuration(values)),
		_context(*_config, logger(), _metrics, withClient ? &sim.client() : nullptr, OPERATOR_NAMESPACE, "prod-eu", _shutdown)
	{
	}

	plugin::BackendContext& context()
	{
		return _context;
	}

	std::string metrics() const
	{
		return _metrics.render();
	}

	static Poco::Logger& logger()
	{
		Poco::Logger& logger = Poco::Logger::get("test.jobimage.backend");
		logger.setLevel(Poco::Message::PRIO_FATAL);
		return logger;
	}

private:
	Poco::AutoPtr<Poco::Util::MapConfiguration> _config;
	http::MetricsRegistry _metrics;
	StopToken _shutdown;
	plugin::BackendContext _context;
};

plugin::ImageBatch batchOf(const std::string& cycleId, const std::vector<plugin::ImageTask>& images)
{
	plugin::ImageBatch batch;
	batch.cycleId = cycleId;
	batch.images = images;
	return batch;
}

using Processing = Background<std::vector<plugin::ImageResult>>;

std::unique_ptr<Processing> startProcess(JobImageBackend& backend, const plugin::ImageBatch& batch)
{
	return std::unique_ptr<Processing>(new Processing([&backend, batch](StopToken& cancel) { return backend.process(batch, cancel); }));
}

std::string describe(const std::vector<plugin::ImageResult>& results)
{
	std::string text;
	for (const auto& result: results) text += result.imageId + "=" + (result.succeeded ? "ok" : "failed:" + result.message) + "\n";
	return text;
}

std::string joined(const std::vector<std::string>& items)
{
	std::string text;
	for (const auto& item: items) text += item + "\n";
	return text;
}

std::string owners(const Object::Ptr& object)
	/// The ownerReferences as "<apiVersion> <kind> <name> uid=<uid> controller=<bool>" lines;
	/// blockOwnerDeletion is shown when present.
{
	std::string text;
	Poco::JSON::Array::Ptr references = object ? object->getObject("metadata")->getArray("ownerReferences") : nullptr;
	for (std::size_t i = 0; references && i < references->size(); ++i)
	{
		const Object::Ptr reference = references->getObject(static_cast<unsigned>(i));
		text += reference->getValue<std::string>("apiVersion") + " " + reference->getValue<std::string>("kind") + " "
			+ reference->getValue<std::string>("name") + " uid=" + reference->getValue<std::string>("uid")
			+ " controller=" + reference->get("controller").toString()
			+ (reference->has("blockOwnerDeletion") ? " blockOwnerDeletion=" + reference->get("blockOwnerDeletion").toString() : "") + "\n";
	}
	return text;
}

const plugin::ImageTask IMAGE_A = imageTask("docker.io/library/nginx", 'a', {{"shop", "web-1"}, {"shop", "web-2"}});
const plugin::ImageTask IMAGE_B = imageTask("ghcr.io/acme/api", 'b', {{"shop", "api-1"}});
const plugin::ImageTask IMAGE_C = imageTask("quay.io/acme/worker", 'c', {{"batch", "worker-1"}});

} // namespace


class JobImageBackendTest: public CppUnit::TestFixture
{
	CPPUNIT_TEST_SUITE(JobImageBackendTest);
	CPPUNIT_TEST(testSuccessfulJobSucceedsEveryImageAndCleansUp);
	CPPUNIT_TEST(testFailedJobFailsEveryImageAndCleansUp);
	CPPUNIT_TEST(testDeadlineExceededJobFailsEveryImage);
	CPPUNIT_TEST(testJobDeletedBySomeoneElseFailsEveryImage);
	CPPUNIT_TEST(testCancelDuringWaitLeavesTheJobRunning);
	CPPUNIT_TEST(testRestartedOperatorAdoptsTheRunningJob);
	CPPUNIT_TEST(testLeftoversAreCleanedUpAtStart);
	CPPUNIT_TEST(testTtlKeepsTheFinishedJobButNotTheSecret);
	CPPUNIT_TEST(testJobCreationErrorLeavesNothingBehind);
	CPPUNIT_TEST(testEmptyBatchStartsNoJob);
	CPPUNIT_TEST(testWithoutKubernetesClientEveryImageFails);
	CPPUNIT_TEST(testDescriptionAndCapabilities);
	CPPUNIT_TEST_SUITE_END();

public:
	void testSuccessfulJobSucceedsEveryImageAndCleansUp()
	{
		JobSim sim;
		const std::string podUid = ObjectFields::metadata(sim.createPod(OPERATOR_NAMESPACE, "sbom-operator-0"), "uid");
		const std::string hostile = "https://user@dtrack.example.com:8443/api?k=v==&x=a+b/c d\nline2 \xE2\x9C\x93";
		JobImageBackend backend(Environment{{"POD_NAME", "sbom-operator-0"}, {"POD_UID", podUid}, {"SBOM_JOB_DTRACK", hostile}});
		Host host(sim);
		backend.start(host.context());
		auto processing = startProcess(backend, batchOf("c-ok", {IMAGE_A, IMAGE_B}));

		const Object::Ptr job = sim.waitForJob();
		const std::string jobName = ObjectFields::metadata(job, "name");
		const std::string jobUid = ObjectFields::metadata(job, "uid");
		const std::string secretName = JobSpecBuilder::secretNameOf(job);
		CPPUNIT_ASSERT_EQUAL(std::string("sbom-operator-job-c-ok"), jobName);
		CPPUNIT_ASSERT_EQUAL(std::string("sbom-operator-job-config-c-ok"), secretName);
		// The Secret ends up owned by the Job, so garbage collection removes it with the Job.
		const std::string jobOwner = "batch/v1 Job " + jobName + " uid=" + jobUid + " controller=false\n";
		CPPUNIT_ASSERT(waitUntil([&]() { return owners(sim.secret(secretName)) == jobOwner; }));
		CPPUNIT_ASSERT_EQUAL(std::string("v1 Pod sbom-operator-0 uid=" + podUid + " controller=false\n"), owners(job));
		CPPUNIT_ASSERT_EQUAL(joined({IMAGE_A.imageId, IMAGE_B.imageId}), joined(sim.imageIdsOf(job)));
		const std::string config = SecretSpecBuilder::imageConfig(sim.secret(secretName));
		CPPUNIT_ASSERT(config.find("{\"pod\":\"web-2\",\"namespace\":\"shop\",\"cluster\":\"prod-eu\"}") != std::string::npos);
		// The value went through the API server unchanged.
		const Object::Ptr container = job->getObject("spec")->getObject("template")->getObject("spec")->getArray("containers")->getObject(0);
		CPPUNIT_ASSERT_EQUAL(std::string("DTRACK"), container->getArray("env")->getObject(0)->getValue<std::string>("name"));
		CPPUNIT_ASSERT_EQUAL(hostile, container->getArray("env")->getObject(0)->getValue<std::string>("value"));

		sim.complete(jobName);
		const std::vector<plugin::ImageResult> results = processing->get();
		CPPUNIT_ASSERT_EQUAL(std::string(IMAGE_A.imageId + "=ok\n" + IMAGE_B.imageId + "=ok\n"), describe(results));
		CPPUNIT_ASSERT(!sim.job(jobName));
		CPPUNIT_ASSERT(!sim.secret(secretName));
		const std::string metrics = host.metrics();
		CPPUNIT_ASSERT_MESSAGE(metrics, metrics.find("sbomop_job_runs_total{result=\"succeeded\"} 1") != std::string::npos);
		CPPUNIT_ASSERT_MESSAGE(metrics, metrics.find("sbomop_job_runs_total{result=\"failed\"} 0") != std::string::npos);
		CPPUNIT_ASSERT_MESSAGE(metrics, metrics.find("sbomop_job_duration_seconds_count 1") != std::string::npos);
		CPPUNIT_ASSERT_MESSAGE(metrics, metrics.find("sbomop_job_images_sum 2") != std::string::npos);
		backend.stop();
	}

	void testFailedJobFailsEveryImageAndCleansUp()
	{
		assertFailure([](JobSim& sim, const std::string& job) { sim.fail(job, "BackoffLimitExceeded", "Job has reached the specified backoff limit"); },
			"Job sbom-system/sbom-operator-job-c-bad failed: BackoffLimitExceeded: Job has reached the specified backoff limit");
	}

	void testDeadlineExceededJobFailsEveryImage()
	{
		assertFailure([](JobSim& sim, const std::string& job) { sim.fail(job, "DeadlineExceeded", "Job was active longer than specified deadline"); },
			"Job sbom-system/sbom-operator-job-c-bad failed: DeadlineExceeded: Job was active longer than specified deadline");
	}

	void testJobDeletedBySomeoneElseFailsEveryImage()
	{
		assertFailure([](JobSim& sim, const std::string& job) { sim.deleteJob(job); },
			"Job sbom-system/sbom-operator-job-c-bad was deleted before it finished");
	}

	void testCancelDuringWaitLeavesTheJobRunning()
	{
		JobSim sim;
		JobImageBackend backend{Environment()};
		Host host(sim);
		backend.start(host.context());
		auto processing = startProcess(backend, batchOf("c-stop", {IMAGE_A}));
		const Object::Ptr job = sim.waitForJob();
		CPPUNIT_ASSERT(waitUntil([&]() { return sim.server().stats().count("watch", "jobs") >= 1; }));
		processing->stop().requestStop();
		const std::vector<plugin::ImageResult> results = processing->get();
		CPPUNIT_ASSERT_EQUAL(IMAGE_A.imageId + "=failed:stopped waiting for Job sbom-system/sbom-operator-job-c-stop; "
			"it keeps running and is adopted by the next cycle\n", describe(results));
		CPPUNIT_ASSERT(sim.job("sbom-operator-job-c-stop"));
		CPPUNIT_ASSERT(sim.secret("sbom-operator-job-config-c-stop"));
		CPPUNIT_ASSERT_MESSAGE(host.metrics(), host.metrics().find("sbomop_job_runs_total{result=\"cancelled\"} 1") != std::string::npos);
		backend.stop();
	}

	void testRestartedOperatorAdoptsTheRunningJob()
	{
		JobSim sim;
		{
			// The first operator process starts a Job for A and B, then stops waiting.
			JobImageBackend first{Environment()};
			Host host(sim);
			first.start(host.context());
			auto processing = startProcess(first, batchOf("c-first", {IMAGE_A, IMAGE_B}));
			sim.waitForJob();
			CPPUNIT_ASSERT(waitUntil([&]() { return sim.server().stats().count("watch", "jobs") >= 1; }));
			processing->stop().requestStop();
			processing->get();
			first.stop();
		}
		const std::uint64_t getsBefore = sim.server().stats().count("get", "jobs");

		JobImageBackend second{Environment()};
		Host host(sim);
		second.start(host.context());
		CPPUNIT_ASSERT(sim.job("sbom-operator-job-c-first"));
		auto processing = startProcess(second, batchOf("c-second", {IMAGE_A, IMAGE_B, IMAGE_C}));
		// The second process waits for the first Job (it reads it, then watches it).
		CPPUNIT_ASSERT(waitUntil([&]() { return sim.server().stats().count("get", "jobs") > getsBefore; }));
		CPPUNIT_ASSERT_EQUAL(std::size_t(1), sim.jobs().size());
		sim.complete("sbom-operator-job-c-first");

		// Then one new Job, for C only.
		const Object::Ptr job = sim.waitForJob([](const Object::Ptr& job) { return ObjectFields::metadata(job, "name") == "sbom-operator-job-c-second"; });
		CPPUNIT_ASSERT_EQUAL(joined({IMAGE_C.imageId}), joined(sim.imageIdsOf(job)));
		sim.complete("sbom-operator-job-c-second");
		const std::vector<plugin::ImageResult> results = processing->get();
		CPPUNIT_ASSERT_EQUAL(IMAGE_A.imageId + "=ok\n" + IMAGE_B.imageId + "=ok\n" + IMAGE_C.imageId + "=ok\n", describe(results));
		CPPUNIT_ASSERT_EQUAL(std::uint64_t(2), sim.server().stats().count("create", "jobs"));
		CPPUNIT_ASSERT(sim.jobs().empty());
		CPPUNIT_ASSERT(sim.secrets().empty());
		second.stop();
	}

	void testLeftoversAreCleanedUpAtStart()
	{
		JobSim sim;
		createLeftover(sim, "old-failed", {IMAGE_B});
		sim.fail("sbom-operator-job-old-failed", "BackoffLimitExceeded", "x");
		createLeftover(sim, "old-done", {IMAGE_A});
		sim.complete("sbom-operator-job-old-done");
		sim.create("secrets", SecretSpecBuilder::build(OPERATOR_NAMESPACE, "orphan", "[]", JobEnvironment()));
		sim.create("secrets", parse("{\"apiVersion\":\"v1\",\"kind\":\"Secret\",\"metadata\":{\"name\":\"unrelated\"},\"data\":{}}"));

		JobImageBackend backend{Environment()};
		Host host(sim);
		backend.start(host.context());
		CPPUNIT_ASSERT(sim.jobs().empty());
		CPPUNIT_ASSERT_EQUAL(std::size_t(1), sim.secrets().size());
		CPPUNIT_ASSERT(sim.secret("unrelated"));

		// A was processed by the completed Job: only B goes into the new Job.
		auto processing = startProcess(backend, batchOf("c-next", {IMAGE_A, IMAGE_B}));
		const Object::Ptr job = sim.waitForJob();
		CPPUNIT_ASSERT_EQUAL(joined({IMAGE_B.imageId}), joined(sim.imageIdsOf(job)));
		sim.complete(ObjectFields::metadata(job, "name"));
		CPPUNIT_ASSERT_EQUAL(IMAGE_A.imageId + "=ok\n" + IMAGE_B.imageId + "=ok\n", describe(processing->get()));
		backend.stop();
	}

	void testTtlKeepsTheFinishedJobButNotTheSecret()
	{
		JobSim sim;
		JobImageBackend backend{Environment()};
		Host host(sim, {{"job-ttl-seconds", "600"}});
		backend.start(host.context());
		auto processing = startProcess(backend, batchOf("c-ttl", {IMAGE_A}));
		const Object::Ptr job = sim.waitForJob();
		CPPUNIT_ASSERT_EQUAL(600, job->getObject("spec")->getValue<int>("ttlSecondsAfterFinished"));
		sim.complete("sbom-operator-job-c-ttl");
		CPPUNIT_ASSERT_EQUAL(IMAGE_A.imageId + "=ok\n", describe(processing->get()));
		CPPUNIT_ASSERT(sim.job("sbom-operator-job-c-ttl"));
		CPPUNIT_ASSERT(!sim.secret("sbom-operator-job-config-c-ttl"));

		// The next cycle leaves the finished Job to the TTL controller.
		auto second = startProcess(backend, batchOf("c-ttl2", {IMAGE_B}));
		sim.waitForJob([](const Object::Ptr& job) { return ObjectFields::metadata(job, "name") == "sbom-operator-job-c-ttl2"; });
		sim.complete("sbom-operator-job-c-ttl2");
		CPPUNIT_ASSERT_EQUAL(IMAGE_B.imageId + "=ok\n", describe(second->get()));
		CPPUNIT_ASSERT_EQUAL(std::size_t(2), sim.jobs().size());
		backend.stop();
	}

	void testJobCreationErrorLeavesNothingBehind()
	{
		JobSim sim;
		// Someone else's Job already has the name: creating ours fails with 409 AlreadyExists.
		sim.create("jobs", parse("{\"apiVersion\":\"batch/v1\",\"kind\":\"Job\",\"metadata\":{\"name\":\"sbom-operator-job-c-denied\"},"
			"\"spec\":{\"template\":{\"spec\":{\"restartPolicy\":\"Never\",\"containers\":[{\"name\":\"x\",\"image\":\"busybox\"}]}}}}"));
		JobImageBackend backend{Environment()};
		Host host(sim);
		backend.start(host.context());
		StopToken cancel;
		const std::vector<plugin::ImageResult> results = backend.process(batchOf("c-denied", {IMAGE_A}), cancel);
		CPPUNIT_ASSERT_EQUAL(std::size_t(1), results.size());
		CPPUNIT_ASSERT(!results[0].succeeded);
		CPPUNIT_ASSERT_MESSAGE(results[0].message, results[0].message.find("cannot create Job sbom-system/sbom-operator-job-c-denied: ") == 0);
		CPPUNIT_ASSERT(sim.secrets().empty());
		CPPUNIT_ASSERT_EQUAL(std::size_t(1), sim.jobs().size());
		CPPUNIT_ASSERT_MESSAGE(host.metrics(), host.metrics().find("sbomop_job_runs_total{result=\"error\"} 1") != std::string::npos);
		backend.stop();
	}

	void testEmptyBatchStartsNoJob()
	{
		JobSim sim;
		JobImageBackend backend{Environment()};
		Host host(sim);
		backend.start(host.context());
		StopToken cancel;
		CPPUNIT_ASSERT(backend.process(batchOf("c-empty", {}), cancel).empty());
		CPPUNIT_ASSERT_EQUAL(std::uint64_t(0), sim.server().stats().count("create", "jobs"));
		CPPUNIT_ASSERT_EQUAL(std::uint64_t(0), sim.server().stats().count("create", "secrets"));
		backend.stop();
	}

	void testWithoutKubernetesClientEveryImageFails()
	{
		JobSim sim;
		JobImageBackend backend{Environment()};
		Host host(sim, {}, false);
		backend.start(host.context());
		StopToken cancel;
		CPPUNIT_ASSERT_EQUAL(IMAGE_A.imageId + "=failed:the jobimage backend has no Kubernetes client\n",
			describe(backend.process(batchOf("c-none", {IMAGE_A}), cancel)));
		backend.stop();
	}

	void testDescriptionAndCapabilities()
	{
		JobImageBackend backend;
		CPPUNIT_ASSERT_EQUAL(std::string("jobimage"), backend.name());
		CPPUNIT_ASSERT(!backend.supportsOrphans());
		CPPUNIT_ASSERT(backend.description().find("Kubernetes Job") != std::string::npos);
		CPPUNIT_ASSERT(backend.description().find("not yet") == std::string::npos);
	}

private:
	void assertFailure(const std::function<void(JobSim&, const std::string&)>& endJob, const std::string& message)
	{
		JobSim sim;
		JobImageBackend backend{Environment()};
		Host host(sim);
		backend.start(host.context());
		auto processing = startProcess(backend, batchOf("c-bad", {IMAGE_A, IMAGE_C}));
		sim.waitForJob();
		CPPUNIT_ASSERT(waitUntil([&]() { return sim.server().stats().count("watch", "jobs") >= 1; }));
		endJob(sim, "sbom-operator-job-c-bad");
		CPPUNIT_ASSERT_EQUAL(IMAGE_A.imageId + "=failed:" + message + "\n" + IMAGE_C.imageId + "=failed:" + message + "\n",
			describe(processing->get()));
		CPPUNIT_ASSERT(sim.jobs().empty());
		CPPUNIT_ASSERT(sim.secrets().empty());
		backend.stop();
	}

	static void createLeftover(JobSim& sim, const std::string& cycleId, const std::vector<plugin::ImageTask>& images)
	{
		std::vector<const plugin::ImageTask*> tasks;
		for (const auto& image: images) tasks.push_back(&image);
		sim.create("secrets", SecretSpecBuilder::build(OPERATOR_NAMESPACE, cycleId, ImageConfig::render(tasks, "prod-eu").json, JobEnvironment()));
		const JobSpecBuilder builder(JobSettings::fromConfig(*configuration()), JobEnvironment());
		sim.create("jobs", builder.build(OPERATOR_NAMESPACE, cycleId));
	}
};

CPPUNIT_TEST_SUITE_NAMED_REGISTRATION(JobImageBackendTest, "JobImage");
