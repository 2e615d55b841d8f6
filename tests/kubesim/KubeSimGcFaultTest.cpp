//
// KubeSimGcFaultTest.cpp
//
// kube-sim's controllers and test controls: garbage collection by
// ownerReferences (Background, Foreground, Orphan, missing owners),
// finalizers, namespace termination; injected faults (429, 5xx, resets,
// latency, watch closes and expiries), request statistics and the /_sim API.
//

#include "SimFixture.h"
#include "kubesim/Json.h"
#include "kubesim/KubeSimServer.h"
#include <Poco/JSON/Array.h>
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/NumberParser.h>
#include <Poco/StreamCopier.h>
#include <cppunit/extensions/HelperMacros.h>
#include <memory>

using Poco::JSON::Array;
using Poco::JSON::Object;
using sbomop::kubesim::FaultRule;
using sbomop::kubesim::Json;
using sbomop::kubesim::KubeSimServer;
using sbomop::kubesim::SimClient;
using sbomop::kubesim::WatchStream;
using sbomop::kubesim::waitUntil;

namespace
{
	const std::string JOBS = "/apis/batch/v1/namespaces/default/jobs";
	const std::string PODS = "/api/v1/namespaces/default/pods";

	std::string owner(const std::string& apiVersion, const std::string& kind, const std::string& name, const std::string& uid, bool controller = true)
	{
		return "{\"apiVersion\":\"" + apiVersion + "\",\"kind\":\"" + kind + "\",\"name\":\"" + name + "\",\"uid\":\"" + uid
			+ "\",\"controller\":" + (controller ? "true" : "false") + ",\"blockOwnerDeletion\":true}";
	}

	std::string ownedPod(const std::string& name, const std::string& owners)
	{
		return "{\"metadata\":{\"name\":\"" + name + "\",\"ownerReferences\":[" + owners + "]},"
			"\"spec\":{\"containers\":[{\"name\":\"c\",\"image\":\"x\"}]}}";
	}

	std::string uidOf(const SimClient::Response& response)
	{
		return Json::string(Json::object(response.json(), "metadata"), "uid");
	}

	Poco::UInt64 rvOf(const Object::Ptr& event)
	{
		return Poco::NumberParser::parseUnsigned64(sbomop::kubesim::eventResourceVersion(event));
	}
}

class KubeSimGcFaultTest: public sbomop::kubesim::SimFixture
{
	CPPUNIT_TEST_SUITE(KubeSimGcFaultTest);
	CPPUNIT_TEST(testBackgroundDeletionCollectsDependentsShortlyAfter);
	CPPUNIT_TEST(testForegroundDeletionRemovesDependentsFirst);
	CPPUNIT_TEST(testOrphanDeletionStripsOwnerReferences);
	CPPUNIT_TEST(testDependentOfMissingOwnerIsCollected);
	CPPUNIT_TEST(testFinalizerHoldsObjectUntilRemoved);
	CPPUNIT_TEST(testNamespaceDeletionEmptiesThenRemovesIt);
	CPPUNIT_TEST(testTooManyRequestsFaultAnswersPlainText);
	CPPUNIT_TEST(testServerErrorFaultsAnswerStatus);
	CPPUNIT_TEST(testResetFaultCutsTheResponseBody);
	CPPUNIT_TEST(testResetFaultBreaksWatchStream);
	CPPUNIT_TEST(testLatencyFaultDelaysAnswers);
	CPPUNIT_TEST(testWatchClosesAfterConfiguredEvents);
	CPPUNIT_TEST(testForcedWatchExpiryGivesErrorEvent);
	CPPUNIT_TEST(testAdminApiConfiguresFaultsAndReportsStats);
	CPPUNIT_TEST_SUITE_END();

public:
	void setUp() override
	{
		KubeSimServer::Options options;
		options.token = "t";
		options.adminPort = 0;
		options.gcDelay = Poco::Timespan(20 * Poco::Timespan::MILLISECONDS);
		startSim(options);
	}

	std::string createJob(const std::string& name)
	{
		SimClient::Response created = _client->post(JOBS, "{\"metadata\":{\"name\":\"" + name + "\"},\"spec\":{\"template\":{\"spec\":"
			"{\"restartPolicy\":\"Never\",\"containers\":[{\"name\":\"c\",\"image\":\"b\"}]}}}}");
		CPPUNIT_ASSERT_EQUAL(201, created.status);
		return uidOf(created);
	}

	int status(const std::string& path)
	{
		return _client->get(path).status;
	}

	void testBackgroundDeletionCollectsDependentsShortlyAfter()
	{
		const std::string uid = createJob("j");
		const std::string cmUid = uidOf(_client->post("/api/v1/namespaces/default/configmaps", "{\"metadata\":{\"name\":\"cm\"}}"));
		_client->post(PODS, ownedPod("j-1", owner("batch/v1", "Job", "j", uid)));
		_client->post(PODS, ownedPod("j-2", owner("batch/v1", "Job", "j", uid)));
		CPPUNIT_ASSERT_EQUAL(201, _client->post(PODS, ownedPod("shared", owner("batch/v1", "Job", "j", uid) + "," + owner("v1", "ConfigMap", "cm", cmUid, false))).status);
		CPPUNIT_ASSERT_EQUAL(200, _client->remove(JOBS + "/j", "{\"kind\":\"DeleteOptions\",\"apiVersion\":\"v1\",\"propagationPolicy\":\"Background\"}").status);
		CPPUNIT_ASSERT_EQUAL(404, status(JOBS + "/j"));
		CPPUNIT_ASSERT(waitUntil([this] { return status(PODS + "/j-1") == 404 && status(PODS + "/j-2") == 404; }));
		// A dependent with another live owner only loses the dangling reference.
		CPPUNIT_ASSERT(waitUntil([this] { return _client->get(PODS + "/shared").body.find("\"Job\"") == std::string::npos; }));
		Array::Ptr owners = Json::array(Json::object(_client->get(PODS + "/shared").json(), "metadata"), "ownerReferences");
		CPPUNIT_ASSERT_EQUAL(std::size_t(1), owners->size());
		CPPUNIT_ASSERT_EQUAL(std::string("ConfigMap"), Json::string(owners->getObject(0), "kind"));
	}

	void testForegroundDeletionRemovesDependentsFirst()
	{
		const std::string uid = createJob("j");
		_client->post(PODS, ownedPod("j-1", owner("batch/v1", "Job", "j", uid)));
		const std::string start = std::to_string(_server->store().currentResourceVersion());
		WatchStream pods(*_client, PODS + "?watch=1&resourceVersion=" + start);
		WatchStream jobs(*_client, JOBS + "?watch=1&resourceVersion=" + start);
		SimClient::Response response = _client->remove(JOBS + "/j?propagationPolicy=Foreground");
		CPPUNIT_ASSERT_EQUAL(200, response.status);
		Object::Ptr pending = response.json();
		CPPUNIT_ASSERT(!Json::string(Json::object(pending, "metadata"), "deletionTimestamp").empty());
		CPPUNIT_ASSERT_EQUAL(std::string("[\"foregroundDeletion\"]"), Json::stringify(Json::object(pending, "metadata")->get("finalizers")));

		Object::Ptr podDeleted = pods.next();
		CPPUNIT_ASSERT(podDeleted);
		CPPUNIT_ASSERT_EQUAL(std::string("DELETED"), sbomop::kubesim::objectType(podDeleted));
		// deletionTimestamp set, then (finalizer removed by the collector) gone.
		std::vector<Object::Ptr> jobEvents = jobs.collect(2);
		CPPUNIT_ASSERT_EQUAL(std::size_t(2), jobEvents.size());
		CPPUNIT_ASSERT_EQUAL(std::string("MODIFIED"), sbomop::kubesim::objectType(jobEvents[0]));
		CPPUNIT_ASSERT_EQUAL(std::string("DELETED"), sbomop::kubesim::objectType(jobEvents[1]));
		CPPUNIT_ASSERT(rvOf(podDeleted) < rvOf(jobEvents[1]));
		CPPUNIT_ASSERT(!jobs.next(300));
	}

	void testOrphanDeletionStripsOwnerReferences()
	{
		const std::string uid = createJob("j");
		_client->post(PODS, ownedPod("j-1", owner("batch/v1", "Job", "j", uid)));
		CPPUNIT_ASSERT_EQUAL(200, _client->remove(JOBS + "/j").status);
		CPPUNIT_ASSERT(waitUntil([this] { return status(JOBS + "/j") == 404; }));
		Object::Ptr pod = _client->get(PODS + "/j-1").json();
		CPPUNIT_ASSERT(!Json::object(pod, "metadata")->has("ownerReferences"));
	}

	void testDependentOfMissingOwnerIsCollected()
	{
		_client->post(PODS, ownedPod("dangling", owner("batch/v1", "Job", "gone", "7d1c3ea6-0000-4000-8000-000000000000")));
		_client->post(PODS, ownedPod("foreign", owner("apps/v1", "ReplicaSet", "rs", "7d1c3ea6-0000-4000-8000-000000000001")));
		const std::string uid = createJob("other-uid");
		_client->post(PODS, ownedPod("stale-uid", owner("batch/v1", "Job", "other-uid", "7d1c3ea6-0000-4000-8000-000000000002")));
		CPPUNIT_ASSERT(waitUntil([this] { return status(PODS + "/dangling") == 404 && status(PODS + "/stale-uid") == 404; }));
		CPPUNIT_ASSERT(_server->garbageCollector().waitIdle(Poco::Timespan(5, 0)));
		// Owners of kinds the simulator does not serve cannot be verified: kept.
		CPPUNIT_ASSERT_EQUAL(200, status(PODS + "/foreign"));
		CPPUNIT_ASSERT(!uid.empty());
	}

	void testFinalizerHoldsObjectUntilRemoved()
	{
		_client->post("/api/v1/namespaces/default/configmaps", "{\"metadata\":{\"name\":\"held\",\"finalizers\":[\"example.com/keep\"]}}");
		SimClient::Response deleted = _client->remove("/api/v1/namespaces/default/configmaps/held");
		CPPUNIT_ASSERT_EQUAL(200, deleted.status);
		CPPUNIT_ASSERT_EQUAL(std::string("ConfigMap"), Json::string(deleted.json(), "kind"));
		Object::Ptr held = _client->get("/api/v1/namespaces/default/configmaps/held").json();
		CPPUNIT_ASSERT(!Json::string(Json::object(held, "metadata"), "deletionTimestamp").empty());
		CPPUNIT_ASSERT_EQUAL(200, _client->patch("/api/v1/namespaces/default/configmaps/held",
			"{\"metadata\":{\"finalizers\":null}}", "application/merge-patch+json").status);
		CPPUNIT_ASSERT_EQUAL(404, status("/api/v1/namespaces/default/configmaps/held"));
	}

	void testNamespaceDeletionEmptiesThenRemovesIt()
	{
		CPPUNIT_ASSERT_EQUAL(201, _client->post("/api/v1/namespaces", "{\"metadata\":{\"name\":\"team\"}}").status);
		_client->post("/api/v1/namespaces/team/configmaps", "{\"metadata\":{\"name\":\"cm\"}}");
		_client->post("/api/v1/namespaces/team/pods", ownedPod("p", ""));
		// Slow the namespace controller down so the terminating phase is observable.
		_server->garbageCollector().setDelay(Poco::Timespan(500 * Poco::Timespan::MILLISECONDS));
		SimClient::Response deleted = _client->remove("/api/v1/namespaces/team");
		CPPUNIT_ASSERT_EQUAL(200, deleted.status);
		CPPUNIT_ASSERT_EQUAL(std::string("Terminating"), Json::string(Json::object(deleted.json(), "status"), "phase"));
		SimClient::Response refused = _client->post("/api/v1/namespaces/team/configmaps", "{\"metadata\":{\"name\":\"late\"}}");
		CPPUNIT_ASSERT_EQUAL(403, refused.status);
		CPPUNIT_ASSERT_EQUAL(std::string("configmaps \"late\" is forbidden: unable to create new content in namespace team because it is being terminated"),
			Json::string(refused.json(), "message"));
		_server->garbageCollector().setDelay(Poco::Timespan(20 * Poco::Timespan::MILLISECONDS));
		CPPUNIT_ASSERT(waitUntil([this] { return status("/api/v1/namespaces/team") == 404; }));
		CPPUNIT_ASSERT_EQUAL(404, status("/api/v1/namespaces/team/configmaps/cm"));
		CPPUNIT_ASSERT_EQUAL(404, status("/api/v1/namespaces/team/pods/p"));
	}

	void testTooManyRequestsFaultAnswersPlainText()
	{
		FaultRule rule;
		rule.verb = "list";
		rule.path = "^/api/v1/pods$";
		rule.count = 2;
		rule.code = 429;
		rule.retryAfterSeconds = 2;
		_server->faults().addRule(rule);
		for (int i = 0; i < 2; ++i)
		{
			SimClient::Response throttled = _client->get("/api/v1/pods");
			CPPUNIT_ASSERT_EQUAL(429, throttled.status);
			CPPUNIT_ASSERT_EQUAL(std::string("Too many requests, please try again later.\n"), throttled.body);
			CPPUNIT_ASSERT_EQUAL(std::string("2"), throttled.headers.get("Retry-After", ""));
			CPPUNIT_ASSERT_EQUAL(std::size_t(0), throttled.contentType.find("text/plain"));
		}
		CPPUNIT_ASSERT_EQUAL(200, _client->get("/api/v1/pods").status);
		CPPUNIT_ASSERT_EQUAL(200, _client->get("/api/v1/namespaces/default/pods").status);
	}

	void testServerErrorFaultsAnswerStatus()
	{
		FaultRule internal;
		internal.verb = "get";
		internal.code = 500;
		internal.retryAfterSeconds = -1;
		_server->faults().addRule(internal);
		FaultRule unavailable;
		unavailable.verb = "create";
		unavailable.code = 503;
		unavailable.retryAfterSeconds = 3;
		_server->faults().addRule(unavailable);

		SimClient::Response error = _client->get("/api/v1/namespaces/default");
		CPPUNIT_ASSERT_EQUAL(500, error.status);
		CPPUNIT_ASSERT_EQUAL(std::string("InternalError"), Json::string(error.json(), "reason"));
		CPPUNIT_ASSERT_EQUAL(std::string("Internal error occurred: injected fault"), Json::string(error.json(), "message"));
		SimClient::Response busy = _client->post("/api/v1/namespaces/default/configmaps", "{\"metadata\":{\"name\":\"x\"}}");
		CPPUNIT_ASSERT_EQUAL(503, busy.status);
		CPPUNIT_ASSERT_EQUAL(std::string("ServiceUnavailable"), Json::string(busy.json(), "reason"));
		CPPUNIT_ASSERT_EQUAL(std::string("3"), busy.headers.get("Retry-After", ""));
		CPPUNIT_ASSERT_EQUAL(std::string("3"), Json::string(Json::object(busy.json(), "details"), "retryAfterSeconds"));
		CPPUNIT_ASSERT_EQUAL(404, status("/api/v1/namespaces/default/configmaps/x"));
	}

	void testResetFaultCutsTheResponseBody()
	{
		FaultRule reset;
		reset.verb = "list";
		reset.action = FaultRule::Action::Reset;
		_server->faults().addRule(reset);
		bool broken = false;
		try
		{
			SimClient::Response response = _client->get("/api/v1/namespaces");
			const std::string length = response.headers.get("Content-Length", "0");
			broken = response.body.size() < Poco::NumberParser::parseUnsigned64(length);
		}
		catch (Poco::Exception&)
		{
			broken = true;
		}
		CPPUNIT_ASSERT(broken);
		CPPUNIT_ASSERT_EQUAL(200, _client->get("/api/v1/namespaces").status);
	}

	void testResetFaultBreaksWatchStream()
	{
		_client->post(PODS, ownedPod("a", ""));
		_client->post(PODS, ownedPod("b", ""));
		FaultRule reset;
		reset.verb = "watch";
		reset.action = FaultRule::Action::Reset;
		_server->faults().addRule(reset);
		WatchStream watch(*_client, PODS + "?watch=1");
		CPPUNIT_ASSERT_EQUAL(std::size_t(1), watch.collect(2, 2000).size());
		CPPUNIT_ASSERT(watch.waitEnded(2000));
		CPPUNIT_ASSERT(!watch.endedCleanly());
	}

	void testLatencyFaultDelaysAnswers()
	{
		_server->faults().setLatency(Poco::Timespan(800 * Poco::Timespan::MILLISECONDS));
		std::unique_ptr<Poco::Net::HTTPClientSession> session = _client->session();
		session->setTimeout(Poco::Timespan(100 * Poco::Timespan::MILLISECONDS));
		Poco::Net::HTTPRequest request("GET", "/version", Poco::Net::HTTPMessage::HTTP_1_1);
		request.set("Authorization", "Bearer t");
		session->sendRequest(request);
		Poco::Net::HTTPResponse response;
		CPPUNIT_ASSERT_THROW(session->receiveResponse(response), Poco::TimeoutException);
		_server->faults().setLatency(Poco::Timespan(0));
		CPPUNIT_ASSERT_EQUAL(200, _client->get("/version").status);
	}

	void testWatchClosesAfterConfiguredEvents()
	{
		for (const char* name: {"a", "b", "c"})
			_client->post("/api/v1/namespaces/default/configmaps", std::string("{\"metadata\":{\"name\":\"") + name + "\"}}");
		_server->faults().setCloseWatchesAfter(2);
		WatchStream watch(*_client, "/api/v1/namespaces/default/configmaps?watch=1");
		CPPUNIT_ASSERT_EQUAL(std::size_t(2), watch.collect(3, 2000).size());
		CPPUNIT_ASSERT(watch.waitEnded(2000));
		CPPUNIT_ASSERT(watch.endedCleanly());
	}

	void testForcedWatchExpiryGivesErrorEvent()
	{
		_server->faults().expireNextWatches(1);
		{
			WatchStream expired(*_client, PODS + "?watch=1");
			Object::Ptr event = expired.next();
			CPPUNIT_ASSERT(event);
			CPPUNIT_ASSERT_EQUAL(std::string("ERROR"), sbomop::kubesim::objectType(event));
			CPPUNIT_ASSERT_EQUAL(std::string("410"), Json::string(Json::object(event, "object"), "code"));
			CPPUNIT_ASSERT(expired.waitEnded(2000));
		}
		_client->post(PODS, ownedPod("p", ""));
		WatchStream normal(*_client, PODS + "?watch=1");
		Object::Ptr event = normal.next();
		CPPUNIT_ASSERT(event);
		CPPUNIT_ASSERT_EQUAL(std::string("ADDED"), sbomop::kubesim::objectType(event));
	}

	void testAdminApiConfiguresFaultsAndReportsStats()
	{
		SimClient admin(_server->adminPort(), "", nullptr);
		SimClient::Response configured = admin.post("/_sim/faults",
			"{\"rules\":[{\"verb\":\"get\",\"path\":\"/configmaps/\",\"count\":1,\"code\":429,\"retryAfterSeconds\":1}]}");
		CPPUNIT_ASSERT_EQUAL(200, configured.status);
		CPPUNIT_ASSERT_EQUAL(std::size_t(1), Json::array(configured.json(), "rules")->size());
		CPPUNIT_ASSERT_EQUAL(429, status("/api/v1/namespaces/default/configmaps/x"));
		CPPUNIT_ASSERT_EQUAL(404, status("/api/v1/namespaces/default/configmaps/x"));
		CPPUNIT_ASSERT_EQUAL(400, admin.post("/_sim/faults", "{\"rules\":[{\"path\":\"(\"}]}").status);

		CPPUNIT_ASSERT_EQUAL(200, admin.remove("/_sim/stats").status);
		_client->get("/api/v1/pods");
		_client->get("/api/v1/pods");
		_client->patch(PODS + "/none", "{}", "application/merge-patch+json");
		Object::Ptr stats = admin.get("/_sim/stats").json();
		Object::Ptr requests = Json::object(stats, "requests");
		CPPUNIT_ASSERT_EQUAL(std::string("2"), Json::string(Json::object(requests, "list"), "pods"));
		CPPUNIT_ASSERT_EQUAL(std::string("1"), Json::string(Json::object(requests, "patch"), "pods"));
		CPPUNIT_ASSERT_EQUAL(std::string("3"), Json::string(stats, "total"));
		CPPUNIT_ASSERT_EQUAL(std::uint64_t(2), _server->stats().count("list", "pods"));

		// The same API under the main port needs the token.
		SimClient anonymous(_server->port(), "", nullptr);
		CPPUNIT_ASSERT_EQUAL(401, anonymous.get("/_sim/stats").status);
		CPPUNIT_ASSERT_EQUAL(200, _client->get("/_sim/stats").status);
		CPPUNIT_ASSERT_EQUAL(200, admin.remove("/_sim/faults").status);
		CPPUNIT_ASSERT_EQUAL(std::size_t(0), Json::array(admin.get("/_sim/faults").json(), "rules")->size());
	}

};

CPPUNIT_TEST_SUITE_NAMED_REGISTRATION(KubeSimGcFaultTest, "KubeSim");
