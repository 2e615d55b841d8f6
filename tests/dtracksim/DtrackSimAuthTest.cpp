//
// DtrackSimAuthTest.cpp
//
// Authentication and permissions of dtrack-sim: /api/version is open, every
// other endpoint needs a known X-Api-Key (or bearer token), and each
// endpoint checks the permission Dependency-Track 4.14 requires.
//

#include "SharedServer.h"
#include "SimHttp.h"
#include "dtrack/DtrackSimServer.h"
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/StreamCopier.h>
#include <cppunit/extensions/HelperMacros.h>
#include <limits>
#include <memory>

using sbomop::dtracksim::DtrackSimServer;
using sbomop::dtracksim::FormFields;
using sbomop::dtracksim::HttpResult;
using sbomop::dtracksim::Permission;
using sbomop::dtracksim::PermissionSet;
using sbomop::dtracksim::Project;
using sbomop::dtracksim::SimHttp;
namespace Boms = sbomop::dtracksim::Boms;

namespace
{
	const std::string UPLOAD_ONLY = "odt_upload_only";
	const std::string UPLOADER = "odt_uploader";
	const std::string VIEWER = "odt_viewer";
	const std::string NOBODY = "odt_nobody";
}

class DtrackSimAuthTest: public CppUnit::TestFixture
{
	CPPUNIT_TEST_SUITE(DtrackSimAuthTest);
	CPPUNIT_TEST(testVersionNeedsNoApiKey);
	CPPUNIT_TEST(testMissingApiKeyIsUnauthorizedWithEmptyBody);
	CPPUNIT_TEST(testWrongApiKeyIsUnauthorized);
	CPPUNIT_TEST(testBearerTokenIsAccepted);
	CPPUNIT_TEST(testUnknownApiKeyWinsOverValidBearerToken);
	CPPUNIT_TEST(testUploadWithoutBomUploadPermissionIsForbidden);
	CPPUNIT_TEST(testAutoCreateWithoutCreationPermissionIsUnauthorized);
	CPPUNIT_TEST(testAutoCreateWithProjectCreationUploadPermission);
	CPPUNIT_TEST(testProjectReadsNeedViewPortfolio);
	CPPUNIT_TEST(testProjectWritesNeedPortfolioManagement);
	CPPUNIT_TEST(testTagsForExistingProjectNeedPortfolioManagement);
	CPPUNIT_TEST(testEventTokenNeedsOnlyAuthentication);
	CPPUNIT_TEST(testRejectedUploadKeepsTheConnectionUsable);
	CPPUNIT_TEST_SUITE_END();

public:
	void setUp() override
	{
		_server = &sbomop::dtracksim::SharedServer::acquire();
		_server->addApiKey(UPLOAD_ONLY, {Permission::BOM_UPLOAD});
		_server->addApiKey(UPLOADER, {Permission::BOM_UPLOAD, Permission::PROJECT_CREATION_UPLOAD});
		_server->addApiKey(VIEWER, {Permission::VIEW_PORTFOLIO});
		_server->addApiKey(NOBODY, PermissionSet());
		_http.reset(new SimHttp(_server->port(), DtrackSimServer::DEFAULT_API_KEY));
	}

	void tearDown() override
	{
		_http.reset();
	}

	void testVersionNeedsNoApiKey()
	{
		_http->setApiKey("");
		const HttpResult result = _http->get("/api/version");
		CPPUNIT_ASSERT_EQUAL(200, result.status);
		CPPUNIT_ASSERT_EQUAL(std::string("4.14.3"), result.object()->getValue<std::string>("version"));
		CPPUNIT_ASSERT_EQUAL(std::string("Dependency-Track"), result.object()->getValue<std::string>("application"));
	}

	void testMissingApiKeyIsUnauthorizedWithEmptyBody()
	{
		_http->setApiKey("");
		const HttpResult result = _http->get("/api/v1/project");
		CPPUNIT_ASSERT_EQUAL(401, result.status);
		CPPUNIT_ASSERT_EQUAL(std::string(), result.body);
	}

	void testWrongApiKeyIsUnauthorized()
	{
		_http->setApiKey("odt_wrong");
		CPPUNIT_ASSERT_EQUAL(401, _http->upload({{"projectName", "a"}, {"autoCreate", "true"}}, Boms::simple()).status);
		CPPUNIT_ASSERT(_server->projects().empty());
	}

	void testBearerTokenIsAccepted()
	{
		_http->setApiKey("");
		const HttpResult result = _http->request("GET", "/api/v1/project", "", "", {{"Authorization", "Bearer " + VIEWER}});
		CPPUNIT_ASSERT_EQUAL(200, result.status);
		CPPUNIT_ASSERT_EQUAL(std::string("0"), result.headers.get("X-Total-Count"));
	}

	void testUnknownApiKeyWinsOverValidBearerToken()
	{
		_http->setApiKey("odt_wrong");
		const HttpResult result = _http->request("GET", "/api/v1/project", "", "", {{"Authorization", "Bearer " + VIEWER}});
		CPPUNIT_ASSERT_EQUAL(401, result.status);
	}

	void testUploadWithoutBomUploadPermissionIsForbidden()
	{
		_http->setApiKey(VIEWER);
		const HttpResult result = _http->upload({{"projectName", "a"}, {"projectVersion", "1"}, {"autoCreate", "true"}}, Boms::simple());
		CPPUNIT_ASSERT_EQUAL(403, result.status);
		CPPUNIT_ASSERT_EQUAL(std::string(), result.body);
		CPPUNIT_ASSERT(_server->projects().empty());
	}

	void testAutoCreateWithoutCreationPermissionIsUnauthorized()
	{
		_http->setApiKey(UPLOAD_ONLY);
		const HttpResult result = _http->upload({{"projectName", "a"}, {"projectVersion", "1"}, {"autoCreate", "true"}}, Boms::simple());
		CPPUNIT_ASSERT_EQUAL(401, result.status);
		CPPUNIT_ASSERT_EQUAL(std::string("The principal does not have permission to create project."), result.body);
		CPPUNIT_ASSERT(_server->projects().empty());
	}

	void testAutoCreateWithProjectCreationUploadPermission()
	{
		_http->setApiKey(UPLOADER);
		const HttpResult result = _http->upload({{"projectName", "a"}, {"projectVersion", "1"}, {"autoCreate", "true"}}, Boms::simple());
		CPPUNIT_ASSERT_EQUAL(200, result.status);
		CPPUNIT_ASSERT(_server->project("a", std::string("1")));
		// An existing project only needs BOM_UPLOAD.
		_http->setApiKey(UPLOAD_ONLY);
		CPPUNIT_ASSERT_EQUAL(200, _http->upload({{"projectName", "a"}, {"projectVersion", "1"}}, Boms::simple()).status);
		CPPUNIT_ASSERT_EQUAL(std::size_t(2), _server->uploads().size());
	}

	void testProjectReadsNeedViewPortfolio()
	{
		_http->setApiKey(UPLOADER);
		CPPUNIT_ASSERT_EQUAL(403, _http->get("/api/v1/project").status);
		CPPUNIT_ASSERT_EQUAL(403, _http->get("/api/v1/project/lookup?name=a&version=1").status);
		_http->setApiKey(VIEWER);
		CPPUNIT_ASSERT_EQUAL(404, _http->get("/api/v1/project/lookup?name=a&version=1").status);
	}

	void testProjectWritesNeedPortfolioManagement()
	{
		_http->setApiKey(VIEWER);
		CPPUNIT_ASSERT_EQUAL(403, _http->json("PUT", "/api/v1/project", "{\"name\":\"a\",\"version\":\"1\"}").status);
		Project seed;
		seed.name = "b";
		const Project created = _server->store().create(seed);
		CPPUNIT_ASSERT_EQUAL(403, _http->json("PATCH", "/api/v1/project/" + created.uuid, "{\"active\":false}").status);
		CPPUNIT_ASSERT_EQUAL(403, _http->request("DELETE", "/api/v1/project/" + created.uuid).status);
		CPPUNIT_ASSERT(_server->projectByUuid(created.uuid)->active);
		CPPUNIT_ASSERT_EQUAL(std::size_t(1), _server->projects().size());
	}

	void testTagsForExistingProjectNeedPortfolioManagement()
	{
		Project seed;
		seed.name = "app";
		seed.version = std::string("1");
		seed.tags = {"old"};
		_server->store().create(seed);

		_http->setApiKey(UPLOAD_ONLY);
		const FormFields fields = {{"projectName", "app"}, {"projectVersion", "1"}, {"projectTags", "new,other"}};
		CPPUNIT_ASSERT_EQUAL(200, _http->upload(fields, Boms::simple()).status);
		CPPUNIT_ASSERT(_server->project("app", std::string("1"))->tags == std::vector<std::string>({"old"}));

		_http->setApiKey(DtrackSimServer::DEFAULT_API_KEY);
		CPPUNIT_ASSERT_EQUAL(200, _http->upload(fields, Boms::simple()).status);
		CPPUNIT_ASSERT(_server->project("app", std::string("1"))->tags == std::vector<std::string>({"new", "other"}));
	}

	void testEventTokenNeedsOnlyAuthentication()
	{
		_http->setApiKey(NOBODY);
		const HttpResult result = _http->get("/api/v1/event/token/0e0b6d6e-95a4-4b1c-9c4f-6f3a3c2a8c11");
		CPPUNIT_ASSERT_EQUAL(200, result.status);
		CPPUNIT_ASSERT_EQUAL(false, result.object()->getValue<bool>("processing"));
		CPPUNIT_ASSERT_EQUAL(403, _http->get("/api/v1/bom/token/0e0b6d6e-95a4-4b1c-9c4f-6f3a3c2a8c11").status);
	}

	void testRejectedUploadKeepsTheConnectionUsable()
	{
		// The 403 is answered before the body is read; the next request on
		// the same connection must still parse.
		Poco::Net::HTTPClientSession session("127.0.0.1", _server->port());
		session.setKeepAlive(true);
		const std::string body = std::string(200000, 'x');
		Poco::Net::HTTPRequest upload(Poco::Net::HTTPRequest::HTTP_PUT, "/api/v1/bom", Poco::Net::HTTPMessage::HTTP_1_1);
		upload.set("X-Api-Key", VIEWER);
		upload.setContentType("application/json");
		upload.setContentLength(static_cast<std::streamsize>(body.size()));
		session.sendRequest(upload) << body;
		Poco::Net::HTTPResponse first;
		session.receiveResponse(first).ignore(std::numeric_limits<std::streamsize>::max());
		CPPUNIT_ASSERT_EQUAL(Poco::Net::HTTPResponse::HTTP_FORBIDDEN, first.getStatus());

		Poco::Net::HTTPRequest version(Poco::Net::HTTPRequest::HTTP_GET, "/api/version", Poco::Net::HTTPMessage::HTTP_1_1);
		session.sendRequest(version);
		Poco::Net::HTTPResponse second;
		std::string text;
		Poco::StreamCopier::copyToString(session.receiveResponse(second), text);
		CPPUNIT_ASSERT_EQUAL(Poco::Net::HTTPResponse::HTTP_OK, second.getStatus());
		CPPUNIT_ASSERT(text.find("\"4.14.3\"") != std::string::npos);
	}

private:
	DtrackSimServer* _server = nullptr;
	std::unique_ptr<SimHttp> _http;
};

CPPUNIT_TEST_SUITE_NAMED_REGISTRATION(DtrackSimAuthTest, "DtrackSim");
