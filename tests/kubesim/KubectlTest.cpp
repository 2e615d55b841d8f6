//
// KubectlTest.cpp
//
// The kube-sim executable driven by the real kubectl over TLS with the
// kubeconfig it writes. Every case starts its own kube-sim and gives kubectl a
// fresh HOME and cache directory, so discovery caches never leak between
// cases. Skipped (with a message) only when kubectl is not on PATH.
//

#include "SimClient.h"
#include "kubesim/Base64.h"
#include "kubesim/Json.h"
#include "kubesim/TlsIdentity.h"
#include <Poco/Environment.h>
#include <Poco/File.h>
#include <Poco/FileStream.h>
#include <Poco/JSON/Array.h>
#include <Poco/Net/NetSSL.h>
#include <Poco/NumberParser.h>
#include <Poco/Path.h>
#include <Poco/Pipe.h>
#include <Poco/PipeStream.h>
#include <Poco/Process.h>
#include <Poco/StreamCopier.h>
#include <Poco/TemporaryFile.h>
#include <cppunit/extensions/HelperMacros.h>
#include <iostream>
#include <memory>

using Poco::JSON::Array;
using Poco::JSON::Object;
using sbomop::kubesim::Json;
using sbomop::kubesim::SimClient;

namespace
{
	const std::string JOB_UID = "6f1d2c3b-4a59-4e68-8f7a-9b0c1d2e3f40";

	std::string seedList()
	{
		auto pod = [](const std::string& name, const std::string& labels, const std::string& phase, const std::string& owner)
		{
			return "{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"name\":\"" + name + "\",\"namespace\":\"default\",\"labels\":" + labels
				+ (owner.empty() ? "" : ",\"ownerReferences\":[" + owner + "]")
				+ "},\"spec\":{\"containers\":[{\"name\":\"c\",\"image\":\"nginx:1.25\"}]},\"status\":{\"phase\":\"" + phase + "\"}}";
		};
		const std::string jobOwner = "{\"apiVersion\":\"batch/v1\",\"kind\":\"Job\",\"name\":\"j\",\"uid\":\"" + JOB_UID
			+ "\",\"controller\":true,\"blockOwnerDeletion\":true}";
		return "{\"apiVersion\":\"v1\",\"kind\":\"List\",\"items\":["
			+ pod("p-x", "{\"a\":\"x\"}", "Running", "") + ","
			+ pod("p-y", "{\"a\":\"y\",\"b\":\"1\"}", "Pending", "") + ","
			+ pod("p-z", "{\"a\":\"z\"}", "Pending", "") + ","
			+ pod("j-1", "{\"job-name\":\"j\"}", "Succeeded", jobOwner) + ","
			+ pod("j-2", "{\"job-name\":\"j\"}", "Succeeded", jobOwner) + ","
			+ "{\"apiVersion\":\"batch/v1\",\"kind\":\"Job\",\"metadata\":{\"name\":\"j\",\"namespace\":\"default\",\"uid\":\"" + JOB_UID + "\"},"
			  "\"spec\":{\"template\":{\"spec\":{\"restartPolicy\":\"Never\",\"containers\":[{\"name\":\"c\",\"image\":\"busybox\"}]}}}}"
			+ "]}";
	}

	void writeFile(const std::string& path, const std::string& content)
	{
		Poco::FileOutputStream out(path);
		out << content;
	}

	std::string readFile(const std::string& path)
	{
		Poco::FileInputStream in(path);
		std::string content;
		Poco::StreamCopier::copyToString(in, content);
		return content;
	}
}

class KubectlTest: public CppUnit::TestFixture
{
	CPPUNIT_TEST_SUITE(KubectlTest);
	CPPUNIT_TEST(testGetPodsInAllNamespacesAsJson);
	CPPUNIT_TEST(testGetPodsWithSetBasedLabelSelector);
	CPPUNIT_TEST(testGetPodsWithFieldSelector);
	CPPUNIT_TEST(testAnnotatePod);
	CPPUNIT_TEST(testMergeAndJsonPatch);
	CPPUNIT_TEST(testCreateDockerRegistrySecret);
	CPPUNIT_TEST(testDeleteJobWithBackgroundCascadeCollectsPods);
	CPPUNIT_TEST(testExecutableExitsCleanlyOnTermination);
	CPPUNIT_TEST_SUITE_END();

public:
	struct Result
	{
		int exitCode = -1;
		std::string out;
		std::string err;
	};

	void setUp() override
	{
		_process.reset();
		Poco::Path found;
		if (!Poco::Path::find(Poco::Environment::get("PATH", ""), "kubectl", found))
		{
			_kubectl.clear();
			return;
		}
		_kubectl = found.toString();
		Poco::Net::initializeSSL();
		_dir = Poco::TemporaryFile::tempName();
		Poco::File(_dir + "/home").createDirectories();
		writeFile(_dir + "/token", "kubectl-test-token\n");
		writeFile(_dir + "/seed.json", seedList());

		Poco::Process::Args args = {"--port", "0", "--token-file", _dir + "/token", "--tls", "--ca-out", _dir + "/ca.pem",
			"--seed", _dir + "/seed.json", "--kubeconfig-out", _dir + "/kubeconfig"};
		Poco::Pipe out;
		_process.reset(new Poco::ProcessHandle(Poco::Process::launch(std::string(SBOMOP_BINARY_DIR) + "/bin/kube-sim", args, _dir, nullptr, &out, nullptr)));
		Poco::PipeInputStream in(out);
		std::string line;
		std::getline(in, line);
		const std::string prefix = "listening on https://127.0.0.1:";
		CPPUNIT_ASSERT_EQUAL_MESSAGE("kube-sim did not report its URL", std::size_t(0), line.find(prefix));
		_port = static_cast<Poco::UInt16>(Poco::NumberParser::parseUnsigned(line.substr(prefix.size())));
		_client.reset(new SimClient(_port, "kubectl-test-token", sbomop::kubesim::TlsIdentity::clientContextFor(readFile(_dir + "/ca.pem"))));
	}

	void tearDown() override
	{
		_client.reset();
		if (_process)
		{
			try
			{
				Poco::Process::requestTermination(_process->id());
				_process->wait();
			}
			catch (Poco::Exception&)
			{
			}
			_process.reset();
		}
		if (!_dir.empty())
		{
			Poco::File(_dir).remove(true);
			_dir.clear();
		}
		if (!_kubectl.empty()) Poco::Net::uninitializeSSL();
	}

	bool skipped()
	{
		if (!_kubectl.empty()) return false;
		std::cerr << "SKIPPED: kubectl is not on PATH; the kubectl cases of KubeSim did not run" << std::endl;
		return true;
	}

	Result kubectl(Poco::Process::Args args)
	{
		args.push_back("--cache-dir");
		args.push_back(_dir + "/cache");
		args.push_back("--request-timeout=20s");
		Poco::Process::Env env = {{"KUBECONFIG", _dir + "/kubeconfig"}, {"HOME", _dir + "/home"}};
		Poco::Pipe out;
		Poco::Pipe err;
		Poco::ProcessHandle handle = Poco::Process::launch(_kubectl, args, _dir, nullptr, &out, &err, env);
		Result result;
		Poco::PipeInputStream outStream(out);
		Poco::StreamCopier::copyToString(outStream, result.out);
		Poco::PipeInputStream errStream(err);
		Poco::StreamCopier::copyToString(errStream, result.err);
		result.exitCode = handle.wait();
		return result;
	}

	void expectSuccess(const Result& result)
	{
		CPPUNIT_ASSERT_EQUAL_MESSAGE(result.err, 0, result.exitCode);
	}

	Object::Ptr getObject(const std::string& path)
	{
		SimClient::Response response = _client->get(path);
		CPPUNIT_ASSERT_EQUAL(200, response.status);
		return response.json();
	}

	void testGetPodsInAllNamespacesAsJson()
	{
		if (skipped()) return;
		Result result = kubectl({"get", "pods", "-A", "-o", "json"});
		expectSuccess(result);
		Object::Ptr list = Json::parseObject(result.out);
		Array::Ptr items = Json::array(list, "items");
		std::string names;
		for (unsigned i = 0; i < items->size(); ++i) names += Json::string(Json::object(items->getObject(i), "metadata"), "name") + " ";
		CPPUNIT_ASSERT_EQUAL(std::string("j-1 j-2 p-x p-y p-z "), names);
		CPPUNIT_ASSERT_EQUAL(std::string("Pod"), Json::string(items->getObject(0), "kind"));
	}

	void testGetPodsWithSetBasedLabelSelector()
	{
		if (skipped()) return;
		Result result = kubectl({"get", "pods", "-l", "a in (x,y),!b", "-o", "name"});
		expectSuccess(result);
		CPPUNIT_ASSERT_EQUAL(std::string("pod/p-x\n"), result.out);
	}

	void testGetPodsWithFieldSelector()
	{
		if (skipped()) return;
		Result result = kubectl({"get", "pods", "--field-selector", "status.phase=Running", "-o", "name"});
		expectSuccess(result);
		CPPUNIT_ASSERT_EQUAL(std::string("pod/p-x\n"), result.out);
		Result bad = kubectl({"get", "pods", "--field-selector", "spec.unknown=1"});
		CPPUNIT_ASSERT(bad.exitCode != 0);
		CPPUNIT_ASSERT(bad.err.find("field label not supported: spec.unknown") != std::string::npos);
	}

	void testAnnotatePod()
	{
		if (skipped()) return;
		Result result = kubectl({"annotate", "pod", "p-y", "sbom.example/scanned=true"});
		expectSuccess(result);
		CPPUNIT_ASSERT_EQUAL(std::string("pod/p-y annotated\n"), result.out);
		Object::Ptr pod = getObject("/api/v1/namespaces/default/pods/p-y");
		CPPUNIT_ASSERT_EQUAL(std::string("true"), Json::string(Json::object(Json::object(pod, "metadata"), "annotations"), "sbom.example/scanned"));
	}

	void testMergeAndJsonPatch()
	{
		if (skipped()) return;
		expectSuccess(kubectl({"patch", "pod", "p-z", "--type=merge", "-p", "{\"metadata\":{\"labels\":{\"tier\":\"web\"}}}"}));
		expectSuccess(kubectl({"patch", "pod", "p-z", "--type=json", "-p",
			"[{\"op\":\"add\",\"path\":\"/metadata/annotations\",\"value\":{}},"
			"{\"op\":\"add\",\"path\":\"/metadata/annotations/example.com~1owner\",\"value\":\"team-a\"},"
			"{\"op\":\"test\",\"path\":\"/metadata/labels/tier\",\"value\":\"web\"}]"}));
		Object::Ptr metadata = Json::object(getObject("/api/v1/namespaces/default/pods/p-z"), "metadata");
		CPPUNIT_ASSERT_EQUAL(std::string("web"), Json::string(Json::object(metadata, "labels"), "tier"));
		CPPUNIT_ASSERT_EQUAL(std::string("team-a"), Json::string(Json::object(metadata, "annotations"), "example.com/owner"));

		Result failed = kubectl({"patch", "pod", "p-z", "--type=json", "-p", "[{\"op\":\"test\",\"path\":\"/metadata/labels/tier\",\"value\":\"db\"}]"});
		CPPUNIT_ASSERT(failed.exitCode != 0);
		CPPUNIT_ASSERT(failed.err.find("the server rejected our request due to an error in our request") != std::string::npos);
	}

	void testCreateDockerRegistrySecret()
	{
		if (skipped()) return;
		Result result = kubectl({"create", "secret", "docker-registry", "regcred", "--docker-server=registry.example",
			"--docker-username=robot", "--docker-password=s3cr3t"});
		expectSuccess(result);
		CPPUNIT_ASSERT_EQUAL(std::string("secret/regcred created\n"), result.out);
		Object::Ptr secret = getObject("/api/v1/namespaces/default/secrets/regcred");
		CPPUNIT_ASSERT_EQUAL(std::string("kubernetes.io/dockerconfigjson"), Json::string(secret, "type"));
		std::string config;
		std::string error;
		CPPUNIT_ASSERT(sbomop::kubesim::Base64::decode(Json::string(Json::object(secret, "data"), ".dockerconfigjson"), config, error));
		Object::Ptr auth = Json::object(Json::object(Json::parseObject(config), "auths"), "registry.example");
		CPPUNIT_ASSERT_EQUAL(std::string("robot"), Json::string(auth, "username"));
		CPPUNIT_ASSERT_EQUAL(sbomop::kubesim::Base64::encode("robot:s3cr3t"), Json::string(auth, "auth"));
	}

	void testDeleteJobWithBackgroundCascadeCollectsPods()
	{
		if (skipped()) return;
		CPPUNIT_ASSERT_EQUAL(200, _client->get("/api/v1/namespaces/default/pods/j-1").status);
		Result result = kubectl({"delete", "job", "j", "--cascade=background"});
		expectSuccess(result);
		CPPUNIT_ASSERT_EQUAL(std::string("job.batch \"j\" deleted\n"), result.out);
		CPPUNIT_ASSERT_EQUAL(404, _client->get("/apis/batch/v1/namespaces/default/jobs/j").status);
		CPPUNIT_ASSERT(sbomop::kubesim::waitUntil([this] {
			return _client->get("/api/v1/namespaces/default/pods/j-1").status == 404
				&& _client->get("/api/v1/namespaces/default/pods/j-2").status == 404; }));
		CPPUNIT_ASSERT_EQUAL(200, _client->get("/api/v1/namespaces/default/pods/p-x").status);
	}

	void testExecutableExitsCleanlyOnTermination()
	{
		if (skipped()) return;
		Poco::Process::requestTermination(_process->id());
		CPPUNIT_ASSERT_EQUAL(0, _process->wait());
		_process.reset();
	}

private:
	std::string _kubectl;
	std::string _dir;
	std::unique_ptr<Poco::ProcessHandle> _process;
	Poco::UInt16 _port = 0;
	std::unique_ptr<SimClient> _client;
};

CPPUNIT_TEST_SUITE_NAMED_REGISTRATION(KubectlTest, "KubeSim");
