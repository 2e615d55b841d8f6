//
// KubeSimValidationTest.cpp
//
// kube-sim's checks against OpenAPI schemas (--openapi-dir): unknown fields
// with fieldValidation Strict, Warn and Ignore, values of the wrong type,
// required fields, patches and server-side apply, each with the real
// server's wording. Most cases use a small schema document written here; one
// case reads the reference documents and is skipped when they are absent.
//

#include "JobFixtures.h"
#include "SimFixture.h"
#include "kubesim/Json.h"
#include "kubesim/KubeSimServer.h"
#include <cppunit/extensions/HelperMacros.h>
#include <iostream>
#include <memory>

using Poco::JSON::Object;
using sbomop::kubesim::JobManifest;
using sbomop::kubesim::Json;
using sbomop::kubesim::KubeSimServer;
using sbomop::kubesim::SimClient;
using sbomop::kubesim::TemporaryFolder;

namespace
{
	const std::string JOBS = "/apis/batch/v1/namespaces/default/jobs";

	// The part of the batch/v1 document these cases need: $ref, allOf
	// wrappers, maps, Quantity and IntOrString, an associative list.
	const std::string BATCH_DOCUMENT = R"({"openapi":"3.0.0","components":{"schemas":{
"io.k8s.api.batch.v1.Job":{"type":"object","x-kubernetes-group-version-kind":[{"group":"batch","kind":"Job","version":"v1"}],
 "properties":{"apiVersion":{"type":"string"},"kind":{"type":"string"},
  "metadata":{"allOf":[{"$ref":"#/components/schemas/io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta"}],"default":{}},
  "spec":{"allOf":[{"$ref":"#/components/schemas/io.k8s.api.batch.v1.JobSpec"}],"default":{}},
  "status":{"type":"object","properties":{"active":{"type":"integer","format":"int32"},"ready":{"type":"integer","format":"int32"}}}}},
"io.k8s.api.batch.v1.JobSpec":{"type":"object","required":["template"],"properties":{
  "activeDeadlineSeconds":{"type":"integer","format":"int64"},"backoffLimit":{"type":"integer","format":"int32"},
  "completions":{"type":"integer","format":"int32"},"parallelism":{"type":"integer","format":"int32"},
  "completionMode":{"type":"string"},"suspend":{"type":"boolean"},"manualSelector":{"type":"boolean"},
  "selector":{"type":"object","properties":{"matchLabels":{"type":"object","additionalProperties":{"type":"string","default":""}}}},
  "template":{"allOf":[{"$ref":"#/components/schemas/io.k8s.api.core.v1.PodTemplateSpec"}],"default":{}}}},
"io.k8s.api.core.v1.PodTemplateSpec":{"type":"object","properties":{
  "metadata":{"allOf":[{"$ref":"#/components/schemas/io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta"}],"default":{}},
  "spec":{"allOf":[{"$ref":"#/components/schemas/io.k8s.api.core.v1.PodSpec"}]}}},
"io.k8s.api.core.v1.PodSpec":{"type":"object","required":["containers"],"properties":{
  "containers":{"type":"array","items":{"allOf":[{"$ref":"#/components/schemas/io.k8s.api.core.v1.Container"}],"default":{}},
   "x-kubernetes-patch-merge-key":"name","x-kubernetes-patch-strategy":"merge"},
  "restartPolicy":{"type":"string"},"dnsPolicy":{"type":"string"},"schedulerName":{"type":"string"},
  "terminationGracePeriodSeconds":{"type":"integer","format":"int64"},"securityContext":{"type":"object"}}},
"io.k8s.api.core.v1.Container":{"type":"object","required":["name"],"properties":{
  "name":{"type":"string"},"image":{"type":"string"},"imagePullPolicy":{"type":"string"},
  "terminationMessagePath":{"type":"string"},"terminationMessagePolicy":{"type":"string"},
  "env":{"type":"array","items":{"type":"object","required":["name"],"properties":{"name":{"type":"string"},"value":{"type":"string"}}}},
  "ports":{"type":"array","x-kubernetes-list-type":"map","x-kubernetes-list-map-keys":["containerPort","protocol"],
   "items":{"type":"object","properties":{"containerPort":{"type":"integer","format":"int32"},"protocol":{"type":"string"},
   "name":{"allOf":[{"$ref":"#/components/schemas/io.k8s.apimachinery.pkg.util.intstr.IntOrString"}]}}}},
  "resources":{"type":"object","properties":{
   "limits":{"type":"object","additionalProperties":{"$ref":"#/components/schemas/io.k8s.apimachinery.pkg.api.resource.Quantity"}}}}}},
"io.k8s.apimachinery.pkg.api.resource.Quantity":{"oneOf":[{"type":"string"},{"type":"number"}]},
"io.k8s.apimachinery.pkg.util.intstr.IntOrString":{"format":"int-or-string","oneOf":[{"type":"integer"},{"type":"string"}]},
"io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta":{"type":"object","properties":{
  "name":{"type":"string"},"generateName":{"type":"string"},"namespace":{"type":"string"},"uid":{"type":"string"},
  "resourceVersion":{"type":"string"},"generation":{"type":"integer","format":"int64"},"creationTimestamp":{"type":"string","format":"date-time"},
  "labels":{"type":"object","additionalProperties":{"type":"string"}},"annotations":{"type":"object","additionalProperties":{"type":"string"}},
  "managedFields":{"type":"array","items":{"type":"object"}}}}
}}})";
}

class KubeSimValidationTest: public sbomop::kubesim::SimFixture
{
	CPPUNIT_TEST_SUITE(KubeSimValidationTest);
	CPPUNIT_TEST(testStrictRejectsUnknownFieldsWithTheDecoderMessage);
	CPPUNIT_TEST(testWarnDropsUnknownFieldsWithWarningHeaders);
	CPPUNIT_TEST(testIgnoreDropsUnknownFieldsSilently);
	CPPUNIT_TEST(testWrongTypeIsBadRequestInEveryMode);
	CPPUNIT_TEST(testMissingRequiredFieldIsInvalid);
	CPPUNIT_TEST(testPatchesNameUnknownFieldsAndWrongTypes);
	CPPUNIT_TEST(testApplyRejectsUndeclaredFieldsWhateverTheDirective);
	CPPUNIT_TEST(testUnsupportedFieldValidationValueIsRejected);
	CPPUNIT_TEST(testMapsQuantitiesAndIntOrStringAreAccepted);
	CPPUNIT_TEST(testWithoutSchemasUnknownFieldsAreKept);
	CPPUNIT_TEST(testReferenceDocumentsAcceptOperatorObjects);
	CPPUNIT_TEST_SUITE_END();

public:
	void setUp() override
	{
		_schemas.reset(new TemporaryFolder);
		_schemas->write("apis__batch__v1_openapi.json", BATCH_DOCUMENT);
		start(_schemas->path());
	}

	void tearDown() override
	{
		SimFixture::tearDown();
		_schemas.reset();
	}

	void start(const std::string& openApiDir)
	{
		KubeSimServer::Options options;
		options.openApiDir = openApiDir;
		startSim(options);
	}

	static std::string manifest(const std::string& name, const std::string& specFields = "", const std::string& containerFields = "")
	{
		JobManifest job(name);
		job.specFields = specFields;
		job.containerFields = containerFields;
		return job.json();
	}

	static std::string message(const SimClient::Response& response)
	{
		return Json::string(response.json(), "message");
	}

	Object::Ptr spec(const std::string& name)
	{
		return Json::object(_client->get(JOBS + "/" + name).json(), "spec");
	}

	void testStrictRejectsUnknownFieldsWithTheDecoderMessage()
	{
		SimClient::Response rejected = _client->post(JOBS + "?fieldValidation=Strict&dryRun=All",
			manifest("strict", "\"foo\":1", "\"foo\":{\"bar\":true}"));
		CPPUNIT_ASSERT_EQUAL(400, rejected.status);
		CPPUNIT_ASSERT_EQUAL(std::string("BadRequest"), Json::string(rejected.json(), "reason"));
		CPPUNIT_ASSERT_EQUAL(std::string("Job in version \"v1\" cannot be handled as a Job: strict decoding error: "
			"unknown field \"spec.foo\", unknown field \"spec.template.spec.containers[0].foo\""), message(rejected));
		CPPUNIT_ASSERT_EQUAL(201, _client->post(JOBS + "?fieldValidation=Strict", manifest("strict")).status);
	}

	void testWarnDropsUnknownFieldsWithWarningHeaders()
	{
		SimClient::Response created = _client->post(JOBS, manifest("warned", "\"foo\":1", "\"foo\":2"));
		CPPUNIT_ASSERT_EQUAL(201, created.status);
		std::vector<std::string> warnings = created.all("Warning");
		CPPUNIT_ASSERT_EQUAL(std::size_t(2), warnings.size());
		CPPUNIT_ASSERT_EQUAL(std::string("299 - \"unknown field \\\"spec.foo\\\"\""), warnings[0]);
		CPPUNIT_ASSERT_EQUAL(std::string("299 - \"unknown field \\\"spec.template.spec.containers[0].foo\\\"\""), warnings[1]);
		CPPUNIT_ASSERT(!spec("warned")->has("foo"));
		CPPUNIT_ASSERT(!Json::object(created.json(), "spec")->has("foo"));
	}

	void testIgnoreDropsUnknownFieldsSilently()
	{
		SimClient::Response created = _client->post(JOBS + "?fieldValidation=Ignore", manifest("ignored", "\"foo\":1"));
		CPPUNIT_ASSERT_EQUAL(201, created.status);
		CPPUNIT_ASSERT(created.all("Warning").empty());
		CPPUNIT_ASSERT(!spec("ignored")->has("foo"));
		CPPUNIT_ASSERT_EQUAL(std::string("1"), Json::string(spec("ignored"), "parallelism"));
	}

	void testWrongTypeIsBadRequestInEveryMode()
	{
		const std::string prefix = "Job in version \"v1\" cannot be handled as a Job: json: cannot unmarshal ";
		SimClient::Response text = _client->post(JOBS + "?fieldValidation=Ignore", manifest("typed", "\"backoffLimit\":\"six\""));
		CPPUNIT_ASSERT_EQUAL(400, text.status);
		CPPUNIT_ASSERT_EQUAL(prefix + "string into Go struct field JobSpec.spec.backoffLimit of type int32", message(text));
		CPPUNIT_ASSERT_EQUAL(prefix + "number into Go struct field Container.spec.template.spec.containers.name of type string",
			message(_client->post(JOBS, "{\"metadata\":{\"name\":\"typed\"},\"spec\":{\"template\":{\"spec\":{\"containers\":[{\"name\":5}]}}}}")));
		CPPUNIT_ASSERT_EQUAL(prefix + "array into Go struct field Job.spec of type v1.JobSpec",
			message(_client->post(JOBS, "{\"metadata\":{\"name\":\"typed\"},\"spec\":[]}")));
		CPPUNIT_ASSERT_EQUAL(prefix + "number 3000000000 into Go struct field JobSpec.spec.parallelism of type int32",
			message(_client->post(JOBS, manifest("typed", "\"parallelism\":3000000000"))));
		CPPUNIT_ASSERT_EQUAL(404, _client->get(JOBS + "/typed").status);
	}

	void testMissingRequiredFieldIsInvalid()
	{
		SimClient::Response invalid = _client->post(JOBS, manifest("required", "", "\"env\":[{\"value\":\"x\"}]"));
		CPPUNIT_ASSERT_EQUAL(422, invalid.status);
		CPPUNIT_ASSERT_EQUAL(std::string("Job.batch \"required\" is invalid: spec.template.spec.containers[0].env[0].name: Required value"),
			message(invalid));
	}

	void testPatchesNameUnknownFieldsAndWrongTypes()
	{
		CPPUNIT_ASSERT_EQUAL(201, _client->post(JOBS, manifest("patched")).status);
		const std::string merge = "application/merge-patch+json";
		SimClient::Response strict = _client->patch(JOBS + "/patched?fieldValidation=Strict", "{\"spec\":{\"foo\":1}}", merge);
		CPPUNIT_ASSERT_EQUAL(400, strict.status);
		CPPUNIT_ASSERT_EQUAL(std::string("strict decoding error: unknown field \"spec.foo\""), message(strict));
		SimClient::Response warned = _client->patch(JOBS + "/patched", "{\"spec\":{\"foo\":1,\"backoffLimit\":2}}", merge);
		CPPUNIT_ASSERT_EQUAL(200, warned.status);
		CPPUNIT_ASSERT_EQUAL(std::size_t(1), warned.all("Warning").size());
		CPPUNIT_ASSERT(!spec("patched")->has("foo"));
		CPPUNIT_ASSERT_EQUAL(std::string("2"), Json::string(spec("patched"), "backoffLimit"));
		SimClient::Response typed = _client->patch(JOBS + "/patched", "{\"spec\":{\"backoffLimit\":\"x\"}}", merge);
		CPPUNIT_ASSERT_EQUAL(422, typed.status);
		const std::string text = message(typed);
		CPPUNIT_ASSERT_EQUAL(std::size_t(0), text.find(" \"\" is invalid: patch: Invalid value: \"{\\\"apiVersion\\\":\\\"batch/v1\\\""));
		const std::string suffix = "\": json: cannot unmarshal string into Go struct field JobSpec.spec.backoffLimit of type int32";
		CPPUNIT_ASSERT_EQUAL(suffix, text.substr(text.size() - suffix.size()));
	}

	void testApplyRejectsUndeclaredFieldsWhateverTheDirective()
	{
		const std::string applied = "{\"apiVersion\":\"batch/v1\",\"kind\":\"Job\",\"metadata\":{\"name\":\"applied\"},\"spec\":{\"template\":{\"spec\":{"
			"\"restartPolicy\":\"Never\",\"containers\":[{\"name\":\"job\",\"image\":\"x\",\"foo\":1}]}}}}";
		SimClient::Response rejected = _client->patch(JOBS + "/applied?fieldManager=test&fieldValidation=Ignore", applied, "application/apply-patch+yaml");
		CPPUNIT_ASSERT_EQUAL(400, rejected.status);
		CPPUNIT_ASSERT_EQUAL(std::string("failed to create typed patch object (default/applied; batch/v1, Kind=Job): "
			".spec.template.spec.containers[name=\"job\"].foo: field not declared in schema"), message(rejected));
		CPPUNIT_ASSERT_EQUAL(404, _client->get(JOBS + "/applied").status);
	}

	void testUnsupportedFieldValidationValueIsRejected()
	{
		SimClient::Response rejected = _client->post(JOBS + "?fieldValidation=Loud", manifest("loud"));
		CPPUNIT_ASSERT_EQUAL(422, rejected.status);
		CPPUNIT_ASSERT_EQUAL(std::string("CreateOptions.meta.k8s.io \"\" is invalid: fieldValidation: Unsupported value: \"Loud\": "
			"supported values: \"\", \"Ignore\", \"Strict\", \"Warn\""), message(rejected));
	}

	void testMapsQuantitiesAndIntOrStringAreAccepted()
	{
		SimClient::Response created = _client->post(JOBS + "?fieldValidation=Strict", manifest("typed-ok", "\"selector\":null",
			"\"resources\":{\"limits\":{\"cpu\":\"100m\",\"memory\":1024}},\"ports\":[{\"containerPort\":8080,\"protocol\":\"TCP\",\"name\":\"web\"}]"));
		CPPUNIT_ASSERT_EQUAL_MESSAGE(created.body, 201, created.status);
		CPPUNIT_ASSERT(created.all("Warning").empty());
	}

	void testWithoutSchemasUnknownFieldsAreKept()
	{
		start("");
		SimClient::Response created = _client->post(JOBS + "?fieldValidation=Strict", manifest("kept", "\"foo\":1"));
		CPPUNIT_ASSERT_EQUAL(201, created.status);
		CPPUNIT_ASSERT_EQUAL(std::string("1"), Json::string(spec("kept"), "foo"));
	}

	void testReferenceDocumentsAcceptOperatorObjects()
	{
		const std::string folder = sbomop::kubesim::referenceOpenApiFolder();
		if (folder.empty())
		{
			std::cerr << "SKIPPED: the reference OpenAPI documents (k8s/openapi/v1.28/v3 under SBOMOP_SHARED_DIR) are absent" << std::endl;
			return;
		}
		start(folder);
		JobManifest job("operator-like");
		job.specFields = "\"backoffLimit\":0,\"activeDeadlineSeconds\":3600,\"ttlSecondsAfterFinished\":60";
		job.podSpecFields = "\"volumes\":[{\"name\":\"config\",\"secret\":{\"secretName\":\"cfg\",\"defaultMode\":256}}],"
			"\"imagePullSecrets\":[{\"name\":\"pull\"}],\"securityContext\":{\"runAsNonRoot\":true}";
		job.containerFields = "\"env\":[{\"name\":\"SBOM_JOB_X\",\"value\":\"1\"}],\"volumeMounts\":[{\"name\":\"config\",\"mountPath\":\"/sbom\"}],"
			"\"resources\":{\"limits\":{\"cpu\":\"1\",\"memory\":\"512Mi\"}}";
		SimClient::Response created = _client->post(JOBS + "?fieldValidation=Strict", job.json());
		CPPUNIT_ASSERT_EQUAL_MESSAGE(created.body, 201, created.status);
		CPPUNIT_ASSERT(created.all("Warning").empty());
		SimClient::Response secret = _client->post("/api/v1/namespaces/default/secrets?fieldValidation=Strict",
			"{\"metadata\":{\"name\":\"cfg\",\"labels\":{\"a\":\"b\"}},\"stringData\":{\"image-config.json\":\"{}\"}}");
		CPPUNIT_ASSERT_EQUAL_MESSAGE(secret.body, 201, secret.status);
		SimClient::Response pod = _client->post("/api/v1/namespaces/default/pods?fieldValidation=Strict",
			"{\"metadata\":{\"name\":\"p\"},\"spec\":{\"containers\":[{\"name\":\"c\",\"image\":\"nginx\",\"bogus\":1}]}}");
		CPPUNIT_ASSERT_EQUAL(400, pod.status);
		CPPUNIT_ASSERT_EQUAL(std::string("Pod in version \"v1\" cannot be handled as a Pod: strict decoding error: "
			"unknown field \"spec.containers[0].bogus\""), message(pod));
	}

private:
	std::unique_ptr<TemporaryFolder> _schemas;
};

CPPUNIT_TEST_SUITE_NAMED_REGISTRATION(KubeSimValidationTest, "KubeSim");
