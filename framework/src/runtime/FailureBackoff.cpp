//
// FailureBackoff.cpp
//

#include "FailureBackoff.h"

namespace sbomop {
namespace runtime {

FailureBackoff::FailureBackoff(const ReflectorOptions& options, const ReflectorOptions::Random& random):
	_backoff(options.backoffBase, options.backoffCap, options.retryAfterCap, random),
	_sleeper(options.sleeper),
	_failures(0)
{
}


Poco::Timespan FailureBackoff::next(int retryAfterSeconds)
{
	const Poco::Timespan delay = _backoff.delay(_failures, retryAfterSeconds);
	// Backoff stops doubling at the cap, so the count only needs to stay small.
	if (_failures < 64) ++_failures;
	return delay;
}


bool FailureBackoff::wait(const Poco::Timespan& delay, const StopToken& stop) const
{
	if (_sleeper) return _sleeper(delay, stop);
	return stop.waitFor(static_cast<long>(delay.totalMilliseconds()));
}


void FailureBackoff::reset()
{
	_failures = 0;
}


int FailureBackoff::failures() const
{
	return _failures;
}

} } // namespace sbomop::runtime
