//
// KubeSimCrudTest.cpp
//
// kube-sim over HTTPS with a bearer token: create/get/update/delete for every
// served type, server-owned metadata, validation, Status bodies, discovery.
//

#include "SimFixture.h"
#include "kubesim/Base64.h"
#include "kubesim/Json.h"
#include "kubesim/KubeSimServer.h"
#include <Poco/JSON/Array.h>
#include <Poco/RegularExpression.h>
#include <cppunit/extensions/HelperMacros.h>
#include <memory>

using Poco::JSON::Array;
using Poco::JSON::Object;
using sbomop::kubesim::Json;
using sbomop::kubesim::KubeSimServer;
using sbomop::kubesim::SimClient;

namespace
{
	std::string pod(const std::string& name, const std::string& extraMetadata = "")
	{
		return "{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"name\":\"" + name + "\"" + extraMetadata
			+ "},\"spec\":{\"containers\":[{\"name\":\"c\",\"image\":\"nginx:1.25\"}]}}";
	}

	std::string job(const std::string& name)
	{
		return "{\"apiVersion\":\"batch/v1\",\"kind\":\"Job\",\"metadata\":{\"name\":\"" + name + "\"},"
			"\"spec\":{\"template\":{\"spec\":{\"restartPolicy\":\"Never\",\"containers\":[{\"name\":\"c\",\"image\":\"busybox\"}]}}}}";
	}

	std::string metadataString(const Object::Ptr& object, const std::string& key)
	{
		return Json::string(Json::object(object, "metadata"), key);
	}

	std::string detail(const Object::Ptr& status, const std::string& key)
	{
		return Json::string(Json::object(status, "details"), key);
	}
}

class KubeSimCrudTest: public sbomop::kubesim::SimFixture
{
	CPPUNIT_TEST_SUITE(KubeSimCrudTest);
	CPPUNIT_TEST(testCreatesPodWithServerOwnedMetadata);
	CPPUNIT_TEST(testCreateInMissingNamespaceIsNotFound);
	CPPUNIT_TEST(testDuplicateCreateIsAlreadyExistsWithQualifiedResource);
	CPPUNIT_TEST(testGenerateNameAppendsFiveCharacters);
	CPPUNIT_TEST(testRejectsNamesThatAreNotDnsSubdomains);
	CPPUNIT_TEST(testSecretStringDataIsMergedIntoDataAndNeverReturned);
	CPPUNIT_TEST(testSecretDataAboveOneMebibyteIsInvalid);
	CPPUNIT_TEST(testConfigMapDataAboveOneMebibyteIsInvalid);
	CPPUNIT_TEST(testRequestBodyAboveThreeMebibytesIsTooLarge);
	CPPUNIT_TEST(testUpdateWithStaleResourceVersionConflicts);
	CPPUNIT_TEST(testLeaseUpdateNeedsResourceVersionAndPutCreates);
	CPPUNIT_TEST(testStatusSubresourceChangesOnlyStatus);
	CPPUNIT_TEST(testGenerationFollowsSpecChangesOnly);
	CPPUNIT_TEST(testDeleteAnswersLikeTheRealServer);
	CPPUNIT_TEST(testJobDeleteWithoutPolicyWarnsAndOrphans);
	CPPUNIT_TEST(testDryRunCreateStoresNothing);
	CPPUNIT_TEST(testJobWithoutValidRestartPolicyIsInvalid);
	CPPUNIT_TEST_SUITE_END();

public:
	void setUp() override
	{
		KubeSimServer::Options options;
		options.token = "test-token";
		options.tls = true;
		startSim(options);
	}

	void testCreatesPodWithServerOwnedMetadata()
	{
		SimClient::Response created = _client->post("/api/v1/namespaces/default/pods", pod("web"));
		CPPUNIT_ASSERT_EQUAL(201, created.status);
		Object::Ptr object = created.json();
		Poco::RegularExpression uuid("^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$");
		CPPUNIT_ASSERT(uuid.match(metadataString(object, "uid")));
		Poco::RegularExpression rfc3339("^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z$");
		CPPUNIT_ASSERT(rfc3339.match(metadataString(object, "creationTimestamp")));
		CPPUNIT_ASSERT_EQUAL(std::to_string(_server->store().currentResourceVersion()), metadataString(object, "resourceVersion"));
		CPPUNIT_ASSERT_EQUAL(std::string("default"), metadataString(object, "namespace"));
		CPPUNIT_ASSERT_EQUAL(std::string("Pending"), Json::string(Json::object(object, "status"), "phase"));
		CPPUNIT_ASSERT_EQUAL(std::string("Always"), Json::string(Json::object(object, "spec"), "restartPolicy"));

		Object::Ptr fetched = _client->get("/api/v1/namespaces/default/pods/web").json();
		CPPUNIT_ASSERT_EQUAL(std::string("Pod"), Json::string(fetched, "kind"));
		CPPUNIT_ASSERT_EQUAL(std::string("v1"), Json::string(fetched, "apiVersion"));
		CPPUNIT_ASSERT_EQUAL(metadataString(object, "uid"), metadataString(fetched, "uid"));

		// A delete and re-create gives a new uid.
		CPPUNIT_ASSERT_EQUAL(200, _client->remove("/api/v1/namespaces/default/pods/web").status);
		Object::Ptr again = _client->post("/api/v1/namespaces/default/pods", pod("web")).json();
		CPPUNIT_ASSERT(metadataString(again, "uid") != metadataString(object, "uid"));
	}

	void testCreateInMissingNamespaceIsNotFound()
	{
		SimClient::Response response = _client->post("/api/v1/namespaces/nope/pods", pod("p"));
		CPPUNIT_ASSERT_EQUAL(404, response.status);
		Object::Ptr status = response.json();
		CPPUNIT_ASSERT_EQUAL(std::string("namespaces \"nope\" not found"), Json::string(status, "message"));
		CPPUNIT_ASSERT_EQUAL(std::string("NotFound"), Json::string(status, "reason"));
		CPPUNIT_ASSERT_EQUAL(std::string("namespaces"), detail(status, "kind"));
		CPPUNIT_ASSERT_EQUAL(std::string("nope"), detail(status, "name"));

		SimClient::Response mismatch = _client->post("/api/v1/namespaces/default/pods", pod("p", ",\"namespace\":\"other\""));
		CPPUNIT_ASSERT_EQUAL(400, mismatch.status);
		CPPUNIT_ASSERT_EQUAL(std::string("the namespace of the provided object does not match the namespace sent on the request"),
			Json::string(mismatch.json(), "message"));
	}

	void testDuplicateCreateIsAlreadyExistsWithQualifiedResource()
	{
		CPPUNIT_ASSERT_EQUAL(201, _client->post("/api/v1/namespaces/default/pods", pod("p")).status);
		SimClient::Response duplicate = _client->post("/api/v1/namespaces/default/pods", pod("p"));
		CPPUNIT_ASSERT_EQUAL(409, duplicate.status);
		CPPUNIT_ASSERT_EQUAL(std::string("pods \"p\" already exists"), Json::string(duplicate.json(), "message"));
		CPPUNIT_ASSERT_EQUAL(std::string("AlreadyExists"), Json::string(duplicate.json(), "reason"));

		CPPUNIT_ASSERT_EQUAL(201, _client->post("/apis/batch/v1/namespaces/default/jobs", job("j")).status);
		Object::Ptr status = _client->post("/apis/batch/v1/namespaces/default/jobs", job("j")).json();
		CPPUNIT_ASSERT_EQUAL(std::string("jobs.batch \"j\" already exists"), Json::string(status, "message"));
		CPPUNIT_ASSERT_EQUAL(std::string("batch"), detail(status, "group"));
		CPPUNIT_ASSERT_EQUAL(std::string("jobs"), detail(status, "kind"));

		SimClient::Response missing = _client->get("/apis/coordination.k8s.io/v1/namespaces/default/leases/l");
		CPPUNIT_ASSERT_EQUAL(404, missing.status);
		CPPUNIT_ASSERT_EQUAL(std::string("leases.coordination.k8s.io \"l\" not found"), Json::string(missing.json(), "message"));
	}

	void testGenerateNameAppendsFiveCharacters()
	{
		std::string body = "{\"metadata\":{\"generateName\":\"scan-\"},\"spec\":{\"containers\":[{\"name\":\"c\",\"image\":\"x\"}]}}";
		Object::Ptr first = _client->post("/api/v1/namespaces/default/pods", body).json();
		Object::Ptr second = _client->post("/api/v1/namespaces/default/pods", body).json();
		Poco::RegularExpression generated("^scan-[bcdfghjklmnpqrstvwxz2456789]{5}$");
		CPPUNIT_ASSERT(generated.match(metadataString(first, "name")));
		CPPUNIT_ASSERT(generated.match(metadataString(second, "name")));
		CPPUNIT_ASSERT(metadataString(first, "name") != metadataString(second, "name"));
		CPPUNIT_ASSERT_EQUAL(std::string("scan-"), metadataString(first, "generateName"));

		std::string longPrefix(70, 'a');
		Object::Ptr truncated = _client->post("/api/v1/namespaces/default/configmaps",
			"{\"metadata\":{\"generateName\":\"" + longPrefix + "\"}}").json();
		CPPUNIT_ASSERT_EQUAL(std::size_t(63), metadataString(truncated, "name").size());

		SimClient::Response nameless = _client->post("/api/v1/namespaces/default/configmaps", "{\"metadata\":{}}");
		CPPUNIT_ASSERT_EQUAL(422, nameless.status);
		CPPUNIT_ASSERT_EQUAL(std::string("ConfigMap \"\" is invalid: metadata.name: Required value: name or generateName is required"),
			Json::string(nameless.json(), "message"));
	}

	void testRejectsNamesThatAreNotDnsSubdomains()
	{
		SimClient::Response response = _client->post("/api/v1/namespaces/default/pods", pod("Bad_Name"));
		CPPUNIT_ASSERT_EQUAL(422, response.status);
		Object::Ptr status = response.json();
		CPPUNIT_ASSERT_EQUAL(std::string("Invalid"), Json::string(status, "reason"));
		CPPUNIT_ASSERT_EQUAL(std::string("Pod \"Bad_Name\" is invalid: metadata.name: Invalid value: \"Bad_Name\": a lowercase RFC 1123 "
			"subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric "
			"character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')"),
			Json::string(status, "message"));
		CPPUNIT_ASSERT_EQUAL(std::string("Pod"), detail(status, "kind"));
		Array::Ptr causes = Json::array(Json::object(status, "details"), "causes");
		CPPUNIT_ASSERT_EQUAL(std::size_t(1), causes->size());
		CPPUNIT_ASSERT_EQUAL(std::string("FieldValueInvalid"), Json::string(causes->getObject(0), "reason"));
		CPPUNIT_ASSERT_EQUAL(std::string("metadata.name"), Json::string(causes->getObject(0), "field"));

		// Namespaces are DNS labels: no dots.
		SimClient::Response ns = _client->post("/api/v1/namespaces", "{\"metadata\":{\"name\":\"a.b\"}}");
		CPPUNIT_ASSERT_EQUAL(422, ns.status);
	}

	void testSecretStringDataIsMergedIntoDataAndNeverReturned()
	{
		SimClient::Response created = _client->post("/api/v1/namespaces/default/secrets",
			"{\"metadata\":{\"name\":\"s\"},\"data\":{\"a\":\"b2xk\",\"keep\":\"eA==\"},\"stringData\":{\"a\":\"new\",\"plain\":\"hello\"}}");
		CPPUNIT_ASSERT_EQUAL(201, created.status);
		Object::Ptr secret = _client->get("/api/v1/namespaces/default/secrets/s").json();
		CPPUNIT_ASSERT(!secret->has("stringData"));
		Object::Ptr data = Json::object(secret, "data");
		CPPUNIT_ASSERT_EQUAL(std::string("bmV3"), Json::string(data, "a"));
		CPPUNIT_ASSERT_EQUAL(std::string("aGVsbG8="), Json::string(data, "plain"));
		CPPUNIT_ASSERT_EQUAL(std::string("eA=="), Json::string(data, "keep"));
		CPPUNIT_ASSERT_EQUAL(std::string("Opaque"), Json::string(secret, "type"));
		CPPUNIT_ASSERT(created.body.find("stringData") == std::string::npos);

		SimClient::Response badBase64 = _client->post("/api/v1/namespaces/default/secrets",
			"{\"metadata\":{\"name\":\"t\"},\"data\":{\"a\":\"!!!\"}}");
		CPPUNIT_ASSERT_EQUAL(400, badBase64.status);

		SimClient::Response docker = _client->post("/api/v1/namespaces/default/secrets",
			"{\"metadata\":{\"name\":\"d\"},\"type\":\"kubernetes.io/dockerconfigjson\",\"data\":{}}");
		CPPUNIT_ASSERT_EQUAL(422, docker.status);
		CPPUNIT_ASSERT_EQUAL(std::string("Secret \"d\" is invalid: data[.dockerconfigjson]: Required value"), Json::string(docker.json(), "message"));
	}

	void testSecretDataAboveOneMebibyteIsInvalid()
	{
		const std::string value = sbomop::kubesim::Base64::encode(std::string(1024 * 1024 + 1, 'x'));
		SimClient::Response response = _client->post("/api/v1/namespaces/default/secrets",
			"{\"metadata\":{\"name\":\"big\"},\"data\":{\"blob\":\"" + value + "\"}}");
		CPPUNIT_ASSERT_EQUAL(422, response.status);
		Object::Ptr status = response.json();
		CPPUNIT_ASSERT_EQUAL(std::string("Secret \"big\" is invalid: data: Too long: must have at most 1048576 bytes"), Json::string(status, "message"));
		Array::Ptr causes = Json::array(Json::object(status, "details"), "causes");
		CPPUNIT_ASSERT_EQUAL(std::string("FieldValueTooLong"), Json::string(causes->getObject(0), "reason"));
		CPPUNIT_ASSERT_EQUAL(std::string("data"), Json::string(causes->getObject(0), "field"));

		const std::string exact = sbomop::kubesim::Base64::encode(std::string(1024 * 1024, 'x'));
		CPPUNIT_ASSERT_EQUAL(201, _client->post("/api/v1/namespaces/default/secrets",
			"{\"metadata\":{\"name\":\"fits\"},\"data\":{\"blob\":\"" + exact + "\"}}").status);
	}

	void testConfigMapDataAboveOneMebibyteIsInvalid()
	{
		SimClient::Response response = _client->post("/api/v1/namespaces/default/configmaps",
			"{\"metadata\":{\"name\":\"big\"},\"data\":{\"a\":\"" + std::string(600 * 1024, 'a') + "\",\"b\":\"" + std::string(600 * 1024, 'b') + "\"}}");
		CPPUNIT_ASSERT_EQUAL(422, response.status);
		CPPUNIT_ASSERT_EQUAL(std::string("ConfigMap \"big\" is invalid: []: Too long: must have at most 1048576 bytes"),
			Json::string(response.json(), "message"));
	}

	void testRequestBodyAboveThreeMebibytesIsTooLarge()
	{
		SimClient::Response response = _client->post("/api/v1/namespaces/default/configmaps",
			"{\"metadata\":{\"name\":\"huge\"},\"data\":{\"a\":\"" + std::string(3 * 1024 * 1024, 'a') + "\"}}");
		CPPUNIT_ASSERT_EQUAL(413, response.status);
		Object::Ptr status = response.json();
		CPPUNIT_ASSERT_EQUAL(std::string("RequestEntityTooLarge"), Json::string(status, "reason"));
		CPPUNIT_ASSERT_EQUAL(std::string("Request entity too large: limit is 3145728"), Json::string(status, "message"));
	}

	void testUpdateWithStaleResourceVersionConflicts()
	{
		Object::Ptr created = _client->post("/api/v1/namespaces/default/configmaps",
			"{\"metadata\":{\"name\":\"cm\"},\"data\":{\"k\":\"1\"}}").json();
		const std::string rv = metadataString(created, "resourceVersion");
		Json::object(created, "data")->set("k", "2");
		SimClient::Response updated = _client->put("/api/v1/namespaces/default/configmaps/cm", Json::stringify(created));
		CPPUNIT_ASSERT_EQUAL(200, updated.status);
		CPPUNIT_ASSERT(metadataString(updated.json(), "resourceVersion") != rv);

		Json::object(created, "data")->set("k", "3");
		SimClient::Response stale = _client->put("/api/v1/namespaces/default/configmaps/cm", Json::stringify(created));
		CPPUNIT_ASSERT_EQUAL(409, stale.status);
		CPPUNIT_ASSERT_EQUAL(std::string("Operation cannot be fulfilled on configmaps \"cm\": the object has been modified; "
			"please apply your changes to the latest version and try again"), Json::string(stale.json(), "message"));
		CPPUNIT_ASSERT_EQUAL(std::string("Conflict"), Json::string(stale.json(), "reason"));

		// Without a resourceVersion a ConfigMap update is unconditional.
		Json::metadata(created)->remove("resourceVersion");
		CPPUNIT_ASSERT_EQUAL(200, _client->put("/api/v1/namespaces/default/configmaps/cm", Json::stringify(created)).status);
		CPPUNIT_ASSERT_EQUAL(std::string("3"), Json::string(Json::object(_client->get("/api/v1/namespaces/default/configmaps/cm").json(), "data"), "k"));

		SimClient::Response otherName = _client->put("/api/v1/namespaces/default/configmaps/other", Json::stringify(created));
		CPPUNIT_ASSERT_EQUAL(400, otherName.status);
		CPPUNIT_ASSERT_EQUAL(std::string("the name of the object (cm) does not match the name on the URL (other)"), Json::string(otherName.json(), "message"));
	}

	void testLeaseUpdateNeedsResourceVersionAndPutCreates()
	{
		const std::string path = "/apis/coordination.k8s.io/v1/namespaces/default/leases/leader";
		const std::string lease = "{\"apiVersion\":\"coordination.k8s.io/v1\",\"kind\":\"Lease\",\"metadata\":{\"name\":\"leader\"},"
			"\"spec\":{\"holderIdentity\":\"a\",\"leaseDurationSeconds\":15,\"renewTime\":\"2024-01-01T00:00:00.123456Z\"}}";
		SimClient::Response created = _client->put(path, lease);
		CPPUNIT_ASSERT_EQUAL(201, created.status);
		Object::Ptr object = created.json();
		CPPUNIT_ASSERT_EQUAL(std::string("2024-01-01T00:00:00.123456Z"), Json::string(Json::object(object, "spec"), "renewTime"));

		SimClient::Response unconditional = _client->put(path, lease);
		CPPUNIT_ASSERT_EQUAL(422, unconditional.status);
		CPPUNIT_ASSERT_EQUAL(std::string("Lease.coordination.k8s.io \"leader\" is invalid: metadata.resourceVersion: Invalid value: 0x0: "
			"must be specified for an update"), Json::string(unconditional.json(), "message"));

		Json::object(object, "spec")->set("holderIdentity", "b");
		CPPUNIT_ASSERT_EQUAL(200, _client->put(path, Json::stringify(object)).status);
		SimClient::Response stale = _client->put(path, Json::stringify(object));
		CPPUNIT_ASSERT_EQUAL(409, stale.status);
		CPPUNIT_ASSERT_EQUAL(std::string("Operation cannot be fulfilled on leases.coordination.k8s.io \"leader\": the object has been "
			"modified; please apply your changes to the latest version and try again"), Json::string(stale.json(), "message"));
	}

	void testStatusSubresourceChangesOnlyStatus()
	{
		_client->post("/api/v1/namespaces/default/pods", pod("p"));
		Object::Ptr current = _client->get("/api/v1/namespaces/default/pods/p").json();
		Json::ensureObject(current, "status")->set("phase", "Running");
		Json::ensureObject(Json::metadata(current), "labels")->set("ignored", "yes");
		SimClient::Response status = _client->put("/api/v1/namespaces/default/pods/p/status", Json::stringify(current));
		CPPUNIT_ASSERT_EQUAL(200, status.status);
		Object::Ptr afterStatus = status.json();
		CPPUNIT_ASSERT_EQUAL(std::string("Running"), Json::string(Json::object(afterStatus, "status"), "phase"));
		CPPUNIT_ASSERT(!Json::object(Json::object(afterStatus, "metadata"), "labels"));

		// A write to the main resource keeps the stored status.
		Object::Ptr main = _client->get("/api/v1/namespaces/default/pods/p").json();
		Json::ensureObject(main, "status")->set("phase", "Failed");
		Json::ensureObject(Json::metadata(main), "labels")->set("kept", "yes");
		Object::Ptr afterMain = _client->put("/api/v1/namespaces/default/pods/p", Json::stringify(main)).json();
		CPPUNIT_ASSERT_EQUAL(std::string("Running"), Json::string(Json::object(afterMain, "status"), "phase"));
		CPPUNIT_ASSERT_EQUAL(std::string("yes"), Json::string(Json::object(Json::object(afterMain, "metadata"), "labels"), "kept"));

		SimClient::Response patched = _client->patch("/apis/batch/v1/namespaces/default/jobs/missing/status", "{}", "application/merge-patch+json");
		CPPUNIT_ASSERT_EQUAL(404, patched.status);
	}

	void testGenerationFollowsSpecChangesOnly()
	{
		Object::Ptr created = _client->post("/apis/batch/v1/namespaces/default/jobs", job("g")).json();
		CPPUNIT_ASSERT_EQUAL(std::string("1"), metadataString(created, "generation"));
		Object::Ptr labelled = _client->patch("/apis/batch/v1/namespaces/default/jobs/g",
			"{\"metadata\":{\"labels\":{\"a\":\"b\"}}}", "application/merge-patch+json").json();
		CPPUNIT_ASSERT_EQUAL(std::string("1"), metadataString(labelled, "generation"));
		Object::Ptr suspended = _client->patch("/apis/batch/v1/namespaces/default/jobs/g",
			"{\"spec\":{\"suspend\":true}}", "application/merge-patch+json").json();
		CPPUNIT_ASSERT_EQUAL(std::string("2"), metadataString(suspended, "generation"));
		// The selector is derived from the uid, as the Job strategy does.
		CPPUNIT_ASSERT_EQUAL(metadataString(created, "uid"),
			Json::string(Json::object(Json::object(Json::object(suspended, "spec"), "selector"), "matchLabels"), "batch.kubernetes.io/controller-uid"));

		// A patch that changes nothing is no write: same resourceVersion.
		Object::Ptr same = _client->patch("/apis/batch/v1/namespaces/default/jobs/g",
			"{\"spec\":{\"suspend\":true}}", "application/merge-patch+json").json();
		CPPUNIT_ASSERT_EQUAL(metadataString(suspended, "resourceVersion"), metadataString(same, "resourceVersion"));
	}

	void testDeleteAnswersLikeTheRealServer()
	{
		Object::Ptr created = _client->post("/api/v1/namespaces/default/pods", pod("p")).json();
		SimClient::Response podDelete = _client->remove("/api/v1/namespaces/default/pods/p");
		CPPUNIT_ASSERT_EQUAL(200, podDelete.status);
		CPPUNIT_ASSERT_EQUAL(std::string("Pod"), Json::string(podDelete.json(), "kind"));
		CPPUNIT_ASSERT_EQUAL(metadataString(created, "uid"), metadataString(podDelete.json(), "uid"));

		Object::Ptr cm = _client->post("/api/v1/namespaces/default/configmaps", "{\"metadata\":{\"name\":\"c\"}}").json();
		SimClient::Response cmDelete = _client->remove("/api/v1/namespaces/default/configmaps/c");
		CPPUNIT_ASSERT_EQUAL(200, cmDelete.status);
		Object::Ptr status = cmDelete.json();
		CPPUNIT_ASSERT_EQUAL(std::string("Status"), Json::string(status, "kind"));
		CPPUNIT_ASSERT_EQUAL(std::string("Success"), Json::string(status, "status"));
		CPPUNIT_ASSERT_EQUAL(std::string("configmaps"), detail(status, "kind"));
		CPPUNIT_ASSERT_EQUAL(std::string("c"), detail(status, "name"));
		CPPUNIT_ASSERT_EQUAL(metadataString(cm, "uid"), detail(status, "uid"));

		SimClient::Response again = _client->remove("/api/v1/namespaces/default/configmaps/c");
		CPPUNIT_ASSERT_EQUAL(404, again.status);
		CPPUNIT_ASSERT_EQUAL(std::string("configmaps \"c\" not found"), Json::string(again.json(), "message"));

		_client->post("/api/v1/namespaces/default/configmaps", "{\"metadata\":{\"name\":\"pre\"}}");
		SimClient::Response precondition = _client->remove("/api/v1/namespaces/default/configmaps/pre",
			"{\"kind\":\"DeleteOptions\",\"apiVersion\":\"v1\",\"preconditions\":{\"uid\":\"other\"}}");
		CPPUNIT_ASSERT_EQUAL(409, precondition.status);

		SimClient::Response badPolicy = _client->remove("/api/v1/namespaces/default/configmaps/pre?propagationPolicy=Sometimes");
		CPPUNIT_ASSERT_EQUAL(422, badPolicy.status);
	}

	void testJobDeleteWithoutPolicyWarnsAndOrphans()
	{
		Object::Ptr created = _client->post("/apis/batch/v1/namespaces/default/jobs", job("j")).json();
		SimClient::Response response = _client->remove("/apis/batch/v1/namespaces/default/jobs/j");
		CPPUNIT_ASSERT_EQUAL(200, response.status);
		std::vector<std::string> warnings = response.all("Warning");
		CPPUNIT_ASSERT_EQUAL(std::size_t(1), warnings.size());
		CPPUNIT_ASSERT_EQUAL(std::string("299 - \"child pods are preserved by default when jobs are deleted; set propagationPolicy=Background "
			"to remove them or set propagationPolicy=Orphan to suppress this warning\""), warnings[0]);
		// Orphan propagation: the Job waits for the garbage collector with the orphan finalizer.
		Object::Ptr pending = response.json();
		CPPUNIT_ASSERT(!metadataString(pending, "deletionTimestamp").empty());
		CPPUNIT_ASSERT_EQUAL(std::string("[\"orphan\"]"), Json::stringify(Json::object(pending, "metadata")->get("finalizers")));
		CPPUNIT_ASSERT(sbomop::kubesim::waitUntil([this] { return _client->get("/apis/batch/v1/namespaces/default/jobs/j").status == 404; }));

		_client->post("/apis/batch/v1/namespaces/default/jobs", job("k"));
		SimClient::Response background = _client->remove("/apis/batch/v1/namespaces/default/jobs/k", "{\"propagationPolicy\":\"Background\"}");
		CPPUNIT_ASSERT(background.all("Warning").empty());
		CPPUNIT_ASSERT_EQUAL(std::string("Status"), Json::string(background.json(), "kind"));
		CPPUNIT_ASSERT_EQUAL(std::string("batch"), detail(background.json(), "group"));
	}

	void testDryRunCreateStoresNothing()
	{
		SimClient::Response dry = _client->post("/api/v1/namespaces/default/configmaps?dryRun=All", "{\"metadata\":{\"name\":\"dry\"}}");
		CPPUNIT_ASSERT_EQUAL(201, dry.status);
		CPPUNIT_ASSERT_EQUAL(std::string("dry"), metadataString(dry.json(), "name"));
		CPPUNIT_ASSERT_EQUAL(404, _client->get("/api/v1/namespaces/default/configmaps/dry").status);
		CPPUNIT_ASSERT_EQUAL(422, _client->post("/api/v1/namespaces/default/configmaps?dryRun=Some", "{\"metadata\":{\"name\":\"dry\"}}").status);
	}

	void testJobWithoutValidRestartPolicyIsInvalid()
	{
		SimClient::Response missing = _client->post("/apis/batch/v1/namespaces/default/jobs",
			"{\"metadata\":{\"name\":\"j\"},\"spec\":{\"template\":{\"spec\":{\"containers\":[{\"name\":\"c\",\"image\":\"b\"}]}}}}");
		CPPUNIT_ASSERT_EQUAL(422, missing.status);
		CPPUNIT_ASSERT_EQUAL(std::string("Job.batch \"j\" is invalid: spec.template.spec.restartPolicy: Required value: valid values: \"OnFailure\", \"Never\""),
			Json::string(missing.json(), "message"));
		CPPUNIT_ASSERT_EQUAL(std::string("Job"), detail(missing.json(), "kind"));
		CPPUNIT_ASSERT_EQUAL(std::string("batch"), detail(missing.json(), "group"));
	}

};

CPPUNIT_TEST_SUITE_NAMED_REGISTRATION(KubeSimCrudTest, "KubeSim");
