//
// RateLimiter.h
//
// Client-side token bucket that limits the request rate to the API server.
//

#ifndef SBOMOP_Kube_RateLimiter_INCLUDED
#define SBOMOP_Kube_RateLimiter_INCLUDED

#include "sbomop/Sbomop.h"
#include "sbomop/kube/KubeClientClock.h"
#include <Poco/Timespan.h>
#include <mutex>

namespace sbomop {
namespace kube {

class SBOMOP_API RateLimiter
	/// A token bucket holding at most `burst` tokens, refilled at `qps`
	/// tokens per second; it starts full. Each request takes one token; when
	/// none is left the caller waits until its token has accrued. Waiting
	/// callers are served in the order they reserved, like client-go's
	/// token-bucket limiter. Thread-safe.
{
public:
	RateLimiter(double qps, int burst, KubeClientClock::Ptr clock = KubeClientClock::system());
		/// A `qps` of zero or less disables limiting. A `burst` below 1 is
		/// treated as 1.

	Poco::Timespan reserve();
		/// Takes one token, possibly from the future, and returns how long the
		/// caller must wait before using it (zero if a token was available).

	bool tryAcquire();
		/// Takes a token only if one is available now; never waits.

	void acquire();
		/// reserve() followed by sleeping through the clock for the wait.

	double qps() const;
	int burst() const;

private:
	void refill(Poco::Timespan::TimeDiff now);

	const double _qps;
	const int _burst;
	KubeClientClock::Ptr _clock;
	std::mutex _mutex;
	double _tokens;
	Poco::Timespan::TimeDiff _last;
};

} } // namespace sbomop::kube

#endif // SBOMOP_Kube_RateLimiter_INCLUDED
