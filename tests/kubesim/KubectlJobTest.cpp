//
// KubectlJobTest.cpp
//
// The kube-sim executable's Job controller and OpenAPI validation driven by
// the real kubectl: `get jobs -w` while a Job runs to completion, `logs`,
// `delete job --cascade=background` while it runs, and server-side strict
// field validation (kubectl 1.32 against the reference OpenAPI documents).
// Skipped (with a message) when kubectl, bwrap or the documents are absent,
// each only for what needs it.
//

#include "JobFixtures.h"
#include "KubectlHarness.h"
#include "SimClient.h"
#include "kubesim/Json.h"
#include <Poco/JSON/Array.h>
#include <Poco/PipeStream.h>
#include <Poco/Process.h>
#include <Poco/StreamCopier.h>
#include <Poco/StringTokenizer.h>
#include <cppunit/extensions/HelperMacros.h>
#include <iostream>
#include <memory>
#include <mutex>
#include <random>
#include <thread>

using Poco::JSON::Array;
using Poco::JSON::Object;
using sbomop::kubesim::Json;
using sbomop::kubesim::KubectlHarness;
using sbomop::kubesim::SimClient;
using sbomop::kubesim::TemporaryFolder;
using sbomop::kubesim::waitUntil;

namespace
{
	const std::string JOBS = "/apis/batch/v1/namespaces/default/jobs";
	const std::string PODS = "/api/v1/namespaces/default/pods";
	const std::string RUNNER_IMAGE = "registry.example/sbom/job:1";

	std::vector<std::string> columns(const std::string& line)
	{
		Poco::StringTokenizer tokens(line, " ", Poco::StringTokenizer::TOK_IGNORE_EMPTY | Poco::StringTokenizer::TOK_TRIM);
		return std::vector<std::string>(tokens.begin(), tokens.end());
	}

	std::size_t indexOf(const std::vector<std::string>& lines, const std::vector<std::string>& row)
	{
		for (std::size_t i = 0; i < lines.size(); ++i)
		{
			if (columns(lines[i]) == row) return i;
		}
		return lines.size();
	}
}

class KubectlJobTest: public CppUnit::TestFixture
{
	CPPUNIT_TEST_SUITE(KubectlJobTest);
	CPPUNIT_TEST(testGetJobsWatchShowsARunToCompletion);
	CPPUNIT_TEST(testLogsOfAJob);
	CPPUNIT_TEST(testDeleteRunningJobWithBackgroundCascade);
	CPPUNIT_TEST(testServerSideStrictValidationRejectsUnknownField);
	CPPUNIT_TEST(testExecutableRejectsBadJobOptions);
	CPPUNIT_TEST_SUITE_END();

public:
	void setUp() override
	{
		_sim.reset(new KubectlHarness);
	}

	void tearDown() override
	{
		_sim.reset();
		_image.reset();
	}

	// Registers RUNNER_IMAGE with `script` when bwrap is there; returns the
	// image the case should run (a default-outcome image without bwrap).
	std::string runnerImage(std::vector<std::string>& arguments, const std::string& script)
	{
		if (!sbomop::kubesim::bubblewrapAvailable())
		{
			std::cerr << "SKIPPED: bwrap is not on PATH; the kubectl Job cases run without the sandbox" << std::endl;
			return "busybox";
		}
		_image.reset(new TemporaryFolder);
		_image->write("entrypoint.sh", script, 0755);
		arguments.push_back("--job-runner");
		arguments.push_back(RUNNER_IMAGE + "=" + _image->path());
		return RUNNER_IMAGE;
	}

	void expectSuccess(const KubectlHarness::Result& result)
	{
		CPPUNIT_ASSERT_EQUAL_MESSAGE(result.err, 0, result.exitCode);
	}

	bool hasCondition(const std::string& job, const std::string& type)
	{
		return sbomop::kubesim::condition(_sim->client().get(JOBS + "/" + job).json(), type) != nullptr;
	}

	std::size_t podCount(const std::string& job)
	{
		Array::Ptr items = Json::array(_sim->client().get(PODS + "?labelSelector=job-name%3D" + job).json(), "items");
		return items ? items->size() : 0;
	}

	std::string jobWatches()
	{
		return Json::string(Json::object(Json::object(_sim->client().get("/_sim/stats").json(), "requests"), "watch"), "jobs");
	}

	void testGetJobsWatchShowsARunToCompletion()
	{
		if (_sim->skip("KubectlJobTest::testGetJobsWatchShowsARunToCompletion")) return;
		_sim->start({"--default-job-seconds", "1"});
		Poco::Pipe out;
		Poco::Pipe err;
		Poco::ProcessHandle watcher = _sim->launchKubectl({"get", "jobs", "-w", "-o",
			"custom-columns=NAME:.metadata.name,ACTIVE:.status.active,SUCCEEDED:.status.succeeded,CONDITIONS:.status.conditions[*].type"}, out, err);
		std::mutex mutex;
		std::vector<std::string> lines;
		std::thread reader([&]
		{
			Poco::PipeInputStream in(out);
			std::string line;
			while (std::getline(in, line))
			{
				std::lock_guard<std::mutex> lock(mutex);
				lines.push_back(line);
			}
		});
		auto snapshot = [&]
		{
			std::lock_guard<std::mutex> lock(mutex);
			return lines;
		};
		const bool watching = waitUntil([&] { return !jobWatches().empty(); }, 20000);
		KubectlHarness::Result created = _sim->kubectl({"create", "job", "watched", "--image=busybox"});
		const bool completed = waitUntil([&]
		{
			const std::vector<std::string> seen = snapshot();
			return !seen.empty() && columns(seen.back()).size() == 4 && columns(seen.back())[3] == "SuccessCriteriaMet,Complete";
		}, 20000);
		Poco::Process::requestTermination(watcher.id());
		watcher.wait();
		reader.join();
		Poco::PipeInputStream errors(err);
		std::string errorText;
		Poco::StreamCopier::copyToString(errors, errorText);

		CPPUNIT_ASSERT_MESSAGE(errorText, watching);
		expectSuccess(created);
		CPPUNIT_ASSERT_EQUAL(std::string("job.batch/watched created\n"), created.out);
		const std::vector<std::string> seen = snapshot();
		std::string all;
		for (const auto& line: seen) all += line + "\n";
		CPPUNIT_ASSERT_MESSAGE(all, completed);
		CPPUNIT_ASSERT((std::vector<std::string>{"NAME", "ACTIVE", "SUCCEEDED", "CONDITIONS"}) == columns(seen.front()));
		const std::size_t active = indexOf(seen, {"watched", "1", "<none>", "<none>"});
		const std::size_t criteria = indexOf(seen, {"watched", "<none>", "1", "SuccessCriteriaMet"});
		const std::size_t complete = indexOf(seen, {"watched", "<none>", "1", "SuccessCriteriaMet,Complete"});
		CPPUNIT_ASSERT_MESSAGE(all, active < criteria);
		CPPUNIT_ASSERT_MESSAGE(all, criteria < complete);
		CPPUNIT_ASSERT_EQUAL_MESSAGE(all, seen.size() - 1, complete);
	}

	void testLogsOfAJob()
	{
		if (_sim->skip("KubectlJobTest::testLogsOfAJob")) return;
		std::vector<std::string> arguments = {"--default-job-seconds", "0.2"};
		const std::string image = runnerImage(arguments, "#!/bin/sh\necho hello from the sandbox\necho on stderr >&2\n");
		_sim->start(arguments);
		expectSuccess(_sim->kubectl({"create", "job", "logged", "--image=" + image}));
		CPPUNIT_ASSERT(waitUntil([&] { return hasCondition("logged", "Complete"); }, 20000));
		const std::string expected = image == RUNNER_IMAGE ? "hello from the sandbox\non stderr\n"
			: "kube-sim: simulated container for image busybox: succeed\n";
		KubectlHarness::Result logs = _sim->kubectl({"logs", "job/logged"});
		expectSuccess(logs);
		CPPUNIT_ASSERT_EQUAL(expected, logs.out);
		KubectlHarness::Result pods = _sim->kubectl({"get", "pods", "-l", "job-name=logged", "-o", "name"});
		expectSuccess(pods);
		KubectlHarness::Result tail = _sim->kubectl({"logs", pods.out.substr(0, pods.out.find('\n')), "--tail=1"});
		expectSuccess(tail);
		CPPUNIT_ASSERT_EQUAL(expected.substr(expected.rfind('\n', expected.size() - 2) + 1), tail.out);
	}

	void testDeleteRunningJobWithBackgroundCascade()
	{
		if (_sim->skip("KubectlJobTest::testDeleteRunningJobWithBackgroundCascade")) return;
		static std::mt19937 random{std::random_device{}()};
		const std::string marker = std::to_string(std::uniform_int_distribution<int>(8000000, 8999999)(random));
		std::vector<std::string> arguments = {"--default-job-outcome", "hang"};
		const std::string image = runnerImage(arguments, "#!/bin/sh\nsleep " + marker + "\n");
		_sim->start(arguments);
		expectSuccess(_sim->kubectl({"create", "job", "sleeper", "--image=" + image}));
		CPPUNIT_ASSERT(waitUntil([&]
		{
			Object::Ptr status = Json::object(_sim->client().get(JOBS + "/sleeper").json(), "status");
			return Json::string(status, "ready") == "1";
		}, 20000));
		if (image == RUNNER_IMAGE) CPPUNIT_ASSERT(waitUntil([&] { return sbomop::kubesim::processRunning(marker); }));
		KubectlHarness::Result deleted = _sim->kubectl({"delete", "job", "sleeper", "--cascade=background"});
		expectSuccess(deleted);
		CPPUNIT_ASSERT_EQUAL(std::string("job.batch \"sleeper\" deleted\n"), deleted.out);
		CPPUNIT_ASSERT(waitUntil([&] { return podCount("sleeper") == 0; }, 10000));
		CPPUNIT_ASSERT(waitUntil([&] { return !sbomop::kubesim::processRunning(marker); }));
	}

	void testServerSideStrictValidationRejectsUnknownField()
	{
		if (_sim->skip("KubectlJobTest::testServerSideStrictValidationRejectsUnknownField")) return;
		const std::string documents = sbomop::kubesim::referenceOpenApiFolder();
		if (documents.empty())
		{
			std::cerr << "SKIPPED: the reference OpenAPI documents (k8s/openapi/v1.28/v3 under SBOMOP_SHARED_DIR) are absent; "
				"KubectlJobTest::testServerSideStrictValidationRejectsUnknownField did not run" << std::endl;
			return;
		}
		_sim->start({"--server-version", "1.32.5", "--openapi-dir", documents, "--no-job-controller"});
		sbomop::kubesim::JobManifest job("checked");
		const std::string valid = _sim->write("valid.json", job.json());
		job.specFields = "\"foo\":1";
		const std::string unknown = _sim->write("unknown.json", job.json());

		KubectlHarness::Result strict = _sim->kubectl({"create", "--dry-run=server", "--validate=strict", "-f", unknown});
		CPPUNIT_ASSERT_MESSAGE(strict.out, strict.exitCode != 0);
		const std::string expected = "Error from server (BadRequest): error when creating \"" + unknown
			+ "\": Job in version \"v1\" cannot be handled as a Job: strict decoding error: unknown field \"spec.foo\"";
		CPPUNIT_ASSERT_MESSAGE(strict.err, strict.err.find(expected) != std::string::npos);

		KubectlHarness::Result warned = _sim->kubectl({"create", "--dry-run=server", "--validate=warn", "-f", unknown});
		expectSuccess(warned);
		CPPUNIT_ASSERT_MESSAGE(warned.err, warned.err.find("Warning: unknown field \"spec.foo\"") != std::string::npos);

		KubectlHarness::Result dryRun = _sim->kubectl({"create", "--dry-run=server", "--validate=strict", "-f", valid});
		expectSuccess(dryRun);
		CPPUNIT_ASSERT_EQUAL(std::string("job.batch/checked created (server dry run)\n"), dryRun.out);
		CPPUNIT_ASSERT_EQUAL(404, _sim->client().get(JOBS + "/checked").status);
	}

	void testExecutableRejectsBadJobOptions()
	{
		Poco::Pipe err;
		Poco::ProcessHandle process = Poco::Process::launch(std::string(SBOMOP_BINARY_DIR) + "/bin/kube-sim",
			{"--port", "0", "--token", "t", "--default-job-outcome", "maybe"}, nullptr, nullptr, &err);
		Poco::PipeInputStream in(err);
		std::string message;
		Poco::StreamCopier::copyToString(in, message);
		CPPUNIT_ASSERT_EQUAL(64, process.wait());
		CPPUNIT_ASSERT_MESSAGE(message, message.find("--default-job-outcome") != std::string::npos);
		CPPUNIT_ASSERT_MESSAGE(message, message.find("succeed, fail or hang") != std::string::npos);
	}

private:
	std::unique_ptr<KubectlHarness> _sim;
	std::unique_ptr<TemporaryFolder> _image;
};

CPPUNIT_TEST_SUITE_NAMED_REGISTRATION(KubectlJobTest, "KubeSim");
