//
// DefaultOutcomeRunner.cpp
//

#include "kubesim/DefaultOutcomeRunner.h"

namespace sbomop {
namespace kubesim {

namespace
{
	const int TERMINATED = 128 + 15;   // what a container killed by SIGTERM reports
}

DefaultOutcomeRunner::DefaultOutcomeRunner(JobOutcome outcome, const Poco::Timespan& duration):
	_outcome(outcome),
	_duration(duration)
{
}

int DefaultOutcomeRunner::run(const PodLaunch& launch, const StopToken& stop, const Output& output)
{
	output("kube-sim: simulated container for image " + launch.image + ": " + JobOptions::outcomeName(_outcome) + "\n");
	if (_outcome == JobOutcome::Hang)
	{
		while (!stop.waitFor(60 * 1000)) {}
		return TERMINATED;
	}
	if (stop.waitFor(static_cast<long>(_duration.totalMilliseconds()))) return TERMINATED;
	return _outcome == JobOutcome::Succeed ? 0 : 1;
}

} } // namespace sbomop::kubesim
