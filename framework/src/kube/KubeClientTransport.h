//
// KubeClientTransport.h
//
// Executes HTTP requests against the API server for KubeClient:
// authentication, rate limiting, retries, error mapping, metrics hook.
// Internal to libsbomop.
//

#ifndef SBOMOP_Kube_KubeClientTransport_INCLUDED
#define SBOMOP_Kube_KubeClientTransport_INCLUDED

#include "KubeClientSessionPool.h"
#include "sbomop/kube/Backoff.h"
#include "sbomop/kube/ClusterConnection.h"
#include "sbomop/kube/KubeClientCancelToken.h"
#include "sbomop/kube/KubeClientSettings.h"
#include "sbomop/kube/KubeClientTokenSource.h"
#include "sbomop/kube/KubeException.h"
#include "sbomop/kube/RateLimiter.h"
#include <Poco/Logger.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <functional>
#include <istream>
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace sbomop {
namespace kube {

class KubeClientTransport
	/// Sends one logical request, retrying as the API conventions allow:
	///   - 429, and 5xx carrying a retry delay, for every request (the server
	///     did not act on it);
	///   - other 5xx and connection failures only for `retryable` requests
	///     (reads and requests the caller declared idempotent);
	///   - a failure to connect for every request (nothing was sent);
	///   - a 401 once, immediately, when a token file yields a new token.
	/// Each attempt takes a rate-limiter token. Thread-safe.
{
public:
	struct Request
	{
		std::string method;
		std::string path;
			/// Below the server's base path, e.g. "/api/v1/pods".
		std::vector<std::pair<std::string, std::string>> query;
		std::string body;
		std::string contentType;
		std::string verb;
			/// Kubernetes verb for the metrics hook and logs.
		std::string resource;
			/// Qualified resource for the metrics hook.
		bool retryable = false;
			/// May be replayed after it was (possibly) received by the server.
		bool watch = false;
			/// Long-running: uses `receiveTimeout`, never reuses its connection.
		Poco::Timespan receiveTimeout;
			/// For watches; zero = settings.requestTimeout.
		KubeClientCancelToken::Ptr cancel;
	};

	using BodyHandler = std::function<void(std::istream& body)>;

	KubeClientTransport(const ClusterConnection& connection, const KubeClientSettings& settings);
		/// Throws KubeConfigException if the connection settings are unusable.

	~KubeClientTransport();

	void execute(const Request& request, const BodyHandler& onSuccess);
		/// Runs `onSuccess` with the body stream of the first 2xx response.
		/// Throws an ApiException subclass for error responses, and
		/// TransportException (naming host:port and the cause) when no
		/// response could be obtained or the body broke off. Exceptions thrown
		/// by `onSuccess` propagate unchanged, without retry. Returns early,
		/// without calling `onSuccess` or throwing, if `request.cancel` is
		/// cancelled before a response arrives.

	const ClusterConnection& connection() const;
	const KubeClientSettings& settings() const;

private:
	enum class Outcome { Success, HttpError, TransportError, Cancelled };

	struct Attempt
	{
		Outcome outcome = Outcome::TransportError;
		bool sent = false;
		bool tlsFailure = false;
		bool unauthorizedWithToken = false;
		std::string usedToken;
		std::unique_ptr<ApiException> error;
		std::string transportError;
	};

	Attempt attempt(const Request& request, const BodyHandler& onSuccess);
	bool shouldRetry(const Request& request, const Attempt& attempt) const;
	void prepare(const Request& request, Poco::Net::HTTPRequest& httpRequest, Attempt& attempt);
	bool consume(const Request& request, std::istream& body, const Poco::Net::HTTPResponse& response,
		const BodyHandler& onSuccess);
		/// Runs the handler; returns whether the connection can be reused.
	void logWarnings(const Poco::Net::HTTPResponse& response) const;
	void observe(const Request& request, int code) const;
	std::string describe(const Request& request) const;

	ClusterConnection _connection;
	KubeClientSettings _settings;
	KubeClientClock::Ptr _clock;
	std::string _basePath;
	std::string _endpoint;
	std::string _userAgent;
	KubeClientTokenSource::Ptr _tokens;
	KubeClientSessionPool _pool;
	RateLimiter _rateLimiter;
	Backoff _backoff;
	Poco::Logger& _logger;
};

} } // namespace sbomop::kube

#endif // SBOMOP_Kube_KubeClientTransport_INCLUDED
