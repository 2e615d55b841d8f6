//
// CycleLoop.h
//
// When cycles run: informer mode (a full cycle at start, then debounced cycles
// when pods change, and retries with backoff while images fail), cron mode (at
// the cron schedule's times) and once mode (one cycle, then exit). At most one
// cycle runs at a time; triggers during a cycle lead to one follow-up cycle.
//

#ifndef SBOMOP_Controller_CycleLoop_INCLUDED
#define SBOMOP_Controller_CycleLoop_INCLUDED

#include "sbomop/Sbomop.h"
#include "sbomop/controller/CycleRunner.h"
#include "sbomop/controller/CycleTrigger.h"
#include "sbomop/core/StopToken.h"
#include "sbomop/schedule/CronSchedule.h"
#include <functional>
#include <memory>

namespace Poco { class Logger; }

namespace sbomop {
namespace controller {

struct SBOMOP_API LoopSettings
{
	enum Mode { INFORMER, CRON, ONCE };
	Mode mode = INFORMER;
	std::shared_ptr<schedule::CronSchedule> cron;   ///< CRON mode only
	long debounceMilliseconds = 1000;               ///< informer: collect changes this long
	long retryMinMilliseconds = 30000;              ///< informer: first retry after failures
	long retryMaxMilliseconds = 600000;
};

class SBOMOP_API CycleLoop
{
public:
	using RunCycle = std::function<CycleReport()>;

	CycleLoop(const LoopSettings& settings, RunCycle runCycle, CycleTrigger& trigger, StopToken& stop, Poco::Logger& logger);

	int run();
		/// Runs until a stop is requested; in once mode, runs one cycle and
		/// returns 0 if it succeeded completely, 1 otherwise. Other modes
		/// return 0 after the stop. The caller waits for the first full sync
		/// before calling run().

	std::size_t cyclesRun() const;

private:
	int runInformer();
	int runCron();

	LoopSettings _settings;
	RunCycle _runCycle;
	CycleTrigger& _trigger;
	StopToken& _stop;
	Poco::Logger& _logger;
	std::size_t _cycles = 0;
};

} } // namespace sbomop::controller

#endif // SBOMOP_Controller_CycleLoop_INCLUDED
