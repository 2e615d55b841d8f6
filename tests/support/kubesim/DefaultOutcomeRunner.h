//
// DefaultOutcomeRunner.h
//
// The container of an image without a registered runner: nothing runs; it
// succeeds or fails after a fixed time, or hangs until it is stopped.
//

#ifndef SBOMOP_KubeSim_DefaultOutcomeRunner_INCLUDED
#define SBOMOP_KubeSim_DefaultOutcomeRunner_INCLUDED

#include "kubesim/JobOptions.h"
#include "kubesim/PodRunner.h"
#include <Poco/Timespan.h>

namespace sbomop {
namespace kubesim {

class DefaultOutcomeRunner: public PodRunner
	/// Thread-safe.
{
public:
	DefaultOutcomeRunner(JobOutcome outcome, const Poco::Timespan& duration);

	int run(const PodLaunch& launch, const StopToken& stop, const Output& output) override;
		/// Writes one log line naming the simulated outcome; returns 0
		/// (succeed) or 1 (fail) after the duration, 143 (SIGTERM) when
		/// stopped first. Hang runs until stopped.

private:
	JobOutcome _outcome;
	Poco::Timespan _duration;
};

} } // namespace sbomop::kubesim

#endif // SBOMOP_KubeSim_DefaultOutcomeRunner_INCLUDED
