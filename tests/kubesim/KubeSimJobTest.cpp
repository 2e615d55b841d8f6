//
// KubeSimJobTest.cpp
//
// kube-sim's Job controller and kubelet in-process: a registered job image
// run in the bubblewrap sandbox (Secret volumes, environment, read-only
// host), exit codes, backoffLimit, activeDeadlineSeconds, default outcomes,
// both condition orders, ttlSecondsAfterFinished, deletion and shutdown
// while a container runs. Cases that need bwrap print a SKIPPED line when it
// is not installed.
//

#include "JobFixtures.h"
#include "SimFixture.h"
#include "kubesim/Json.h"
#include "kubesim/KubeSimServer.h"
#include "kubesim/PodStatus.h"
#include <Poco/Environment.h>
#include <Poco/File.h>
#include <Poco/JSON/Array.h>
#include <cppunit/extensions/HelperMacros.h>
#include <iostream>
#include <memory>
#include <random>

using Poco::JSON::Array;
using Poco::JSON::Object;
using sbomop::kubesim::JobConditionStyle;
using sbomop::kubesim::JobManifest;
using sbomop::kubesim::JobOutcome;
using sbomop::kubesim::Json;
using sbomop::kubesim::KubeSimServer;
using sbomop::kubesim::SimClient;
using sbomop::kubesim::TemporaryFolder;
using sbomop::kubesim::WatchStream;
using sbomop::kubesim::waitUntil;

namespace
{
	const std::string JOBS = "/apis/batch/v1/namespaces/default/jobs";
	const std::string PODS = "/api/v1/namespaces/default/pods";
	const std::string SECRETS = "/api/v1/namespaces/default/secrets";
	const std::string IMAGE = "registry.example/sbom/job:1";
	const std::string LEAK_VARIABLE = "KUBESIM_JOB_TEST_HOST_ONLY";

	// A number no other process on the host has as an argument.
	std::string uniqueSleep()
	{
		static std::mt19937 random{std::random_device{}()};
		return std::to_string(std::uniform_int_distribution<int>(7000000, 7999999)(random));
	}

	bool contains(const std::string& text, const std::string& part)
	{
		return text.find(part) != std::string::npos;
	}

	Object::Ptr terminatedState(const Object::Ptr& pod)
	{
		Array::Ptr statuses = Json::array(Json::object(pod, "status"), "containerStatuses");
		if (!statuses || statuses->size() == 0) return nullptr;
		return Json::object(Json::object(statuses->getObject(0), "state"), "terminated");
	}
}

class KubeSimJobTest: public sbomop::kubesim::SimFixture
{
	CPPUNIT_TEST_SUITE(KubeSimJobTest);
	CPPUNIT_TEST(testRegisteredImageRunsSandboxedAndCompletes);
	CPPUNIT_TEST(testNonZeroExitFailsWithBackoffLimitExceeded);
	CPPUNIT_TEST(testActiveDeadlineKillsTheSandboxedProcess);
	CPPUNIT_TEST(testDeletingARunningJobKillsItsProcess);
	CPPUNIT_TEST(testStopLeavesNoProcessBehind);
	CPPUNIT_TEST(testWatchSeesStatusTransitionsInOrder);
	CPPUNIT_TEST(testLegacyConditionsGoStraightToComplete);
	CPPUNIT_TEST(testDefaultOutcomeFailRetriesUpToBackoffLimit);
	CPPUNIT_TEST(testDefaultOutcomeHangRunsUntilTheDeadline);
	CPPUNIT_TEST(testTtlAfterFinishedDeletesJobAndPod);
	CPPUNIT_TEST(testUnsupportedOrMissingInputsFailThePodClearly);
	CPPUNIT_TEST(testSeededJobsAreLeftAlone);
	CPPUNIT_TEST(testImagesMatchAsWrittenOrNormalised);
	CPPUNIT_TEST_SUITE_END();

public:
	void tearDown() override
	{
		SimFixture::tearDown();
		_image.reset();
	}

	static KubeSimServer::Options options(JobOutcome outcome = JobOutcome::Succeed, JobConditionStyle style = JobConditionStyle::V1_31)
	{
		KubeSimServer::Options options;
		options.gcDelay = Poco::Timespan(20 * Poco::Timespan::MILLISECONDS);
		options.jobs.enabled = true;
		options.jobs.defaultOutcome = outcome;
		options.jobs.defaultDuration = Poco::Timespan(200 * Poco::Timespan::MILLISECONDS);
		options.jobs.conditions = style;
		options.jobs.killGracePeriod = Poco::Timespan(500 * Poco::Timespan::MILLISECONDS);
		return options;
	}

	// Registers IMAGE with an entrypoint.sh holding `script`; false (and a
	// SKIPPED line) without bwrap.
	bool startWithScript(const std::string& script)
	{
		if (!sbomop::kubesim::bubblewrapAvailable())
		{
			std::cerr << "SKIPPED: bwrap (bubblewrap) is not on PATH; a sandboxed Job case of KubeSim did not run" << std::endl;
			return false;
		}
		_image.reset(new TemporaryFolder);
		_image->write("entrypoint.sh", script, 0755);
		KubeSimServer::Options settings = options();
		settings.jobs.runners[IMAGE] = _image->path();
		startSim(settings);
		return true;
	}

	void create(const JobManifest& manifest)
	{
		SimClient::Response response = _client->post(JOBS, manifest.json());
		CPPUNIT_ASSERT_EQUAL_MESSAGE(response.body, 201, response.status);
	}

	Object::Ptr job(const std::string& name)
	{
		return _client->get(JOBS + "/" + name).json();
	}

	Object::Ptr waitForCondition(const std::string& name, const std::string& type, int timeoutMs = 15000)
	{
		Object::Ptr current;
		const bool reached = waitUntil([&]
		{
			current = job(name);
			return sbomop::kubesim::condition(current, type) != nullptr;
		}, timeoutMs);
		CPPUNIT_ASSERT_MESSAGE("Job " + name + " never got condition " + type + ": " + Json::stringify(current), reached);
		return current;
	}

	std::vector<Object::Ptr> podsOf(const std::string& jobName)
	{
		Array::Ptr items = Json::array(_client->get(PODS + "?labelSelector=job-name%3D" + jobName).json(), "items");
		std::vector<Object::Ptr> pods;
		for (unsigned i = 0; items && i < items->size(); ++i) pods.push_back(items->getObject(i));
		return pods;
	}

	Object::Ptr onlyPodOf(const std::string& jobName)
	{
		std::vector<Object::Ptr> pods = podsOf(jobName);
		CPPUNIT_ASSERT_EQUAL(std::size_t(1), pods.size());
		return pods.front();
	}

	static std::string nameOf(const Object::Ptr& object)
	{
		return Json::string(Json::object(object, "metadata"), "name");
	}

	void testRegisteredImageRunsSandboxedAndCompletes()
	{
		const std::set<std::string> foldersBefore = sbomop::kubesim::volumeFolders();
		const std::string script = "#!/bin/sh\n"
			"echo \"config=$(cat /sbom/image-config.json)\"\n"
			"echo \"mode=$(stat -c %a /sbom/image-config.json)\"\n"
			"echo \"renamed=$(cat /extra/sub/renamed.txt) $(stat -c %a /extra/sub/renamed.txt)\"\n"
			"env | sort\n"
			"if echo x > \"$(dirname \"$0\")/escaped\" 2>/dev/null; then echo escaped=image; fi\n"
			"if echo x > /sbom/escaped 2>/dev/null; then echo escaped=sbom; fi\n"
			"if touch /etc/kube-sim-escaped 2>/dev/null; then echo escaped=etc; fi\n"
			"if echo x > /tmp/scratch; then echo tmp=writable; fi\n"
			"echo \"hostname=$(cat /proc/sys/kernel/hostname)\"\n"
			"echo \"pid=$$\"\n"
			"[ \"$(cat /sbom/image-config.json)\" = '{\"images\":[\"nginx:1.25\"]}' ] || exit 9\n";
		Poco::Environment::set(LEAK_VARIABLE, "visible");
		if (!startWithScript(script)) return;
		CPPUNIT_ASSERT_EQUAL(201, _client->post(SECRETS,
			"{\"metadata\":{\"name\":\"sbom-config\"},\"stringData\":{\"image-config.json\":\"{\\\"images\\\":[\\\"nginx:1.25\\\"]}\","
			"\"unused\":\"second\"}}").status);
		JobManifest manifest("scan");
		manifest.image = IMAGE;
		manifest.specFields = "\"backoffLimit\":0";
		manifest.podSpecFields = "\"volumes\":[{\"name\":\"config\",\"secret\":{\"secretName\":\"sbom-config\"}},"
			"{\"name\":\"extra\",\"secret\":{\"secretName\":\"sbom-config\",\"items\":[{\"key\":\"unused\",\"path\":\"sub/renamed.txt\",\"mode\":288}]}}]";
		manifest.containerFields = "\"env\":[{\"name\":\"SBOM_JOB_FOO\",\"value\":\"bar\"}],"
			"\"volumeMounts\":[{\"name\":\"config\",\"mountPath\":\"/sbom\"},{\"name\":\"extra\",\"mountPath\":\"/extra\"}]";
		create(manifest);

		Object::Ptr finished = waitForCondition("scan", "Complete");
		std::vector<std::string> types = sbomop::kubesim::conditionTypes(finished);
		CPPUNIT_ASSERT_EQUAL(std::size_t(2), types.size());
		CPPUNIT_ASSERT_EQUAL(std::string("SuccessCriteriaMet"), types[0]);
		CPPUNIT_ASSERT_EQUAL(std::string("Complete"), types[1]);
		CPPUNIT_ASSERT_EQUAL(std::string("CompletionsReached"), Json::string(sbomop::kubesim::condition(finished, "Complete"), "reason"));
		Object::Ptr status = Json::object(finished, "status");
		CPPUNIT_ASSERT_EQUAL(std::string("1"), Json::string(status, "succeeded"));
		CPPUNIT_ASSERT(!Json::string(status, "completionTime").empty());
		CPPUNIT_ASSERT(!status->has("active"));

		Object::Ptr pod = onlyPodOf("scan");
		const std::string podName = nameOf(pod);
		CPPUNIT_ASSERT_EQUAL(std::size_t(0), podName.find("scan-"));
		CPPUNIT_ASSERT_EQUAL(std::size_t(10), podName.size());
		CPPUNIT_ASSERT_EQUAL(std::string("Succeeded"), Json::string(Json::object(pod, "status"), "phase"));
		CPPUNIT_ASSERT_EQUAL(std::string("0"), Json::string(terminatedState(pod), "exitCode"));
		CPPUNIT_ASSERT_EQUAL(std::string("Completed"), Json::string(terminatedState(pod), "reason"));
		Object::Ptr containerStatus = Json::array(Json::object(pod, "status"), "containerStatuses")->getObject(0);
		CPPUNIT_ASSERT_EQUAL(sbomop::kubesim::PodStatus::imageId(IMAGE), Json::string(containerStatus, "imageID"));
		CPPUNIT_ASSERT_EQUAL(std::size_t(71), Json::string(containerStatus, "imageID").size());
		Object::Ptr owner = Json::array(Json::object(pod, "metadata"), "ownerReferences")->getObject(0);
		CPPUNIT_ASSERT_EQUAL(std::string("scan"), Json::string(owner, "name"));
		CPPUNIT_ASSERT_EQUAL(std::string("true"), Json::string(owner, "controller"));
		CPPUNIT_ASSERT_EQUAL(std::string("true"), Json::string(owner, "blockOwnerDeletion"));
		CPPUNIT_ASSERT(!Json::object(pod, "metadata")->has("finalizers"));

		const std::string log = _server->podLog("default", podName);
		CPPUNIT_ASSERT_MESSAGE(log, contains(log, "config={\"images\":[\"nginx:1.25\"]}\n"));
		CPPUNIT_ASSERT_MESSAGE(log, contains(log, "mode=400\n"));
		CPPUNIT_ASSERT_MESSAGE(log, contains(log, "renamed=second 440\n"));
		CPPUNIT_ASSERT_MESSAGE(log, contains(log, "SBOM_JOB_FOO=bar\n"));
		CPPUNIT_ASSERT_MESSAGE(log, contains(log, "HOME=/root\n"));
		CPPUNIT_ASSERT_MESSAGE(log, contains(log, "tmp=writable\n"));
		CPPUNIT_ASSERT_MESSAGE(log, contains(log, "hostname=" + podName + "\n"));
		CPPUNIT_ASSERT_MESSAGE(log, contains(log, "pid=2\n"));
		CPPUNIT_ASSERT_MESSAGE(log, !contains(log, LEAK_VARIABLE));
		CPPUNIT_ASSERT_MESSAGE(log, !contains(log, "escaped="));
		CPPUNIT_ASSERT(!Poco::File(_image->path() + "/escaped").exists());
		CPPUNIT_ASSERT(!Poco::File("/etc/kube-sim-escaped").exists());

		SimClient::Response served = _client->get(PODS + "/" + podName + "/log");
		CPPUNIT_ASSERT_EQUAL(200, served.status);
		CPPUNIT_ASSERT_EQUAL(log, served.body);
		CPPUNIT_ASSERT_EQUAL(std::size_t(0), served.contentType.find("text/plain"));
		std::set<std::string> leftOver;
		for (const auto& folder: sbomop::kubesim::volumeFolders())
		{
			if (!foldersBefore.count(folder)) leftOver.insert(folder);
		}
		CPPUNIT_ASSERT_EQUAL(std::size_t(0), leftOver.size());
	}

	void testNonZeroExitFailsWithBackoffLimitExceeded()
	{
		if (!startWithScript("#!/bin/sh\necho failing on purpose\nexit 3\n")) return;
		JobManifest manifest("broken");
		manifest.image = IMAGE;
		manifest.specFields = "\"backoffLimit\":0";
		create(manifest);
		Object::Ptr failed = waitForCondition("broken", "Failed");
		std::vector<std::string> types = sbomop::kubesim::conditionTypes(failed);
		CPPUNIT_ASSERT_EQUAL(std::size_t(2), types.size());
		CPPUNIT_ASSERT_EQUAL(std::string("FailureTarget"), types[0]);
		Object::Ptr condition = sbomop::kubesim::condition(failed, "Failed");
		CPPUNIT_ASSERT_EQUAL(std::string("BackoffLimitExceeded"), Json::string(condition, "reason"));
		CPPUNIT_ASSERT_EQUAL(std::string("Job has reached the specified backoff limit"), Json::string(condition, "message"));
		CPPUNIT_ASSERT_EQUAL(std::string("1"), Json::string(Json::object(failed, "status"), "failed"));
		CPPUNIT_ASSERT(!Json::object(failed, "status")->has("completionTime"));
		Object::Ptr pod = onlyPodOf("broken");
		CPPUNIT_ASSERT_EQUAL(std::string("Failed"), Json::string(Json::object(pod, "status"), "phase"));
		CPPUNIT_ASSERT_EQUAL(std::string("3"), Json::string(terminatedState(pod), "exitCode"));
		CPPUNIT_ASSERT_EQUAL(std::string("Error"), Json::string(terminatedState(pod), "reason"));
		CPPUNIT_ASSERT_EQUAL(std::string("failing on purpose\n"), _server->podLog("default", nameOf(pod)));
	}

	// Runs Job `name` whose script sleeps with an argument no other process
	// has (returned), once that process runs; "" when bwrap is missing.
	std::string runSleeper(const std::string& name, const std::string& specFields, const std::string& sleep)
	{
		const std::string marker = uniqueSleep();
		std::string script = "#!/bin/sh\necho started\n" + sleep + "\necho never\n";
		for (std::size_t at = script.find("MARKER"); at != std::string::npos; at = script.find("MARKER")) script.replace(at, 6, marker);
		if (!startWithScript(script)) return "";
		JobManifest manifest(name);
		manifest.image = IMAGE;
		manifest.specFields = specFields;
		create(manifest);
		CPPUNIT_ASSERT(waitUntil([&] { return sbomop::kubesim::processRunning(marker); }));
		return marker;
	}

	void testActiveDeadlineKillsTheSandboxedProcess()
	{
		const std::string marker = runSleeper("slow", "\"activeDeadlineSeconds\":1", "sleep MARKER");
		if (marker.empty()) return;
		Object::Ptr failed = waitForCondition("slow", "Failed");
		Object::Ptr condition = sbomop::kubesim::condition(failed, "Failed");
		CPPUNIT_ASSERT_EQUAL(std::string("DeadlineExceeded"), Json::string(condition, "reason"));
		CPPUNIT_ASSERT_EQUAL(std::string("Job was active longer than specified deadline"), Json::string(condition, "message"));
		CPPUNIT_ASSERT_EQUAL(std::string("FailureTarget"), sbomop::kubesim::conditionTypes(failed).front());
		CPPUNIT_ASSERT(!sbomop::kubesim::processRunning(marker));
		Object::Ptr pod = onlyPodOf("slow");
		CPPUNIT_ASSERT_EQUAL(std::string("Failed"), Json::string(Json::object(pod, "status"), "phase"));
		CPPUNIT_ASSERT_EQUAL(std::string("DeadlineExceeded"), Json::string(Json::object(pod, "status"), "reason"));
		CPPUNIT_ASSERT_EQUAL(std::string("143"), Json::string(terminatedState(pod), "exitCode"));
		CPPUNIT_ASSERT_EQUAL(std::string("started\n"), _server->podLog("default", nameOf(pod)));
	}

	void testDeletingARunningJobKillsItsProcess()
	{
		const std::string marker = runSleeper("doomed", "", "sleep MARKER");
		if (marker.empty()) return;
		Object::Ptr pod = onlyPodOf("doomed");
		Array::Ptr finalizers = Json::array(Json::object(pod, "metadata"), "finalizers");
		CPPUNIT_ASSERT_EQUAL(std::string("[\"batch.kubernetes.io/job-tracking\"]"), Json::stringify(finalizers));
		CPPUNIT_ASSERT_EQUAL(200, _client->remove(JOBS + "/doomed?propagationPolicy=Background").status);
		CPPUNIT_ASSERT(waitUntil([&] { return !sbomop::kubesim::processRunning(marker); }));
		CPPUNIT_ASSERT(waitUntil([&] { return podsOf("doomed").empty(); }));
		CPPUNIT_ASSERT_EQUAL(std::string(), _server->podLog("default", nameOf(pod)));
	}

	void testStopLeavesNoProcessBehind()
	{
		const std::string marker = runSleeper("endless", "", "sleep MARKER &\nsleep MARKER");
		if (marker.empty()) return;
		_server->stop();
		CPPUNIT_ASSERT(waitUntil([&] { return !sbomop::kubesim::processRunning(marker); }, 2000));
		CPPUNIT_ASSERT_EQUAL(std::size_t(0), _server->jobController()->kubelet().running());
	}

	// The watch of one Job by field selector, summarised per event.
	std::vector<std::string> watchUntilComplete(const std::string& name)
	{
		WatchStream watch(*_client, JOBS + "?watch=1&fieldSelector=metadata.name%3D" + name);
		create(JobManifest{"unrelated"});
		create(JobManifest{name});
		std::vector<std::string> seen;
		std::string lastRv = "0";
		while (seen.empty() || !contains(seen.back(), "Complete"))
		{
			Object::Ptr event = watch.next(10000);
			CPPUNIT_ASSERT_MESSAGE("watch ended after " + std::to_string(seen.size()) + " events", event);
			CPPUNIT_ASSERT_EQUAL(name, sbomop::kubesim::eventName(event));
			const std::string rv = sbomop::kubesim::eventResourceVersion(event);
			CPPUNIT_ASSERT(std::stoull(rv) > std::stoull(lastRv));
			lastRv = rv;
			seen.push_back(sbomop::kubesim::objectType(event) + " " + sbomop::kubesim::statusSummary(Json::object(event, "object")));
		}
		return seen;
	}

	void testWatchSeesStatusTransitionsInOrder()
	{
		startSim(options());
		std::vector<std::string> expected = {"ADDED ////", "MODIFIED 1/0///", "MODIFIED 1/1///",
			"MODIFIED /0/1//SuccessCriteriaMet", "MODIFIED /0/1//SuccessCriteriaMet,Complete"};
		CPPUNIT_ASSERT(expected == watchUntilComplete("watched"));
		Object::Ptr finished = job("watched");
		CPPUNIT_ASSERT(!Json::string(Json::object(finished, "status"), "startTime").empty());
		CPPUNIT_ASSERT_EQUAL(std::string("CompletionsReached"),
			Json::string(sbomop::kubesim::condition(finished, "SuccessCriteriaMet"), "reason"));
	}

	void testLegacyConditionsGoStraightToComplete()
	{
		startSim(options(JobOutcome::Succeed, JobConditionStyle::Legacy));
		std::vector<std::string> expected = {"ADDED ////", "MODIFIED 1/0///", "MODIFIED 1/1///", "MODIFIED /0/1//Complete"};
		CPPUNIT_ASSERT(expected == watchUntilComplete("legacy"));
		Object::Ptr complete = sbomop::kubesim::condition(job("legacy"), "Complete");
		CPPUNIT_ASSERT(!complete->has("reason"));
		CPPUNIT_ASSERT_EQUAL(std::string("True"), Json::string(complete, "status"));
	}

	void testDefaultOutcomeFailRetriesUpToBackoffLimit()
	{
		startSim(options(JobOutcome::Fail));
		JobManifest manifest("flaky");
		manifest.specFields = "\"backoffLimit\":2";
		create(manifest);
		Object::Ptr failed = waitForCondition("flaky", "Failed");
		CPPUNIT_ASSERT_EQUAL(std::string("BackoffLimitExceeded"), Json::string(sbomop::kubesim::condition(failed, "Failed"), "reason"));
		CPPUNIT_ASSERT_EQUAL(std::string("3"), Json::string(Json::object(failed, "status"), "failed"));
		std::vector<Object::Ptr> pods = podsOf("flaky");
		CPPUNIT_ASSERT_EQUAL(std::size_t(3), pods.size());
		for (const auto& pod: pods)
		{
			CPPUNIT_ASSERT_EQUAL(std::string("1"), Json::string(terminatedState(pod), "exitCode"));
			CPPUNIT_ASSERT(contains(_server->podLog("default", nameOf(pod)), ": fail\n"));
		}
	}

	void testDefaultOutcomeHangRunsUntilTheDeadline()
	{
		startSim(options(JobOutcome::Hang));
		JobManifest manifest("stuck");
		manifest.specFields = "\"activeDeadlineSeconds\":1";
		create(manifest);
		CPPUNIT_ASSERT(waitUntil([&] { return Json::string(Json::object(job("stuck"), "status"), "ready") == "1"; }));
		Object::Ptr failed = waitForCondition("stuck", "Failed");
		CPPUNIT_ASSERT_EQUAL(std::string("DeadlineExceeded"), Json::string(sbomop::kubesim::condition(failed, "Failed"), "reason"));
		CPPUNIT_ASSERT_EQUAL(std::string("143"), Json::string(terminatedState(onlyPodOf("stuck")), "exitCode"));
	}

	void testTtlAfterFinishedDeletesJobAndPod()
	{
		startSim(options());
		JobManifest manifest("shortlived");
		manifest.specFields = "\"ttlSecondsAfterFinished\":0";
		create(manifest);
		CPPUNIT_ASSERT(waitUntil([&] { return podsOf("shortlived").size() == 1; }));
		CPPUNIT_ASSERT(waitUntil([&] { return _client->get(JOBS + "/shortlived").status == 404 && podsOf("shortlived").empty(); }, 10000));
	}

	void testUnsupportedOrMissingInputsFailThePodClearly()
	{
		startSim(options());
		JobManifest fromSecret("fromsecret");
		fromSecret.specFields = "\"backoffLimit\":0";
		fromSecret.containerFields = "\"env\":[{\"name\":\"TOKEN\",\"valueFrom\":{\"secretKeyRef\":{\"name\":\"s\",\"key\":\"k\"}}}]";
		create(fromSecret);
		JobManifest missing("missing");
		missing.specFields = "\"backoffLimit\":0";
		missing.podSpecFields = "\"volumes\":[{\"name\":\"config\",\"secret\":{\"secretName\":\"absent\"}}]";
		missing.containerFields = "\"volumeMounts\":[{\"name\":\"config\",\"mountPath\":\"/sbom\"}]";
		create(missing);
		waitForCondition("fromsecret", "Failed");
		waitForCondition("missing", "Failed");
		Object::Ptr state = terminatedState(onlyPodOf("fromsecret"));
		CPPUNIT_ASSERT_EQUAL(std::string("StartError"), Json::string(state, "reason"));
		CPPUNIT_ASSERT_EQUAL(std::string("128"), Json::string(state, "exitCode"));
		CPPUNIT_ASSERT_EQUAL(std::string("env TOKEN: valueFrom is not supported by kube-sim (use value)"), Json::string(state, "message"));
		CPPUNIT_ASSERT_EQUAL(std::string("MountVolume.SetUp failed for volume \"config\" : secret \"absent\" not found"),
			Json::string(terminatedState(onlyPodOf("missing")), "message"));
	}

	void testSeededJobsAreLeftAlone()
	{
		startSim(options());
		_server->seed(Json::parseObject("{\"apiVersion\":\"batch/v1\",\"kind\":\"Job\",\"metadata\":{\"name\":\"fixture\",\"namespace\":\"default\"},"
			"\"spec\":{\"template\":{\"spec\":{\"restartPolicy\":\"Never\",\"containers\":[{\"name\":\"c\",\"image\":\"busybox\"}]}}}}"));
		create(JobManifest{"live"});
		waitForCondition("live", "Complete");
		CPPUNIT_ASSERT(podsOf("fixture").empty());
		CPPUNIT_ASSERT(!Json::object(job("fixture"), "status") || !Json::object(job("fixture"), "status")->has("startTime"));
	}

	void testImagesMatchAsWrittenOrNormalised()
	{
		using sbomop::kubesim::Kubelet;
		CPPUNIT_ASSERT(Kubelet::sameImage("busybox", "docker.io/library/busybox:latest"));
		CPPUNIT_ASSERT(Kubelet::sameImage("index.docker.io/library/nginx:1.25", "nginx:1.25"));
		CPPUNIT_ASSERT(!Kubelet::sameImage("nginx:1.25", "nginx"));
		CPPUNIT_ASSERT(!Kubelet::sameImage("ghcr.io/a/b:1", "docker.io/a/b:1"));
		CPPUNIT_ASSERT(Kubelet::sameImage("Not A Reference!", "Not A Reference!"));
	}

private:
	std::unique_ptr<TemporaryFolder> _image;
};

CPPUNIT_TEST_SUITE_NAMED_REGISTRATION(KubeSimJobTest, "KubeSim");
