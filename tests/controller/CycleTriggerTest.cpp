//
// CycleTriggerTest.cpp
//

#include "sbomop/controller/CycleTrigger.h"
#include "sbomop/core/StopToken.h"
#include <cppunit/extensions/HelperMacros.h>
#include <chrono>
#include <future>
#include <thread>
#include <vector>

using sbomop::StopToken;
using sbomop::controller::CycleTrigger;

namespace {

// A bound for waits that must end; a correct implementation never gets near it.
const auto HANG_GUARD = std::chrono::seconds(10);

bool returns(std::future<bool>& waiter, CycleTrigger& trigger, StopToken& stop)
	/// True when the waiter returned within the hang guard; if not, releases
	/// it so that the test reports the failure instead of hanging.
{
	if (waiter.wait_for(HANG_GUARD) == std::future_status::ready) return true;
	trigger.fire("release");
	stop.requestStop();
	waiter.wait();
	return false;
}

} // namespace


class CycleTriggerTest: public CppUnit::TestFixture
{
	CPPUNIT_TEST_SUITE(CycleTriggerTest);
	CPPUNIT_TEST(testManyFiresCoalesceIntoOneCycle);
	CPPUNIT_TEST(testFireBeforeWaitIsNotLost);
	CPPUNIT_TEST(testWaitWithoutFireTimesOut);
	CPPUNIT_TEST(testFireFromAnotherThreadWakesWaiter);
	CPPUNIT_TEST(testFiresFromManyThreadsCoalesce);
	CPPUNIT_TEST(testStopWakesUnboundedWaiter);
	CPPUNIT_TEST(testStopWinsOverPendingRequest);
	CPPUNIT_TEST_SUITE_END();

public:
	void testManyFiresCoalesceIntoOneCycle()
	{
		StopToken stop;
		CycleTrigger trigger(stop);
		trigger.fire("pod shop/web-1 added");
		trigger.fire("pod shop/web-2 added");
		trigger.fire("pod shop/web-1 updated");
		CPPUNIT_ASSERT(trigger.wait(0));
		CPPUNIT_ASSERT(!trigger.wait(0));
		CPPUNIT_ASSERT_EQUAL(std::size_t(3), trigger.fired());
		CPPUNIT_ASSERT_EQUAL(std::string("pod shop/web-1 updated"), trigger.lastReason());
	}

	void testFireBeforeWaitIsNotLost()
	{
		StopToken stop;
		CycleTrigger trigger(stop);
		trigger.fire("namespace payments labelled");
		// Even an unbounded wait returns at once.
		CPPUNIT_ASSERT(trigger.wait(-1));
		trigger.fire("pod payments/api-1 added");
		CPPUNIT_ASSERT(trigger.wait(10));
	}

	void testWaitWithoutFireTimesOut()
	{
		StopToken stop;
		CycleTrigger trigger(stop);
		CPPUNIT_ASSERT(!trigger.wait(0));
		CPPUNIT_ASSERT(!trigger.wait(20));
		CPPUNIT_ASSERT_EQUAL(std::size_t(0), trigger.fired());
		CPPUNIT_ASSERT_EQUAL(std::string(), trigger.lastReason());
	}

	void testFireFromAnotherThreadWakesWaiter()
	{
		StopToken stop;
		CycleTrigger trigger(stop);
		auto waiter = std::async(std::launch::async, [&trigger] { return trigger.wait(-1); });
		trigger.fire("pod shop/web-1 added");
		CPPUNIT_ASSERT(returns(waiter, trigger, stop));
		CPPUNIT_ASSERT(waiter.get());
		CPPUNIT_ASSERT(!trigger.wait(0));
	}

	void testFiresFromManyThreadsCoalesce()
	{
		StopToken stop;
		CycleTrigger trigger(stop);
		std::vector<std::thread> watchers;
		for (int t = 0; t < 4; ++t)
		{
			watchers.emplace_back([&trigger, t]
			{
				for (int i = 0; i < 250; ++i) trigger.fire("watch " + std::to_string(t));
			});
		}
		for (auto& watcher: watchers) watcher.join();
		CPPUNIT_ASSERT_EQUAL(std::size_t(1000), trigger.fired());
		CPPUNIT_ASSERT(trigger.wait(0));
		CPPUNIT_ASSERT(!trigger.wait(0));
	}

	void testStopWakesUnboundedWaiter()
	{
		StopToken stop;
		CycleTrigger trigger(stop);
		auto waiter = std::async(std::launch::async, [&trigger] { return trigger.wait(-1); });
		stop.requestStop();
		CPPUNIT_ASSERT(returns(waiter, trigger, stop));
		CPPUNIT_ASSERT(!waiter.get());
	}

	void testStopWinsOverPendingRequest()
	{
		StopToken stop;
		CycleTrigger trigger(stop);
		trigger.fire("pod shop/web-1 added");
		stop.requestStop();
		CPPUNIT_ASSERT(!trigger.wait(-1));
		CPPUNIT_ASSERT(!trigger.wait(0));
	}
};

CPPUNIT_TEST_SUITE_NAMED_REGISTRATION(CycleTriggerTest, "Controller");
