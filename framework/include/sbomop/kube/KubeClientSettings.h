//
// KubeClientSettings.h
//
// Tunables of KubeClient: rate limit, retries, timeouts, connection pool,
// User-Agent, metrics hook and the injectable clock.
//

#ifndef SBOMOP_Kube_KubeClientSettings_INCLUDED
#define SBOMOP_Kube_KubeClientSettings_INCLUDED

#include "sbomop/Sbomop.h"
#include "sbomop/kube/Backoff.h"
#include "sbomop/kube/KubeClientClock.h"
#include <Poco/Timespan.h>
#include <cstddef>
#include <functional>
#include <string>

namespace sbomop {
namespace kube {

struct SBOMOP_API KubeClientSettings
	/// Settings of one KubeClient; the defaults suit an operator. Copied into
	/// the client at construction.
{
	using RequestObserver = std::function<void(const std::string& verb, const std::string& resource, int code)>;
		/// Called once per HTTP attempt, from the requesting thread, with the
		/// Kubernetes verb ("get", "list", "watch", "create", "update", "patch",
		/// "delete"), the qualified resource ("pods", "jobs.batch") and the
		/// HTTP status code, or 0 if no response arrived. Must be thread-safe
		/// and must not throw.

	double qps = 20.0;
		/// Client-side rate limit (token bucket refill rate); 0 disables it.
	int burst = 30;
		/// Token bucket size.
	int maxAttempts = 5;
		/// Attempts per request, including the first (at least 1).
	Poco::Timespan requestTimeout{60, 0};
		/// Socket send/receive timeout of non-watch requests.
	Poco::Timespan connectTimeout{10, 0};
		/// TCP connect (and TLS handshake) timeout.
	Poco::Timespan watchTimeoutMargin{30, 0};
		/// A watch with `timeoutSeconds` may stay silent that long plus this margin.
	Poco::Timespan watchIdleTimeout{3900, 0};
		/// Receive timeout of a watch without `timeoutSeconds` (the server
		/// closes those after 30-60 minutes).
	Poco::Timespan backoffBase{0, Backoff::DEFAULT_BASE};
	Poco::Timespan backoffCap{0, Backoff::DEFAULT_CAP};
	Poco::Timespan retryAfterCap{0, Backoff::DEFAULT_RETRY_AFTER_CAP};
		/// Longest wait honoured for a `Retry-After`.
	Poco::Timespan tokenRefreshInterval{60, 0};
		/// How long a bearer token read from a file is cached.
	Poco::Timespan idleConnectionTimeout{60, 0};
		/// Idle keep-alive connections older than this are closed, not reused.
	std::size_t maxIdleConnections = 8;
		/// Keep-alive connections kept for reuse.
	std::string userAgent;
		/// Empty: "sbom-operator/<version>".
	RequestObserver requestObserver;
		/// Optional metrics hook, see RequestObserver.
	KubeClientClock::Ptr clock;
		/// Time source and sleeper for backoff, rate limiting and token
		/// refresh; null selects KubeClientClock::system().
	Backoff::Random random;
		/// Jitter source for backoff; empty selects the default.

	static std::string defaultUserAgent();
		/// "sbom-operator/<version>".
};

} } // namespace sbomop::kube

#endif // SBOMOP_Kube_KubeClientSettings_INCLUDED
