//
// KubeClientTest.cpp
//
// KubeClient against a scripted HTTP server: request shape of every verb,
// error mapping, connection reuse and concurrent use.
//

#include "TestApiServer.h"
#include "TestFiles.h"
#include "sbomop/kube/KubeClient.h"
#include "sbomop/kube/KubeException.h"
#include <Poco/StreamCopier.h>
#include <cppunit/extensions/HelperMacros.h>
#include <atomic>
#include <thread>

using namespace sbomop::kube;
using namespace sbomop::kube::test;

namespace
{
	const std::string POD = "{\"kind\":\"Pod\",\"apiVersion\":\"v1\",\"metadata\":{\"name\":\"p\",\"namespace\":\"x\",\"resourceVersion\":\"7\"}}";
}

class KubeClientTest: public CppUnit::TestFixture
{
	CPPUNIT_TEST_SUITE(KubeClientTest);
	CPPUNIT_TEST(testGetSendsPathAndStandardHeaders);
	CPPUNIT_TEST(testListEncodesOptionsAndStreamsTheBody);
	CPPUNIT_TEST(testListObjectsReturnsTheParsedList);
	CPPUNIT_TEST(testCreatePostsTheObject);
	CPPUNIT_TEST(testUpdatePutsTheObject);
	CPPUNIT_TEST(testPatchUsesTheContentTypeOfEachPatchType);
	CPPUNIT_TEST(testRemoveSendsDeleteOptionsWithPropagationPolicy);
	CPPUNIT_TEST(testWriteOptionsBecomeQueryParameters);
	CPPUNIT_TEST(testErrorResponsesThrowTypedExceptions);
	CPPUNIT_TEST(testMalformedBodyThrowsMalformedResponse);
	CPPUNIT_TEST(testServerPathPrefixIsKept);
	CPPUNIT_TEST(testKeepAliveConnectionsAreReused);
	CPPUNIT_TEST(testConcurrentRequestsShareTheClient);
	CPPUNIT_TEST_SUITE_END();

public:
	void testGetSendsPathAndStandardHeaders()
	{
		TestApiServer server([](TestApiServer::Exchange& e) { e.reply(200, POD); });
		KubeClient client(connectionTo(server.url()), clientSettings(std::make_shared<ManualClock>()));
		Poco::JSON::Object::Ptr pod = client.get(ResourceType::PODS, "x", "p");
		CPPUNIT_ASSERT_EQUAL(std::string("7"), pod->getObject("metadata")->getValue<std::string>("resourceVersion"));
		const auto requests = server.requests();
		CPPUNIT_ASSERT_EQUAL(std::size_t(1), requests.size());
		CPPUNIT_ASSERT_EQUAL(std::string("GET"), requests[0].method);
		CPPUNIT_ASSERT_EQUAL(std::string("/api/v1/namespaces/x/pods/p"), requests[0].uri);
		CPPUNIT_ASSERT_EQUAL(std::string("application/json"), requests[0].header("Accept"));
		CPPUNIT_ASSERT_EQUAL(KubeClientSettings::defaultUserAgent(), requests[0].header("User-Agent"));
		CPPUNIT_ASSERT_EQUAL(std::string("sbom-operator/"), KubeClientSettings::defaultUserAgent().substr(0, 14));
		CPPUNIT_ASSERT_EQUAL(std::string("Bearer t0k3n-value"), requests[0].header("Authorization"));
		CPPUNIT_ASSERT_EQUAL(std::string(""), requests[0].body);
		CPPUNIT_ASSERT_EQUAL(std::string("x"), client.defaultNamespace());
	}

	void testListEncodesOptionsAndStreamsTheBody()
	{
		const std::string list = "{\"kind\":\"JobList\",\"metadata\":{\"resourceVersion\":\"9\",\"continue\":\"next\"},\"items\":[]}";
		TestApiServer server([&](TestApiServer::Exchange& e) { e.reply(200, list); });
		KubeClient client(connectionTo(server.url()), clientSettings(std::make_shared<ManualClock>()));
		ListOptions options;
		options.labelSelector = "app=nginx,tier in (web,api)";
		options.fieldSelector = "status.phase!=Succeeded";
		options.limit = 500;
		options.continueToken = "abc+/=";
		options.resourceVersion = "0";
		std::string body;
		client.list(ResourceType::JOBS, "", options, [&](std::istream& in) { Poco::StreamCopier::copyToString(in, body); });
		CPPUNIT_ASSERT_EQUAL(list, body);
		const RecordedRequest request = server.requests().at(0);
		CPPUNIT_ASSERT_EQUAL(std::string("/apis/batch/v1/jobs"), request.path);
		CPPUNIT_ASSERT_EQUAL(std::string("app=nginx,tier in (web,api)"), request.queryParameter("labelSelector"));
		CPPUNIT_ASSERT_EQUAL(std::string("status.phase!=Succeeded"), request.queryParameter("fieldSelector"));
		CPPUNIT_ASSERT_EQUAL(std::string("500"), request.queryParameter("limit"));
		CPPUNIT_ASSERT_EQUAL(std::string("abc+/="), request.queryParameter("continue"));
		CPPUNIT_ASSERT_EQUAL(std::string("0"), request.queryParameter("resourceVersion"));
		CPPUNIT_ASSERT(!request.hasQueryParameter("resourceVersionMatch"));
		// Reserved characters must not survive unencoded, or "+" would become a space.
		CPPUNIT_ASSERT(request.query.find("abc%2B%2F%3D") != std::string::npos);
	}

	void testListObjectsReturnsTheParsedList()
	{
		TestApiServer server([](TestApiServer::Exchange& e)
		{
			e.reply(200, "{\"kind\":\"PodList\",\"metadata\":{\"resourceVersion\":\"5\"},\"items\":[{\"metadata\":{\"name\":\"a\"}},{\"metadata\":{\"name\":\"b\"}}]}");
		});
		KubeClient client(connectionTo(server.url()), clientSettings(std::make_shared<ManualClock>()));
		Poco::JSON::Object::Ptr list = client.listObjects(ResourceType::PODS, "x");
		CPPUNIT_ASSERT_EQUAL(std::size_t(2), list->getArray("items")->size());
		CPPUNIT_ASSERT_EQUAL(std::string("/api/v1/namespaces/x/pods"), server.requests().at(0).uri);
	}

	void testCreatePostsTheObject()
	{
		TestApiServer server([](TestApiServer::Exchange& e) { e.reply(201, e.request.body); });
		KubeClient client(connectionTo(server.url()), clientSettings(std::make_shared<ManualClock>()));
		Poco::JSON::Object::Ptr created = client.create(ResourceType::SECRETS, "x", parseJson("{\"metadata\":{\"name\":\"s\"},\"type\":\"Opaque\"}"));
		CPPUNIT_ASSERT_EQUAL(std::string("Opaque"), created->getValue<std::string>("type"));
		const RecordedRequest request = server.requests().at(0);
		CPPUNIT_ASSERT_EQUAL(std::string("POST"), request.method);
		CPPUNIT_ASSERT_EQUAL(std::string("/api/v1/namespaces/x/secrets"), request.uri);
		CPPUNIT_ASSERT_EQUAL(std::string("application/json"), request.header("Content-Type"));
		CPPUNIT_ASSERT_EQUAL(std::string("s"), parseJson(request.body)->getObject("metadata")->getValue<std::string>("name"));
	}

	void testUpdatePutsTheObject()
	{
		TestApiServer server([](TestApiServer::Exchange& e) { e.reply(200, e.request.body); });
		KubeClient client(connectionTo(server.url()), clientSettings(std::make_shared<ManualClock>()));
		client.update(ResourceType::LEASES, "kube-system", "sbom-operator",
			parseJson("{\"metadata\":{\"name\":\"sbom-operator\",\"resourceVersion\":\"41\"},\"spec\":{\"holderIdentity\":\"me\"}}"));
		const RecordedRequest request = server.requests().at(0);
		CPPUNIT_ASSERT_EQUAL(std::string("PUT"), request.method);
		CPPUNIT_ASSERT_EQUAL(std::string("/apis/coordination.k8s.io/v1/namespaces/kube-system/leases/sbom-operator"), request.uri);
		CPPUNIT_ASSERT_EQUAL(std::string("me"), parseJson(request.body)->getObject("spec")->getValue<std::string>("holderIdentity"));
	}

	void testPatchUsesTheContentTypeOfEachPatchType()
	{
		TestApiServer server([](TestApiServer::Exchange& e) { e.reply(200, POD); });
		KubeClient client(connectionTo(server.url()), clientSettings(std::make_shared<ManualClock>()));
		const std::string merge = "{\"metadata\":{\"annotations\":{\"ckotzbauer.sbom-operator.io/app\":\"sha256:1\"}}}";
		client.patch(ResourceType::PODS, "x", "p", PatchType::Merge, merge);
		client.patch(ResourceType::PODS, "x", "p", PatchType::Json, "[{\"op\":\"remove\",\"path\":\"/metadata/annotations/a~1b\"}]");
		client.patch(ResourceType::PODS, "x", "p", PatchType::StrategicMerge, "{\"spec\":{}}");
		const auto requests = server.requests();
		CPPUNIT_ASSERT_EQUAL(std::size_t(3), requests.size());
		CPPUNIT_ASSERT_EQUAL(std::string("PATCH"), requests[0].method);
		CPPUNIT_ASSERT_EQUAL(std::string("/api/v1/namespaces/x/pods/p"), requests[0].uri);
		CPPUNIT_ASSERT_EQUAL(std::string("application/merge-patch+json"), requests[0].header("Content-Type"));
		CPPUNIT_ASSERT_EQUAL(merge, requests[0].body);
		CPPUNIT_ASSERT_EQUAL(std::string("application/json-patch+json"), requests[1].header("Content-Type"));
		CPPUNIT_ASSERT_EQUAL(std::string("application/strategic-merge-patch+json"), requests[2].header("Content-Type"));
	}

	void testRemoveSendsDeleteOptionsWithPropagationPolicy()
	{
		TestApiServer server([](TestApiServer::Exchange& e)
		{
			e.reply(200, "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Success\",\"details\":{\"name\":\"j\",\"kind\":\"jobs\"}}");
		});
		KubeClient client(connectionTo(server.url()), clientSettings(std::make_shared<ManualClock>()));
		Poco::JSON::Object::Ptr result = client.remove(ResourceType::JOBS, "x", "j");
		CPPUNIT_ASSERT_EQUAL(std::string("Success"), result->getValue<std::string>("status"));
		client.remove(ResourceType::JOBS, "x", "j", PropagationPolicy::Foreground);
		client.remove(ResourceType::PODS, "x", "p", PropagationPolicy::Orphan);
		const auto requests = server.requests();
		CPPUNIT_ASSERT_EQUAL(std::string("DELETE"), requests[0].method);
		CPPUNIT_ASSERT_EQUAL(std::string("/apis/batch/v1/namespaces/x/jobs/j"), requests[0].uri);
		CPPUNIT_ASSERT_EQUAL(std::string("application/json"), requests[0].header("Content-Type"));
		CPPUNIT_ASSERT_EQUAL(std::string("{\"kind\":\"DeleteOptions\",\"apiVersion\":\"v1\",\"propagationPolicy\":\"Background\"}"),
			requests[0].body);
		CPPUNIT_ASSERT_EQUAL(std::string("Foreground"), parseJson(requests[1].body)->getValue<std::string>("propagationPolicy"));
		CPPUNIT_ASSERT_EQUAL(std::string("Orphan"), parseJson(requests[2].body)->getValue<std::string>("propagationPolicy"));
	}

	void testWriteOptionsBecomeQueryParameters()
	{
		TestApiServer server([](TestApiServer::Exchange& e) { e.reply(200, POD); });
		KubeClient client(connectionTo(server.url()), clientSettings(std::make_shared<ManualClock>()));
		WriteOptions options;
		options.fieldManager = "sbom-operator";
		options.dryRun = true;
		client.patch(ResourceType::PODS, "x", "p", PatchType::Merge, "{}", options);
		const RecordedRequest request = server.requests().at(0);
		CPPUNIT_ASSERT_EQUAL(std::string("sbom-operator"), request.queryParameter("fieldManager"));
		CPPUNIT_ASSERT_EQUAL(std::string("All"), request.queryParameter("dryRun"));
	}

	void testErrorResponsesThrowTypedExceptions()
	{
		TestApiServer server([](TestApiServer::Exchange& e)
		{
			if (e.request.method == "GET") e.reply(404, statusJson(404, "NotFound", "pods \\\"p\\\" not found"));
			else if (e.request.method == "POST") e.reply(409, statusJson(409, "AlreadyExists", "pods \\\"p\\\" already exists"));
			else if (e.request.method == "PUT") e.reply(409, statusJson(409, "Conflict", "the object has been modified"));
			else e.reply(422, statusJson(422, "Invalid", "spec: Required value"));
		});
		KubeClient client(connectionTo(server.url()), clientSettings(std::make_shared<ManualClock>()));
		try
		{
			client.get(ResourceType::PODS, "x", "p");
			CPPUNIT_FAIL("no exception");
		}
		catch (NotFoundException& e)
		{
			CPPUNIT_ASSERT_EQUAL(404, e.httpCode());
			CPPUNIT_ASSERT_EQUAL(std::string("pods \"p\" not found"), e.statusMessage());
		}
		CPPUNIT_ASSERT_THROW(client.create(ResourceType::PODS, "x", parseJson(POD)), AlreadyExistsException);
		CPPUNIT_ASSERT_THROW(client.update(ResourceType::PODS, "x", "p", parseJson(POD)), ConflictException);
		CPPUNIT_ASSERT_THROW(client.patch(ResourceType::PODS, "x", "p", PatchType::Merge, "{}"), InvalidException);
		// None of these is retried.
		CPPUNIT_ASSERT_EQUAL(std::size_t(4), server.requests().size());
	}

	void testMalformedBodyThrowsMalformedResponse()
	{
		TestApiServer server([](TestApiServer::Exchange& e) { e.reply(200, "[1,2"); });
		KubeClient client(connectionTo(server.url()), clientSettings(std::make_shared<ManualClock>()));
		CPPUNIT_ASSERT_THROW(client.get(ResourceType::PODS, "x", "p"), MalformedResponseException);
		CPPUNIT_ASSERT_EQUAL(std::size_t(1), server.requests().size());
	}

	void testServerPathPrefixIsKept()
	{
		TestApiServer server([](TestApiServer::Exchange& e) { e.reply(200, POD); });
		KubeClient client(connectionTo(server.url() + "/k8s/clusters/c-1/"), clientSettings(std::make_shared<ManualClock>()));
		client.get(ResourceType::NAMESPACES, "", "team-a");
		CPPUNIT_ASSERT_EQUAL(std::string("/k8s/clusters/c-1/api/v1/namespaces/team-a"), server.requests().at(0).uri);
	}

	void testKeepAliveConnectionsAreReused()
	{
		TestApiServer server([](TestApiServer::Exchange& e) { e.reply(200, POD); });
		KubeClient client(connectionTo(server.url()), clientSettings(std::make_shared<ManualClock>()));
		for (int i = 0; i < 5; ++i) client.get(ResourceType::PODS, "x", "p");
		client.patch(ResourceType::PODS, "x", "p", PatchType::Merge, "{}");
		client.listObjects(ResourceType::PODS, "x");
		CPPUNIT_ASSERT_EQUAL(std::size_t(7), server.requests().size());
		CPPUNIT_ASSERT_EQUAL(std::size_t(1), server.connectionCount());
	}

	void testConcurrentRequestsShareTheClient()
	{
		TestApiServer server([](TestApiServer::Exchange& e) { e.reply(200, POD); });
		KubeClientSettings settings = clientSettings(std::make_shared<ManualClock>());
		settings.qps = 0;
		KubeClient client(connectionTo(server.url()), settings);
		std::atomic<int> succeeded{0};
		std::vector<std::thread> threads;
		for (int t = 0; t < 6; ++t)
		{
			threads.emplace_back([&]
			{
				for (int i = 0; i < 10; ++i)
				{
					if (client.get(ResourceType::PODS, "x", "p")->has("metadata")) ++succeeded;
				}
			});
		}
		for (auto& thread: threads) thread.join();
		CPPUNIT_ASSERT_EQUAL(60, succeeded.load());
		CPPUNIT_ASSERT_EQUAL(std::size_t(60), server.requests().size());
		CPPUNIT_ASSERT(server.connectionCount() <= 6);
	}
};

CPPUNIT_TEST_SUITE_NAMED_REGISTRATION(KubeClientTest, "KubeClient");
