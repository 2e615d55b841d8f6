//
// KubeClientClock.h
//
// The time source and sleeper of the Kubernetes client (token refresh, rate
// limiting, retry backoff), replaceable so that tests control time.
//

#ifndef SBOMOP_Kube_KubeClientClock_INCLUDED
#define SBOMOP_Kube_KubeClientClock_INCLUDED

#include "sbomop/Sbomop.h"
#include <Poco/Timespan.h>
#include <memory>

namespace sbomop {
namespace kube {

class SBOMOP_API KubeClientClock
	/// Monotonic time in microseconds plus a blocking sleep. The default
	/// implementation uses std::chrono::steady_clock and really sleeps; tests
	/// derive from it to advance a manual clock and record requested delays.
	/// Implementations must be thread-safe.
{
public:
	using Ptr = std::shared_ptr<KubeClientClock>;

	virtual ~KubeClientClock();

	virtual Poco::Timespan::TimeDiff now();
		/// Microseconds since an arbitrary, fixed origin; never decreases.

	virtual void sleep(const Poco::Timespan& duration);
		/// Blocks the calling thread for `duration` (returns at once if it is
		/// not positive).

	static Ptr system();
		/// The shared real-time clock.
};

} } // namespace sbomop::kube

#endif // SBOMOP_Kube_KubeClientClock_INCLUDED
