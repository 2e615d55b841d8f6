//
// CycleLoop.cpp
//

#include "sbomop/controller/CycleLoop.h"
#include <Poco/DateTimeFormatter.h>
#include <Poco/Logger.h>
#include <algorithm>

namespace sbomop {
namespace controller {

CycleLoop::CycleLoop(const LoopSettings& settings, RunCycle runCycle, CycleTrigger& trigger, StopToken& stop, Poco::Logger& logger):
	_settings(settings),
	_runCycle(std::move(runCycle)),
	_trigger(trigger),
	_stop(stop),
	_logger(logger)
{
}

std::size_t CycleLoop::cyclesRun() const
{
	return _cycles;
}

int CycleLoop::run()
{
	switch (_settings.mode)
	{
	case LoopSettings::ONCE:
	{
		++_cycles;
		const CycleReport report = _runCycle();
		return report.ok() ? 0 : 1;
	}
	case LoopSettings::CRON:
		return runCron();
	case LoopSettings::INFORMER:
		break;
	}
	return runInformer();
}

int CycleLoop::runInformer()
{
	long retryDelay = _settings.retryMinMilliseconds;
	bool failing = false;
	// The initial full sync: every pod in scope.
	bool due = true;
	while (!_stop.stopRequested())
	{
		if (due)
		{
			++_cycles;
			failing = !_runCycle().ok();
			if (failing)
			{
				_logger.information("retrying failed images in %ld s unless pods change sooner", retryDelay / 1000);
			}
			else
			{
				retryDelay = _settings.retryMinMilliseconds;
			}
		}
		due = _trigger.wait(failing ? retryDelay : -1);
		if (_stop.stopRequested()) break;
		if (!due && failing)
		{
			due = true;
			retryDelay = std::min(retryDelay * 2, _settings.retryMaxMilliseconds);
			continue;
		}
		if (due)
		{
			// Pods usually change in bursts (a rollout): let the burst settle so
			// that one cycle covers it. Triggers meanwhile are absorbed.
			_stop.waitFor(_settings.debounceMilliseconds);
			_trigger.wait(0);
		}
	}
	return 0;
}

int CycleLoop::runCron()
{
	// Each run time follows the previous start, so a cycle that outlasts the
	// interval is followed by exactly one catch-up cycle, not by a burst.
	Poco::Timestamp lastStart;
	while (!_stop.stopRequested())
	{
		const Poco::Timestamp next = _settings.cron->next(lastStart);
		_logger.information("next cycle at %s (cron '%s')",
			Poco::DateTimeFormatter::format(next, "%Y-%m-%dT%H:%M:%SZ"), _settings.cron->expression());
		const Poco::Timestamp::TimeDiff wait = next - Poco::Timestamp();
		if (wait > 0 && _stop.waitFor(static_cast<long>(wait / 1000) + 1)) break;
		if (_stop.stopRequested()) break;
		lastStart.update();
		++_cycles;
		_runCycle();
	}
	return 0;
}

} } // namespace sbomop::controller
