//
// KubeSimListWatchTest.cpp
//
// kube-sim list and watch semantics: pagination over a consistent snapshot,
// expired and malformed continue tokens, resourceVersion rules, watch start
// points, ordering, 410 ERROR events, bookmarks, timeouts, selectors (also
// their watch transitions) and a 10,000-pod list.
//

#include "SimFixture.h"
#include "kubesim/Json.h"
#include "kubesim/KubeSimServer.h"
#include <Poco/JSON/Array.h>
#include <Poco/NumberParser.h>
#include <cppunit/extensions/HelperMacros.h>
#include <memory>

using Poco::JSON::Array;
using Poco::JSON::Object;
using sbomop::kubesim::Json;
using sbomop::kubesim::KubeSimServer;
using sbomop::kubesim::SimClient;
using sbomop::kubesim::podManifest;
using sbomop::kubesim::WatchStream;

namespace
{
	std::string configMap(const std::string& name, const std::string& value = "v")
	{
		return "{\"metadata\":{\"name\":\"" + name + "\"},\"data\":{\"k\":\"" + value + "\"}}";
	}


	std::string names(const Object::Ptr& list)
	{
		std::string result;
		Array::Ptr items = Json::array(list, "items");
		for (unsigned i = 0; items && i < items->size(); ++i)
			result += (i ? "," : "") + Json::string(Json::object(items->getObject(i), "metadata"), "name");
		return result;
	}

	std::string listMeta(const Object::Ptr& list, const std::string& key)
	{
		return Json::string(Json::object(list, "metadata"), key);
	}

	Poco::UInt64 number(const std::string& text)
	{
		return Poco::NumberParser::parseUnsigned64(text);
	}
}

class KubeSimListWatchTest: public sbomop::kubesim::SimFixture
{
	CPPUNIT_TEST_SUITE(KubeSimListWatchTest);
	CPPUNIT_TEST(testListPaginatesWithContinueTokens);
	CPPUNIT_TEST(testPagesReadOneConsistentSnapshot);
	CPPUNIT_TEST(testExpiredContinueTokenIsGone);
	CPPUNIT_TEST(testMalformedContinueTokenIsBadRequest);
	CPPUNIT_TEST(testListResourceVersionRules);
	CPPUNIT_TEST(testWatchFromResourceVersionDeliversLaterChangesInOrder);
	CPPUNIT_TEST(testWatchWithoutResourceVersionStartsWithSyntheticAdds);
	CPPUNIT_TEST(testTooOldResourceVersionGivesErrorEvent);
	CPPUNIT_TEST(testBookmarksCarryOnlyTheResourceVersion);
	CPPUNIT_TEST(testWatchEndsCleanlyAfterTimeoutSeconds);
	CPPUNIT_TEST(testLabelSelectorWatchSendsTransitions);
	CPPUNIT_TEST(testFieldSelectorsFilterAndRejectUnknownLabels);
	CPPUNIT_TEST(testLabelSelectorParseErrorIsBadRequest);
	CPPUNIT_TEST(testStreamingListEndsInitialEventsWithBookmark);
	CPPUNIT_TEST(testWatchOnNamedObject);
	CPPUNIT_TEST_SUITE_END();

public:
	void setUp() override
	{
		KubeSimServer::Options options;
		options.token = "t";
		options.bookmarkInterval = Poco::Timespan(100 * Poco::Timespan::MILLISECONDS);
		options.freshnessWait = Poco::Timespan(50 * Poco::Timespan::MILLISECONDS);
		startSim(options);
	}

	void testListPaginatesWithContinueTokens()
	{
		for (const char* name: {"g", "c", "a", "e", "b", "f", "d"}) _client->post("/api/v1/namespaces/default/configmaps", configMap(name));
		_client->post("/api/v1/namespaces/kube-system/configmaps", configMap("other"));
		Object::Ptr first = _client->get("/api/v1/namespaces/default/configmaps?limit=3").json();
		CPPUNIT_ASSERT_EQUAL(std::string("ConfigMapList"), Json::string(first, "kind"));
		CPPUNIT_ASSERT_EQUAL(std::string("a,b,c"), names(first));
		CPPUNIT_ASSERT_EQUAL(std::string("4"), listMeta(first, "remainingItemCount"));
		const std::string token = listMeta(first, "continue");
		CPPUNIT_ASSERT(!token.empty());
		// List items carry neither kind nor apiVersion.
		CPPUNIT_ASSERT(!Json::array(first, "items")->getObject(0)->has("kind"));

		Object::Ptr second = _client->get("/api/v1/namespaces/default/configmaps?limit=3&continue=" + token).json();
		CPPUNIT_ASSERT_EQUAL(std::string("d,e,f"), names(second));
		Object::Ptr third = _client->get("/api/v1/namespaces/default/configmaps?limit=3&continue=" + listMeta(second, "continue")).json();
		CPPUNIT_ASSERT_EQUAL(std::string("g"), names(third));
		CPPUNIT_ASSERT_EQUAL(std::string(), listMeta(third, "continue"));
		CPPUNIT_ASSERT_EQUAL(listMeta(first, "resourceVersion"), listMeta(third, "resourceVersion"));

		Object::Ptr all = _client->get("/api/v1/configmaps").json();
		CPPUNIT_ASSERT_EQUAL(std::string("a,b,c,d,e,f,g,other"), names(all));
		CPPUNIT_ASSERT_EQUAL(std::to_string(_server->store().currentResourceVersion()), listMeta(all, "resourceVersion"));
	}

	void testPagesReadOneConsistentSnapshot()
	{
		for (const char* name: {"a", "b", "c", "d"}) _client->post("/api/v1/namespaces/default/configmaps", configMap(name));
		Object::Ptr first = _client->get("/api/v1/namespaces/default/configmaps?limit=2").json();
		CPPUNIT_ASSERT_EQUAL(std::string("a,b"), names(first));
		_client->remove("/api/v1/namespaces/default/configmaps/c");
		_client->post("/api/v1/namespaces/default/configmaps", configMap("cc"));
		_client->put("/api/v1/namespaces/default/configmaps/d", configMap("d", "changed"));
		Object::Ptr second = _client->get("/api/v1/namespaces/default/configmaps?limit=2&continue=" + listMeta(first, "continue")).json();
		CPPUNIT_ASSERT_EQUAL(std::string("c,d"), names(second));
		CPPUNIT_ASSERT_EQUAL(std::string("v"), Json::string(Json::object(Json::array(second, "items")->getObject(1), "data"), "k"));
		CPPUNIT_ASSERT_EQUAL(listMeta(first, "resourceVersion"), listMeta(second, "resourceVersion"));
		Object::Ptr fresh = _client->get("/api/v1/namespaces/default/configmaps").json();
		CPPUNIT_ASSERT_EQUAL(std::string("a,b,cc,d"), names(fresh));
	}

	void testExpiredContinueTokenIsGone()
	{
		for (const char* name: {"a", "b", "c"}) _client->post("/api/v1/namespaces/default/configmaps", configMap(name));
		Object::Ptr first = _client->get("/api/v1/namespaces/default/configmaps?limit=1").json();
		_client->post("/api/v1/namespaces/default/configmaps", configMap("d"));
		_server->store().compact();
		SimClient::Response expired = _client->get("/api/v1/namespaces/default/configmaps?limit=1&continue=" + listMeta(first, "continue"));
		CPPUNIT_ASSERT_EQUAL(410, expired.status);
		Object::Ptr status = expired.json();
		CPPUNIT_ASSERT_EQUAL(std::string("Expired"), Json::string(status, "reason"));
		CPPUNIT_ASSERT_EQUAL(std::size_t(0), Json::string(status, "message").find("The provided continue parameter is too old to display a consistent list result."));
		// The Status offers a token that continues (inconsistently) at the latest version.
		const std::string fresh = listMeta(status, "continue");
		CPPUNIT_ASSERT(!fresh.empty());
		CPPUNIT_ASSERT_EQUAL(std::string("b"), names(_client->get("/api/v1/namespaces/default/configmaps?limit=1&continue=" + fresh).json()));

		// Tokens also age out after the configured window.
		Object::Ptr again = _client->get("/api/v1/namespaces/default/configmaps?limit=1").json();
		_server->registry().lister().setContinueTokenTtl(Poco::Timespan(0));
		CPPUNIT_ASSERT_EQUAL(410, _client->get("/api/v1/namespaces/default/configmaps?limit=1&continue=" + listMeta(again, "continue")).status);
	}

	void testMalformedContinueTokenIsBadRequest()
	{
		SimClient::Response response = _client->get("/api/v1/namespaces/default/configmaps?limit=1&continue=not-a-token");
		CPPUNIT_ASSERT_EQUAL(400, response.status);
		CPPUNIT_ASSERT_EQUAL(std::size_t(0), Json::string(response.json(), "message").find("invalid continue token: "));
	}

	void testListResourceVersionRules()
	{
		_client->post("/api/v1/namespaces/default/configmaps", configMap("a"));
		const std::string before = std::to_string(_server->store().currentResourceVersion());
		_client->post("/api/v1/namespaces/default/configmaps", configMap("b"));
		Object::Ptr first = _client->get("/api/v1/namespaces/default/configmaps?limit=1").json();

		SimClient::Response both = _client->get("/api/v1/namespaces/default/configmaps?limit=1&resourceVersion=5&continue=" + listMeta(first, "continue"));
		CPPUNIT_ASSERT_EQUAL(400, both.status);
		CPPUNIT_ASSERT_EQUAL(std::string("specifying resource version is not allowed when using continue"), Json::string(both.json(), "message"));

		SimClient::Response match = _client->get("/api/v1/namespaces/default/configmaps?resourceVersionMatch=Exact");
		CPPUNIT_ASSERT_EQUAL(422, match.status);
		CPPUNIT_ASSERT_EQUAL(std::string("ListOptions.meta.k8s.io \"\" is invalid: resourceVersionMatch: Forbidden: "
			"resourceVersionMatch is forbidden unless resourceVersion is provided"), Json::string(match.json(), "message"));
		CPPUNIT_ASSERT_EQUAL(std::string("ListOptions"), Json::string(Json::object(match.json(), "details"), "kind"));

		// Exact reads see the state at that version.
		Object::Ptr exact = _client->get("/api/v1/namespaces/default/configmaps?resourceVersion=" + before + "&resourceVersionMatch=Exact").json();
		CPPUNIT_ASSERT_EQUAL(std::string("a"), names(exact));
		CPPUNIT_ASSERT_EQUAL(before, listMeta(exact, "resourceVersion"));
		Object::Ptr notOlder = _client->get("/api/v1/namespaces/default/configmaps?resourceVersion=" + before).json();
		CPPUNIT_ASSERT_EQUAL(std::string("a,b"), names(notOlder));

		SimClient::Response future = _client->get("/api/v1/namespaces/default/configmaps?resourceVersion=999999");
		CPPUNIT_ASSERT_EQUAL(504, future.status);
		CPPUNIT_ASSERT_EQUAL(std::string("Timeout"), Json::string(future.json(), "reason"));
		CPPUNIT_ASSERT_EQUAL(std::size_t(0), Json::string(future.json(), "message").find("Timeout: Too large resource version: 999999, current: "));
		CPPUNIT_ASSERT_EQUAL(std::string("1"), future.headers.get("Retry-After", ""));

		_server->store().compact();
		SimClient::Response old = _client->get("/api/v1/namespaces/default/configmaps?limit=5&resourceVersion=" + before);
		CPPUNIT_ASSERT_EQUAL(410, old.status);
		CPPUNIT_ASSERT_EQUAL(std::string("The resourceVersion for the provided list is too old."), Json::string(old.json(), "message"));
	}

	void testWatchFromResourceVersionDeliversLaterChangesInOrder()
	{
		_client->post("/api/v1/namespaces/default/configmaps", configMap("before"));
		const std::string start = std::to_string(_server->store().currentResourceVersion());
		_client->post("/api/v1/namespaces/default/configmaps", configMap("a"));
		_client->put("/api/v1/namespaces/default/configmaps/a", configMap("a", "2"));
		_client->post("/api/v1/namespaces/kube-system/configmaps", configMap("elsewhere"));
		WatchStream watch(*_client, "/api/v1/namespaces/default/configmaps?watch=1&resourceVersion=" + start);
		CPPUNIT_ASSERT_EQUAL(200, watch.status());
		_client->remove("/api/v1/namespaces/default/configmaps/a");
		_client->post("/api/v1/namespaces/default/configmaps", configMap("b"));

		std::vector<Object::Ptr> events = watch.collect(4);
		CPPUNIT_ASSERT_EQUAL(std::size_t(4), events.size());
		const char* types[] = {"ADDED", "MODIFIED", "DELETED", "ADDED"};
		const char* objects[] = {"a", "a", "a", "b"};
		Poco::UInt64 last = number(start);
		for (std::size_t i = 0; i < events.size(); ++i)
		{
			CPPUNIT_ASSERT_EQUAL(std::string(types[i]), sbomop::kubesim::objectType(events[i]));
			CPPUNIT_ASSERT_EQUAL(std::string(objects[i]), sbomop::kubesim::eventName(events[i]));
			CPPUNIT_ASSERT_EQUAL(std::string("ConfigMap"), Json::string(Json::object(events[i], "object"), "kind"));
			const Poco::UInt64 rv = number(sbomop::kubesim::eventResourceVersion(events[i]));
			CPPUNIT_ASSERT(rv > last);
			last = rv;
		}
		CPPUNIT_ASSERT(!watch.next(300));
	}

	void testWatchWithoutResourceVersionStartsWithSyntheticAdds()
	{
		_client->post("/api/v1/namespaces/default/configmaps", configMap("x"));
		_client->post("/api/v1/namespaces/default/configmaps", configMap("y"));
		WatchStream watch(*_client, "/api/v1/configmaps?watch=true");
		std::vector<Object::Ptr> initial = watch.collect(2);
		CPPUNIT_ASSERT_EQUAL(std::size_t(2), initial.size());
		CPPUNIT_ASSERT_EQUAL(std::string("ADDED"), sbomop::kubesim::objectType(initial[0]));
		CPPUNIT_ASSERT_EQUAL(std::string("x"), sbomop::kubesim::eventName(initial[0]));
		CPPUNIT_ASSERT_EQUAL(std::string("y"), sbomop::kubesim::eventName(initial[1]));
		_client->put("/api/v1/namespaces/default/configmaps/y", configMap("y", "new"));
		Object::Ptr modified = watch.next();
		CPPUNIT_ASSERT(modified);
		CPPUNIT_ASSERT_EQUAL(std::string("MODIFIED"), sbomop::kubesim::objectType(modified));
		CPPUNIT_ASSERT(!watch.next(300));
	}

	void testTooOldResourceVersionGivesErrorEvent()
	{
		_server->store().setHistoryLimit(2);
		const std::string start = std::to_string(_server->store().currentResourceVersion());
		for (const char* name: {"a", "b", "c", "d"}) _client->post("/api/v1/namespaces/default/configmaps", configMap(name));
		WatchStream watch(*_client, "/api/v1/namespaces/default/configmaps?watch=1&resourceVersion=" + start);
		CPPUNIT_ASSERT_EQUAL(200, watch.status());
		Object::Ptr event = watch.next();
		CPPUNIT_ASSERT(event);
		CPPUNIT_ASSERT_EQUAL(std::string("ERROR"), sbomop::kubesim::objectType(event));
		Object::Ptr status = Json::object(event, "object");
		CPPUNIT_ASSERT_EQUAL(std::string("Status"), Json::string(status, "kind"));
		CPPUNIT_ASSERT_EQUAL(std::string("Expired"), Json::string(status, "reason"));
		CPPUNIT_ASSERT_EQUAL(std::string("410"), Json::string(status, "code"));
		const std::string oldest = std::to_string(_server->store().oldestResourceVersion(sbomop::kubesim::ResourceCatalog::get("configmaps")));
		CPPUNIT_ASSERT_EQUAL("too old resource version: " + start + " (" + oldest + ")", Json::string(status, "message"));
		CPPUNIT_ASSERT(watch.waitEnded(3000));
		CPPUNIT_ASSERT(!watch.next(0));
	}

	void testBookmarksCarryOnlyTheResourceVersion()
	{
		WatchStream watch(*_client, "/api/v1/namespaces/default/pods?watch=1&allowWatchBookmarks=true&resourceVersion="
			+ std::to_string(_server->store().currentResourceVersion()));
		Object::Ptr bookmark = watch.next();
		CPPUNIT_ASSERT(bookmark);
		CPPUNIT_ASSERT_EQUAL(std::string("BOOKMARK"), sbomop::kubesim::objectType(bookmark));
		Object::Ptr object = Json::object(bookmark, "object");
		CPPUNIT_ASSERT_EQUAL(std::string("Pod"), Json::string(object, "kind"));
		CPPUNIT_ASSERT_EQUAL(std::string("v1"), Json::string(object, "apiVersion"));
		CPPUNIT_ASSERT_EQUAL(std::string("{\"resourceVersion\":\"") + std::to_string(_server->store().currentResourceVersion()) + "\"}",
			Json::stringify(object->get("metadata")));

		WatchStream plain(*_client, "/api/v1/namespaces/default/pods?watch=1&resourceVersion="
			+ std::to_string(_server->store().currentResourceVersion()));
		CPPUNIT_ASSERT(!plain.next(400));
	}

	void testWatchEndsCleanlyAfterTimeoutSeconds()
	{
		WatchStream watch(*_client, "/api/v1/namespaces/default/pods?watch=1&timeoutSeconds=1");
		CPPUNIT_ASSERT(watch.waitEnded(5000));
		CPPUNIT_ASSERT(watch.endedCleanly());
	}

	void testLabelSelectorWatchSendsTransitions()
	{
		WatchStream watch(*_client, "/api/v1/namespaces/default/pods?watch=1&labelSelector=app%3Dweb&resourceVersion="
			+ std::to_string(_server->store().currentResourceVersion()));
		_client->post("/api/v1/namespaces/default/pods", podManifest("p", "{\"app\":\"db\"}"));
		_client->patch("/api/v1/namespaces/default/pods/p", "{\"metadata\":{\"labels\":{\"app\":\"web\"}}}", "application/merge-patch+json");
		_client->patch("/api/v1/namespaces/default/pods/p", "{\"metadata\":{\"annotations\":{\"x\":\"1\"}}}", "application/merge-patch+json");
		_client->patch("/api/v1/namespaces/default/pods/p", "{\"metadata\":{\"labels\":{\"app\":\"other\"}}}", "application/merge-patch+json");
		const std::string lastRv = std::to_string(_server->store().currentResourceVersion());
		_client->remove("/api/v1/namespaces/default/pods/p");

		std::vector<Object::Ptr> events = watch.collect(3);
		CPPUNIT_ASSERT_EQUAL(std::size_t(3), events.size());
		CPPUNIT_ASSERT_EQUAL(std::string("ADDED"), sbomop::kubesim::objectType(events[0]));
		CPPUNIT_ASSERT_EQUAL(std::string("MODIFIED"), sbomop::kubesim::objectType(events[1]));
		CPPUNIT_ASSERT_EQUAL(std::string("DELETED"), sbomop::kubesim::objectType(events[2]));
		// Leaving the selection: the previous content at the change's version.
		CPPUNIT_ASSERT_EQUAL(lastRv, sbomop::kubesim::eventResourceVersion(events[2]));
		CPPUNIT_ASSERT_EQUAL(std::string("web"),
			Json::string(Json::object(Json::object(Json::object(events[2], "object"), "metadata"), "labels"), "app"));
		CPPUNIT_ASSERT(!watch.next(300));
	}

	void testFieldSelectorsFilterAndRejectUnknownLabels()
	{
		_client->post("/api/v1/namespaces/default/pods", podManifest("running"));
		_client->post("/api/v1/namespaces/default/pods", podManifest("pending"));
		_client->patch("/api/v1/namespaces/default/pods/running/status", "{\"status\":{\"phase\":\"Running\"}}", "application/merge-patch+json");
		CPPUNIT_ASSERT_EQUAL(std::string("running"), names(_client->get("/api/v1/pods?fieldSelector=status.phase%3DRunning").json()));
		CPPUNIT_ASSERT_EQUAL(std::string("pending"), names(_client->get("/api/v1/pods?fieldSelector=status.phase!%3DRunning").json()));
		CPPUNIT_ASSERT_EQUAL(std::string("pending"),
			names(_client->get("/api/v1/pods?fieldSelector=metadata.namespace%3Ddefault,metadata.name%3Dpending").json()));

		SimClient::Response pods = _client->get("/api/v1/pods?fieldSelector=foo%3Dbar");
		CPPUNIT_ASSERT_EQUAL(400, pods.status);
		CPPUNIT_ASSERT_EQUAL(std::string("field label not supported: foo"), Json::string(pods.json(), "message"));
		CPPUNIT_ASSERT_EQUAL(std::string("BadRequest"), Json::string(pods.json(), "reason"));
		CPPUNIT_ASSERT_EQUAL(std::string("field label \"foo\" not supported for Job"),
			Json::string(_client->get("/apis/batch/v1/jobs?fieldSelector=foo%3Dbar").json(), "message"));
		CPPUNIT_ASSERT_EQUAL(std::string("\"foo\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""),
			Json::string(_client->get("/api/v1/configmaps?fieldSelector=foo%3Dbar").json(), "message"));
	}

	void testLabelSelectorParseErrorIsBadRequest()
	{
		SimClient::Response response = _client->get("/api/v1/pods?labelSelector=a%20in%20(x");
		CPPUNIT_ASSERT_EQUAL(400, response.status);
		std::string expected;
		try
		{
			sbomop::kube::LabelSelector::parse("a in (x");
		}
		catch (Poco::Exception& e)
		{
			expected = e.message();
		}
		CPPUNIT_ASSERT(!expected.empty());
		CPPUNIT_ASSERT_EQUAL(expected, Json::string(response.json(), "message"));

		_client->post("/api/v1/namespaces/default/pods", podManifest("x", "{\"a\":\"x\"}"));
		_client->post("/api/v1/namespaces/default/pods", podManifest("y", "{\"a\":\"y\",\"b\":\"1\"}"));
		_client->post("/api/v1/namespaces/default/pods", podManifest("z", "{\"a\":\"z\"}"));
		CPPUNIT_ASSERT_EQUAL(std::string("x"), names(_client->get("/api/v1/pods?labelSelector=a%20in%20(x%2Cy)%2C!b").json()));
	}

	void testStreamingListEndsInitialEventsWithBookmark()
	{
		_client->post("/api/v1/namespaces/default/configmaps", configMap("one"));
		WatchStream watch(*_client, "/api/v1/namespaces/default/configmaps?watch=1&sendInitialEvents=true"
			"&resourceVersionMatch=NotOlderThan&allowWatchBookmarks=true");
		std::vector<Object::Ptr> events = watch.collect(2);
		CPPUNIT_ASSERT_EQUAL(std::size_t(2), events.size());
		CPPUNIT_ASSERT_EQUAL(std::string("ADDED"), sbomop::kubesim::objectType(events[0]));
		CPPUNIT_ASSERT_EQUAL(std::string("BOOKMARK"), sbomop::kubesim::objectType(events[1]));
		Object::Ptr annotations = Json::object(Json::object(Json::object(events[1], "object"), "metadata"), "annotations");
		CPPUNIT_ASSERT_EQUAL(std::string("true"), Json::string(annotations, "k8s.io/initial-events-end"));

		SimClient::Response invalid = _client->get("/api/v1/namespaces/default/configmaps?watch=1&sendInitialEvents=true");
		CPPUNIT_ASSERT_EQUAL(422, invalid.status);
	}

	void testWatchOnNamedObject()
	{
		_client->post("/api/v1/namespaces/default/configmaps", configMap("mine"));
		_client->post("/api/v1/namespaces/default/configmaps", configMap("other"));
		WatchStream watch(*_client, "/api/v1/namespaces/default/configmaps?watch=1&fieldSelector=metadata.name%3Dmine");
		Object::Ptr added = watch.next();
		CPPUNIT_ASSERT(added);
		CPPUNIT_ASSERT_EQUAL(std::string("mine"), sbomop::kubesim::eventName(added));
		_client->remove("/api/v1/namespaces/default/configmaps/other");
		_client->remove("/api/v1/namespaces/default/configmaps/mine");
		Object::Ptr deleted = watch.next();
		CPPUNIT_ASSERT(deleted);
		CPPUNIT_ASSERT_EQUAL(std::string("DELETED"), sbomop::kubesim::objectType(deleted));
		CPPUNIT_ASSERT_EQUAL(std::string("mine"), sbomop::kubesim::eventName(deleted));

		SimClient::Response mismatch = _client->get("/api/v1/watch/namespaces/default/configmaps/mine?fieldSelector=metadata.name%3Dother");
		CPPUNIT_ASSERT_EQUAL(400, mismatch.status);
		CPPUNIT_ASSERT_EQUAL(std::string("fieldSelector metadata.name doesn't match requested name"), Json::string(mismatch.json(), "message"));
	}

};

CPPUNIT_TEST_SUITE_NAMED_REGISTRATION(KubeSimListWatchTest, "KubeSim");
