//
// ReflectorFaultTest.cpp
//
// The Reflector against kube-sim with injected faults: closed and reset
// watches, expired resourceVersions, 429 storms and 5xx bursts. Each test
// ends with a sentinel change: watch events arrive in resourceVersion order,
// so once the sentinel is seen every earlier change has been delivered (or
// duplicated) already, and the event list can be compared exactly.
//

#include "SimCluster.h"
#include "kubesim/FaultInjector.h"
#include "sbomop/runtime/Reflector.h"
#include <cppunit/extensions/HelperMacros.h>

using namespace sbomop;
using namespace sbomop::runtime;
using namespace sbomop::runtime::test;
using sbomop::kubesim::FaultRule;

class ReflectorFaultTest: public CppUnit::TestFixture
{
	CPPUNIT_TEST_SUITE(ReflectorFaultTest);
	CPPUNIT_TEST(testRepeatedlyClosedWatchesLoseAndRepeatNothing);
	CPPUNIT_TEST(testResetWatchesResumeFromTheLastResourceVersion);
	CPPUNIT_TEST(testExpiredWatchRelistsAndReportsOnlyTheDifferences);
	CPPUNIT_TEST(testExpiredWatchesWithoutChangesReportNothing);
	CPPUNIT_TEST(testTooManyRequestsStormHonoursRetryAfter);
	CPPUNIT_TEST(testServerErrorBurstsBackOffExponentially);
	CPPUNIT_TEST(testFailingListsNeverEmptyTheStore);
	CPPUNIT_TEST_SUITE_END();

public:
	void setUp() override
	{
		_cluster = std::make_unique<SimCluster>();
		_sleeper = std::make_unique<RecordingSleeper>();
	}

	void tearDown() override
	{
		_cluster.reset();
	}

	void testRepeatedlyClosedWatchesLoseAndRepeatNothing()
	{
		for (const char* name: {"a", "b", "c"}) _cluster->createPod("default", name);
		_cluster->server().faults().setCloseWatchesAfter(2);
		EventRecorder recorder;
		auto reflector = start(recorder);

		std::vector<std::string> expected;
		for (int i = 0; i < 8; ++i)
		{
			const std::string name = "new-" + std::to_string(i);
			_cluster->createPod("default", name);
			expected.push_back("add default/" + name);
			_cluster->setPodLabel("default", name, "round", "1");
			expected.push_back("update default/" + name);
			if (i < 3)
			{
				const std::string old = std::string(1, static_cast<char>('a' + i));
				_cluster->deletePod("default", old);
				expected.push_back("delete default/" + old);
			}
		}
		finish(recorder, expected, 3);
		const auto metrics = reflector->metrics();
		CPPUNIT_ASSERT_EQUAL(std::uint64_t(0), metrics.relists);
		CPPUNIT_ASSERT(metrics.watches >= 10);
	}

	void testResetWatchesResumeFromTheLastResourceVersion()
	{
		for (const char* name: {"a", "b"}) _cluster->createPod("default", name);
		_cluster->server().faults().setCloseWatchesAfter(2);
		EventRecorder recorder;
		auto reflector = start(recorder);
		waitForLiveWatch(recorder);
		FaultRule reset;
		reset.verb = "watch";
		reset.action = FaultRule::Action::Reset;
		reset.count = 3;
		_cluster->server().faults().addRule(reset);
		// Ends the running watch; the next three watch requests are reset.
		_cluster->createPod("default", "trigger");
		_cluster->setPodLabel("default", "a", "k", "v");
		_cluster->deletePod("default", "b");
		const std::vector<std::string> expected = {"add default/probe", "add default/trigger", "update default/a", "delete default/b"};
		finish(recorder, expected, 2);
		const auto metrics = reflector->metrics();
		CPPUNIT_ASSERT_EQUAL(std::uint64_t(0), metrics.relists);
		CPPUNIT_ASSERT_EQUAL(std::uint64_t(3), metrics.errors);
	}

	void testExpiredWatchRelistsAndReportsOnlyTheDifferences()
	{
		for (const char* name: {"a", "b", "c", "d"}) _cluster->createPod("default", name);
		_cluster->server().faults().setCloseWatchesAfter(2);
		EventRecorder recorder;
		auto reflector = start(recorder);
		waitForLiveWatch(recorder);

		// Take the watch down: the running one ends after the trigger's event
		// (its second), every new one fails until the faults are cleared.
		FaultRule down;
		down.verb = "watch";
		down.code = 500;
		down.retryAfterSeconds = -1;
		down.count = -1;
		_cluster->server().faults().addRule(down);
		_cluster->createPod("default", "trigger");
		CPPUNIT_ASSERT(waitUntil([&]() { return reflector->metrics().errors >= 2; }));

		_cluster->setPodLabel("default", "a", "k", "v");
		_cluster->deletePod("default", "b");
		_cluster->createPod("default", "e");
		_cluster->setPodLabel("default", "e", "k", "v");
		_cluster->deletePod("default", "c");
		_cluster->createPod("default", "c");
		// The history the reflector would resume from is gone: 410.
		_cluster->server().store().compact();
		_cluster->server().faults().clear();

		// A relist reports in key order; a re-created pod is a delete and an add.
		const std::vector<std::string> expected = {"add default/probe", "add default/trigger", "update default/a",
			"delete default/b", "delete default/c", "add default/c", "add default/e"};
		finish(recorder, expected, 4);
		const auto metrics = reflector->metrics();
		CPPUNIT_ASSERT_EQUAL(std::uint64_t(1), metrics.relists);
		CPPUNIT_ASSERT_EQUAL(std::uint64_t(1), metrics.expired);
		CPPUNIT_ASSERT_EQUAL(std::uint64_t(1), metrics.eventsError);
	}

	void testExpiredWatchesWithoutChangesReportNothing()
	{
		for (const char* name: {"a", "b"}) _cluster->createPod("default", name);
		_cluster->server().faults().expireNextWatches(3);
		EventRecorder recorder;
		auto reflector = start(recorder);
		CPPUNIT_ASSERT(waitUntil([&]() { return reflector->metrics().lists == 4; }));
		finish(recorder, {}, 2);
		const auto metrics = reflector->metrics();
		CPPUNIT_ASSERT_EQUAL(std::uint64_t(3), metrics.expired);
		CPPUNIT_ASSERT_EQUAL(std::uint64_t(3), metrics.relists);
		CPPUNIT_ASSERT_EQUAL(std::uint64_t(4), metrics.lists);
	}

	void testTooManyRequestsStormHonoursRetryAfter()
	{
		for (const char* name: {"a", "b"}) _cluster->createPod("default", name);
		addStatusRule("list", 429, 1, 4);
		addStatusRule("watch", 429, 2, 3);
		EventRecorder recorder;
		auto reflector = start(recorder);
		finish(recorder, {}, 2);

		CPPUNIT_ASSERT_EQUAL(std::uint64_t(7), reflector->metrics().errors);
		const auto delays = _sleeper->delays();
		CPPUNIT_ASSERT_EQUAL(std::size_t(7), delays.size());
		for (std::size_t i = 0; i < delays.size(); ++i)
		{
			// Retry-After plus jitter below the backoff base (0.8 s).
			const Poco::Timespan::TimeDiff wanted = (i < 4 ? 1 : 2) * Poco::Timespan::SECONDS;
			CPPUNIT_ASSERT(delays[i].totalMicroseconds() >= wanted);
			CPPUNIT_ASSERT(delays[i].totalMicroseconds() < wanted + 800000);
		}
	}

	void testServerErrorBurstsBackOffExponentially()
	{
		for (const char* name: {"a", "b"}) _cluster->createPod("default", name);
		addStatusRule("list", 500, -1, 3);
		addStatusRule("watch", 503, -1, 3);
		EventRecorder recorder;
		ReflectorOptions opts = options();
		opts.random = []() { return 0.5; };
		auto reflector = start(recorder, opts);
		finish(recorder, {}, 2);

		CPPUNIT_ASSERT_EQUAL(std::uint64_t(6), reflector->metrics().errors);
		// Half of 0.8 s doubling per consecutive failure: a successful list
		// does not reset the backoff, only a watch event does.
		const std::vector<Poco::Timespan::TimeDiff> expected = {400000, 800000, 1600000, 3200000, 6400000, 12800000};
		const auto delays = _sleeper->delays();
		CPPUNIT_ASSERT_EQUAL(expected.size(), delays.size());
		for (std::size_t i = 0; i < expected.size(); ++i) CPPUNIT_ASSERT_EQUAL(expected[i], delays[i].totalMicroseconds());
	}

	void testFailingListsNeverEmptyTheStore()
	{
		for (int i = 0; i < 12; ++i) _cluster->createPod("default", "pod-" + std::to_string(i));
		_cluster->server().faults().setCloseWatchesAfter(2);
		ReflectorOptions opts = options();
		opts.pageSize = 5;
		EventRecorder recorder;
		auto reflector = start(recorder, opts);
		waitForLiveWatch(recorder);

		// The next watch expires and every relist fails until the faults are cleared.
		addStatusRule("list", 500, -1, -1);
		_cluster->server().faults().expireNextWatches(1);
		_cluster->createPod("default", "trigger");
		CPPUNIT_ASSERT(waitUntil([&]() { return reflector->metrics().errors >= 4; }));
		CPPUNIT_ASSERT_EQUAL(std::size_t(14), _store->size());
		CPPUNIT_ASSERT(_store->synced());
		_cluster->server().faults().clear();

		finish(recorder, {"add default/probe", "add default/trigger"}, 12);
		const auto metrics = reflector->metrics();
		CPPUNIT_ASSERT_EQUAL(std::uint64_t(2), metrics.lists);
		CPPUNIT_ASSERT_EQUAL(std::uint64_t(1), metrics.relists);
	}

private:
	ReflectorOptions options()
	{
		ReflectorOptions result;
		result.sleeper = _sleeper->sleeper();
		return result;
	}

	std::unique_ptr<PodReflector> start(EventRecorder& recorder, const ReflectorOptions& opts)
	{
		auto reflector = std::make_unique<PodReflector>(_cluster->client(), opts);
		reflector->addHandler(recorder.handler());
		_store = reflector->store();
		reflector->start();
		StopToken never;
		CPPUNIT_ASSERT(reflector->store()->waitForSync(never, 20000));
		return reflector;
	}

	std::unique_ptr<PodReflector> start(EventRecorder& recorder)
	{
		return start(recorder, options());
	}

	void waitForLiveWatch(const EventRecorder& recorder)
		/// Creates a probe pod and waits for its event: the watch that
		/// delivers it is established (and, closing after two events, ends
		/// with the next change).
	{
		_cluster->createPod("default", "probe");
		CPPUNIT_ASSERT(waitUntil([&]()
		{
			const auto events = recorder.events();
			return !events.empty() && events.back() == "add default/probe";
		}));
	}

	void finish(const EventRecorder& recorder, std::vector<std::string> expected, std::size_t initialEvents)
		/// Creates the sentinel, waits for it and compares the events after
		/// the initial list, and the store with the server.
	{
		_cluster->createPod("default", "zz-sentinel");
		expected.push_back("add default/zz-sentinel");
		CPPUNIT_ASSERT(waitUntil([&]()
		{
			const auto events = recorder.events();
			return !events.empty() && events.back() == "add default/zz-sentinel";
		}));
		CPPUNIT_ASSERT_EQUAL(initialEvents + expected.size(), recorder.count());
		CPPUNIT_ASSERT_EQUAL(join(expected), join(recorder.eventsFrom(initialEvents)));
		CPPUNIT_ASSERT(_cluster->pods() == versions(*_store));
	}

	void addStatusRule(const std::string& verb, int code, int retryAfterSeconds, int count)
	{
		FaultRule rule;
		rule.verb = verb;
		rule.code = code;
		rule.retryAfterSeconds = retryAfterSeconds;
		rule.count = count;
		_cluster->server().faults().addRule(rule);
	}

	std::unique_ptr<SimCluster> _cluster;
	std::unique_ptr<RecordingSleeper> _sleeper;
	PodStore::Ptr _store;
};

CPPUNIT_TEST_SUITE_NAMED_REGISTRATION(ReflectorFaultTest, "Runtime");
