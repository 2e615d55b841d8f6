//
// KubeSimServerTest.cpp
//
// kube-sim as a server: authentication, discovery and /version, unknown
// paths, OpenAPI documents, the kubeconfig it writes, many concurrent
// watches, deletecollection, the /_sim seed and compact calls, and a
// 10,000-pod list.
//

#include "SimFixture.h"
#include "kubesim/Base64.h"
#include "kubesim/Json.h"
#include "kubesim/KubeSimServer.h"
#include <Poco/File.h>
#include <Poco/FileStream.h>
#include <Poco/JSON/Array.h>
#include <Poco/TemporaryFile.h>
#include <cppunit/extensions/HelperMacros.h>
#include <memory>
#include <set>

using Poco::JSON::Array;
using Poco::JSON::Object;
using sbomop::kubesim::Json;
using sbomop::kubesim::KubeSimServer;
using sbomop::kubesim::SimClient;
using sbomop::kubesim::podManifest;
using sbomop::kubesim::WatchStream;

namespace
{

	std::string listMeta(const Object::Ptr& list, const std::string& key)
	{
		return Json::string(Json::object(list, "metadata"), key);
	}

	std::size_t itemCount(const SimClient::Response& response)
	{
		return Json::array(response.json(), "items")->size();
	}
}

class KubeSimServerTest: public sbomop::kubesim::SimFixture
{
	CPPUNIT_TEST_SUITE(KubeSimServerTest);
	CPPUNIT_TEST(testRejectsRequestsWithoutTheToken);
	CPPUNIT_TEST(testDiscoveryListsOnlyServedResources);
	CPPUNIT_TEST(testUnknownPathsAndMethodsAreRejected);
	CPPUNIT_TEST(testServesOpenApiV3DocumentsFromDirectory);
	CPPUNIT_TEST(testKubeconfigNamesServerCaTokenAndNamespace);
	CPPUNIT_TEST(testManyConcurrentWatchesAllReceiveEvents);
	CPPUNIT_TEST(testDeleteCollectionDeletesSelectedObjects);
	CPPUNIT_TEST(testAdminSeedAndCompact);
	CPPUNIT_TEST(testListsTenThousandPods);
	CPPUNIT_TEST_SUITE_END();

public:
	void setUp() override
	{
		KubeSimServer::Options options;
		options.token = "test-token";
		options.tls = true;
		options.adminPort = 0;
		startSim(options);
	}

	void testRejectsRequestsWithoutTheToken()
	{
		SimClient anonymous(_server->port(), "", _server->clientContext());
		SimClient::Response response = anonymous.get("/api/v1/pods");
		CPPUNIT_ASSERT_EQUAL(401, response.status);
		CPPUNIT_ASSERT_EQUAL(std::string("{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"metadata\":{},\"status\":\"Failure\","
			"\"message\":\"Unauthorized\",\"reason\":\"Unauthorized\",\"code\":401}"), response.body);
		SimClient wrong(_server->port(), "other-token", _server->clientContext());
		CPPUNIT_ASSERT_EQUAL(401, wrong.get("/api/v1/namespaces").status);
		CPPUNIT_ASSERT_EQUAL(200, _client->get("/api/v1/namespaces").status);
	}


	void testDiscoveryListsOnlyServedResources()
	{
		Object::Ptr api = _client->get("/api").json();
		CPPUNIT_ASSERT_EQUAL(std::string("APIVersions"), Json::string(api, "kind"));
		CPPUNIT_ASSERT_EQUAL(std::string("[\"v1\"]"), Json::stringify(api->get("versions")));

		Object::Ptr core = _client->get("/api/v1").json();
		std::string names;
		Array::Ptr resources = Json::array(core, "resources");
		for (unsigned i = 0; i < resources->size(); ++i) names += Json::string(resources->getObject(i), "name") + " ";
		CPPUNIT_ASSERT_EQUAL(std::string("configmaps namespaces namespaces/status pods pods/log pods/status secrets "), names);

		// Aggregated discovery is not offered: plain APIGroupList (kubectl falls back).
		SimClient::Response groups = _client->request("GET", "/apis", "", "", {{"Accept",
			"application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,application/json;g=apidiscovery.k8s.io;v=v2beta1;as=APIGroupDiscoveryList,application/json"}});
		CPPUNIT_ASSERT_EQUAL(200, groups.status);
		Object::Ptr list = groups.json();
		CPPUNIT_ASSERT_EQUAL(std::string("APIGroupList"), Json::string(list, "kind"));
		Array::Ptr entries = Json::array(list, "groups");
		CPPUNIT_ASSERT_EQUAL(std::size_t(2), entries->size());
		CPPUNIT_ASSERT_EQUAL(std::string("batch"), Json::string(entries->getObject(0), "name"));
		CPPUNIT_ASSERT_EQUAL(std::string("coordination.k8s.io"), Json::string(entries->getObject(1), "name"));

		Object::Ptr batch = _client->get("/apis/batch/v1").json();
		CPPUNIT_ASSERT_EQUAL(std::string("batch/v1"), Json::string(batch, "groupVersion"));
		CPPUNIT_ASSERT_EQUAL(std::size_t(2), Json::array(batch, "resources")->size());
		CPPUNIT_ASSERT_EQUAL(std::string("APIGroup"), Json::string(_client->get("/apis/coordination.k8s.io").json(), "kind"));
		CPPUNIT_ASSERT_EQUAL(std::string("28"), Json::string(_client->get("/version").json(), "minor"));
		CPPUNIT_ASSERT_EQUAL(404, _client->get("/apis/apps/v1").status);
	}


	void testUnknownPathsAndMethodsAreRejected()
	{
		SimClient::Response unknown = _client->get("/api/v1/services");
		CPPUNIT_ASSERT_EQUAL(404, unknown.status);
		CPPUNIT_ASSERT_EQUAL(std::string("the server could not find the requested resource"), Json::string(unknown.json(), "message"));
		CPPUNIT_ASSERT_EQUAL(405, _client->request("PUT", "/api/v1/namespaces/default/pods", "{}").status);
		CPPUNIT_ASSERT_EQUAL(404, _client->get("/api/v1/pods/name-without-namespace").status);

		SimClient::Response protobufOnly = _client->request("GET", "/api/v1/pods", "", "", {{"Accept", "application/vnd.kubernetes.protobuf"}});
		CPPUNIT_ASSERT_EQUAL(406, protobufOnly.status);
		CPPUNIT_ASSERT_EQUAL(std::string("NotAcceptable"), Json::string(protobufOnly.json(), "reason"));
	}


	void testListsTenThousandPods()
	{
		Object::Ptr list = new Object;
		Array::Ptr items = new Array;
		for (int i = 0; i < 10000; ++i)
		{
			Object::Ptr object = Json::parseObject(podManifest("pod-" + std::to_string(i), "{\"app\":\"load\"}"));
			object->set("apiVersion", "v1");
			object->set("kind", "Pod");
			Json::metadata(object)->set("namespace", i % 2 ? "default" : "kube-system");
			items->add(object);
		}
		list->set("items", items);
		_server->seed(list);

		SimClient::Response all = _client->get("/api/v1/pods");
		CPPUNIT_ASSERT_EQUAL(200, all.status);
		CPPUNIT_ASSERT_EQUAL(std::size_t(10000), Json::array(all.json(), "items")->size());

		std::set<std::string> seen;
		std::string token;
		int pages = 0;
		do
		{
			Object::Ptr page = _client->get("/api/v1/pods?limit=500" + (token.empty() ? std::string() : "&continue=" + token)).json();
			Array::Ptr pageItems = Json::array(page, "items");
			for (unsigned i = 0; i < pageItems->size(); ++i)
				seen.insert(Json::string(Json::object(pageItems->getObject(i), "metadata"), "name"));
			token = listMeta(page, "continue");
			++pages;
		}
		while (!token.empty());
		CPPUNIT_ASSERT_EQUAL(std::size_t(10000), seen.size());
		CPPUNIT_ASSERT_EQUAL(20, pages);
	}

	void testServesOpenApiV3DocumentsFromDirectory()
	{
		const std::string dir = Poco::TemporaryFile::tempName();
		Poco::File(dir).createDirectories();
		{
			Poco::FileOutputStream core(dir + "/api__v1_openapi.json");
			core << "{\"openapi\":\"3.0.0\",\"info\":{\"title\":\"core\"}}";
			Poco::FileOutputStream batch(dir + "/apis__batch__v1_openapi.json");
			batch << "{\"openapi\":\"3.0.0\",\"info\":{\"title\":\"batch\"}}";
			Poco::FileOutputStream ignored(dir + "/README.md");
			ignored << "not a document";
		}
		KubeSimServer::Options options;
		options.openApiDir = dir;
		options.serverVersion = "1.32.5";
		KubeSimServer server(options);
		server.start();
		Poco::File(dir).remove(true);
		SimClient client(server);

		Object::Ptr index = client.get("/openapi/v3").json();
		Object::Ptr paths = Json::object(index, "paths");
		CPPUNIT_ASSERT_EQUAL(std::size_t(2), paths->size());
		const std::string url = Json::string(Json::object(paths, "apis/batch/v1"), "serverRelativeURL");
		CPPUNIT_ASSERT_EQUAL(std::size_t(0), url.find("/openapi/v3/apis/batch/v1?hash="));
		CPPUNIT_ASSERT_EQUAL(std::string("batch"), Json::string(Json::object(client.get(url).json(), "info"), "title"));
		CPPUNIT_ASSERT_EQUAL(std::string("core"), Json::string(Json::object(client.get("/openapi/v3/api/v1").json(), "info"), "title"));
		CPPUNIT_ASSERT_EQUAL(404, client.request("GET", "/openapi/v2", "", "", {{"Accept", "application/com.github.proto-openapi.spec.v2@v1.0+protobuf"}}).status);

		Object::Ptr version = client.get("/version").json();
		CPPUNIT_ASSERT_EQUAL(std::string("32"), Json::string(version, "minor"));
		CPPUNIT_ASSERT_EQUAL(std::string("v1.32.5"), Json::string(version, "gitVersion"));
		// Without a directory there is no OpenAPI at all.
		CPPUNIT_ASSERT_EQUAL(404, _client->get("/openapi/v3").status);
	}

	void testKubeconfigNamesServerCaTokenAndNamespace()
	{
		Object::Ptr config = Json::parseObject(_server->kubeconfig("team"));
		CPPUNIT_ASSERT_EQUAL(std::string("Config"), Json::string(config, "kind"));
		CPPUNIT_ASSERT_EQUAL(std::string("kube-sim"), Json::string(config, "current-context"));
		Object::Ptr cluster = Json::object(Json::array(config, "clusters")->getObject(0), "cluster");
		CPPUNIT_ASSERT_EQUAL(_server->url(), Json::string(cluster, "server"));
		CPPUNIT_ASSERT_EQUAL(std::string("https://127.0.0.1:") + std::to_string(_server->port()), _server->url());
		std::string ca;
		std::string error;
		CPPUNIT_ASSERT(sbomop::kubesim::Base64::decode(Json::string(cluster, "certificate-authority-data"), ca, error));
		CPPUNIT_ASSERT_EQUAL(_server->caPem(), ca);
		CPPUNIT_ASSERT_EQUAL(std::size_t(0), ca.find("-----BEGIN CERTIFICATE-----"));
		CPPUNIT_ASSERT_EQUAL(std::string("test-token"), Json::string(Json::object(Json::array(config, "users")->getObject(0), "user"), "token"));
		CPPUNIT_ASSERT_EQUAL(std::string("team"), Json::string(Json::object(Json::array(config, "contexts")->getObject(0), "context"), "namespace"));
	}

	void testManyConcurrentWatchesAllReceiveEvents()
	{
		std::vector<std::unique_ptr<WatchStream>> watches;
		const std::string start = std::to_string(_server->store().currentResourceVersion());
		for (int i = 0; i < 64; ++i)
			watches.emplace_back(new WatchStream(*_client, "/api/v1/namespaces/default/configmaps?watch=1&resourceVersion=" + start));
		CPPUNIT_ASSERT_EQUAL(201, _client->post("/api/v1/namespaces/default/configmaps", "{\"metadata\":{\"name\":\"broadcast\"}}").status);
		for (auto& watch: watches)
		{
			CPPUNIT_ASSERT_EQUAL(200, watch->status());
			Object::Ptr event = watch->next();
			CPPUNIT_ASSERT(event);
			CPPUNIT_ASSERT_EQUAL(std::string("broadcast"), sbomop::kubesim::eventName(event));
		}
	}

	void testDeleteCollectionDeletesSelectedObjects()
	{
		_client->post("/api/v1/namespaces/default/pods", podManifest("a", "{\"app\":\"web\"}"));
		_client->post("/api/v1/namespaces/default/pods", podManifest("b", "{\"app\":\"web\"}"));
		_client->post("/api/v1/namespaces/default/pods", podManifest("c", "{\"app\":\"db\"}"));
		SimClient::Response deleted = _client->remove("/api/v1/namespaces/default/pods?labelSelector=app%3Dweb");
		CPPUNIT_ASSERT_EQUAL(200, deleted.status);
		CPPUNIT_ASSERT_EQUAL(std::string("PodList"), Json::string(deleted.json(), "kind"));
		CPPUNIT_ASSERT_EQUAL(std::size_t(2), itemCount(deleted));
		CPPUNIT_ASSERT_EQUAL(std::size_t(1), itemCount(_client->get("/api/v1/namespaces/default/pods")));
		CPPUNIT_ASSERT_EQUAL(405, _client->remove("/api/v1/namespaces").status);
	}

	void testAdminSeedAndCompact()
	{
		SimClient admin(_server->adminPort(), "", nullptr);
		SimClient::Response seeded = admin.post("/_sim/seed", "{\"apiVersion\":\"v1\",\"kind\":\"List\",\"items\":["
			"{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"cm\",\"namespace\":\"fresh\",\"uid\":\"11111111-2222-4333-8444-555555555555\"}},"
			"{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"name\":\"p\",\"namespace\":\"fresh\"},"
			"\"spec\":{\"containers\":[{\"name\":\"c\",\"image\":\"x\"}]},\"status\":{\"phase\":\"Running\"}}]}");
		CPPUNIT_ASSERT_EQUAL(200, seeded.status);
		// Seeding keeps the fixture's uid and status and creates the namespace.
		CPPUNIT_ASSERT_EQUAL(std::string("11111111-2222-4333-8444-555555555555"),
			Json::string(Json::object(_client->get("/api/v1/namespaces/fresh/configmaps/cm").json(), "metadata"), "uid"));
		CPPUNIT_ASSERT_EQUAL(std::string("Running"), Json::string(Json::object(_client->get("/api/v1/namespaces/fresh/pods/p").json(), "status"), "phase"));
		CPPUNIT_ASSERT_EQUAL(200, _client->get("/api/v1/namespaces/fresh").status);
		CPPUNIT_ASSERT_EQUAL(400, admin.post("/_sim/seed", "{\"apiVersion\":\"apps/v1\",\"kind\":\"Deployment\",\"metadata\":{\"name\":\"d\"}}").status);

		const std::string before = std::to_string(_server->store().currentResourceVersion() - 1);
		CPPUNIT_ASSERT_EQUAL(200, admin.post("/_sim/compact", "").status);
		WatchStream watch(*_client, "/api/v1/namespaces/fresh/pods?watch=1&resourceVersion=" + before);
		Object::Ptr event = watch.next();
		CPPUNIT_ASSERT(event);
		CPPUNIT_ASSERT_EQUAL(std::string("ERROR"), sbomop::kubesim::objectType(event));
		CPPUNIT_ASSERT_EQUAL(200, admin.post("/_sim/gc/wait?timeoutSeconds=5", "").status);
	}

};

CPPUNIT_TEST_SUITE_NAMED_REGISTRATION(KubeSimServerTest, "KubeSim");
