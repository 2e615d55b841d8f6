//
// ReflectorTest.cpp
//
// The Reflector against an in-process kube-sim: initial sync, watch events,
// selectors, restart and stop.
//

#include "SimCluster.h"
#include "sbomop/runtime/Reflector.h"
#include <Poco/Event.h>
#include <Poco/Exception.h>
#include <cppunit/extensions/HelperMacros.h>
#include <thread>

using namespace sbomop;
using namespace sbomop::runtime;
using namespace sbomop::runtime::test;
using sbomop::kube::NamespaceInfo;
using sbomop::kube::PodInfo;

class ReflectorTest: public CppUnit::TestFixture
{
	CPPUNIT_TEST_SUITE(ReflectorTest);
	CPPUNIT_TEST(testInitialListSyncsEveryPodAndNotifiesEachOnce);
	CPPUNIT_TEST(testWatchDeliversEachChangeExactlyOnce);
	CPPUNIT_TEST(testLabelSelectorLimitsTheCacheToMatchingPods);
	CPPUNIT_TEST(testNamespaceAndFieldSelectorLimitTheCache);
	CPPUNIT_TEST(testSmallPagesListEverything);
	CPPUNIT_TEST(testTenThousandPodsSyncInPagesOfFiveHundred);
	CPPUNIT_TEST(testExpiredContinueTokenRestartsTheList);
	CPPUNIT_TEST(testRestartAfterStopReportsOnlyTheDifferences);
	CPPUNIT_TEST(testThrowingHandlerDoesNotStopTheReflector);
	CPPUNIT_TEST(testNamespaceReflectorMirrorsNamespaces);
	CPPUNIT_TEST(testStopReturnsPromptlyWhileTheWatchIsBlocked);
	CPPUNIT_TEST(testRunStopsWhenItsStopTokenIsRequested);
	CPPUNIT_TEST(testLifecycleMisuseIsRejected);
	CPPUNIT_TEST(testInvalidOptionsAreRejected);
	CPPUNIT_TEST_SUITE_END();

public:
	void setUp() override
	{
		_cluster = std::make_unique<SimCluster>();
	}

	void tearDown() override
	{
		_cluster.reset();
	}

	void testInitialListSyncsEveryPodAndNotifiesEachOnce()
	{
		_cluster->createNamespace("team-a");
		std::vector<std::string> expected;
		for (int i = 0; i < 30; ++i)
		{
			const std::string ns = i % 3 ? "default" : "team-a";
			const std::string name = "pod-" + std::to_string(i);
			_cluster->createPod(ns, name);
			expected.push_back("add " + ns + "/" + name);
		}
		EventRecorder recorder;
		PodReflector reflector(_cluster->client(), options());
		reflector.addHandler(recorder.handler());
		reflector.start();
		CPPUNIT_ASSERT(waitForSync(reflector));

		CPPUNIT_ASSERT_EQUAL(join(sorted(expected)), join(sorted(recorder.events())));
		CPPUNIT_ASSERT(_cluster->pods() == versions(*reflector.store()));
		const auto pod = reflector.store()->get("team-a/pod-0");
		CPPUNIT_ASSERT(pod);
		CPPUNIT_ASSERT_EQUAL(std::string("registry.example/app:1.0"), pod->specImage("app"));
		const auto metrics = reflector.metrics();
		CPPUNIT_ASSERT_EQUAL(std::uint64_t(1), metrics.lists);
		CPPUNIT_ASSERT_EQUAL(std::uint64_t(0), metrics.relists);
		CPPUNIT_ASSERT_EQUAL(std::uint64_t(1), metrics.listPages);
		CPPUNIT_ASSERT_EQUAL(std::uint64_t(30), metrics.notifiedAdded);
		CPPUNIT_ASSERT(!reflector.lastResourceVersion().empty());
		reflector.stop();
		CPPUNIT_ASSERT(!reflector.running());
	}

	void testWatchDeliversEachChangeExactlyOnce()
	{
		_cluster->createPod("default", "a");
		_cluster->createPod("default", "b");
		_cluster->createPod("default", "c");
		EventRecorder recorder;
		PodReflector reflector(_cluster->client(), options());
		reflector.addHandler(recorder.handler());
		reflector.start();
		CPPUNIT_ASSERT(waitForSync(reflector));

		_cluster->createPod("default", "d");
		_cluster->setPodLabel("default", "a", "tier", "web");
		_cluster->deletePod("default", "b");
		_cluster->setPodLabel("default", "d", "tier", "db");
		_cluster->createPod("default", "sentinel");
		CPPUNIT_ASSERT(waitForEvent(recorder, "add default/sentinel"));

		const std::vector<std::string> expected = {"add default/d", "update default/a", "delete default/b",
			"update default/d", "add default/sentinel"};
		CPPUNIT_ASSERT_EQUAL(join(expected), join(recorder.eventsFrom(3)));
		CPPUNIT_ASSERT(_cluster->pods() == versions(*reflector.store()));
		CPPUNIT_ASSERT_EQUAL(std::string("web"), reflector.store()->get("default/a")->labels.at("tier"));
		const auto metrics = reflector.metrics();
		CPPUNIT_ASSERT_EQUAL(std::uint64_t(2), metrics.eventsAdded);
		CPPUNIT_ASSERT_EQUAL(std::uint64_t(2), metrics.eventsModified);
		CPPUNIT_ASSERT_EQUAL(std::uint64_t(1), metrics.eventsDeleted);
		CPPUNIT_ASSERT_EQUAL(std::uint64_t(0), metrics.errors);
		CPPUNIT_ASSERT_EQUAL(std::uint64_t(1), metrics.lists);
	}

	void testLabelSelectorLimitsTheCacheToMatchingPods()
	{
		_cluster->createPod("default", "a-1", {{"app", "a"}});
		_cluster->createPod("default", "a-2", {{"app", "a"}});
		_cluster->createPod("default", "b-1", {{"app", "b"}});
		EventRecorder recorder;
		ReflectorOptions opts = options();
		opts.labelSelector = "app=a";
		PodReflector reflector(_cluster->client(), opts);
		reflector.addHandler(recorder.handler());
		reflector.start();
		CPPUNIT_ASSERT(waitForSync(reflector));
		CPPUNIT_ASSERT(_cluster->pods({{"app", "a"}}) == versions(*reflector.store()));

		// Entering and leaving the selection are an add and a delete.
		_cluster->setPodLabel("default", "b-1", "app", "a");
		_cluster->setPodLabel("default", "a-1", "app", "c");
		_cluster->createPod("default", "b-2", {{"app", "b"}});
		_cluster->createPod("default", "sentinel", {{"app", "a"}});
		CPPUNIT_ASSERT(waitForEvent(recorder, "add default/sentinel"));

		const std::vector<std::string> expected = {"add default/b-1", "delete default/a-1", "add default/sentinel"};
		CPPUNIT_ASSERT_EQUAL(join(expected), join(recorder.eventsFrom(2)));
		CPPUNIT_ASSERT(_cluster->pods({{"app", "a"}}) == versions(*reflector.store()));
	}

	void testNamespaceAndFieldSelectorLimitTheCache()
	{
		_cluster->createNamespace("team-a");
		_cluster->createPod("team-a", "keep");
		_cluster->createPod("team-a", "skip-me");
		_cluster->createPod("default", "elsewhere");
		ReflectorOptions opts = options();
		opts.namespaceName = "team-a";
		opts.fieldSelector = "metadata.name!=skip-me";
		PodReflector reflector(_cluster->client(), opts);
		reflector.start();
		CPPUNIT_ASSERT(waitForSync(reflector));
		const std::vector<std::string> expected = {"team-a/keep"};
		CPPUNIT_ASSERT(expected == reflector.store()->keys());
		CPPUNIT_ASSERT_EQUAL(std::string("pods in namespace 'team-a' with fieldSelector 'metadata.name!=skip-me'"),
			reflector.describe());
	}

	void testSmallPagesListEverything()
	{
		for (int i = 0; i < 25; ++i) _cluster->createPod("default", "pod-" + std::to_string(i));
		ReflectorOptions opts = options();
		opts.pageSize = 4;
		PodReflector reflector(_cluster->client(), opts);
		reflector.start();
		CPPUNIT_ASSERT(waitForSync(reflector));
		CPPUNIT_ASSERT_EQUAL(std::size_t(25), reflector.store()->size());
		CPPUNIT_ASSERT(_cluster->pods() == versions(*reflector.store()));
		CPPUNIT_ASSERT_EQUAL(std::uint64_t(7), reflector.metrics().listPages);
		CPPUNIT_ASSERT_EQUAL(std::uint64_t(0), reflector.metrics().listRestarts);
	}

	void testTenThousandPodsSyncInPagesOfFiveHundred()
	{
		for (int i = 0; i < 10000; ++i) _cluster->createPod("default", "pod-" + std::to_string(i));
		EventRecorder recorder;
		PodReflector reflector(_cluster->client(), options());
		reflector.addHandler(recorder.handler());
		reflector.start();
		CPPUNIT_ASSERT(waitForSync(reflector));
		CPPUNIT_ASSERT_EQUAL(std::size_t(10000), reflector.store()->size());
		CPPUNIT_ASSERT_EQUAL(std::size_t(10000), recorder.count());
		CPPUNIT_ASSERT_EQUAL(std::uint64_t(20), reflector.metrics().listPages);
		CPPUNIT_ASSERT(_cluster->pods() == versions(*reflector.store()));
	}

	void testExpiredContinueTokenRestartsTheList()
	{
		for (int i = 0; i < 10; ++i) _cluster->createPod("default", "pod-" + std::to_string(i));
		// Every continue token is expired as soon as it is issued: the pager
		// restarts once with paging, then falls back to one unpaged request.
		_cluster->server().registry().lister().setContinueTokenTtl(Poco::Timespan(0));
		ReflectorOptions opts = options();
		opts.pageSize = 3;
		EventRecorder recorder;
		PodReflector reflector(_cluster->client(), opts);
		reflector.addHandler(recorder.handler());
		reflector.start();
		CPPUNIT_ASSERT(waitForSync(reflector));
		CPPUNIT_ASSERT(_cluster->pods() == versions(*reflector.store()));
		CPPUNIT_ASSERT_EQUAL(std::size_t(10), recorder.count());
		const auto metrics = reflector.metrics();
		CPPUNIT_ASSERT_EQUAL(std::uint64_t(2), metrics.listRestarts);
		CPPUNIT_ASSERT_EQUAL(std::uint64_t(3), metrics.listPages);
		CPPUNIT_ASSERT_EQUAL(std::uint64_t(1), metrics.lists);
	}

	void testRestartAfterStopReportsOnlyTheDifferences()
	{
		_cluster->createPod("default", "a");
		_cluster->createPod("default", "b");
		_cluster->createPod("default", "c");
		EventRecorder recorder;
		PodReflector reflector(_cluster->client(), options());
		reflector.addHandler(recorder.handler());
		reflector.start();
		CPPUNIT_ASSERT(waitForSync(reflector));
		reflector.stop();

		_cluster->deletePod("default", "a");
		_cluster->createPod("default", "d");
		_cluster->setPodLabel("default", "c", "x", "y");
		reflector.start();
		CPPUNIT_ASSERT(waitUntil([&]() { return reflector.metrics().lists == 2; }));
		const std::vector<std::string> expected = {"delete default/a", "update default/c", "add default/d"};
		CPPUNIT_ASSERT_EQUAL(join(expected), join(recorder.eventsFrom(3)));
		CPPUNIT_ASSERT(_cluster->pods() == versions(*reflector.store()));
		CPPUNIT_ASSERT_EQUAL(std::uint64_t(1), reflector.metrics().relists);
	}

	void testThrowingHandlerDoesNotStopTheReflector()
	{
		_cluster->createPod("default", "a");
		_cluster->createPod("default", "b");
		ResourceEventHandler<PodInfo> throwing;
		throwing.onAdd = [](const PodInfo&) { throw Poco::RuntimeException("handler failure"); };
		throwing.onUpdate = [](const PodInfo&, const PodInfo&) { throw std::runtime_error("plain failure"); };
		EventRecorder recorder;
		PodReflector reflector(_cluster->client(), options());
		reflector.addHandler(throwing);
		reflector.addHandler(recorder.handler());
		reflector.start();
		CPPUNIT_ASSERT(waitForSync(reflector));
		_cluster->setPodLabel("default", "a", "k", "v");
		_cluster->createPod("default", "sentinel");
		CPPUNIT_ASSERT(waitForEvent(recorder, "add default/sentinel"));
		const std::vector<std::string> expected = {"add default/a", "add default/b", "update default/a", "add default/sentinel"};
		CPPUNIT_ASSERT_EQUAL(join(expected), join(recorder.events()));
		CPPUNIT_ASSERT_EQUAL(std::uint64_t(4), reflector.metrics().handlerErrors);
		CPPUNIT_ASSERT(reflector.running());
	}

	void testNamespaceReflectorMirrorsNamespaces()
	{
		_cluster->createNamespace("team-a", {{"scan", "yes"}});
		NamespaceReflector reflector(_cluster->client(), options());
		std::vector<std::string> added;
		std::mutex mutex;
		ResourceEventHandler<NamespaceInfo> handler;
		handler.onAdd = [&](const NamespaceInfo& ns) { std::lock_guard<std::mutex> lock(mutex); added.push_back(ns.name); };
		reflector.addHandler(handler);
		reflector.start();
		CPPUNIT_ASSERT(waitForSync(reflector));
		CPPUNIT_ASSERT_EQUAL(std::string("yes"), reflector.store()->get("team-a")->labels.at("scan"));
		CPPUNIT_ASSERT(reflector.store()->get("kube-system"));
		_cluster->createNamespace("team-b");
		CPPUNIT_ASSERT(waitUntil([&]() { return reflector.store()->get("team-b") != nullptr; }));
		std::lock_guard<std::mutex> lock(mutex);
		CPPUNIT_ASSERT_EQUAL(std::string("team-b"), added.back());
		CPPUNIT_ASSERT_EQUAL(std::size_t(6), added.size());
	}

	void testStopReturnsPromptlyWhileTheWatchIsBlocked()
	{
		_cluster->createPod("default", "a");
		PodReflector reflector(_cluster->client(), options());
		reflector.start();
		CPPUNIT_ASSERT(waitForSync(reflector));
		CPPUNIT_ASSERT(waitUntil([&]() { return _cluster->server().stats().count("watch", "pods") == 1; }));
		// The watch asks for at least 300 s; only cancelling it ends it now.
		Poco::Event stopped(Poco::Event::EVENT_MANUALRESET);
		std::thread stopper([&]() { reflector.stop(); stopped.set(); });
		const bool returned = stopped.tryWait(10000);
		stopper.join();
		CPPUNIT_ASSERT(returned);
		CPPUNIT_ASSERT(!reflector.running());
		CPPUNIT_ASSERT_EQUAL(std::uint64_t(1), reflector.metrics().watches);
	}

	void testRunStopsWhenItsStopTokenIsRequested()
	{
		_cluster->createPod("default", "a");
		PodReflector reflector(_cluster->client(), options());
		StopToken stop;
		std::thread runner([&]() { reflector.run(stop); });
		const bool synced = reflector.store()->waitForSync(stop, 20000);
		CPPUNIT_ASSERT(waitUntil([&]() { return reflector.metrics().watches == 1; }));
		stop.requestStop();
		runner.join();
		CPPUNIT_ASSERT(synced);
		CPPUNIT_ASSERT(!reflector.running());
	}

	void testLifecycleMisuseIsRejected()
	{
		PodReflector reflector(_cluster->client(), options());
		reflector.stop(); // not started: nothing to do
		reflector.start();
		CPPUNIT_ASSERT_THROW(reflector.start(), Poco::IllegalStateException);
		CPPUNIT_ASSERT(waitUntil([&]() { return reflector.running(); }));
		CPPUNIT_ASSERT_THROW(reflector.addHandler(ResourceEventHandler<PodInfo>()), Poco::IllegalStateException);
		StopToken stop;
		CPPUNIT_ASSERT_THROW(reflector.run(stop), Poco::IllegalStateException);
		reflector.stop();
		reflector.stop();
		CPPUNIT_ASSERT(!reflector.running());
	}

	void testInvalidOptionsAreRejected()
	{
		CPPUNIT_ASSERT_THROW(PodReflector(nullptr), Poco::InvalidArgumentException);
		ReflectorOptions negativePage;
		negativePage.pageSize = -1;
		CPPUNIT_ASSERT_THROW(PodReflector(_cluster->client(), negativePage), Poco::InvalidArgumentException);
		ReflectorOptions emptyRange;
		emptyRange.maxWatchTimeoutSeconds = emptyRange.minWatchTimeoutSeconds;
		CPPUNIT_ASSERT_THROW(PodReflector(_cluster->client(), emptyRange), Poco::InvalidArgumentException);
		ReflectorOptions backoff;
		backoff.backoffBase = Poco::Timespan(60, 0);
		CPPUNIT_ASSERT_THROW(PodReflector(_cluster->client(), backoff), Poco::InvalidArgumentException);
	}

private:
	ReflectorOptions options()
	{
		ReflectorOptions result;
		result.sleeper = _sleeper.sleeper();
		return result;
	}

	template <class R>
	static bool waitForSync(R& reflector)
	{
		StopToken never;
		return reflector.store()->waitForSync(never, 20000);
	}

	static bool waitForEvent(const EventRecorder& recorder, const std::string& event)
	{
		return waitUntil([&]()
		{
			const auto events = recorder.events();
			return std::find(events.begin(), events.end(), event) != events.end();
		});
	}

	std::unique_ptr<SimCluster> _cluster;
	RecordingSleeper _sleeper;
};

CPPUNIT_TEST_SUITE_NAMED_REGISTRATION(ReflectorTest, "Runtime");
