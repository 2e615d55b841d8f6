//
// DtrackSimFaultTest.cpp
//
// Fault injection (error answers, latency, down), the guarded /_sim admin
// endpoints, the state dump, the --state-dir mirror and the request log.
//

#include "SharedServer.h"
#include "SimHttp.h"
#include "dtrack/DtrackSimServer.h"
#include <Poco/File.h>
#include <Poco/FileStream.h>
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Parser.h>
#include <Poco/Net/NetException.h>
#include <Poco/Path.h>
#include <Poco/StreamCopier.h>
#include <Poco/TemporaryFile.h>
#include <Poco/Thread.h>
#include <cppunit/extensions/HelperMacros.h>
#include <memory>

using Poco::JSON::Array;
using Poco::JSON::Object;
using sbomop::dtracksim::DtrackSimServer;
using sbomop::dtracksim::HttpResult;
using sbomop::dtracksim::Project;
using sbomop::dtracksim::RequestRecord;
using sbomop::dtracksim::SimHttp;
namespace Boms = sbomop::dtracksim::Boms;

namespace
{
	std::string readFile(const std::string& path)
	{
		Poco::FileInputStream in(path);
		std::string content;
		Poco::StreamCopier::copyToString(in, content);
		return content;
	}
}

class DtrackSimFaultTest: public CppUnit::TestFixture
{
	CPPUNIT_TEST_SUITE(DtrackSimFaultTest);
	CPPUNIT_TEST(testFailNextAnswersErrorsThenRecovers);
	CPPUNIT_TEST(testFaultRuleMatchesMethodAndPath);
	CPPUNIT_TEST(testLatencyOutlastsAShortClientTimeout);
	CPPUNIT_TEST(testDownDropsConnectionsUntilUpAgain);
	CPPUNIT_TEST(testAdminEndpointsNeedAnApiKey);
	CPPUNIT_TEST(testAdminEndpointConfiguresFaultsAndProcessingDelay);
	CPPUNIT_TEST(testMalformedFaultConfigurationIsBadRequest);
	CPPUNIT_TEST(testStateDumpListsProjectsWithComponentCounts);
	CPPUNIT_TEST(testStateDirMirrorsProjectsAndBoms);
	CPPUNIT_TEST(testRequestLogRecordsStatusesButNoKeys);
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

	void testFailNextAnswersErrorsThenRecovers()
	{
		_server->faults().failNext(2, 503);
		CPPUNIT_ASSERT_EQUAL(503, _http->get("/api/v1/project").status);
		CPPUNIT_ASSERT_EQUAL(503, _http->get("/api/version").status);
		CPPUNIT_ASSERT_EQUAL(200, _http->get("/api/v1/project").status);
	}

	void testFaultRuleMatchesMethodAndPath()
	{
		_server->faults().failNext(-1, 500, "^/api/v1/bom", "POST");
		CPPUNIT_ASSERT_EQUAL(500, upload("a").status);
		CPPUNIT_ASSERT_EQUAL(500, upload("a").status);
		CPPUNIT_ASSERT_EQUAL(200, _http->get("/api/v1/project").status);
		CPPUNIT_ASSERT(_server->projects().empty());
		_server->faults().clear();
		CPPUNIT_ASSERT_EQUAL(200, upload("a").status);
	}

	void testLatencyOutlastsAShortClientTimeout()
	{
		_server->faults().setLatency(Poco::Timespan(600 * Poco::Timespan::MILLISECONDS));
		_http->setTimeout(Poco::Timespan(100 * Poco::Timespan::MILLISECONDS));
		CPPUNIT_ASSERT_THROW(_http->get("/api/version"), Poco::TimeoutException);
		// The abandoned request is still answered (and logged) once its delay ends.
		for (int i = 0; i < 100 && _server->requests().count("GET", "/api/version") == 0; ++i) Poco::Thread::sleep(20);
		CPPUNIT_ASSERT_EQUAL(std::size_t(1), _server->requests().count("GET", "/api/version"));
		_server->faults().clear();
		_http->setTimeout(Poco::Timespan(10, 0));
		CPPUNIT_ASSERT_EQUAL(200, _http->get("/api/version").status);
	}

	void testDownDropsConnectionsUntilUpAgain()
	{
		_server->faults().setDown(true);
		CPPUNIT_ASSERT_THROW(_http->get("/api/version"), Poco::Exception);
		CPPUNIT_ASSERT_THROW(upload("a"), Poco::Exception);
		CPPUNIT_ASSERT(_server->projects().empty());
		// /_sim stays reachable so the server can be brought back.
		CPPUNIT_ASSERT_EQUAL(200, _http->json("POST", "/_sim/faults", "{\"down\":false}").status);
		CPPUNIT_ASSERT_EQUAL(200, _http->get("/api/version").status);
	}

	void testAdminEndpointsNeedAnApiKey()
	{
		_http->setApiKey("");
		CPPUNIT_ASSERT_EQUAL(401, _http->get("/_sim/projects").status);
		CPPUNIT_ASSERT_EQUAL(401, _http->json("POST", "/_sim/faults", "{\"down\":true}").status);
		CPPUNIT_ASSERT(!_server->faults().down());
		_http->setApiKey(DtrackSimServer::DEFAULT_API_KEY);
		CPPUNIT_ASSERT_EQUAL(404, _http->get("/_sim/unknown").status);
	}

	void testAdminEndpointConfiguresFaultsAndProcessingDelay()
	{
		HttpResult result = _http->json("POST", "/_sim/faults",
			"{\"rules\":[{\"count\":1,\"status\":502,\"method\":\"GET\",\"path\":\"/project\"}],\"latencyMs\":10,\"processingDelayMs\":250}");
		CPPUNIT_ASSERT_EQUAL(200, result.status);
		CPPUNIT_ASSERT_EQUAL(10, result.object()->getValue<int>("latencyMs"));
		CPPUNIT_ASSERT_EQUAL(250, result.object()->getValue<int>("processingDelayMs"));
		CPPUNIT_ASSERT_EQUAL(std::size_t(1), result.object()->getArray("rules")->size());
		CPPUNIT_ASSERT_EQUAL(Poco::Timespan::TimeDiff(250), _server->store().processingDelay().totalMilliseconds());

		CPPUNIT_ASSERT_EQUAL(502, _http->get("/api/v1/project").status);
		CPPUNIT_ASSERT_EQUAL(200, _http->get("/api/v1/project").status);

		CPPUNIT_ASSERT_EQUAL(204, _http->request("DELETE", "/_sim/faults").status);
		result = _http->get("/_sim/faults");
		CPPUNIT_ASSERT_EQUAL(0, result.object()->getValue<int>("latencyMs"));
		CPPUNIT_ASSERT_EQUAL(std::size_t(0), result.object()->getArray("rules")->size());
	}

	void testMalformedFaultConfigurationIsBadRequest()
	{
		CPPUNIT_ASSERT_EQUAL(400, _http->json("POST", "/_sim/faults", "{\"rules\":[{\"status\":42}]}").status);
		CPPUNIT_ASSERT_EQUAL(400, _http->json("POST", "/_sim/faults", "{\"rules\":[{\"path\":\"(\"}]}").status);
		CPPUNIT_ASSERT_EQUAL(400, _http->json("POST", "/_sim/faults", "[]").status);
		CPPUNIT_ASSERT_EQUAL(200, _http->get("/api/v1/project").status);
	}

	void testStateDumpListsProjectsWithComponentCounts()
	{
		CPPUNIT_ASSERT_EQUAL(200, _http->upload({{"autoCreate", "true"}, {"projectName", "app"}, {"projectVersion", "1"},
			{"projectTags", "sbom-operator"}}, Boms::simple(4)).status);
		const HttpResult result = _http->get("/_sim/projects");
		CPPUNIT_ASSERT_EQUAL(200, result.status);
		const Object::Ptr state = result.object();
		CPPUNIT_ASSERT_EQUAL(1, state->getValue<int>("uploads"));
		const Object::Ptr project = state->getArray("projects")->getObject(0);
		CPPUNIT_ASSERT_EQUAL(std::string("app"), project->getValue<std::string>("name"));
		CPPUNIT_ASSERT_EQUAL(4, project->getValue<int>("components"));
		CPPUNIT_ASSERT_EQUAL(std::string("sbom-operator"), project->getArray("tags")->getElement<std::string>(0));
		CPPUNIT_ASSERT_EQUAL(std::string("multipart"), project->getObject("lastUpload")->getValue<std::string>("transport"));
		CPPUNIT_ASSERT(project->isNull("parent"));
	}

	void testStateDirMirrorsProjectsAndBoms()
	{
		Poco::TemporaryFile dir;
		DtrackSimServer::Options options;
		options.stateDir = dir.path();
		DtrackSimServer server(options);
		server.start();
		SimHttp http(server.port(), DtrackSimServer::DEFAULT_API_KEY);
		CPPUNIT_ASSERT_EQUAL(200, http.upload({{"autoCreate", "true"}, {"projectName", "app"}, {"projectVersion", "1"}}, Boms::simple(3)).status);

		const std::string uuid = server.project("app", std::string("1"))->uuid;
		Poco::JSON::Parser parser;
		const Object::Ptr state = parser.parse(readFile(Poco::Path(dir.path(), "projects.json").toString())).extract<Object::Ptr>();
		CPPUNIT_ASSERT_EQUAL(uuid, state->getArray("projects")->getObject(0)->getValue<std::string>("uuid"));
		CPPUNIT_ASSERT_EQUAL(3, state->getArray("projects")->getObject(0)->getValue<int>("components"));
		Poco::Path bom = Poco::Path::forDirectory(dir.path());
		bom.pushDirectory("boms");
		bom.setFileName(uuid + ".cdx.json");
		CPPUNIT_ASSERT_EQUAL(Boms::simple(3), readFile(bom.toString()));

		CPPUNIT_ASSERT_EQUAL(204, http.request("DELETE", "/api/v1/project/" + uuid).status);
		parser.reset();
		const Object::Ptr after = parser.parse(readFile(Poco::Path(dir.path(), "projects.json").toString())).extract<Object::Ptr>();
		CPPUNIT_ASSERT_EQUAL(std::size_t(0), after->getArray("projects")->size());
	}

	void testRequestLogRecordsStatusesButNoKeys()
	{
		_http->get("/api/version");
		_http->setApiKey("odt_secret_wrong_key");
		_http->get("/api/v1/project?name=x");
		const std::vector<RequestRecord> records = _server->requests().entries();
		CPPUNIT_ASSERT_EQUAL(std::size_t(2), records.size());
		CPPUNIT_ASSERT_EQUAL(200, records[0].status);
		CPPUNIT_ASSERT_EQUAL(std::string("/api/v1/project?name=x"), records[1].uri);
		CPPUNIT_ASSERT_EQUAL(401, records[1].status);
		CPPUNIT_ASSERT_EQUAL(std::size_t(1), _server->requests().count("GET", "/api/v1/project"));
		_http->setApiKey(DtrackSimServer::DEFAULT_API_KEY);
		const HttpResult log = _http->get("/_sim/requests");
		CPPUNIT_ASSERT_EQUAL(200, log.status);
		CPPUNIT_ASSERT(log.body.find("odt_") == std::string::npos);
	}

private:
	HttpResult upload(const std::string& name)
	{
		return _http->upload({{"autoCreate", "true"}, {"projectName", name}, {"projectVersion", "1"}}, Boms::simple());
	}

	DtrackSimServer* _server = nullptr;
	std::unique_ptr<SimHttp> _http;
};

CPPUNIT_TEST_SUITE_NAMED_REGISTRATION(DtrackSimFaultTest, "DtrackSim");
