//
// KubectlTest.cpp
//
// The kube-sim executable driven by the real kubectl over TLS with the
// kubeconfig it writes. Every case starts its own kube-sim and gives kubectl a
// fresh HOME and cache directory, so discovery caches never leak between
// cases. Skipped (with a message) only when kubectl is not on PATH.
//

#include "KubectlHarness.h"
#include "SimClient.h"
#include "kubesim/Base64.h"
#include "kubesim/Json.h"
#include <Poco/JSON/Array.h>
#include <cppunit/extensions/HelperMacros.h>
#include <memory>

using Poco::JSON::Array;
using Poco::JSON::Object;
using sbomop::kubesim::Json;
using sbomop::kubesim::KubectlHarness;
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
	using Result = KubectlHarness::Result;

	void setUp() override
	{
		_sim.reset(new KubectlHarness);
		if (_sim->available()) _sim->start({}, seedList());
	}

	void tearDown() override
	{
		_sim.reset();
	}

	bool skipped()
	{
		return _sim->skip("the kubectl cases of KubeSim");
	}

	Result kubectl(const Poco::Process::Args& args)
	{
		return _sim->kubectl(args);
	}

	void expectSuccess(const Result& result)
	{
		CPPUNIT_ASSERT_EQUAL_MESSAGE(result.err, 0, result.exitCode);
	}

	Object::Ptr getObject(const std::string& path)
	{
		SimClient::Response response = _sim->client().get(path);
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
		CPPUNIT_ASSERT_EQUAL(200, _sim->client().get("/api/v1/namespaces/default/pods/j-1").status);
		Result result = kubectl({"delete", "job", "j", "--cascade=background"});
		expectSuccess(result);
		CPPUNIT_ASSERT_EQUAL(std::string("job.batch \"j\" deleted\n"), result.out);
		CPPUNIT_ASSERT_EQUAL(404, _sim->client().get("/apis/batch/v1/namespaces/default/jobs/j").status);
		CPPUNIT_ASSERT(sbomop::kubesim::waitUntil([this] {
			return _sim->client().get("/api/v1/namespaces/default/pods/j-1").status == 404
				&& _sim->client().get("/api/v1/namespaces/default/pods/j-2").status == 404; }));
		CPPUNIT_ASSERT_EQUAL(200, _sim->client().get("/api/v1/namespaces/default/pods/p-x").status);
	}

	void testExecutableExitsCleanlyOnTermination()
	{
		if (skipped()) return;
		CPPUNIT_ASSERT_EQUAL(0, _sim->terminate());
	}

private:
	std::unique_ptr<KubectlHarness> _sim;
};

CPPUNIT_TEST_SUITE_NAMED_REGISTRATION(KubectlTest, "KubeSim");
