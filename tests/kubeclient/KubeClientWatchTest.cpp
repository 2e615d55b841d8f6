//
// KubeClientWatchTest.cpp
//
// KubeClient watch streaming and cancellation, Warning headers and the
// per-request metrics hook, against a scripted HTTP server.
//

#include "TestApiServer.h"
#include "TestFiles.h"
#include "sbomop/kube/KubeClient.h"
#include "sbomop/kube/KubeException.h"
#include <Poco/Event.h>
#include <cppunit/extensions/HelperMacros.h>
#include <mutex>
#include <thread>

using namespace sbomop::kube;
using namespace sbomop::kube::test;

namespace
{
	const std::string POD = "{\"kind\":\"Pod\",\"apiVersion\":\"v1\",\"metadata\":{\"name\":\"p\",\"namespace\":\"x\",\"resourceVersion\":\"7\"}}";

	void writeWatchEvents(TestApiServer::Exchange& exchange, const std::vector<std::string>& events)
	{
		exchange.response.setChunkedTransferEncoding(true);
		exchange.response.setContentType("application/json");
		std::ostream& out = exchange.response.send();
		for (const auto& event: events)
		{
			out << event << "\n";
			out.flush();
		}
	}
}

class KubeClientWatchTest: public CppUnit::TestFixture
{
	CPPUNIT_TEST_SUITE(KubeClientWatchTest);
	CPPUNIT_TEST(testWatchStreamsEventsUntilTheServerEndsIt);
	CPPUNIT_TEST(testWatchCanBeCancelledFromAnotherThread);
	CPPUNIT_TEST(testWarningHeadersAreLoggedNotFatal);
	CPPUNIT_TEST(testMetricsHookSeesVerbResourceAndCode);
	CPPUNIT_TEST_SUITE_END();

public:
	void testWatchStreamsEventsUntilTheServerEndsIt()
	{
		const std::vector<std::string> events{
			"{\"type\":\"ADDED\",\"object\":{\"kind\":\"Pod\",\"metadata\":{\"name\":\"a\",\"resourceVersion\":\"11\"}}}",
			"{\"type\":\"BOOKMARK\",\"object\":{\"kind\":\"Pod\",\"metadata\":{\"resourceVersion\":\"12\"}}}",
			"{\"type\":\"DELETED\",\"object\":{\"kind\":\"Pod\",\"metadata\":{\"name\":\"a\",\"resourceVersion\":\"13\"}}}"};
		TestApiServer server([&](TestApiServer::Exchange& e) { writeWatchEvents(e, events); });
		KubeClient client(connectionTo(server.url()), clientSettings(std::make_shared<ManualClock>()));
		WatchOptions options;
		options.resourceVersion = "10";
		options.allowWatchBookmarks = true;
		options.timeoutSeconds = 300;
		options.labelSelector = "app=web";
		std::vector<std::string> received;
		client.watch(ResourceType::PODS, "", options, [&](std::istream& in)
		{
			std::string line;
			while (std::getline(in, line)) received.push_back(line);
		});
		CPPUNIT_ASSERT(events == received);
		const RecordedRequest request = server.requests().at(0);
		CPPUNIT_ASSERT_EQUAL(std::string("/api/v1/pods"), request.path);
		CPPUNIT_ASSERT_EQUAL(std::string("1"), request.queryParameter("watch"));
		CPPUNIT_ASSERT_EQUAL(std::string("10"), request.queryParameter("resourceVersion"));
		CPPUNIT_ASSERT_EQUAL(std::string("true"), request.queryParameter("allowWatchBookmarks"));
		CPPUNIT_ASSERT_EQUAL(std::string("300"), request.queryParameter("timeoutSeconds"));
		CPPUNIT_ASSERT_EQUAL(std::string("app=web"), request.queryParameter("labelSelector"));
		CPPUNIT_ASSERT(!request.hasQueryParameter("fieldSelector"));
	}

	void testWatchCanBeCancelledFromAnotherThread()
	{
		TestApiServer server([](TestApiServer::Exchange& e)
		{
			writeWatchEvents(e, {"{\"type\":\"ADDED\",\"object\":{\"metadata\":{\"name\":\"a\"}}}"});
			e.server.waitForRelease(30000);
		});
		KubeClient client(connectionTo(server.url()), clientSettings(std::make_shared<ManualClock>()));
		auto cancel = std::make_shared<KubeClientCancelToken>();
		Poco::Event firstEvent;
		Poco::Event finished;
		std::vector<std::string> received;
		std::string failure;
		std::thread watcher([&]
		{
			try
			{
				client.watch(ResourceType::PODS, "x", WatchOptions(), [&](std::istream& in)
				{
					std::string line;
					while (std::getline(in, line))
					{
						received.push_back(line);
						firstEvent.set();
					}
				}, cancel);
			}
			catch (std::exception& e)
			{
				failure = e.what();
			}
			finished.set();
		});
		CPPUNIT_ASSERT(firstEvent.tryWait(20000));
		cancel->cancel();
		const bool returned = finished.tryWait(20000);
		if (!returned) server.release();
		watcher.join();
		CPPUNIT_ASSERT(returned);
		CPPUNIT_ASSERT_EQUAL(std::string(""), failure);
		CPPUNIT_ASSERT_EQUAL(std::size_t(1), received.size());
		CPPUNIT_ASSERT(cancel->isCancelled());
		// A cancelled token stops the next watch before it starts.
		client.watch(ResourceType::PODS, "x", WatchOptions(), [](std::istream&) { CPPUNIT_FAIL("handler ran"); }, cancel);
		CPPUNIT_ASSERT_EQUAL(std::size_t(1), server.requests().size());
	}

	void testWarningHeadersAreLoggedNotFatal()
	{
		TestApiServer server([](TestApiServer::Exchange& e)
		{
			e.response.add("Warning", "299 - \"child pods are preserved by default when jobs are deleted\"");
			e.response.add("Warning", "299 - \"unknown field \\\"spec.foo\\\"\"");
			e.reply(200, "{\"kind\":\"Status\",\"status\":\"Success\"}");
		});
		LogCapture::Ptr logs = LogCapture::attach();
		KubeClient client(connectionTo(server.url()), clientSettings(std::make_shared<ManualClock>()));
		client.remove(ResourceType::JOBS, "x", "j");
		logs->detach();
		CPPUNIT_ASSERT(logs->contains(Poco::Message::PRIO_WARNING,
			"API server warning: child pods are preserved by default when jobs are deleted"));
		CPPUNIT_ASSERT(logs->contains(Poco::Message::PRIO_WARNING, "unknown field"));
		CPPUNIT_ASSERT(!logs->anyContains("t0k3n-value"));
	}

	void testMetricsHookSeesVerbResourceAndCode()
	{
		TestApiServer server([](TestApiServer::Exchange& e)
		{
			if (e.request.method == "DELETE") e.reply(404, statusJson(404, "NotFound", "gone"));
			else if (e.request.method == "POST") e.reply(201, POD);
			else e.reply(200, e.request.query.find("watch") != std::string::npos ? "" : POD);
		});
		std::mutex mutex;
		std::vector<std::string> seen;
		KubeClientSettings settings = clientSettings(std::make_shared<ManualClock>());
		settings.requestObserver = [&](const std::string& verb, const std::string& resource, int code)
		{
			std::lock_guard<std::mutex> lock(mutex);
			seen.push_back(verb + " " + resource + " " + std::to_string(code));
		};
		KubeClient client(connectionTo(server.url()), settings);
		client.get(ResourceType::PODS, "x", "p");
		client.listObjects(ResourceType::PODS, "x");
		client.watch(ResourceType::JOBS, "x", WatchOptions(), [](std::istream&) {});
		client.create(ResourceType::LEASES, "x", parseJson("{}"));
		client.update(ResourceType::CONFIGMAPS, "x", "c", parseJson("{}"));
		client.patch(ResourceType::PODS, "x", "p", PatchType::Merge, "{}");
		CPPUNIT_ASSERT_THROW(client.remove(ResourceType::JOBS, "x", "j"), NotFoundException);
		const std::vector<std::string> expected{"get pods 200", "list pods 200", "watch jobs.batch 200",
			"create leases.coordination.k8s.io 201", "update configmaps 200", "patch pods 200", "delete jobs.batch 404"};
		CPPUNIT_ASSERT(expected == seen);
	}
};

CPPUNIT_TEST_SUITE_NAMED_REGISTRATION(KubeClientWatchTest, "KubeClient");
