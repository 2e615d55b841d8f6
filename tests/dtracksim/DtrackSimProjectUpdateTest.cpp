//
// DtrackSimProjectUpdateTest.cpp
//
// The write side of dtrack-sim's project endpoints: create (201/409), the
// full-update POST against the partial PATCH (304 when nothing changes),
// isLatest uniqueness, DT's 409 cases and recursive delete.
//

#include "SharedServer.h"
#include "SimHttp.h"
#include "dtrack/DtrackSimServer.h"
#include <Poco/JSON/Array.h>
#include <cppunit/extensions/HelperMacros.h>
#include <memory>

using Poco::JSON::Object;
using sbomop::dtracksim::DtrackSimServer;
using sbomop::dtracksim::HttpResult;
using sbomop::dtracksim::Project;
using sbomop::dtracksim::SharedServer;
using sbomop::dtracksim::SimHttp;

class DtrackSimProjectUpdateTest: public CppUnit::TestFixture
{
	CPPUNIT_TEST_SUITE(DtrackSimProjectUpdateTest);
	CPPUNIT_TEST(testCreateAnswers201AndRejectsDuplicates);
	CPPUNIT_TEST(testCreateWithBlankNameIsBadRequest);
	CPPUNIT_TEST(testCreateUnderInactiveParentConflicts);
	CPPUNIT_TEST(testPostIsAFullUpdate);
	CPPUNIT_TEST(testPostWithUnknownUuidIsNotFound);
	CPPUNIT_TEST(testPostWithDuplicateNameAndVersionConflicts);
	CPPUNIT_TEST(testPatchChangesOnlySuppliedFields);
	CPPUNIT_TEST(testPatchWithoutChangesIsNotModified);
	CPPUNIT_TEST(testPatchReparentsAndRejectsUnknownParent);
	CPPUNIT_TEST(testDeactivatingAParentWithActiveChildrenConflicts);
	CPPUNIT_TEST(testSelfAndCircularParentsConflict);
	CPPUNIT_TEST(testIsLatestIsUniquePerName);
	CPPUNIT_TEST(testDeleteRemovesProjectAndChildren);
	CPPUNIT_TEST_SUITE_END();

public:
	void setUp() override
	{
		_server = &SharedServer::acquire();
		_http.reset(new SimHttp(_server->port(), DtrackSimServer::DEFAULT_API_KEY));
	}

	void tearDown() override
	{
		_http.reset();
	}

	void testCreateAnswers201AndRejectsDuplicates()
	{
		const Project parent = seed("cluster", std::nullopt);
		const std::string body = "{\"name\":\" app \",\"version\":\"1\",\"tags\":[{\"name\":\"b\"},{\"name\":\"a\"}],"
			"\"parent\":{\"uuid\":\"" + parent.uuid + "\"},\"isLatest\":true,\"description\":\"demo\"}";
		HttpResult result = _http->json("PUT", "/api/v1/project", body);
		CPPUNIT_ASSERT_EQUAL(201, result.status);
		const Object::Ptr json = result.object();
		CPPUNIT_ASSERT_EQUAL(std::string("app"), json->getValue<std::string>("name"));
		CPPUNIT_ASSERT_EQUAL(std::string("demo"), json->getValue<std::string>("description"));
		CPPUNIT_ASSERT_EQUAL(true, json->getValue<bool>("isLatest"));
		CPPUNIT_ASSERT_EQUAL(std::size_t(36), json->getValue<std::string>("uuid").size());
		const std::optional<Project> stored = _server->project("app", std::string("1"));
		CPPUNIT_ASSERT(stored->tags == std::vector<std::string>({"a", "b"}));
		CPPUNIT_ASSERT_EQUAL(parent.uuid, stored->parentUuid);

		result = _http->json("PUT", "/api/v1/project", "{\"name\":\"app\",\"version\":\"1\"}");
		CPPUNIT_ASSERT_EQUAL(409, result.status);
		CPPUNIT_ASSERT_EQUAL(std::string("A project with the specified name already exists."), result.body);
	}

	void testCreateWithBlankNameIsBadRequest()
	{
		const HttpResult result = _http->json("PUT", "/api/v1/project", "{\"name\":\"  \",\"version\":\"1\"}");
		CPPUNIT_ASSERT_EQUAL(400, result.status);
		CPPUNIT_ASSERT_EQUAL(std::string("name"), result.array()->getObject(0)->getValue<std::string>("path"));
		CPPUNIT_ASSERT_EQUAL(400, _http->json("PUT", "/api/v1/project", "not json").status);
		CPPUNIT_ASSERT(_server->projects().empty());
	}

	void testCreateUnderInactiveParentConflicts()
	{
		Project parent = seed("cluster", std::nullopt);
		parent.active = false;
		_server->store().update(parent);
		const HttpResult result = _http->json("PUT", "/api/v1/project",
			"{\"name\":\"app\",\"version\":\"1\",\"parent\":{\"uuid\":\"" + parent.uuid + "\"}}");
		CPPUNIT_ASSERT_EQUAL(409, result.status);
		CPPUNIT_ASSERT_EQUAL(std::string("An inactive Parent cannot be selected as parent"), result.body);
	}

	void testPostIsAFullUpdate()
	{
		const Project parent = seed("cluster", std::nullopt);
		Project project = seed("app", std::string("1"), parent.uuid, {"keep", "sbom-operator"});
		project.isLatest = true;
		project.active = false;
		project.attributes["description"] = "set by a human";
		_server->store().update(project);

		// Only the name, version and one tag are sent: everything else is reset.
		const HttpResult result = _http->json("POST", "/api/v1/project",
			"{\"uuid\":\"" + project.uuid + "\",\"name\":\"app\",\"version\":\"1\",\"tags\":[{\"name\":\"sbom-operator\"}]}");
		CPPUNIT_ASSERT_EQUAL(200, result.status);
		const std::optional<Project> updated = _server->projectByUuid(project.uuid);
		CPPUNIT_ASSERT_EQUAL(std::string(), updated->parentUuid);
		CPPUNIT_ASSERT(updated->tags == std::vector<std::string>({"sbom-operator"}));
		CPPUNIT_ASSERT(updated->active);
		CPPUNIT_ASSERT(!updated->isLatest);
		CPPUNIT_ASSERT(updated->attributes.empty());
		CPPUNIT_ASSERT(!result.object()->has("parent"));

		// Without a name the stored one is kept.
		CPPUNIT_ASSERT_EQUAL(200, _http->json("POST", "/api/v1/project", "{\"uuid\":\"" + project.uuid + "\",\"version\":\"1\"}").status);
		CPPUNIT_ASSERT_EQUAL(std::string("app"), _server->projectByUuid(project.uuid)->name);
		// A parent UUID that does not exist crashes DT's updateProject.
		CPPUNIT_ASSERT_EQUAL(500, _http->json("POST", "/api/v1/project", "{\"uuid\":\"" + project.uuid
			+ "\",\"name\":\"app\",\"parent\":{\"uuid\":\"9d7c7a02-8f5e-4f6e-a3f1-0c8b6a6e2b11\"}}").status);
	}

	void testPostWithUnknownUuidIsNotFound()
	{
		HttpResult result = _http->json("POST", "/api/v1/project", "{\"uuid\":\"9d7c7a02-8f5e-4f6e-a3f1-0c8b6a6e2b11\",\"name\":\"x\"}");
		CPPUNIT_ASSERT_EQUAL(404, result.status);
		CPPUNIT_ASSERT_EQUAL(std::string("The UUID of the project could not be found."), result.body);
		result = _http->json("POST", "/api/v1/project", "{\"name\":\"x\"}");
		CPPUNIT_ASSERT_EQUAL(404, result.status);
	}

	void testPostWithDuplicateNameAndVersionConflicts()
	{
		seed("app", std::string("1"));
		const Project other = seed("app", std::string("2"));
		const HttpResult result = _http->json("POST", "/api/v1/project", "{\"uuid\":\"" + other.uuid + "\",\"name\":\"app\",\"version\":\"1\"}");
		CPPUNIT_ASSERT_EQUAL(409, result.status);
		CPPUNIT_ASSERT_EQUAL(std::string("A project with the specified name and version already exists."), result.body);
		CPPUNIT_ASSERT_EQUAL(std::string("2"), *_server->projectByUuid(other.uuid)->version);
	}

	void testPatchChangesOnlySuppliedFields()
	{
		const Project parent = seed("cluster", std::nullopt);
		Project project = seed("app", std::string("1"), parent.uuid, {"sbom-operator", "raw-image-id=x"});
		project.isLatest = true;
		_server->store().update(project);

		const HttpResult result = _http->json("PATCH", "/api/v1/project/" + project.uuid, "{\"active\":false,\"isLatest\":false}");
		CPPUNIT_ASSERT_EQUAL(200, result.status);
		CPPUNIT_ASSERT_EQUAL(false, result.object()->getValue<bool>("active"));
		const std::optional<Project> patched = _server->projectByUuid(project.uuid);
		CPPUNIT_ASSERT(!patched->active);
		CPPUNIT_ASSERT(!patched->isLatest);
		CPPUNIT_ASSERT_EQUAL(parent.uuid, patched->parentUuid);
		CPPUNIT_ASSERT(patched->tags == std::vector<std::string>({"raw-image-id=x", "sbom-operator"}));

		CPPUNIT_ASSERT_EQUAL(200, _http->json("PATCH", "/api/v1/project/" + project.uuid, "{\"tags\":[{\"name\":\"only\"}]}").status);
		CPPUNIT_ASSERT(_server->projectByUuid(project.uuid)->tags == std::vector<std::string>({"only"}));
		CPPUNIT_ASSERT_EQUAL(parent.uuid, _server->projectByUuid(project.uuid)->parentUuid);
	}

	void testPatchWithoutChangesIsNotModified()
	{
		const Project project = seed("app", std::string("1"));
		HttpResult result = _http->json("PATCH", "/api/v1/project/" + project.uuid, "{\"active\":true,\"name\":\"app\"}");
		CPPUNIT_ASSERT_EQUAL(304, result.status);
		result = _http->json("PATCH", "/api/v1/project/9d7c7a02-8f5e-4f6e-a3f1-0c8b6a6e2b11", "{\"active\":false}");
		CPPUNIT_ASSERT_EQUAL(404, result.status);
		CPPUNIT_ASSERT_EQUAL(std::string("The UUID of the project could not be found."), result.body);
	}

	void testPatchReparentsAndRejectsUnknownParent()
	{
		const Project first = seed("cluster-a", std::nullopt);
		const Project second = seed("cluster-b", std::nullopt);
		const Project project = seed("app", std::string("1"), first.uuid);
		CPPUNIT_ASSERT_EQUAL(200, _http->json("PATCH", "/api/v1/project/" + project.uuid,
			"{\"parent\":{\"uuid\":\"" + second.uuid + "\"}}").status);
		CPPUNIT_ASSERT_EQUAL(second.uuid, _server->projectByUuid(project.uuid)->parentUuid);
		const HttpResult result = _http->json("PATCH", "/api/v1/project/" + project.uuid,
			"{\"parent\":{\"uuid\":\"9d7c7a02-8f5e-4f6e-a3f1-0c8b6a6e2b11\"}}");
		CPPUNIT_ASSERT_EQUAL(404, result.status);
		CPPUNIT_ASSERT_EQUAL(std::string("The UUID of the parent project could not be found."), result.body);
		CPPUNIT_ASSERT_EQUAL(second.uuid, _server->projectByUuid(project.uuid)->parentUuid);
	}

	void testDeactivatingAParentWithActiveChildrenConflicts()
	{
		const Project parent = seed("cluster", std::nullopt);
		const Project child = seed("app", std::string("1"), parent.uuid);
		HttpResult result = _http->json("PATCH", "/api/v1/project/" + parent.uuid, "{\"active\":false}");
		CPPUNIT_ASSERT_EQUAL(409, result.status);
		CPPUNIT_ASSERT_EQUAL(std::string("Project cannot be set to inactive if active children are present."), result.body);
		CPPUNIT_ASSERT_EQUAL(200, _http->json("PATCH", "/api/v1/project/" + child.uuid, "{\"active\":false}").status);
		CPPUNIT_ASSERT_EQUAL(200, _http->json("PATCH", "/api/v1/project/" + parent.uuid, "{\"active\":false}").status);
		// And nothing can be moved under the inactive parent.
		const Project other = seed("other", std::string("1"));
		result = _http->json("PATCH", "/api/v1/project/" + other.uuid, "{\"parent\":{\"uuid\":\"" + parent.uuid + "\"}}");
		CPPUNIT_ASSERT_EQUAL(409, result.status);
		CPPUNIT_ASSERT_EQUAL(std::string("An inactive project cannot be selected as a parent"), result.body);
	}

	void testSelfAndCircularParentsConflict()
	{
		const Project top = seed("top", std::nullopt);
		const Project middle = seed("middle", std::nullopt, top.uuid);
		HttpResult result = _http->json("PATCH", "/api/v1/project/" + top.uuid, "{\"parent\":{\"uuid\":\"" + top.uuid + "\"}}");
		CPPUNIT_ASSERT_EQUAL(409, result.status);
		CPPUNIT_ASSERT_EQUAL(std::string("A project cannot select itself as a parent"), result.body);
		result = _http->json("PATCH", "/api/v1/project/" + top.uuid, "{\"parent\":{\"uuid\":\"" + middle.uuid + "\"}}");
		CPPUNIT_ASSERT_EQUAL(409, result.status);
		CPPUNIT_ASSERT_EQUAL(std::string("The new parent project cannot be a child of the current project."), result.body);
		CPPUNIT_ASSERT_EQUAL(std::string(), _server->projectByUuid(top.uuid)->parentUuid);
	}

	void testIsLatestIsUniquePerName()
	{
		Project v1 = seed("app", std::string("1"));
		v1.isLatest = true;
		_server->store().update(v1);
		const Project v2 = seed("app", std::string("2"));
		Project other = seed("other", std::string("1"));
		other.isLatest = true;
		_server->store().update(other);

		CPPUNIT_ASSERT_EQUAL(200, _http->json("PATCH", "/api/v1/project/" + v2.uuid, "{\"isLatest\":true}").status);
		CPPUNIT_ASSERT(!_server->projectByUuid(v1.uuid)->isLatest);
		CPPUNIT_ASSERT(_server->projectByUuid(v2.uuid)->isLatest);
		CPPUNIT_ASSERT(_server->projectByUuid(other.uuid)->isLatest);
	}

	void testDeleteRemovesProjectAndChildren()
	{
		const Project parent = seed("cluster", std::nullopt);
		const Project child = seed("app", std::string("1"), parent.uuid);
		seed("grandchild", std::string("1"), child.uuid);
		const Project unrelated = seed("unrelated", std::string("1"));
		HttpResult result = _http->request("DELETE", "/api/v1/project/" + parent.uuid);
		CPPUNIT_ASSERT_EQUAL(204, result.status);
		CPPUNIT_ASSERT_EQUAL(std::string(), result.body);
		CPPUNIT_ASSERT_EQUAL(std::size_t(1), _server->projects().size());
		CPPUNIT_ASSERT_EQUAL(unrelated.uuid, _server->projects().at(0).uuid);
		result = _http->request("DELETE", "/api/v1/project/" + parent.uuid);
		CPPUNIT_ASSERT_EQUAL(404, result.status);
		CPPUNIT_ASSERT_EQUAL(std::string("The UUID of the project could not be found."), result.body);
	}

private:
	static Project seed(const std::string& name, const std::optional<std::string>& version,
		const std::string& parent = "", const std::vector<std::string>& tags = {})
	{
		return SharedServer::seed(name, version, parent, tags);
	}

	DtrackSimServer* _server = nullptr;
	std::unique_ptr<SimHttp> _http;
};

CPPUNIT_TEST_SUITE_NAMED_REGISTRATION(DtrackSimProjectUpdateTest, "DtrackSim");
