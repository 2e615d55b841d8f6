//
// ReflectorProtocolTest.cpp
//
// The Reflector against a scripted server: the exact list and watch
// requests it sends, and its handling of answers kube-sim does not give
// (malformed and truncated bodies, HTTP 410 on a watch, other ERROR events).
//

#include "ScriptedApiServer.h"
#include "SimCluster.h"
#include "sbomop/runtime/Reflector.h"
#include <cppunit/extensions/HelperMacros.h>

using namespace sbomop;
using namespace sbomop::runtime;
using namespace sbomop::runtime::test;
using Reply = ScriptedApiServer::Reply;

namespace {

std::string podJson(const std::string& name, const std::string& resourceVersion, const std::string& phase = "Running")
{
	return "{\"metadata\":{\"name\":\"" + name + "\",\"namespace\":\"default\",\"uid\":\"uid-" + name
		+ "\",\"resourceVersion\":\"" + resourceVersion + "\"},\"spec\":{\"containers\":[{\"name\":\"app\",\"image\":\"img:1\"}]},"
		"\"status\":{\"phase\":\"" + phase + "\"}}";
}

Reply list(const std::string& resourceVersion, const std::vector<std::string>& items, const std::string& continueToken = "")
{
	std::string body = "{\"kind\":\"PodList\",\"apiVersion\":\"v1\",\"metadata\":{\"resourceVersion\":\"" + resourceVersion + "\"";
	if (!continueToken.empty()) body += ",\"continue\":\"" + continueToken + "\"";
	body += "},\"items\":[";
	for (std::size_t i = 0; i < items.size(); ++i) body += (i ? "," : "") + items[i];
	Reply reply;
	reply.body = body + "]}";
	return reply;
}

std::string event(const std::string& type, const std::string& object)
{
	return "{\"type\":\"" + type + "\",\"object\":" + object + "}\n";
}

std::string bookmark(const std::string& resourceVersion)
{
	return event("BOOKMARK", "{\"kind\":\"Pod\",\"apiVersion\":\"v1\",\"metadata\":{\"resourceVersion\":\"" + resourceVersion + "\"}}");
}

std::string errorEvent(int code, const std::string& reason)
{
	return event("ERROR", "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"metadata\":{},\"status\":\"Failure\",\"message\":\"injected\",\"reason\":\""
		+ reason + "\",\"code\":" + std::to_string(code) + "}");
}

Reply watch(const std::string& events, bool holdOpen = false)
{
	Reply reply;
	reply.body = events;
	reply.holdOpen = holdOpen;
	return reply;
}

Reply status(int code, const std::string& reason)
{
	Reply reply;
	reply.status = code;
	reply.body = "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"metadata\":{},\"status\":\"Failure\",\"message\":\"injected\",\"reason\":\""
		+ reason + "\",\"code\":" + std::to_string(code) + "}";
	return reply;
}

ScriptedApiServer::Script script(std::vector<Reply> replies)
	/// The replies in order, then a watch that stays open and silent.
{
	return [replies](const Poco::URI&, std::size_t index)
	{
		return index < replies.size() ? replies[index] : watch("", true);
	};
}

} // namespace


class ReflectorProtocolTest: public CppUnit::TestFixture
{
	CPPUNIT_TEST_SUITE(ReflectorProtocolTest);
	CPPUNIT_TEST(testRequestsFollowTheListWatchProtocol);
	CPPUNIT_TEST(testTruncatedRelistNeverReplacesTheStore);
	CPPUNIT_TEST(testMalformedWatchIsRetriedFromTheLastResourceVersion);
	CPPUNIT_TEST(testGoneAfterEventsRelistsAtOnce);
	CPPUNIT_TEST(testWatchErrorOtherThanGoneIsRetriedWithoutRelisting);
	CPPUNIT_TEST(testHttpGoneOnWatchRelistsWithoutResourceVersion);
	CPPUNIT_TEST(testListWithoutResourceVersionIsRetried);
	CPPUNIT_TEST_SUITE_END();

public:
	void testRequestsFollowTheListWatchProtocol()
	{
		ScriptedApiServer server(script({
			list("100", {podJson("a", "90"), podJson("b", "91")}, "page-2"),
			list("100", {podJson("c", "92")}),
			watch(event("MODIFIED", podJson("a", "101", "Succeeded")) + bookmark("105")),
		}));
		ReflectorOptions opts = options();
		opts.pageSize = 2;
		opts.labelSelector = "app=x";
		PodReflector reflector(testClient(server.url()), opts);
		reflector.start();
		CPPUNIT_ASSERT(waitUntil([&]() { return server.requestCount() == 4; }));
		reflector.stop();

		const auto requests = server.requests();
		CPPUNIT_ASSERT_EQUAL(std::string("/api/v1/pods"), requests[0].getPath());
		CPPUNIT_ASSERT_EQUAL(std::string("2"), ScriptedApiServer::parameter(requests[0], "limit"));
		CPPUNIT_ASSERT_EQUAL(std::string("app=x"), ScriptedApiServer::parameter(requests[0], "labelSelector"));
		CPPUNIT_ASSERT_EQUAL(std::string(""), ScriptedApiServer::parameter(requests[0], "continue"));
		CPPUNIT_ASSERT_EQUAL(std::string(""), ScriptedApiServer::parameter(requests[0], "resourceVersion"));
		CPPUNIT_ASSERT_EQUAL(std::string("page-2"), ScriptedApiServer::parameter(requests[1], "continue"));
		CPPUNIT_ASSERT_EQUAL(std::string("2"), ScriptedApiServer::parameter(requests[1], "limit"));
		CPPUNIT_ASSERT_EQUAL(std::string("1"), ScriptedApiServer::parameter(requests[2], "watch"));
		CPPUNIT_ASSERT_EQUAL(std::string("100"), ScriptedApiServer::parameter(requests[2], "resourceVersion"));
		CPPUNIT_ASSERT_EQUAL(std::string("true"), ScriptedApiServer::parameter(requests[2], "allowWatchBookmarks"));
		CPPUNIT_ASSERT_EQUAL(std::string("app=x"), ScriptedApiServer::parameter(requests[2], "labelSelector"));
		const int timeout = std::stoi(ScriptedApiServer::parameter(requests[2], "timeoutSeconds"));
		CPPUNIT_ASSERT(timeout >= 300 && timeout < 600);
		// The bookmark moved the resourceVersion without touching the store.
		CPPUNIT_ASSERT_EQUAL(std::string("105"), ScriptedApiServer::parameter(requests[3], "resourceVersion"));

		const std::vector<std::string> keys = {"default/a", "default/b", "default/c"};
		CPPUNIT_ASSERT(keys == reflector.store()->keys());
		CPPUNIT_ASSERT_EQUAL(std::string("Succeeded"), reflector.store()->get("default/a")->phase);
		const auto metrics = reflector.metrics();
		CPPUNIT_ASSERT_EQUAL(std::uint64_t(2), metrics.listPages);
		CPPUNIT_ASSERT_EQUAL(std::uint64_t(1), metrics.eventsModified);
		CPPUNIT_ASSERT_EQUAL(std::uint64_t(1), metrics.eventsBookmark);
		CPPUNIT_ASSERT_EQUAL(std::uint64_t(2), metrics.watches);
	}

	void testTruncatedRelistNeverReplacesTheStore()
	{
		Reply truncated = list("20", {podJson("a", "10")});
		truncated.body = truncated.body.substr(0, truncated.body.size() - 2) + ",{\"metadata\":{\"name\":\"b\"";
		ScriptedApiServer server(script({
			list("10", {podJson("a", "10"), podJson("b", "11"), podJson("c", "12")}),
			watch(errorEvent(410, "Expired")),
			truncated,
			status(500, "InternalError"),
			list("30", {podJson("a", "10"), podJson("c", "25")}),
		}));
		EventRecorder recorder;
		PodReflector reflector(testClient(server.url()), options());
		reflector.addHandler(recorder.handler());
		reflector.start();
		CPPUNIT_ASSERT(waitUntil([&]() { return server.requestCount() == 6; }));
		reflector.stop();

		const std::vector<std::string> expected = {"add default/a", "add default/b", "add default/c",
			"delete default/b", "update default/c"};
		CPPUNIT_ASSERT_EQUAL(join(expected), join(recorder.events()));
		const auto metrics = reflector.metrics();
		CPPUNIT_ASSERT_EQUAL(std::uint64_t(2), metrics.lists);
		CPPUNIT_ASSERT_EQUAL(std::uint64_t(1), metrics.relists);
		CPPUNIT_ASSERT_EQUAL(std::uint64_t(3), metrics.errors);
		CPPUNIT_ASSERT_EQUAL(std::string("30"), ScriptedApiServer::parameter(server.requests()[5], "resourceVersion"));
	}

	void testMalformedWatchIsRetriedFromTheLastResourceVersion()
	{
		ScriptedApiServer server(script({
			list("10", {podJson("a", "10")}),
			watch(event("ADDED", podJson("b", "11")) + "{\"type\":\"ADDED\",\"object\":{\"metadata\":"),
		}));
		EventRecorder recorder;
		PodReflector reflector(testClient(server.url()), options());
		reflector.addHandler(recorder.handler());
		reflector.start();
		CPPUNIT_ASSERT(waitUntil([&]() { return server.requestCount() == 3; }));
		reflector.stop();

		CPPUNIT_ASSERT_EQUAL(std::string("11"), ScriptedApiServer::parameter(server.requests()[2], "resourceVersion"));
		const std::vector<std::string> expected = {"add default/a", "add default/b"};
		CPPUNIT_ASSERT_EQUAL(join(expected), join(recorder.events()));
		CPPUNIT_ASSERT_EQUAL(std::uint64_t(1), reflector.metrics().errors);
		CPPUNIT_ASSERT_EQUAL(std::uint64_t(0), reflector.metrics().relists);
	}

	void testGoneAfterEventsRelistsAtOnce()
	{
		ScriptedApiServer server(script({
			list("10", {podJson("a", "10")}),
			watch(event("ADDED", podJson("b", "11")) + errorEvent(410, "Expired")),
			list("20", {podJson("a", "10"), podJson("b", "11"), podJson("c", "19")}),
		}));
		EventRecorder recorder;
		PodReflector reflector(testClient(server.url()), options());
		reflector.addHandler(recorder.handler());
		reflector.start();
		CPPUNIT_ASSERT(waitUntil([&]() { return server.requestCount() == 4; }));
		reflector.stop();

		// The relist reports only the pod the watch did not deliver.
		const std::vector<std::string> expected = {"add default/a", "add default/b", "add default/c"};
		CPPUNIT_ASSERT_EQUAL(join(expected), join(recorder.events()));
		CPPUNIT_ASSERT_EQUAL(std::string(""), ScriptedApiServer::parameter(server.requests()[2], "resourceVersion"));
		CPPUNIT_ASSERT_EQUAL(std::string("20"), ScriptedApiServer::parameter(server.requests()[3], "resourceVersion"));
		const auto metrics = reflector.metrics();
		CPPUNIT_ASSERT_EQUAL(std::uint64_t(1), metrics.expired);
		CPPUNIT_ASSERT_EQUAL(std::uint64_t(1), metrics.relists);
		CPPUNIT_ASSERT_EQUAL(std::uint64_t(0), metrics.errors);
		CPPUNIT_ASSERT(_sleeper.delays().empty());
	}

	void testWatchErrorOtherThanGoneIsRetriedWithoutRelisting()
	{
		ScriptedApiServer server(script({
			list("10", {podJson("a", "10")}),
			watch(errorEvent(500, "InternalError")),
		}));
		PodReflector reflector(testClient(server.url()), options());
		reflector.start();
		CPPUNIT_ASSERT(waitUntil([&]() { return server.requestCount() == 3; }));
		reflector.stop();

		const auto requests = server.requests();
		CPPUNIT_ASSERT_EQUAL(std::string("1"), ScriptedApiServer::parameter(requests[2], "watch"));
		CPPUNIT_ASSERT_EQUAL(std::string("10"), ScriptedApiServer::parameter(requests[2], "resourceVersion"));
		const auto metrics = reflector.metrics();
		CPPUNIT_ASSERT_EQUAL(std::uint64_t(1), metrics.errors);
		CPPUNIT_ASSERT_EQUAL(std::uint64_t(1), metrics.eventsError);
		CPPUNIT_ASSERT_EQUAL(std::uint64_t(0), metrics.expired);
		CPPUNIT_ASSERT_EQUAL(std::uint64_t(1), metrics.lists);
	}

	void testHttpGoneOnWatchRelistsWithoutResourceVersion()
	{
		ScriptedApiServer server(script({
			list("10", {podJson("a", "10")}),
			status(410, "Expired"),
			list("20", {podJson("a", "10"), podJson("b", "15")}),
		}));
		EventRecorder recorder;
		PodReflector reflector(testClient(server.url()), options());
		reflector.addHandler(recorder.handler());
		reflector.start();
		CPPUNIT_ASSERT(waitUntil([&]() { return server.requestCount() == 4; }));
		reflector.stop();

		const auto requests = server.requests();
		CPPUNIT_ASSERT_EQUAL(std::string(""), ScriptedApiServer::parameter(requests[2], "watch"));
		CPPUNIT_ASSERT_EQUAL(std::string(""), ScriptedApiServer::parameter(requests[2], "resourceVersion"));
		CPPUNIT_ASSERT_EQUAL(std::string("20"), ScriptedApiServer::parameter(requests[3], "resourceVersion"));
		const std::vector<std::string> expected = {"add default/a", "add default/b"};
		CPPUNIT_ASSERT_EQUAL(join(expected), join(recorder.events()));
		CPPUNIT_ASSERT_EQUAL(std::uint64_t(1), reflector.metrics().expired);
		CPPUNIT_ASSERT_EQUAL(std::uint64_t(1), reflector.metrics().relists);
	}

	void testListWithoutResourceVersionIsRetried()
	{
		Reply noVersion = list("", {podJson("a", "10")});
		ScriptedApiServer server(script({
			noVersion,
			list("12", {podJson("a", "10")}),
		}));
		PodReflector reflector(testClient(server.url()), options());
		reflector.start();
		CPPUNIT_ASSERT(waitUntil([&]() { return server.requestCount() == 3; }));
		reflector.stop();

		CPPUNIT_ASSERT_EQUAL(std::string("12"), ScriptedApiServer::parameter(server.requests()[2], "resourceVersion"));
		CPPUNIT_ASSERT_EQUAL(std::uint64_t(1), reflector.metrics().errors);
		CPPUNIT_ASSERT_EQUAL(std::uint64_t(1), reflector.metrics().lists);
		CPPUNIT_ASSERT_EQUAL(std::size_t(1), reflector.store()->size());
	}

private:
	ReflectorOptions options()
	{
		ReflectorOptions result;
		result.sleeper = _sleeper.sleeper();
		return result;
	}

	RecordingSleeper _sleeper;
};

CPPUNIT_TEST_SUITE_NAMED_REGISTRATION(ReflectorProtocolTest, "Runtime");
