//
// DtrackSimProjectQueryTest.cpp
//
// The read side of dtrack-sim's project endpoints: lookup by name and
// version, lists with DT's default order, filters, paging and X-Total-Count,
// lists by tag, by UUID and children.
//

#include "SharedServer.h"
#include "SimHttp.h"
#include "dtrack/DtrackSimServer.h"
#include <Poco/JSON/Array.h>
#include <cppunit/extensions/HelperMacros.h>
#include <memory>
#include <sstream>

using Poco::JSON::Array;
using Poco::JSON::Object;
using sbomop::dtracksim::DtrackSimServer;
using sbomop::dtracksim::HttpResult;
using sbomop::dtracksim::Project;
using sbomop::dtracksim::SharedServer;
using sbomop::dtracksim::SimHttp;

class DtrackSimProjectQueryTest: public CppUnit::TestFixture
{
	CPPUNIT_TEST_SUITE(DtrackSimProjectQueryTest);
	CPPUNIT_TEST(testLookupFindsProjectByNameAndVersion);
	CPPUNIT_TEST(testLookupOfUnknownProjectIsNotFound);
	CPPUNIT_TEST(testLookupWithoutVersionFindsVersionlessProject);
	CPPUNIT_TEST(testListIsOrderedAndPagedWithTotalCount);
	CPPUNIT_TEST(testListFiltersByExactNameInactiveAndRoot);
	CPPUNIT_TEST(testListByTagIsPaged);
	CPPUNIT_TEST(testTagWithEncodedSlashes);
	CPPUNIT_TEST(testGetByUuidAndChildren);
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

	void testLookupFindsProjectByNameAndVersion()
	{
		const Project parent = seed("cluster", std::nullopt);
		seed("app", std::string("1"), parent.uuid, {"sbom-operator", "namespace=default"});
		const Project second = seed("app", std::string("2"));
		const HttpResult result = _http->get("/api/v1/project/lookup?name=app&version=2");
		CPPUNIT_ASSERT_EQUAL(200, result.status);
		CPPUNIT_ASSERT(!result.headers.has("X-Total-Count"));
		const Object::Ptr json = result.object();
		CPPUNIT_ASSERT_EQUAL(second.uuid, json->getValue<std::string>("uuid"));
		CPPUNIT_ASSERT_EQUAL(std::string("APPLICATION"), json->getValue<std::string>("classifier"));
		CPPUNIT_ASSERT_EQUAL(true, json->getValue<bool>("active"));
		CPPUNIT_ASSERT(!json->has("parent"));
		Array::Ptr versions = json->getArray("versions");
		CPPUNIT_ASSERT_EQUAL(std::size_t(2), versions->size());
		CPPUNIT_ASSERT_EQUAL(std::string("1"), versions->getObject(0)->getValue<std::string>("version"));

		const Object::Ptr first = _http->get("/api/v1/project/lookup?name=app&version=1").object();
		CPPUNIT_ASSERT_EQUAL(std::string("{\"name\":\"cluster\",\"uuid\":\"" + parent.uuid + "\"}"), stringify(first->getObject("parent")));
		CPPUNIT_ASSERT_EQUAL(std::string("[{\"name\":\"namespace=default\"},{\"name\":\"sbom-operator\"}]"), stringify(first->getArray("tags")));
	}

	void testLookupOfUnknownProjectIsNotFound()
	{
		seed("app", std::string("1"));
		const HttpResult result = _http->get("/api/v1/project/lookup?name=app&version=9");
		CPPUNIT_ASSERT_EQUAL(404, result.status);
		CPPUNIT_ASSERT_EQUAL(std::string("The project could not be found."), result.body);
		CPPUNIT_ASSERT_EQUAL(404, _http->get("/api/v1/project/lookup?name=App&version=1").status);
	}

	void testLookupWithoutVersionFindsVersionlessProject()
	{
		const Project collection = seed("cluster", std::nullopt);
		seed("cluster", std::string("1"));
		const HttpResult result = _http->get("/api/v1/project/lookup?name=cluster");
		CPPUNIT_ASSERT_EQUAL(200, result.status);
		CPPUNIT_ASSERT_EQUAL(collection.uuid, result.object()->getValue<std::string>("uuid"));
		CPPUNIT_ASSERT(!result.object()->has("version"));
	}

	void testListIsOrderedAndPagedWithTotalCount()
	{
		seed("b", std::string("1"));
		seed("a", std::string("1"));
		seed("a", std::string("3"));
		seed("c", std::string("1"));
		seed("a", std::string("2"));
		// Default order: name asc, version desc.
		HttpResult result = _http->get("/api/v1/project?pageNumber=1&pageSize=2");
		CPPUNIT_ASSERT_EQUAL(std::string("5"), result.headers.get("X-Total-Count"));
		CPPUNIT_ASSERT_EQUAL(std::string("a:3,a:2"), names(result));
		result = _http->get("/api/v1/project?pageNumber=2&pageSize=2");
		CPPUNIT_ASSERT_EQUAL(std::string("a:1,b:1"), names(result));
		result = _http->get("/api/v1/project?pageNumber=3&pageSize=2");
		CPPUNIT_ASSERT_EQUAL(std::string("c:1"), names(result));
		result = _http->get("/api/v1/project?pageNumber=4&pageSize=2");
		CPPUNIT_ASSERT_EQUAL(std::string(""), names(result));
		CPPUNIT_ASSERT_EQUAL(std::string("5"), result.headers.get("X-Total-Count"));
		result = _http->get("/api/v1/project?sortName=name&sortOrder=desc&pageSize=1");
		CPPUNIT_ASSERT_EQUAL(std::string("c:1"), names(result));
		result = _http->get("/api/v1/project?offset=4&limit=10");
		CPPUNIT_ASSERT_EQUAL(std::string("c:1"), names(result));
	}

	void testListFiltersByExactNameInactiveAndRoot()
	{
		const Project root = seed("app", std::string("1"));
		seed("app", std::string("2"), root.uuid);
		Project inactive = seed("app", std::string("3"));
		inactive.active = false;
		_server->store().update(inactive);
		seed("app-other", std::string("1"));

		HttpResult result = _http->get("/api/v1/project?name=app");
		CPPUNIT_ASSERT_EQUAL(std::string("app:3,app:2,app:1"), names(result));
		CPPUNIT_ASSERT_EQUAL(std::string("3"), result.headers.get("X-Total-Count"));
		result = _http->get("/api/v1/project?name=app&excludeInactive=true");
		CPPUNIT_ASSERT_EQUAL(std::string("app:2,app:1"), names(result));
		result = _http->get("/api/v1/project?name=app&excludeInactive=false&onlyRoot=true");
		CPPUNIT_ASSERT_EQUAL(std::string("app:3,app:1"), names(result));
	}

	void testListByTagIsPaged()
	{
		for (int i = 0; i < 5; ++i) seed("img" + std::to_string(i), std::string("1"), "", {"kubernetes-cluster=prod"});
		seed("other", std::string("1"), "", {"kubernetes-cluster=dev"});
		HttpResult result = _http->get("/api/v1/project/tag/kubernetes-cluster=prod?pageNumber=2&pageSize=3");
		CPPUNIT_ASSERT_EQUAL(200, result.status);
		CPPUNIT_ASSERT_EQUAL(std::string("5"), result.headers.get("X-Total-Count"));
		CPPUNIT_ASSERT_EQUAL(std::string("img3:1,img4:1"), names(result));
		result = _http->get("/api/v1/project/tag/unknown");
		CPPUNIT_ASSERT_EQUAL(std::string("0"), result.headers.get("X-Total-Count"));
		CPPUNIT_ASSERT_EQUAL(std::string("[]"), result.body);
	}

	void testTagWithEncodedSlashes()
	{
		seed("nginx", std::string("1.25"), "", {"raw-image-id=docker.io/library/nginx@sha256:abc"});
		const HttpResult result = _http->get("/api/v1/project/tag/raw-image-id%3Ddocker.io%2Flibrary%2Fnginx%40sha256%3Aabc");
		CPPUNIT_ASSERT_EQUAL(200, result.status);
		CPPUNIT_ASSERT_EQUAL(std::string("nginx:1.25"), names(result));
	}

	void testGetByUuidAndChildren()
	{
		const Project parent = seed("cluster", std::nullopt);
		seed("b", std::string("1"), parent.uuid);
		seed("a", std::string("1"), parent.uuid);
		HttpResult result = _http->get("/api/v1/project/" + parent.uuid);
		CPPUNIT_ASSERT_EQUAL(200, result.status);
		CPPUNIT_ASSERT_EQUAL(std::string("cluster"), result.object()->getValue<std::string>("name"));
		result = _http->get("/api/v1/project/" + parent.uuid + "/children");
		CPPUNIT_ASSERT_EQUAL(std::string("a:1,b:1"), names(result));
		result = _http->get("/api/v1/project/9d7c7a02-8f5e-4f6e-a3f1-0c8b6a6e2b11");
		CPPUNIT_ASSERT_EQUAL(404, result.status);
		CPPUNIT_ASSERT_EQUAL(std::string("The project could not be found."), result.body);
	}

private:
	static Project seed(const std::string& name, const std::optional<std::string>& version,
		const std::string& parent = "", const std::vector<std::string>& tags = {})
	{
		return SharedServer::seed(name, version, parent, tags);
	}

	static std::string names(const HttpResult& result)
	{
		CPPUNIT_ASSERT_EQUAL(200, result.status);
		std::string text;
		Array::Ptr list = result.array();
		for (std::size_t i = 0; i < list->size(); ++i)
		{
			Object::Ptr project = list->getObject(static_cast<unsigned>(i));
			if (!text.empty()) text += ",";
			text += project->getValue<std::string>("name") + ":" + project->optValue<std::string>("version", "-");
		}
		return text;
	}

	template <typename T>
	static std::string stringify(const T& json)
	{
		std::ostringstream out;
		json->stringify(out);
		return out.str();
	}

	DtrackSimServer* _server = nullptr;
	std::unique_ptr<SimHttp> _http;
};

CPPUNIT_TEST_SUITE_NAMED_REGISTRATION(DtrackSimProjectQueryTest, "DtrackSim");
