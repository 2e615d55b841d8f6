//
// ReflectorOptions.h
//
// What a Reflector lists and watches, and how it paces itself: page size,
// watch timeouts, backoff after failures, and injectable sleep and
// randomness for tests.
//

#ifndef SBOMOP_Runtime_ReflectorOptions_INCLUDED
#define SBOMOP_Runtime_ReflectorOptions_INCLUDED

#include "sbomop/Sbomop.h"
#include "sbomop/core/StopToken.h"
#include <Poco/Timespan.h>
#include <functional>
#include <string>

namespace sbomop {
namespace runtime {

struct SBOMOP_API ReflectorOptions
	/// Plain value, copied into the Reflector. Defaults follow client-go's
	/// reflector.
{
	using Sleeper = std::function<bool(const Poco::Timespan& delay, const StopToken& stop)>;
		/// Waits `delay` or until `stop` is requested; returns true when a stop
		/// was requested. Called on the reflector thread only.
	using Random = std::function<double()>;
		/// Uniformly distributed in [0, 1). Called on the reflector thread only.

	static constexpr int DEFAULT_PAGE_SIZE = 500;
	static constexpr int DEFAULT_MIN_WATCH_TIMEOUT_SECONDS = 300;
	static constexpr int DEFAULT_MAX_WATCH_TIMEOUT_SECONDS = 600;

	std::string namespaceName;
		/// Namespace to list and watch; "" = all namespaces (always for
		/// cluster-scoped types).
	std::string labelSelector;
		/// Passed to the server as `labelSelector` ("" = everything).
	std::string fieldSelector;
		/// Passed to the server as `fieldSelector` ("" = everything).
	int pageSize = DEFAULT_PAGE_SIZE;
		/// `limit` of each list page; 0 lists in one response.
	int minWatchTimeoutSeconds = DEFAULT_MIN_WATCH_TIMEOUT_SECONDS;
	int maxWatchTimeoutSeconds = DEFAULT_MAX_WATCH_TIMEOUT_SECONDS;
		/// Each watch asks the server to end it after a random number of
		/// seconds in [min, max), so that many clients do not re-watch at once.
	Poco::Timespan backoffBase{0, 800000};
		/// First delay ceiling after a failure (full jitter: the delay is
		/// uniform in [0, ceiling)); doubles with every consecutive failure.
	Poco::Timespan backoffCap{30, 0};
		/// Largest delay ceiling.
	Poco::Timespan retryAfterCap{60, 0};
		/// Longest `Retry-After` honoured.
	Sleeper sleeper;
		/// Empty: StopToken::waitFor().
	Random random;
		/// Empty: a Mersenne Twister seeded from std::random_device.

	void validate() const;
		/// Throws Poco::InvalidArgumentException for a negative page size,
		/// a watch timeout range that is empty or not positive, or a backoff
		/// base that is not positive or above the cap.
};

} } // namespace sbomop::runtime

#endif // SBOMOP_Runtime_ReflectorOptions_INCLUDED
