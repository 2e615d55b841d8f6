//
// FaultMatrixTest.cpp
//
// The operator against an API server having a bad day. Every test ends with
// the same proof: each pending image reached the backend once after
// recovery (twice at most when a run was interrupted), every pod carries
// exactly the annotation of the image it runs, and the operator stops
// cleanly.
//

#include "OperatorHarness.h"
#include "kubesim/FaultInjector.h"
#include <Poco/JSON/Array.h>
#include <Poco/Thread.h>
#include <cppunit/extensions/HelperMacros.h>
#include <map>
#include <signal.h>

using sbomop::kubesim::FaultRule;
using sbomop::testing::ChildProcess;
using sbomop::testing::ContainerSpec;
using sbomop::testing::OperatorHarness;

namespace {

const char* NAMESPACE = "apps";
const int PODS = 6;

std::string imageId(char digest)
{
	return std::string("registry.example.com/faults/app-") + digest + "@" + OperatorHarness::digest(digest);
}

// Pod i runs one of three images, so several pods share each digest.
char digestOf(int pod)
{
	return static_cast<char>('a' + pod % 3);
}

ContainerSpec container(char digest)
{
	const std::string repository = std::string("registry.example.com/faults/app-") + digest;
	return { "app", repository + ":1", repository + "@" + OperatorHarness::digest(digest), "container" };
}

void addPods(OperatorHarness& h)
{
	h.addNamespace(NAMESPACE);
	for (int i = 0; i < PODS; ++i) h.addPod(NAMESPACE, "pod-" + std::to_string(i), { container(digestOf(i)) });
}

// How often the backend received each image.
std::map<std::string, int> deliveries(const OperatorHarness& h)
{
	std::map<std::string, int> counts;
	for (const auto& batch: h.batches())
	{
		Poco::JSON::Array::Ptr images = batch->getArray("images");
		for (std::size_t i = 0; i < images->size(); ++i) ++counts[images->getObject(i)->getValue<std::string>("imageId")];
	}
	return counts;
}

FaultRule rule(const std::string& verb, const std::string& path, int count, FaultRule::Action action, int code)
{
	FaultRule result;
	result.verb = verb;
	result.path = path;
	result.count = count;
	result.action = action;
	result.code = code;
	return result;
}

} // namespace


class FaultMatrixTest: public CppUnit::TestFixture
{
	CPPUNIT_TEST_SUITE(FaultMatrixTest);
	CPPUNIT_TEST(testApiServerUnreachableAtStart);
	CPPUNIT_TEST(testRateLimitStormWithRetryAfter);
	CPPUNIT_TEST(testServerErrorBursts);
	CPPUNIT_TEST(testSlowAnswersOnEveryRequest);
	CPPUNIT_TEST(testConnectionResets);
	CPPUNIT_TEST(testOperatorKilledMidCycleThenRestarted);
	CPPUNIT_TEST_SUITE_END();

public:
	void testApiServerUnreachableAtStart()
	{
		OperatorHarness h;
		addPods(h);
		h.sim().faults().addRule(rule("list", "", -1, FaultRule::Action::Reset, 0));
		auto op = h.start({});
		CPPUNIT_ASSERT_MESSAGE(op->err(), h.waitFor([&] { return OperatorHarness::readyzStatus(*op) != -1; }, 20000));
		// Give the operator time to fail a few times, then check it still waits.
		CPPUNIT_ASSERT_MESSAGE(op->err(), h.waitFor([&] { return h.sim().stats().total() >= 3; }, 20000));
		CPPUNIT_ASSERT_EQUAL(503, OperatorHarness::readyzStatus(*op));
		CPPUNIT_ASSERT(op->running());
		CPPUNIT_ASSERT_EQUAL(std::size_t(0), h.backendImages());
		h.sim().faults().clear();
		expectEveryPodAnnotatedOnce(h, *op, 1);
		CPPUNIT_ASSERT(h.waitFor([&] { return OperatorHarness::readyzStatus(*op) == 200; }, 20000));
		stop(*op);
	}

	void testRateLimitStormWithRetryAfter()
	{
		OperatorHarness h;
		addPods(h);
		// The operator's verbs only: the test reads annotations with get.
		for (const std::string verb: { "list", "watch", "patch" })
		{
			FaultRule storm = rule(verb, "", verb == "watch" ? 1 : 8, FaultRule::Action::Status, 429);
			storm.retryAfterSeconds = 1;
			h.sim().faults().addRule(storm);
		}
		auto op = h.start({});
		expectEveryPodAnnotatedOnce(h, *op, 1);
		CPPUNIT_ASSERT_EQUAL(0, remainingFaults(h));
		stop(*op);
	}

	void testServerErrorBursts()
	{
		OperatorHarness h;
		addPods(h);
		h.sim().faults().addRule(rule("list", "/pods", 4, FaultRule::Action::Status, 503));
		h.sim().faults().addRule(rule("patch", "/pods/", 5, FaultRule::Action::Status, 500));
		auto op = h.start({});
		expectEveryPodAnnotatedOnce(h, *op, 2);
		CPPUNIT_ASSERT_EQUAL(0, remainingFaults(h));
		stop(*op);
	}

	void testSlowAnswersOnEveryRequest()
	{
		OperatorHarness h;
		addPods(h);
		h.sim().faults().setLatency(Poco::Timespan(2, 0));
		auto op = h.start({});
		expectEveryPodAnnotatedOnce(h, *op, 0, 120000);
		h.sim().faults().setLatency(0);
		stop(*op);
	}

	void testConnectionResets()
	{
		OperatorHarness h;
		addPods(h);
		h.sim().faults().addRule(rule("list", "", 3, FaultRule::Action::Reset, 0));
		h.sim().faults().addRule(rule("patch", "", 3, FaultRule::Action::Reset, 0));
		auto op = h.start({});
		expectEveryPodAnnotatedOnce(h, *op, 2);
		CPPUNIT_ASSERT_EQUAL(0, remainingFaults(h));
		stop(*op);
	}

	void testOperatorKilledMidCycleThenRestarted()
	{
		OperatorHarness h;
		addPods(h);
		auto first = h.start({ "--scripted-delay-ms=60000" });
		CPPUNIT_ASSERT_MESSAGE(first->err(), h.waitFor([&] { return h.backendImages() == 3; }, 20000));
		first->signal(SIGKILL);
		first->wait(10000);
		for (int i = 0; i < PODS; ++i) CPPUNIT_ASSERT_EQUAL(std::string(""), h.annotation(NAMESPACE, "pod-" + std::to_string(i), "app"));

		auto second = h.start({});
		// The interrupted images run once more, and only once more.
		CPPUNIT_ASSERT_MESSAGE(second->err(), h.waitFor([&] { return everyPodAnnotated(h); }, 30000));
		for (const auto& delivery: deliveries(h)) CPPUNIT_ASSERT_EQUAL_MESSAGE(delivery.first, 2, delivery.second);
		stop(*second);
	}

private:
	static bool everyPodAnnotated(OperatorHarness& h)
	{
		for (int i = 0; i < PODS; ++i)
		{
			if (h.annotation(NAMESPACE, "pod-" + std::to_string(i), "app") != imageId(digestOf(i))) return false;
		}
		return true;
	}

	// Waits until every pod carries its own image's annotation, then checks
	// that each image reached the backend exactly once and that at least
	// `minimumRetries` retry lines show the faults were really met.
	static void expectEveryPodAnnotatedOnce(OperatorHarness& h, ChildProcess& op, int minimumRetries, long timeout = 60000)
	{
		CPPUNIT_ASSERT_MESSAGE(op.err(), h.waitFor([&] { return everyPodAnnotated(h); }, timeout));
		// A late, wrong second delivery would show up within a cycle or two.
		Poco::Thread::sleep(1500);
		const std::map<std::string, int> counts = deliveries(h);
		CPPUNIT_ASSERT_EQUAL(std::size_t(3), counts.size());
		for (char digest: { 'a', 'b', 'c' }) CPPUNIT_ASSERT_EQUAL_MESSAGE(imageId(digest), 1, counts.at(imageId(digest)));
		for (int i = 0; i < PODS; ++i)
		{
			const auto annotations = h.annotations(NAMESPACE, "pod-" + std::to_string(i));
			int ours = 0;
			for (const auto& annotation: annotations) ours += annotation.first.rfind("ckotzbauer.sbom-operator.io/", 0) == 0 ? 1 : 0;
			CPPUNIT_ASSERT_EQUAL(1, ours);
		}
		CPPUNIT_ASSERT_MESSAGE(op.err(), countOf(op.err(), "retry") + countOf(op.err(), "Retry") >= minimumRetries);
	}

	static int countOf(const std::string& text, const std::string& word)
	{
		int count = 0;
		for (auto at = text.find(word); at != std::string::npos; at = text.find(word, at + 1)) ++count;
		return count;
	}

	static int remainingFaults(OperatorHarness& h)
	{
		Poco::JSON::Array::Ptr rules = h.sim().faults().toJson()->getArray("rules");
		int remaining = 0;
		for (std::size_t i = 0; rules && i < rules->size(); ++i) remaining += rules->getObject(i)->getValue<int>("count");
		return remaining;
	}

	static void stop(ChildProcess& op)
	{
		op.signal(SIGTERM);
		CPPUNIT_ASSERT_EQUAL_MESSAGE(op.err(), 0, op.wait(20000));
	}
};

CPPUNIT_TEST_SUITE_NAMED_REGISTRATION(FaultMatrixTest, "FaultMatrix");
