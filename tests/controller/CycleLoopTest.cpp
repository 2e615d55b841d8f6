//
// CycleLoopTest.cpp
//

#include "ControllerTestSupport.h"
#include "sbomop/controller/CycleLoop.h"
#include <cppunit/extensions/HelperMacros.h>
#include <chrono>
#include <condition_variable>
#include <functional>
#include <memory>
#include <future>
#include <mutex>
#include <thread>
#include <vector>

using sbomop::StopToken;
using sbomop::controller::CycleLoop;
using sbomop::controller::CycleReport;
using sbomop::controller::CycleTrigger;
using sbomop::controller::LoopSettings;
using namespace sbomop::controller::test;

namespace {

// A bound for waits that must end; a correct loop never gets near it.
const auto HANG_GUARD = std::chrono::seconds(10);

// Time given to a faulty loop to run a cycle it should not run. Passing never
// depends on it.
const auto GRACE = std::chrono::milliseconds(150);

CycleReport okReport()
{
	return CycleReport();
}

CycleReport failedReport()
{
	CycleReport report;
	report.pending = 1;
	report.failed = 1;
	return report;
}

struct LoopHarness
	/// Runs a CycleLoop whose cycles follow `script` (called with the 1-based
	/// cycle number) and records the trigger count each cycle started with.
	/// A loop started in the background is stopped and joined on destruction,
	/// so a failed assertion never leaves it running.
{
	CapturedLogger log;
	StopToken stop;
	CycleTrigger trigger{ stop };
	LoopSettings settings;
	std::function<CycleReport(std::size_t)> script;

	std::mutex mutex;
	std::condition_variable changed;
	std::size_t completed = 0;
	std::vector<std::size_t> firedSeen;

	std::unique_ptr<CycleLoop> loop;
	std::future<int> result;

	LoopHarness()
	{
		settings.debounceMilliseconds = 10;
		settings.retryMinMilliseconds = 10;
		settings.retryMaxMilliseconds = 40;
	}

	~LoopHarness()
	{
		if (result.valid())
		{
			stop.requestStop();
			result.wait();
		}
	}

	CycleLoop& createLoop()
	{
		loop.reset(new CycleLoop(settings, runCycle(), trigger, stop, log.logger()));
		return *loop;
	}

	void start()
		/// Runs a new loop on another thread.
	{
		createLoop();
		result = std::async(std::launch::async, [this] { return loop->run(); });
	}

	bool finishes()
		/// True when the background loop returned within the hang guard; if
		/// not, stops it so that the test reports the failure.
	{
		if (result.wait_for(HANG_GUARD) == std::future_status::ready) return true;
		stop.requestStop();
		result.wait();
		return false;
	}

	CycleLoop::RunCycle runCycle()
	{
		return [this]
		{
			std::size_t number;
			{
				std::lock_guard<std::mutex> lock(mutex);
				firedSeen.push_back(trigger.fired());
				number = firedSeen.size();
			}
			const CycleReport report = script ? script(number) : okReport();
			{
				std::lock_guard<std::mutex> lock(mutex);
				++completed;
			}
			changed.notify_all();
			return report;
		};
	}

	bool waitForCompleted(std::size_t cycles)
	{
		std::unique_lock<std::mutex> lock(mutex);
		return changed.wait_for(lock, HANG_GUARD, [&] { return completed >= cycles; });
	}

	std::vector<std::size_t> seen()
	{
		std::lock_guard<std::mutex> lock(mutex);
		return firedSeen;
	}
};

} // namespace


class CycleLoopTest: public CppUnit::TestFixture
{
	CPPUNIT_TEST_SUITE(CycleLoopTest);
	CPPUNIT_TEST(testOnceModeRunsOneCycleAndSucceedsWhenReportIsOk);
	CPPUNIT_TEST(testOnceModeFailsWhenReportIsNotOk);
	CPPUNIT_TEST(testInformerStartsWithAFullCycle);
	CPPUNIT_TEST(testTriggerBurstWhileIdleRunsOneCycle);
	CPPUNIT_TEST(testTriggersDuringACycleLeadToOneFollowUpCycle);
	CPPUNIT_TEST(testInformerRetriesAfterFailures);
	CPPUNIT_TEST(testSuccessEndsRetries);
	CPPUNIT_TEST(testStopEndsTheLoopPromptly);
	CPPUNIT_TEST_SUITE_END();

public:
	void testOnceModeRunsOneCycleAndSucceedsWhenReportIsOk()
	{
		LoopHarness h;
		h.settings.mode = LoopSettings::ONCE;
		h.trigger.fire("pod shop/web-1 added");
		CycleLoop& loop = h.createLoop();
		CPPUNIT_ASSERT_EQUAL(0, loop.run());
		CPPUNIT_ASSERT_EQUAL(std::size_t(1), h.loop->cyclesRun());
		CPPUNIT_ASSERT_EQUAL(std::size_t(1), h.seen().size());
	}

	void testOnceModeFailsWhenReportIsNotOk()
	{
		std::vector<CycleReport> reports(4);
		reports[0].failed = 1;
		reports[1].backendError = true;
		reports[2].annotationFailures = 1;
		reports[3].orphanFailures = 2;
		for (std::size_t i = 0; i < reports.size(); ++i)
		{
			LoopHarness h;
			h.settings.mode = LoopSettings::ONCE;
			const CycleReport report = reports[i];
			h.script = [report](std::size_t) { return report; };
			CycleLoop& loop = h.createLoop();
			CPPUNIT_ASSERT_EQUAL_MESSAGE("case " + std::to_string(i), 1, loop.run());
			CPPUNIT_ASSERT_EQUAL(std::size_t(1), h.loop->cyclesRun());
		}
	}

	void testInformerStartsWithAFullCycle()
	{
		LoopHarness h;
		h.script = [&h](std::size_t)
		{
			h.stop.requestStop();
			return okReport();
		};
		CycleLoop& loop = h.createLoop();
		CPPUNIT_ASSERT_EQUAL(0, loop.run());
		CPPUNIT_ASSERT_EQUAL(std::size_t(1), h.loop->cyclesRun());
		CPPUNIT_ASSERT_EQUAL(std::vector<std::size_t>{ 0 }, h.seen());
	}

	void testTriggerBurstWhileIdleRunsOneCycle()
	{
		LoopHarness h;
		// Long enough to cover the burst below on a busy machine.
		h.settings.debounceMilliseconds = 500;
		h.script = [&h](std::size_t n)
		{
			if (n == 3) h.stop.requestStop();
			return okReport();
		};
		h.start();

		CPPUNIT_ASSERT(h.waitForCompleted(1));
		// A rollout: pod events keep coming while the loop already waits for
		// the burst to settle.
		h.trigger.fire("pod shop/web-0 added");
		std::this_thread::sleep_for(std::chrono::milliseconds(50));
		for (int i = 1; i < 10; ++i) h.trigger.fire("pod shop/web-" + std::to_string(i) + " added");
		CPPUNIT_ASSERT(h.waitForCompleted(2));
		// Long enough for a loop that kept a left-over request to debounce it
		// and run a cycle.
		std::this_thread::sleep_for(std::chrono::milliseconds(h.settings.debounceMilliseconds) + GRACE);
		h.trigger.fire("pod shop/web-10 added");

		CPPUNIT_ASSERT(h.finishes());
		CPPUNIT_ASSERT_EQUAL(0, h.result.get());
		// Cycle 3 ran for the last trigger, not for left-overs of the burst.
		CPPUNIT_ASSERT_EQUAL((std::vector<std::size_t>{ 0, 10, 11 }), h.seen());
		CPPUNIT_ASSERT_EQUAL(std::size_t(3), h.loop->cyclesRun());
	}

	void testTriggersDuringACycleLeadToOneFollowUpCycle()
	{
		LoopHarness h;
		h.script = [&h](std::size_t n)
		{
			if (n == 1)
			{
				for (int i = 0; i < 5; ++i) h.trigger.fire("pod shop/web-" + std::to_string(i) + " updated");
			}
			if (n == 3) h.stop.requestStop();
			return okReport();
		};
		h.start();

		CPPUNIT_ASSERT(h.waitForCompleted(2));
		std::this_thread::sleep_for(GRACE);
		h.trigger.fire("pod shop/web-9 added");

		CPPUNIT_ASSERT(h.finishes());
		CPPUNIT_ASSERT_EQUAL(0, h.result.get());
		CPPUNIT_ASSERT_EQUAL((std::vector<std::size_t>{ 0, 5, 6 }), h.seen());
	}

	void testInformerRetriesAfterFailures()
	{
		LoopHarness h;
		h.script = [&h](std::size_t n)
		{
			if (n < 5) return failedReport();
			h.stop.requestStop();
			return okReport();
		};
		h.start();

		CPPUNIT_ASSERT(h.finishes());
		CPPUNIT_ASSERT_EQUAL(0, h.result.get());
		CPPUNIT_ASSERT_EQUAL(std::size_t(5), h.loop->cyclesRun());
		// No pod changed: every cycle after the first was a retry.
		CPPUNIT_ASSERT_EQUAL((std::vector<std::size_t>{ 0, 0, 0, 0, 0 }), h.seen());
	}

	void testSuccessEndsRetries()
	{
		LoopHarness h;
		h.script = [&h](std::size_t n)
		{
			if (n == 1) return failedReport();
			if (n == 3) h.stop.requestStop();
			return okReport();
		};
		h.start();

		CPPUNIT_ASSERT(h.waitForCompleted(2));
		std::this_thread::sleep_for(GRACE);
		h.trigger.fire("pod shop/web-1 added");

		CPPUNIT_ASSERT(h.finishes());
		CPPUNIT_ASSERT_EQUAL(0, h.result.get());
		// Cycle 2 was the retry; cycle 3 waited for the trigger.
		CPPUNIT_ASSERT_EQUAL((std::vector<std::size_t>{ 0, 0, 1 }), h.seen());
	}

	void testStopEndsTheLoopPromptly()
	{
		enum class State { IDLE, DEBOUNCING, RETRYING };
		const State states[] = { State::IDLE, State::DEBOUNCING, State::RETRYING };
		for (const auto state: states)
		{
			LoopHarness h;
			// Long enough that only the stop can end the waits.
			h.settings.debounceMilliseconds = 600000;
			h.settings.retryMinMilliseconds = 600000;
			h.settings.retryMaxMilliseconds = 600000;
			h.script = [&h, state](std::size_t)
			{
				if (state == State::DEBOUNCING) h.trigger.fire("pod shop/web-1 added");
				return state == State::RETRYING ? failedReport() : okReport();
			};
			h.start();

			CPPUNIT_ASSERT(h.waitForCompleted(1));
			h.stop.requestStop();
			CPPUNIT_ASSERT(h.finishes());
			CPPUNIT_ASSERT_EQUAL(0, h.result.get());
			CPPUNIT_ASSERT_EQUAL(std::size_t(1), h.loop->cyclesRun());
		}
	}
};

CPPUNIT_TEST_SUITE_NAMED_REGISTRATION(CycleLoopTest, "Controller");
