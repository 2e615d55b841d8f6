//
// OperatorLeaderElectionTest.cpp
//
// Leader election as seen from outside: two operator processes against one
// kube-sim, only the Lease holder discovers, processes and annotates; a
// SIGKILLed leader is replaced by the other replica, which finishes the work;
// SIGTERM hands the Lease over at once; a leader that cannot renew exits 75;
// bad durations are startup errors.
//

#include "OperatorHarness.h"
#include "kubesim/FaultInjector.h"
#include "sbomop/kube/KubeException.h"
#include "sbomop/kube/ResourceType.h"
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/StreamCopier.h>
#include <cppunit/extensions/HelperMacros.h>
#include <map>
#include <signal.h>

using sbomop::testing::ChildProcess;
using sbomop::testing::ContainerSpec;
using sbomop::testing::OperatorHarness;

namespace {

const std::vector<std::string> FAST_ELECTION = { "--leader-elect=true", "--leader-elect-lease-duration=3",
	"--leader-elect-renew-deadline=2", "--leader-elect-retry-period=1" };

std::vector<std::string> withElection(std::vector<std::string> args)
{
	args.insert(args.end(), FAST_ELECTION.begin(), FAST_ELECTION.end());
	return args;
}

ContainerSpec image(const std::string& name, char digest)
{
	const std::string repository = std::string("registry.example.com/team/app-") + digest;
	return { name, repository + ":1", repository + "@" + OperatorHarness::digest(digest), "container" };
}

std::string imageId(char digest)
{
	return std::string("registry.example.com/team/app-") + digest + "@" + OperatorHarness::digest(digest);
}

std::string textAfter(const std::string& log, const std::string& marker, char end)
{
	const auto at = log.find(marker);
	if (at == std::string::npos) return "";
	const auto begin = at + marker.size();
	return log.substr(begin, log.find(end, begin) - begin);
}

std::string identityOf(const ChildProcess& op)
	// Logged when the elector starts: "leader election: <identity> competing for lease ...".
{
	return textAfter(op.err(), "leader election: ", ' ');
}

int httpGet(const ChildProcess& op, const std::string& path, std::string& body)
{
	const std::string port = textAfter(op.err(), "serving /health, /readyz and /metrics on port ", '\n');
	if (port.empty()) return -1;
	Poco::Net::HTTPClientSession session("127.0.0.1", static_cast<Poco::UInt16>(std::stoi(port)));
	Poco::Net::HTTPRequest request(Poco::Net::HTTPRequest::HTTP_GET, path);
	session.sendRequest(request);
	Poco::Net::HTTPResponse response;
	body.clear();
	Poco::StreamCopier::copyToString(session.receiveResponse(response), body);
	return response.getStatus();
}

int httpStatus(const ChildProcess& op, const std::string& path)
{
	std::string body;
	return httpGet(op, path, body);
}

Poco::JSON::Object::Ptr leaseSpec(OperatorHarness& h)
{
	try
	{
		return h.client().get(sbomop::kube::ResourceType::LEASES, "sbom-system", "sbom-operator")->getObject("spec");
	}
	catch (sbomop::kube::NotFoundException&)
	{
		return nullptr;
	}
}

std::string leaseHolder(OperatorHarness& h)
{
	auto spec = leaseSpec(h);
	return spec ? spec->optValue<std::string>("holderIdentity", "") : "";
}

std::map<std::string, int> timesProcessed(const OperatorHarness& h)
{
	std::map<std::string, int> counts;
	for (const auto& batch: h.batches())
	{
		auto images = batch->getArray("images");
		for (std::size_t i = 0; i < images->size(); ++i) ++counts[images->getObject(static_cast<unsigned>(i))->getValue<std::string>("imageId")];
	}
	return counts;
}

} // namespace

class OperatorLeaderElectionTest: public CppUnit::TestFixture
{
	CPPUNIT_TEST_SUITE(OperatorLeaderElectionTest);
	CPPUNIT_TEST(testOnlyTheLeaderWorksAndTheSurvivorTakesOverAfterSigkill);
	CPPUNIT_TEST(testImageInterruptedMidRunIsProcessedAtMostTwice);
	CPPUNIT_TEST(testSigtermHandsTheLeaseOverAtOnce);
	CPPUNIT_TEST(testLeaderThatCannotRenewStopsAndExits75);
	CPPUNIT_TEST(testElectionIsOffOutsideAClusterByDefault);
	CPPUNIT_TEST(testInconsistentDurationsAreStartupErrors);
	CPPUNIT_TEST_SUITE_END();

public:
	void testOnlyTheLeaderWorksAndTheSurvivorTakesOverAfterSigkill()
	{
		OperatorHarness h;
		h.addNamespace("apps");
		h.addPod("apps", "one", { image("c", 'a') });
		auto first = h.start(withElection({}));
		CPPUNIT_ASSERT_MESSAGE(first->err(), first->waitForOutput("became the leader", 20000));
		auto second = h.start(withElection({}));
		CPPUNIT_ASSERT_MESSAGE(second->err(), second->waitForOutput(identityOf(*first) + " leads", 20000));
		CPPUNIT_ASSERT_EQUAL(identityOf(*first), leaseHolder(h));
		CPPUNIT_ASSERT(identityOf(*first) != identityOf(*second));

		CPPUNIT_ASSERT_MESSAGE(first->err(), h.waitFor([&] { return h.annotation("apps", "one", "c") == imageId('a'); }, 20000));
		h.addPod("apps", "two", { image("c", 'b') });
		CPPUNIT_ASSERT_MESSAGE(first->err(), h.waitFor([&] { return h.annotation("apps", "two", "c") == imageId('b'); }, 20000));

		// The follower is alive but not ready, and does nothing.
		CPPUNIT_ASSERT_EQUAL(200, httpStatus(*second, "/health"));
		CPPUNIT_ASSERT_EQUAL(503, httpStatus(*second, "/readyz"));
		CPPUNIT_ASSERT_EQUAL(200, httpStatus(*first, "/readyz"));
		std::string metrics;
		CPPUNIT_ASSERT_EQUAL(200, httpGet(*second, "/metrics", metrics));
		CPPUNIT_ASSERT_MESSAGE(metrics, metrics.find("\nsbomop_leader 0\n") != std::string::npos);
		CPPUNIT_ASSERT_EQUAL(200, httpGet(*first, "/metrics", metrics));
		CPPUNIT_ASSERT_MESSAGE(metrics, metrics.find("\nsbomop_leader 1\n") != std::string::npos);
		CPPUNIT_ASSERT_MESSAGE(metrics, metrics.find("\nsbomop_leader_transitions_total 1\n") != std::string::npos);
		CPPUNIT_ASSERT_MESSAGE(second->err(), second->err().find("synced") == std::string::npos);
		CPPUNIT_ASSERT_MESSAGE(second->err(), second->err().find("cycle ") == std::string::npos);

		// The leader dies; work arriving meanwhile is done by the survivor.
		first->signal(SIGKILL);
		first->wait(10000);
		h.addPod("apps", "three", { image("c", 'c') });
		CPPUNIT_ASSERT_MESSAGE(second->err(), second->waitForOutput("became the leader", 20000));
		CPPUNIT_ASSERT_MESSAGE(second->err(), h.waitFor([&] { return h.annotation("apps", "three", "c") == imageId('c'); }, 20000));
		CPPUNIT_ASSERT_EQUAL(identityOf(*second), leaseHolder(h));
		CPPUNIT_ASSERT_EQUAL(1, leaseSpec(h)->getValue<int>("leaseTransitions"));
		CPPUNIT_ASSERT_EQUAL(200, httpStatus(*second, "/readyz"));

		// Nothing was in flight at the kill: every image exactly once, and the
		// earlier annotations are left as they were.
		const auto counts = timesProcessed(h);
		CPPUNIT_ASSERT_EQUAL(std::size_t(3), counts.size());
		for (char digest: { 'a', 'b', 'c' }) CPPUNIT_ASSERT_EQUAL(1, counts.at(imageId(digest)));
		CPPUNIT_ASSERT_EQUAL(imageId('a'), h.annotation("apps", "one", "c"));
		CPPUNIT_ASSERT_EQUAL(imageId('b'), h.annotation("apps", "two", "c"));

		second->signal(SIGTERM);
		CPPUNIT_ASSERT_EQUAL(0, second->wait(15000));
	}

	void testImageInterruptedMidRunIsProcessedAtMostTwice()
	{
		OperatorHarness h;
		h.addNamespace("apps");
		const std::vector<std::string> args = withElection({ "--scripted-delay-ms=4000" });
		auto first = h.start(args);
		CPPUNIT_ASSERT_MESSAGE(first->err(), first->waitForOutput("synced", 20000));
		auto second = h.start(args);
		CPPUNIT_ASSERT_MESSAGE(second->err(), second->waitForOutput(identityOf(*first) + " leads", 20000));

		h.addPod("apps", "slow", { image("c", 'd') });
		// The leader is inside the backend call when it dies.
		CPPUNIT_ASSERT_MESSAGE(first->err(), h.waitFor([&] { return timesProcessed(h).count(imageId('d')) == 1; }, 20000));
		first->signal(SIGKILL);
		first->wait(10000);
		CPPUNIT_ASSERT_EQUAL(std::string(), h.annotation("apps", "slow", "c"));

		CPPUNIT_ASSERT_MESSAGE(second->err(), h.waitFor([&] { return h.annotation("apps", "slow", "c") == imageId('d'); }, 30000));
		CPPUNIT_ASSERT_EQUAL(2, timesProcessed(h).at(imageId('d')));
		second->signal(SIGTERM);
		CPPUNIT_ASSERT_EQUAL(0, second->wait(15000));
	}

	void testSigtermHandsTheLeaseOverAtOnce()
	{
		OperatorHarness h;
		h.addNamespace("apps");
		h.addPod("apps", "one", { image("c", 'a') });
		// A lease of 60 s: the second replica leads within the test only if
		// the first one releases the lease.
		const std::vector<std::string> args = { "--leader-elect=true", "--leader-elect-lease-duration=60",
			"--leader-elect-renew-deadline=40", "--leader-elect-retry-period=1" };
		auto first = h.start(args);
		CPPUNIT_ASSERT_MESSAGE(first->err(), first->waitForOutput("became the leader", 20000));
		auto second = h.start(args);
		CPPUNIT_ASSERT_MESSAGE(second->err(), second->waitForOutput(identityOf(*first) + " leads", 20000));
		CPPUNIT_ASSERT_MESSAGE(first->err(), h.waitFor([&] { return h.annotation("apps", "one", "c") == imageId('a'); }, 20000));

		first->signal(SIGTERM);
		CPPUNIT_ASSERT_EQUAL(0, first->wait(15000));
		CPPUNIT_ASSERT_MESSAGE(first->err(), first->err().find("released lease") != std::string::npos);
		CPPUNIT_ASSERT_MESSAGE(second->err(), second->waitForOutput("became the leader", 20000));
		CPPUNIT_ASSERT_EQUAL(identityOf(*second), leaseHolder(h));
		h.addPod("apps", "two", { image("c", 'b') });
		CPPUNIT_ASSERT_MESSAGE(second->err(), h.waitFor([&] { return h.annotation("apps", "two", "c") == imageId('b'); }, 20000));
		second->signal(SIGTERM);
		CPPUNIT_ASSERT_EQUAL(0, second->wait(15000));
	}

	void testLeaderThatCannotRenewStopsAndExits75()
	{
		OperatorHarness h;
		h.addNamespace("apps");
		h.addPod("apps", "one", { image("c", 'a') });
		auto op = h.start(withElection({}));
		CPPUNIT_ASSERT_MESSAGE(op->err(), h.waitFor([&] { return h.annotation("apps", "one", "c") == imageId('a'); }, 20000));
		CPPUNIT_ASSERT_EQUAL(200, httpStatus(*op, "/readyz"));

		h.sim().faults().addRule(sbomop::kubesim::FaultRule::failingEvery("/leases", 500));
		CPPUNIT_ASSERT_EQUAL(75, op->wait(20000));
		const std::string log = op->err();
		CPPUNIT_ASSERT_MESSAGE(log, log.find("lost leadership") != std::string::npos);
		// A clean stop, or the emergency exit when the work did not stop in time.
		CPPUNIT_ASSERT_MESSAGE(log, log.find("stopped with exit code 75") != std::string::npos
			|| log.find("exiting at once") != std::string::npos);
		h.sim().faults().clear();
	}

	void testElectionIsOffOutsideAClusterByDefault()
	{
		OperatorHarness h;
		h.addNamespace("apps");
		h.addPod("apps", "one", { image("c", 'a') });
		auto op = h.start({});
		CPPUNIT_ASSERT_MESSAGE(op->err(), h.waitFor([&] { return h.annotation("apps", "one", "c") == imageId('a'); }, 20000));
		CPPUNIT_ASSERT_MESSAGE(op->err(), op->err().find("leader election") == std::string::npos);
		CPPUNIT_ASSERT(!leaseSpec(h));
		op->signal(SIGTERM);
		CPPUNIT_ASSERT_EQUAL(0, op->wait(10000));
	}

	void testInconsistentDurationsAreStartupErrors()
	{
		OperatorHarness h;
		std::string log;
		CPPUNIT_ASSERT_EQUAL(78, h.runOnce({ "--leader-elect=true", "--leader-elect-lease-duration=10",
			"--leader-elect-renew-deadline=10" }, log));
		CPPUNIT_ASSERT_MESSAGE(log, log.find("leader-elect-renew-deadline (10 s) must be less than leader-elect-lease-duration (10 s)") != std::string::npos);
		CPPUNIT_ASSERT_EQUAL(78, h.runOnce({ "--leader-elect-retry-period=9" }, log));
		CPPUNIT_ASSERT_MESSAGE(log, log.find("leader-elect-retry-period (9 s) must be less than leader-elect-renew-deadline (10 s)") != std::string::npos);
	}
};

CPPUNIT_TEST_SUITE_NAMED_REGISTRATION(OperatorLeaderElectionTest, "Operator");
