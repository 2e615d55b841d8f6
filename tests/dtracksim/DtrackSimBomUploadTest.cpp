//
// DtrackSimBomUploadTest.cpp
//
// BOM uploads against dtrack-sim: multipart POST and base64 PUT, autoCreate
// with tags, parent and isLatest, the 20,000,000-character limit, CycloneDX
// validation (1.7, SPDX and garbage rejected with DT's problem details),
// component counting for JSON and XML and the processing token.
//

#include "SharedServer.h"
#include "SimHttp.h"
#include "dtrack/DtrackSimServer.h"
#include <Poco/JSON/Array.h>
#include <Poco/Thread.h>
#include <Poco/Timestamp.h>
#include <cppunit/extensions/HelperMacros.h>
#include <memory>

using Poco::JSON::Array;
using Poco::JSON::Object;
using sbomop::dtracksim::BomUpload;
using sbomop::dtracksim::DtrackSimServer;
using sbomop::dtracksim::FormFields;
using sbomop::dtracksim::HttpResult;
using sbomop::dtracksim::Project;
using sbomop::dtracksim::SimHttp;
namespace Boms = sbomop::dtracksim::Boms;

class DtrackSimBomUploadTest: public CppUnit::TestFixture
{
	CPPUNIT_TEST_SUITE(DtrackSimBomUploadTest);
	CPPUNIT_TEST(testMultipartUploadAutoCreatesProjectWithTagsParentAndLatest);
	CPPUNIT_TEST(testMultipartUploadAcceptsBomAsPlainField);
	CPPUNIT_TEST(testMultipartUploadWithoutBomPartAnswersEmptyOk);
	CPPUNIT_TEST(testBase64UploadCreatesProjectWithTagsAndLatestAlias);
	CPPUNIT_TEST(testBase64UploadOverTwentyMillionCharactersIsRejected);
	CPPUNIT_TEST(testBase64UploadAtTheLimitIsValidated);
	CPPUNIT_TEST(testInvalidBase64IsServerError);
	CPPUNIT_TEST(testUploadToUnknownProjectWithoutAutoCreateIsNotFound);
	CPPUNIT_TEST(testUploadByProjectUuid);
	CPPUNIT_TEST(testUploadWithUnknownParentIsNotFound);
	CPPUNIT_TEST(testUploadWithParentNameAndVersion);
	CPPUNIT_TEST(testUploadUnderInactiveParentConflicts);
	CPPUNIT_TEST(testIsLatestUploadMovesTheFlag);
	CPPUNIT_TEST(testCountsNestedJsonComponents);
	CPPUNIT_TEST(testCountsXmlComponents);
	CPPUNIT_TEST(testRejectsCycloneDx17ButKeepsCreatedProject);
	CPPUNIT_TEST(testRejectsCycloneDx17Xml);
	CPPUNIT_TEST(testRejectsSpdxJson);
	CPPUNIT_TEST(testRejectsSpdxTagValueAndGarbage);
	CPPUNIT_TEST(testRejectsCycloneDxJson11);
	CPPUNIT_TEST(testReportsSchemaViolations);
	CPPUNIT_TEST(testEventTokenReportsProcessingUntilTheDelayPassed);
	CPPUNIT_TEST(testLastBomPerProjectIsReplaced);
	CPPUNIT_TEST(testWrongContentTypeIsUnsupported);
	CPPUNIT_TEST_SUITE_END();

public:
	void setUp() override
	{
		_server = &sbomop::dtracksim::SharedServer::acquire();
		_http.reset(new SimHttp(_server->port(), DtrackSimServer::DEFAULT_API_KEY));
	}

	void tearDown() override
	{
		_http.reset();
	}

	void testMultipartUploadAutoCreatesProjectWithTagsParentAndLatest()
	{
		const Project parent = seed("prod-cluster", std::nullopt);
		const HttpResult result = _http->upload({
			{"autoCreate", "true"}, {"projectName", "ghcr.io/org/app"}, {"projectVersion", "1.2.3"},
			{"projectTags", "sbom-operator, kubernetes-cluster=prod,,sbom-operator"},
			{"parentUUID", parent.uuid}, {"isLatest", "true"}}, Boms::simple(3));
		CPPUNIT_ASSERT_EQUAL(200, result.status);
		const std::string token = result.object()->getValue<std::string>("token");
		CPPUNIT_ASSERT_EQUAL(std::size_t(36), token.size());

		const std::optional<Project> project = _server->project("ghcr.io/org/app", std::string("1.2.3"));
		CPPUNIT_ASSERT(project);
		CPPUNIT_ASSERT(project->tags == std::vector<std::string>({"kubernetes-cluster=prod", "sbom-operator"}));
		CPPUNIT_ASSERT_EQUAL(parent.uuid, project->parentUuid);
		CPPUNIT_ASSERT(project->isLatest);
		CPPUNIT_ASSERT(project->active);
		CPPUNIT_ASSERT_EQUAL(3, *project->componentCount);
		CPPUNIT_ASSERT_EQUAL(std::string("CycloneDX 1.6"), project->lastBomImportFormat);

		const std::vector<BomUpload> uploads = _server->uploads();
		CPPUNIT_ASSERT_EQUAL(std::size_t(1), uploads.size());
		CPPUNIT_ASSERT_EQUAL(token, uploads[0].token);
		CPPUNIT_ASSERT_EQUAL(std::string("multipart"), uploads[0].transport);
		CPPUNIT_ASSERT_EQUAL(std::string("JSON"), uploads[0].format);

		// The project exists synchronously, as in DT: lookup right after works.
		const HttpResult lookup = _http->get("/api/v1/project/lookup?name=ghcr.io%2Forg%2Fapp&version=1.2.3");
		CPPUNIT_ASSERT_EQUAL(200, lookup.status);
		CPPUNIT_ASSERT_EQUAL(parent.uuid, lookup.object()->getObject("parent")->getValue<std::string>("uuid"));
	}

	void testMultipartUploadAcceptsBomAsPlainField()
	{
		const HttpResult result = _http->upload({{"autoCreate", "true"}, {"projectName", "a"}, {"projectVersion", "1"}}, Boms::simple(4), false);
		CPPUNIT_ASSERT_EQUAL(200, result.status);
		CPPUNIT_ASSERT_EQUAL(4, *_server->project("a", std::string("1"))->componentCount);
	}

	void testMultipartUploadWithoutBomPartAnswersEmptyOk()
	{
		const HttpResult result = _http->upload({{"autoCreate", "true"}, {"projectName", "nobom"}}, "", false);
		// An empty `bom` field is still a part; DT rejects it as no JSON/XML.
		CPPUNIT_ASSERT_EQUAL(400, result.status);
		std::string body = "--b\r\nContent-Disposition: form-data; name=\"projectName\"\r\n\r\nnobom\r\n"
			"--b\r\nContent-Disposition: form-data; name=\"autoCreate\"\r\n\r\ntrue\r\n--b--\r\n";
		const HttpResult noPart = _http->request("POST", "/api/v1/bom", body, "multipart/form-data; boundary=b");
		CPPUNIT_ASSERT_EQUAL(200, noPart.status);
		CPPUNIT_ASSERT_EQUAL(std::string(), noPart.body);
		CPPUNIT_ASSERT(_server->project("nobom", std::nullopt));
		CPPUNIT_ASSERT(_server->uploads().empty());
	}

	void testBase64UploadCreatesProjectWithTagsAndLatestAlias()
	{
		Object::Ptr request = new Object;
		request->set("projectName", "docker.io/library/nginx");
		request->set("projectVersion", "1.25");
		request->set("autoCreate", true);
		request->set("isLatestProjectVersion", true);
		Array::Ptr tags = new Array;
		Object::Ptr tag = new Object;
		tag->set("name", "sbom-operator");
		tags->add(tag);
		request->set("projectTags", tags);
		const HttpResult result = _http->uploadBase64(request, Boms::simple(2));
		CPPUNIT_ASSERT_EQUAL(200, result.status);
		CPPUNIT_ASSERT(result.object()->has("token"));
		const std::optional<Project> project = _server->project("docker.io/library/nginx", std::string("1.25"));
		CPPUNIT_ASSERT(project);
		CPPUNIT_ASSERT(project->isLatest);
		CPPUNIT_ASSERT(project->tags == std::vector<std::string>({"sbom-operator"}));
		CPPUNIT_ASSERT_EQUAL(std::string("base64"), _server->uploads().at(0).transport);
		CPPUNIT_ASSERT_EQUAL(Boms::simple(2), *_server->lastBom(project->uuid)->document);
	}

	void testBase64UploadOverTwentyMillionCharactersIsRejected()
	{
		const std::string body = "{\"projectName\":\"big\",\"projectVersion\":\"1\",\"autoCreate\":true,\"bom\":\""
			+ std::string(20000001, 'A') + "\"}";
		const HttpResult result = _http->json("PUT", "/api/v1/bom", body);
		CPPUNIT_ASSERT_EQUAL(400, result.status);
		CPPUNIT_ASSERT_EQUAL(std::string("application/problem+json"), result.contentType);
		const Object::Ptr problem = result.object();
		CPPUNIT_ASSERT_EQUAL(400, problem->getValue<int>("status"));
		CPPUNIT_ASSERT_EQUAL(std::string("The provided JSON payload could not be mapped"), problem->getValue<std::string>("title"));
		CPPUNIT_ASSERT_EQUAL(std::string(
			"The BOM is too large to be transmitted safely via Base64 encoded JSON value. Please use the "
			"\"POST /api/v1/bom\" endpoint with Content-Type \"multipart/form-data\" instead. Original cause: "
			"String value length (20000001) exceeds the maximum allowed (20000000, from "
			"`StreamReadConstraints.getMaxStringLength()`) (through reference chain: "
			"org.dependencytrack.resources.v1.vo.BomSubmitRequest[\"bom\"])"), problem->getValue<std::string>("detail"));
		// Jackson fails before the resource runs: nothing is created.
		CPPUNIT_ASSERT(_server->projects().empty());
	}

	void testBase64UploadAtTheLimitIsValidated()
	{
		const std::string body = "{\"projectName\":\"big\",\"projectVersion\":\"1\",\"autoCreate\":true,\"bom\":\""
			+ std::string(20000000, 'A') + "\"}";
		const HttpResult result = _http->json("PUT", "/api/v1/bom", body);
		CPPUNIT_ASSERT_EQUAL(400, result.status);
		CPPUNIT_ASSERT_EQUAL(std::string("The uploaded BOM is invalid"), result.object()->getValue<std::string>("title"));
		CPPUNIT_ASSERT_EQUAL(std::string("BOM is neither valid JSON nor XML"), result.object()->getValue<std::string>("detail"));
	}

	void testInvalidBase64IsServerError()
	{
		const HttpResult result = _http->json("PUT", "/api/v1/bom",
			"{\"projectName\":\"a\",\"projectVersion\":\"1\",\"autoCreate\":true,\"bom\":\"not*base64!\"}");
		CPPUNIT_ASSERT_EQUAL(500, result.status);
		CPPUNIT_ASSERT(_server->uploads().empty());
	}

	void testUploadToUnknownProjectWithoutAutoCreateIsNotFound()
	{
		const HttpResult result = _http->upload({{"projectName", "missing"}, {"projectVersion", "1"}}, Boms::simple());
		CPPUNIT_ASSERT_EQUAL(404, result.status);
		CPPUNIT_ASSERT_EQUAL(std::string("The project could not be found."), result.body);
		CPPUNIT_ASSERT(_server->projects().empty());
	}

	void testUploadByProjectUuid()
	{
		const Project project = seed("by-uuid", std::string("2"));
		CPPUNIT_ASSERT_EQUAL(200, _http->upload({{"project", project.uuid}}, Boms::simple(5)).status);
		CPPUNIT_ASSERT_EQUAL(5, *_server->projectByUuid(project.uuid)->componentCount);
		const HttpResult unknown = _http->upload({{"project", "3b4c4f0e-0f6e-4e0e-9d0b-6d5b8c9a1f22"}}, Boms::simple());
		CPPUNIT_ASSERT_EQUAL(404, unknown.status);
	}

	void testUploadWithUnknownParentIsNotFound()
	{
		HttpResult result = _http->upload({{"autoCreate", "true"}, {"projectName", "child"}, {"projectVersion", "1"},
			{"parentUUID", "3b4c4f0e-0f6e-4e0e-9d0b-6d5b8c9a1f22"}}, Boms::simple());
		CPPUNIT_ASSERT_EQUAL(404, result.status);
		CPPUNIT_ASSERT_EQUAL(std::string("The parent project could not be found."), result.body);
		result = _http->upload({{"autoCreate", "true"}, {"projectName", "child"}, {"projectVersion", "1"},
			{"parentName", "nowhere"}}, Boms::simple());
		CPPUNIT_ASSERT_EQUAL(404, result.status);
		CPPUNIT_ASSERT(_server->projects().empty());
	}

	void testUploadWithParentNameAndVersion()
	{
		const Project versioned = seed("cluster", std::string("v1"));
		const Project collection = seed("cluster", std::nullopt);
		CPPUNIT_ASSERT_EQUAL(200, _http->upload({{"autoCreate", "true"}, {"projectName", "a"}, {"projectVersion", "1"},
			{"parentName", "cluster"}, {"parentVersion", "v1"}}, Boms::simple()).status);
		CPPUNIT_ASSERT_EQUAL(versioned.uuid, _server->project("a", std::string("1"))->parentUuid);
		// parentName without parentVersion matches the versionless parent.
		CPPUNIT_ASSERT_EQUAL(200, _http->upload({{"autoCreate", "true"}, {"projectName", "b"}, {"projectVersion", "1"},
			{"parentName", "cluster"}}, Boms::simple()).status);
		CPPUNIT_ASSERT_EQUAL(collection.uuid, _server->project("b", std::string("1"))->parentUuid);
	}

	void testUploadUnderInactiveParentConflicts()
	{
		Project parent = seed("retired", std::nullopt);
		parent.active = false;
		_server->store().update(parent);
		const HttpResult result = _http->upload({{"autoCreate", "true"}, {"projectName", "a"}, {"projectVersion", "1"},
			{"parentUUID", parent.uuid}}, Boms::simple());
		CPPUNIT_ASSERT_EQUAL(409, result.status);
		CPPUNIT_ASSERT_EQUAL(std::string("An inactive Parent cannot be selected as parent"), result.body);
	}

	void testIsLatestUploadMovesTheFlag()
	{
		CPPUNIT_ASSERT_EQUAL(200, _http->upload({{"autoCreate", "true"}, {"projectName", "app"}, {"projectVersion", "1"},
			{"isLatest", "true"}}, Boms::simple()).status);
		CPPUNIT_ASSERT_EQUAL(200, _http->upload({{"autoCreate", "true"}, {"projectName", "app"}, {"projectVersion", "2"},
			{"isLatest", "TRUE"}}, Boms::simple()).status);
		CPPUNIT_ASSERT(!_server->project("app", std::string("1"))->isLatest);
		CPPUNIT_ASSERT(_server->project("app", std::string("2"))->isLatest);
		const HttpResult latest = _http->get("/api/v1/project/latest/app");
		CPPUNIT_ASSERT_EQUAL(std::string("2"), latest.object()->getValue<std::string>("version"));
	}

	void testCountsNestedJsonComponents()
	{
		const std::string nested = "[" + Boms::component("inner1") + "," + Boms::component("inner2", "[" + Boms::component("deepest") + "]") + "]";
		const std::string bom = Boms::cyclonedxJson("1.5", "[" + Boms::component("a") + "," + Boms::component("b", nested) + "]");
		CPPUNIT_ASSERT_EQUAL(200, upload("nested", bom).status);
		// a, b, inner1, inner2, deepest; the metadata component is not one.
		CPPUNIT_ASSERT_EQUAL(5, *_server->project("nested", std::string("1"))->componentCount);
		CPPUNIT_ASSERT_EQUAL(std::string("1.5"), _server->uploads().at(0).specVersion);
	}

	void testCountsXmlComponents()
	{
		CPPUNIT_ASSERT_EQUAL(200, upload("xml", Boms::cyclonedxXml("1.5")).status);
		const BomUpload upload = _server->uploads().at(0);
		CPPUNIT_ASSERT_EQUAL(std::string("XML"), upload.format);
		CPPUNIT_ASSERT_EQUAL(std::string("1.5"), upload.specVersion);
		CPPUNIT_ASSERT_EQUAL(3, upload.componentCount);
		// XML 1.0 and 1.1 are still accepted.
		CPPUNIT_ASSERT_EQUAL(200, this->upload("xml-old", Boms::cyclonedxXml("1.1")).status);
	}

	void testRejectsCycloneDx17ButKeepsCreatedProject()
	{
		const HttpResult result = upload("next", Boms::cyclonedxJson("1.7", "[]"));
		assertProblem(result, "The uploaded BOM is invalid", "Unrecognized specVersion 1.7");
		// DT creates the project before it validates the BOM.
		const std::optional<Project> project = _server->project("next", std::string("1"));
		CPPUNIT_ASSERT(project);
		CPPUNIT_ASSERT(!project->lastBomImport);
		CPPUNIT_ASSERT(_server->uploads().empty());
	}

	void testRejectsCycloneDx17Xml()
	{
		const HttpResult result = upload("next-xml", Boms::cyclonedxXml("1.7"));
		assertProblem(result, "The uploaded BOM is invalid",
			"Unable to determine schema version from XML namespaces [http://cyclonedx.org/schema/bom/1.7]");
	}

	void testRejectsSpdxJson()
	{
		assertProblem(upload("spdx", Boms::spdxJson()), "The uploaded BOM is invalid", "Unable to determine schema version from JSON");
	}

	void testRejectsSpdxTagValueAndGarbage()
	{
		assertProblem(upload("spdx-tv", Boms::spdxTagValue()), "The uploaded BOM is invalid", "BOM is neither valid JSON nor XML");
		assertProblem(upload("garbage", "{\"bomFormat\":"), "The uploaded BOM is invalid", "BOM is neither valid JSON nor XML");
		assertProblem(upload("array", "[1,2]"), "The uploaded BOM is invalid", "BOM is neither valid JSON nor XML");
	}

	void testRejectsCycloneDxJson11()
	{
		assertProblem(upload("old", Boms::cyclonedxJson("1.1", "[]")), "The uploaded BOM is invalid", "JSON is not supported for specVersion 1.1");
	}

	void testReportsSchemaViolations()
	{
		const std::string bom = "{\"bomFormat\":\"SPDX\",\"specVersion\":\"1.4\",\"components\":["
			"{\"version\":\"1\"},{\"type\":\"foo\",\"name\":\"x\"}]}";
		const HttpResult result = upload("schema", bom);
		assertProblem(result, "The uploaded BOM is invalid", "Schema validation failed");
		Array::Ptr errors = result.object()->getArray("errors");
		CPPUNIT_ASSERT_EQUAL(std::size_t(5), errors->size());
		CPPUNIT_ASSERT_EQUAL(std::string("$.bomFormat: does not have a value in the enumeration [\"CycloneDX\"]"), errors->getElement<std::string>(0));
		CPPUNIT_ASSERT_EQUAL(std::string("$: required property 'version' not found"), errors->getElement<std::string>(1));
		CPPUNIT_ASSERT_EQUAL(std::string("$.components[0]: required property 'type' not found"), errors->getElement<std::string>(2));
		CPPUNIT_ASSERT_EQUAL(std::string("$.components[0]: required property 'name' not found"), errors->getElement<std::string>(3));
		CPPUNIT_ASSERT_EQUAL(std::string("$.components[1].type: does not have a value in the enumeration [\"application\", "
			"\"framework\", \"library\", \"container\", \"operating-system\", \"device\", \"firmware\", \"file\"]"), errors->getElement<std::string>(4));
	}

	void testEventTokenReportsProcessingUntilTheDelayPassed()
	{
		_server->setProcessingDelay(Poco::Timespan(300 * Poco::Timespan::MILLISECONDS));
		const HttpResult result = upload("slow", Boms::simple(7));
		const std::string token = result.object()->getValue<std::string>("token");
		CPPUNIT_ASSERT(processing(token));
		CPPUNIT_ASSERT(!_server->project("slow", std::string("1"))->lastBomImport);

		bool done = false;
		for (int i = 0; i < 100 && !done; ++i)
		{
			done = !processing(token);
			if (!done) Poco::Thread::sleep(50);
		}
		CPPUNIT_ASSERT(done);
		const std::optional<Project> project = _server->project("slow", std::string("1"));
		CPPUNIT_ASSERT(project->lastBomImport);
		CPPUNIT_ASSERT_EQUAL(7, *project->componentCount);
		const HttpResult json = _http->get("/api/v1/project/" + project->uuid);
		CPPUNIT_ASSERT_EQUAL(std::string("CycloneDX 1.6"), json.object()->getValue<std::string>("lastBomImportFormat"));
		CPPUNIT_ASSERT(json.object()->getValue<Poco::Int64>("lastBomImport") > 0);
	}

	void testLastBomPerProjectIsReplaced()
	{
		CPPUNIT_ASSERT_EQUAL(200, upload("twice", Boms::simple(1)).status);
		CPPUNIT_ASSERT_EQUAL(200, upload("twice", Boms::simple(2)).status);
		const std::optional<Project> project = _server->project("twice", std::string("1"));
		CPPUNIT_ASSERT_EQUAL(Boms::simple(2), *_server->lastBom(project->uuid)->document);
		CPPUNIT_ASSERT_EQUAL(2, *project->componentCount);
		CPPUNIT_ASSERT_EQUAL(std::size_t(2), _server->uploads().size());
		CPPUNIT_ASSERT_EQUAL(std::size_t(1), _server->projects().size());
	}

	void testWrongContentTypeIsUnsupported()
	{
		CPPUNIT_ASSERT_EQUAL(415, _http->request("PUT", "/api/v1/bom", "projectName=a", "application/x-www-form-urlencoded").status);
		CPPUNIT_ASSERT_EQUAL(415, _http->json("POST", "/api/v1/bom", "{}").status);
		CPPUNIT_ASSERT_EQUAL(405, _http->get("/api/v1/bom").status);
	}

private:
	static Project seed(const std::string& name, const std::optional<std::string>& version)
	{
		return sbomop::dtracksim::SharedServer::seed(name, version);
	}

	HttpResult upload(const std::string& name, const std::string& bom)
	{
		return _http->upload({{"autoCreate", "true"}, {"projectName", name}, {"projectVersion", "1"}}, bom);
	}

	bool processing(const std::string& token)
	{
		const HttpResult result = _http->get("/api/v1/event/token/" + token);
		CPPUNIT_ASSERT_EQUAL(200, result.status);
		return result.object()->getValue<bool>("processing");
	}

	static void assertProblem(const HttpResult& result, const std::string& title, const std::string& detail)
	{
		CPPUNIT_ASSERT_EQUAL(400, result.status);
		CPPUNIT_ASSERT_EQUAL(std::string("application/problem+json"), result.contentType);
		const Object::Ptr problem = result.object();
		CPPUNIT_ASSERT_EQUAL(400, problem->getValue<int>("status"));
		CPPUNIT_ASSERT_EQUAL(title, problem->getValue<std::string>("title"));
		CPPUNIT_ASSERT_EQUAL(detail, problem->getValue<std::string>("detail"));
	}

	DtrackSimServer* _server = nullptr;
	std::unique_ptr<SimHttp> _http;
};

CPPUNIT_TEST_SUITE_NAMED_REGISTRATION(DtrackSimBomUploadTest, "DtrackSim");
