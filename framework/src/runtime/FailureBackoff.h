//
// FailureBackoff.h
//
// The pause of a Reflector after a failed list or watch: exponential with
// full jitter over consecutive failures, or the server's Retry-After.
//

#ifndef SBOMOP_Runtime_FailureBackoff_INCLUDED
#define SBOMOP_Runtime_FailureBackoff_INCLUDED

#include "sbomop/core/StopToken.h"
#include "sbomop/kube/Backoff.h"
#include "sbomop/runtime/ReflectorOptions.h"
#include <Poco/Timespan.h>

namespace sbomop {
namespace runtime {

class FailureBackoff
	/// Counts consecutive failures until reset(). Used by one thread.
{
public:
	FailureBackoff(const ReflectorOptions& options, const ReflectorOptions::Random& random);

	Poco::Timespan next(int retryAfterSeconds);
		/// The delay before the next attempt, and counts a failure.
		/// `retryAfterSeconds` >= 0 is the server's Retry-After (capped at
		/// ReflectorOptions::retryAfterCap, plus jitter).

	bool wait(const Poco::Timespan& delay, const StopToken& stop) const;
		/// Sleeps `delay` with the configured sleeper; true when a stop was requested.

	void reset();
		/// After a success: the next failure waits the shortest delay again.

	int failures() const;

private:
	kube::Backoff _backoff;
	ReflectorOptions::Sleeper _sleeper;
	int _failures;
};

} } // namespace sbomop::runtime

#endif // SBOMOP_Runtime_FailureBackoff_INCLUDED
