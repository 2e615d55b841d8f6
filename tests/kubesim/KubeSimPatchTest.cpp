//
// KubeSimPatchTest.cpp
//
// PATCH in kube-sim: JSON merge patch, RFC 6902 JSON patch (~1 escapes,
// test), strategic merge patch (merge keys, directives), apply, unsupported
// content types, resourceVersion preconditions; plus the patch engines on
// their own.
//

#include "SimFixture.h"
#include "kubesim/Json.h"
#include "kubesim/JsonPatch.h"
#include "kubesim/KubeSimServer.h"
#include "kubesim/MergePatch.h"
#include "kubesim/StatusError.h"
#include "kubesim/StrategicMergePatch.h"
#include <Poco/JSON/Array.h>
#include <cppunit/extensions/HelperMacros.h>
#include <memory>

using Poco::JSON::Array;
using Poco::JSON::Object;
using sbomop::kubesim::Json;
using sbomop::kubesim::KubeSimServer;
using sbomop::kubesim::SimClient;

namespace
{
	const std::string POD_PATH = "/api/v1/namespaces/default/pods/p";
	const std::string MERGE = "application/merge-patch+json";
	const std::string JSON_PATCH = "application/json-patch+json";
	const std::string STRATEGIC = "application/strategic-merge-patch+json";

	std::string annotation(const Object::Ptr& object, const std::string& key)
	{
		return Json::string(Json::object(Json::object(object, "metadata"), "annotations"), key, "<absent>");
	}

	std::string compact(const std::string& json)
	{
		return Json::stringify(Json::parse(json));
	}
}

class KubeSimPatchTest: public sbomop::kubesim::SimFixture
{
	CPPUNIT_TEST_SUITE(KubeSimPatchTest);
	CPPUNIT_TEST(testMergePatchAddsAndRemovesAnnotations);
	CPPUNIT_TEST(testMergePatchReplacesArraysWholesale);
	CPPUNIT_TEST(testJsonPatchUnescapesPointersAndTests);
	CPPUNIT_TEST(testFailedJsonPatchTestIsInvalid);
	CPPUNIT_TEST(testStrategicMergePatchMergesContainersByName);
	CPPUNIT_TEST(testStrategicMergePatchMergesConditionsByType);
	CPPUNIT_TEST(testStrategicMergePatchDirectives);
	CPPUNIT_TEST(testUnknownPatchTypeIsUnsupportedMediaType);
	CPPUNIT_TEST(testPatchWithStaleResourceVersionConflicts);
	CPPUNIT_TEST(testPatchOfMissingObjectIsNotFoundButApplyCreates);
	CPPUNIT_TEST(testJsonPatchEngineOperations);
	CPPUNIT_TEST(testMergePatchEngineFollowsRfc7386);
	CPPUNIT_TEST_SUITE_END();

public:
	void setUp() override
	{
		KubeSimServer::Options options;
		options.token = "t";
		startSim(options);
		SimClient::Response created = _client->post("/api/v1/namespaces/default/pods",
			"{\"metadata\":{\"name\":\"p\",\"annotations\":{\"keep\":\"yes\"}},\"spec\":{\"containers\":["
			"{\"name\":\"app\",\"image\":\"app:1\",\"env\":[{\"name\":\"A\",\"value\":\"1\"}]},{\"name\":\"side\",\"image\":\"side:1\"}],"
			"\"imagePullSecrets\":[{\"name\":\"one\"}]}}");
		CPPUNIT_ASSERT_EQUAL(201, created.status);
	}

	void testMergePatchAddsAndRemovesAnnotations()
	{
		SimClient::Response added = _client->patch(POD_PATH + "?fieldManager=kubectl-annotate",
			"{\"metadata\":{\"annotations\":{\"sbom.example/scanned\":\"true\"}}}", MERGE);
		CPPUNIT_ASSERT_EQUAL(200, added.status);
		CPPUNIT_ASSERT_EQUAL(std::string("true"), annotation(added.json(), "sbom.example/scanned"));
		CPPUNIT_ASSERT_EQUAL(std::string("yes"), annotation(added.json(), "keep"));
		Object::Ptr removed = _client->patch(POD_PATH, "{\"metadata\":{\"annotations\":{\"sbom.example/scanned\":null}}}", MERGE).json();
		CPPUNIT_ASSERT_EQUAL(std::string("<absent>"), annotation(removed, "sbom.example/scanned"));
		CPPUNIT_ASSERT_EQUAL(std::string("yes"), annotation(removed, "keep"));
	}

	void testMergePatchReplacesArraysWholesale()
	{
		Object::Ptr patched = _client->patch(POD_PATH, "{\"spec\":{\"imagePullSecrets\":[{\"name\":\"two\"}]}}", MERGE).json();
		CPPUNIT_ASSERT_EQUAL(std::string("[{\"name\":\"two\"}]"), Json::stringify(Json::object(patched, "spec")->get("imagePullSecrets")));
	}

	void testJsonPatchUnescapesPointersAndTests()
	{
		SimClient::Response patched = _client->patch(POD_PATH,
			"[{\"op\":\"test\",\"path\":\"/metadata/annotations/keep\",\"value\":\"yes\"},"
			"{\"op\":\"add\",\"path\":\"/metadata/annotations/sbom.example~1scanned\",\"value\":\"true\"},"
			"{\"op\":\"replace\",\"path\":\"/spec/containers/1/image\",\"value\":\"side:2\"},"
			"{\"op\":\"remove\",\"path\":\"/metadata/annotations/keep\"}]", JSON_PATCH);
		CPPUNIT_ASSERT_EQUAL(200, patched.status);
		Object::Ptr pod = patched.json();
		CPPUNIT_ASSERT_EQUAL(std::string("true"), annotation(pod, "sbom.example/scanned"));
		CPPUNIT_ASSERT_EQUAL(std::string("<absent>"), annotation(pod, "keep"));
		CPPUNIT_ASSERT_EQUAL(std::string("side:2"), Json::string(Json::array(Json::object(pod, "spec"), "containers")->getObject(1), "image"));
	}

	void testFailedJsonPatchTestIsInvalid()
	{
		const std::string before = _client->get(POD_PATH).body;
		SimClient::Response failed = _client->patch(POD_PATH,
			"[{\"op\":\"add\",\"path\":\"/metadata/labels\",\"value\":{\"a\":\"b\"}},"
			"{\"op\":\"test\",\"path\":\"/metadata/annotations/keep\",\"value\":\"no\"}]", JSON_PATCH);
		CPPUNIT_ASSERT_EQUAL(422, failed.status);
		CPPUNIT_ASSERT_EQUAL(std::string("the server rejected our request due to an error in our request"), Json::string(failed.json(), "message"));
		CPPUNIT_ASSERT_EQUAL(std::string("Invalid"), Json::string(failed.json(), "reason"));
		CPPUNIT_ASSERT_EQUAL(before, _client->get(POD_PATH).body);

		CPPUNIT_ASSERT_EQUAL(422, _client->patch(POD_PATH, "[{\"op\":\"remove\",\"path\":\"/metadata/missing\"}]", JSON_PATCH).status);
		CPPUNIT_ASSERT_EQUAL(400, _client->patch(POD_PATH, "{\"op\":\"remove\"}", JSON_PATCH).status);
	}

	void testStrategicMergePatchMergesContainersByName()
	{
		Object::Ptr patched = _client->patch(POD_PATH,
			"{\"spec\":{\"containers\":[{\"name\":\"side\",\"image\":\"side:2\"},{\"name\":\"app\",\"env\":[{\"name\":\"B\",\"value\":\"2\"}]}],"
			"\"imagePullSecrets\":[{\"name\":\"two\"}]}}", STRATEGIC).json();
		Array::Ptr containers = Json::array(Json::object(patched, "spec"), "containers");
		CPPUNIT_ASSERT_EQUAL(std::size_t(2), containers->size());
		CPPUNIT_ASSERT_EQUAL(std::string("app:1"), Json::string(containers->getObject(0), "image"));
		CPPUNIT_ASSERT_EQUAL(std::string("[{\"name\":\"A\",\"value\":\"1\"},{\"name\":\"B\",\"value\":\"2\"}]"),
			Json::stringify(containers->getObject(0)->get("env")));
		CPPUNIT_ASSERT_EQUAL(std::string("side:2"), Json::string(containers->getObject(1), "image"));
		CPPUNIT_ASSERT_EQUAL(std::string("[{\"name\":\"one\"},{\"name\":\"two\"}]"),
			Json::stringify(Json::object(patched, "spec")->get("imagePullSecrets")));
	}

	void testStrategicMergePatchMergesConditionsByType()
	{
		_client->post("/apis/batch/v1/namespaces/default/jobs", "{\"metadata\":{\"name\":\"j\"},\"spec\":{\"template\":{\"spec\":"
			"{\"restartPolicy\":\"Never\",\"containers\":[{\"name\":\"c\",\"image\":\"b\"}]}}}}");
		const std::string path = "/apis/batch/v1/namespaces/default/jobs/j/status";
		_client->patch(path, "{\"status\":{\"conditions\":[{\"type\":\"SuccessCriteriaMet\",\"status\":\"True\"}],\"succeeded\":1}}", STRATEGIC);
		Object::Ptr job = _client->patch(path, "{\"status\":{\"conditions\":[{\"type\":\"Complete\",\"status\":\"True\"},"
			"{\"type\":\"SuccessCriteriaMet\",\"reason\":\"CompletionsReached\"}]}}", STRATEGIC).json();
		CPPUNIT_ASSERT_EQUAL(compact("[{\"status\":\"True\",\"type\":\"SuccessCriteriaMet\",\"reason\":\"CompletionsReached\"},"
			"{\"status\":\"True\",\"type\":\"Complete\"}]"), Json::stringify(Json::object(job, "status")->get("conditions")));
		CPPUNIT_ASSERT_EQUAL(std::string("1"), Json::string(Json::object(job, "status"), "succeeded"));
	}

	void testStrategicMergePatchDirectives()
	{
		Object::Ptr original = Json::parseObject("{\"spec\":{\"containers\":[{\"name\":\"a\",\"image\":\"1\"},{\"name\":\"b\",\"image\":\"2\"}],"
			"\"nodeSelector\":{\"x\":\"1\",\"y\":\"2\"}},\"metadata\":{\"finalizers\":[\"f1\",\"f2\"]}}");
		Object::Ptr result = sbomop::kubesim::StrategicMergePatch::apply(original, Json::parseObject(
			"{\"spec\":{\"containers\":[{\"name\":\"a\",\"$patch\":\"delete\"}],\"nodeSelector\":{\"$patch\":\"replace\",\"z\":\"3\"},"
			"\"$setElementOrder/containers\":[{\"name\":\"b\"}]},"
			"\"metadata\":{\"finalizers\":[\"f2\",\"f3\"],\"$deleteFromPrimitiveList/finalizers\":[\"f1\"]}}"));
		CPPUNIT_ASSERT_EQUAL(compact("{\"metadata\":{\"finalizers\":[\"f2\",\"f3\"]},\"spec\":{\"containers\":[{\"image\":\"2\",\"name\":\"b\"}],"
			"\"nodeSelector\":{\"z\":\"3\"}}}"), Json::stringify(result));
		// The original is untouched.
		CPPUNIT_ASSERT_EQUAL(std::size_t(2), Json::array(Json::object(original, "spec"), "containers")->size());

		Object::Ptr replaced = sbomop::kubesim::StrategicMergePatch::apply(original, Json::parseObject(
			"{\"spec\":{\"containers\":[{\"name\":\"c\",\"image\":\"3\"},{\"$patch\":\"replace\"}]}}"));
		CPPUNIT_ASSERT_EQUAL(compact("[{\"image\":\"3\",\"name\":\"c\"}]"), Json::stringify(Json::object(replaced, "spec")->get("containers")));
	}

	void testUnknownPatchTypeIsUnsupportedMediaType()
	{
		SimClient::Response response = _client->patch(POD_PATH, "{}", "application/yaml");
		CPPUNIT_ASSERT_EQUAL(415, response.status);
		CPPUNIT_ASSERT_EQUAL(std::string("UnsupportedMediaType"), Json::string(response.json(), "reason"));
		CPPUNIT_ASSERT_EQUAL(std::string("the body of the request was in an unknown format - accepted media types include: "
			"application/json-patch+json, application/merge-patch+json, application/apply-patch+yaml, application/strategic-merge-patch+json"),
			Json::string(response.json(), "message"));
	}

	void testPatchWithStaleResourceVersionConflicts()
	{
		const std::string rv = Json::string(Json::object(_client->get(POD_PATH).json(), "metadata"), "resourceVersion");
		CPPUNIT_ASSERT_EQUAL(200, _client->patch(POD_PATH, "{\"metadata\":{\"resourceVersion\":\"" + rv + "\",\"labels\":{\"a\":\"1\"}}}", MERGE).status);
		SimClient::Response stale = _client->patch(POD_PATH, "{\"metadata\":{\"resourceVersion\":\"" + rv + "\",\"labels\":{\"a\":\"2\"}}}", MERGE);
		CPPUNIT_ASSERT_EQUAL(409, stale.status);
		CPPUNIT_ASSERT_EQUAL(std::string("Operation cannot be fulfilled on pods \"p\": the object has been modified; please apply your "
			"changes to the latest version and try again"), Json::string(stale.json(), "message"));
	}

	void testPatchOfMissingObjectIsNotFoundButApplyCreates()
	{
		SimClient::Response missing = _client->patch("/api/v1/namespaces/default/configmaps/none", "{\"data\":{\"a\":\"b\"}}", MERGE);
		CPPUNIT_ASSERT_EQUAL(404, missing.status);
		CPPUNIT_ASSERT_EQUAL(std::string("configmaps \"none\" not found"), Json::string(missing.json(), "message"));

		const std::string apply = "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"applied\"},\"data\":{\"a\":\"b\"}}";
		SimClient::Response noManager = _client->patch("/api/v1/namespaces/default/configmaps/applied", apply, "application/apply-patch+yaml");
		CPPUNIT_ASSERT_EQUAL(422, noManager.status);
		CPPUNIT_ASSERT_EQUAL(std::string("PatchOptions.meta.k8s.io \"\" is invalid: fieldManager: Required value: is required for apply patch"),
			Json::string(noManager.json(), "message"));
		SimClient::Response created = _client->patch("/api/v1/namespaces/default/configmaps/applied?fieldManager=test", apply, "application/apply-patch+yaml");
		CPPUNIT_ASSERT_EQUAL(201, created.status);
		CPPUNIT_ASSERT_EQUAL(std::string("b"), Json::string(Json::object(created.json(), "data"), "a"));
		CPPUNIT_ASSERT_EQUAL(422, _client->patch("/api/v1/namespaces/default/configmaps/applied?force=true", "{}", MERGE).status);
	}

	void testJsonPatchEngineOperations()
	{
		Poco::Dynamic::Var document = Json::parse("{\"a\":[1,2,3],\"b\":{\"c\":\"d\"}}");
		Poco::Dynamic::Var result = sbomop::kubesim::JsonPatch::apply(document,
			"[{\"op\":\"add\",\"path\":\"/a/1\",\"value\":9},{\"op\":\"add\",\"path\":\"/a/-\",\"value\":4},"
			"{\"op\":\"move\",\"from\":\"/b/c\",\"path\":\"/e\"},{\"op\":\"copy\",\"from\":\"/e\",\"path\":\"/f\"},"
			"{\"op\":\"remove\",\"path\":\"/a/0\"}]");
		CPPUNIT_ASSERT_EQUAL(compact("{\"a\":[9,2,3,4],\"b\":{},\"e\":\"d\",\"f\":\"d\"}"), Json::stringify(result));
		CPPUNIT_ASSERT_EQUAL(compact("{\"a\":[1,2,3],\"b\":{\"c\":\"d\"}}"), Json::stringify(document));
		CPPUNIT_ASSERT_THROW(sbomop::kubesim::JsonPatch::apply(document, "[{\"op\":\"add\",\"path\":\"/a/7\",\"value\":1}]"), sbomop::kubesim::StatusError);
		CPPUNIT_ASSERT_THROW(sbomop::kubesim::JsonPatch::apply(document, "[{\"op\":\"replace\",\"path\":\"/x\",\"value\":1}]"), sbomop::kubesim::StatusError);
		CPPUNIT_ASSERT_EQUAL(std::size_t(2), sbomop::kubesim::JsonPatch::parsePointer("/a~1b/c~0d").size());
		CPPUNIT_ASSERT_EQUAL(std::string("a/b"), sbomop::kubesim::JsonPatch::parsePointer("/a~1b/c~0d")[0]);
		CPPUNIT_ASSERT_EQUAL(std::string("c~d"), sbomop::kubesim::JsonPatch::parsePointer("/a~1b/c~0d")[1]);
	}

	void testMergePatchEngineFollowsRfc7386()
	{
		// RFC 7386 appendix A examples.
		CPPUNIT_ASSERT_EQUAL(compact("{\"a\":\"c\"}"), Json::stringify(sbomop::kubesim::MergePatch::apply(Json::parse("{\"a\":\"b\"}"), Json::parse("{\"a\":\"c\"}"))));
		CPPUNIT_ASSERT_EQUAL(compact("{\"b\":\"c\"}"), Json::stringify(sbomop::kubesim::MergePatch::apply(Json::parse("{\"a\":\"b\",\"b\":\"c\"}"), Json::parse("{\"a\":null}"))));
		CPPUNIT_ASSERT_EQUAL(compact("{\"a\":[\"c\"]}"), Json::stringify(sbomop::kubesim::MergePatch::apply(Json::parse("{\"a\":[\"b\"]}"), Json::parse("{\"a\":[\"c\"]}"))));
		CPPUNIT_ASSERT_EQUAL(compact("{\"a\":{\"bb\":{}}}"), Json::stringify(sbomop::kubesim::MergePatch::apply(Json::parse("{}"), Json::parse("{\"a\":{\"bb\":{\"ccc\":null}}}"))));
		CPPUNIT_ASSERT_EQUAL(compact("[\"c\"]"), Json::stringify(sbomop::kubesim::MergePatch::apply(Json::parse("{\"a\":\"foo\"}"), Json::parse("[\"c\"]"))));
	}

};

CPPUNIT_TEST_SUITE_NAMED_REGISTRATION(KubeSimPatchTest, "KubeSim");
