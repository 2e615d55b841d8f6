//
// Backoff.h
//
// Retry delays: exponential backoff with full jitter, and server-requested
// delays (Retry-After) with a cap.
//

#ifndef SBOMOP_Kube_Backoff_INCLUDED
#define SBOMOP_Kube_Backoff_INCLUDED

#include "sbomop/Sbomop.h"
#include <Poco/Timespan.h>
#include <functional>

namespace sbomop {
namespace kube {

class SBOMOP_API Backoff
	/// Computes how long to wait before a retry. Immutable after construction
	/// and thread-safe if the random source is (the default one is).
{
public:
	using Random = std::function<double()>;
		/// Returns a uniformly distributed number in [0, 1).

	static constexpr Poco::Timespan::TimeDiff DEFAULT_BASE = 200000;
		/// 200 ms, in microseconds.
	static constexpr Poco::Timespan::TimeDiff DEFAULT_CAP = 10000000;
		/// 10 s, in microseconds.
	static constexpr Poco::Timespan::TimeDiff DEFAULT_RETRY_AFTER_CAP = 30000000;
		/// 30 s, in microseconds.

	explicit Backoff(const Poco::Timespan& base = Poco::Timespan(DEFAULT_BASE),
		const Poco::Timespan& cap = Poco::Timespan(DEFAULT_CAP),
		const Poco::Timespan& retryAfterCap = Poco::Timespan(DEFAULT_RETRY_AFTER_CAP),
		Random random = Random());
		/// An empty `random` selects a thread-local Mersenne Twister.

	Poco::Timespan delay(int retry) const;
		/// Full jitter: uniform in [0, min(cap, base * 2^retry)), where `retry`
		/// counts from 0 for the first retry.

	Poco::Timespan delay(int retry, int retryAfterSeconds) const;
		/// When the server asked for a delay (`retryAfterSeconds` >= 0) waits
		/// that long plus up to `base` of jitter, capped at `retryAfterCap`;
		/// otherwise delay(retry).

	const Poco::Timespan& base() const;
	const Poco::Timespan& cap() const;
	const Poco::Timespan& retryAfterCap() const;

private:
	double random() const;

	Poco::Timespan _base;
	Poco::Timespan _cap;
	Poco::Timespan _retryAfterCap;
	Random _random;
};

} } // namespace sbomop::kube

#endif // SBOMOP_Kube_Backoff_INCLUDED
