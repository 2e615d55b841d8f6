//
// HealthServer.h
//
// The HTTP endpoint for Kubernetes probes and Prometheus scrapes.
//

#ifndef SBOMOP_Http_HealthServer_INCLUDED
#define SBOMOP_Http_HealthServer_INCLUDED

#include "sbomop/Sbomop.h"
#include <Poco/Mutex.h>
#include <Poco/Net/ServerSocket.h>
#include <Poco/Types.h>
#include <memory>
#include <string>

namespace Poco {
class ThreadPool;
namespace Net {
class HTTPServer;
} }

namespace sbomop {
namespace http {

class MetricsRegistry;

class SBOMOP_API HealthServer
	/// Serves, on one address and port:
	///
	///   * `GET /health`  -> 200 "Running!" (the liveness probe of the
	///     predecessor operator, kept for existing manifests)
	///   * `GET /readyz`  -> 200 "ok" once setReady(true), otherwise 503 with
	///     the reason given to setNotReady() ("starting" at first)
	///   * `GET /metrics` -> 200, the registry in the Prometheus text format
	///   * any other path -> 404; any method but GET and HEAD -> 405
	///
	/// and counts its own responses in `sbomop_http_requests_total{path,code}`
	/// (path is one of the three above or "other"). Connections are not kept
	/// alive, so idle clients never hold one of the few worker threads.
	///
	/// start() and stop() must not be called concurrently with each other;
	/// the readiness functions are thread-safe and may be called at any time,
	/// also while the server is stopped.
{
public:
	static const Poco::UInt16 DEFAULT_PORT = 8080;
		/// The port of the predecessor's /health endpoint.

	explicit HealthServer(MetricsRegistry& registry, const std::string& address = "0.0.0.0",
		Poco::UInt16 port = DEFAULT_PORT, int threads = 2);
		/// Creates a stopped server for registry, which must outlive it.
		/// Port 0 picks a free port at each start(). threads is the number
		/// of requests served concurrently (at least 1). Registers
		/// sbomop_http_requests_total in registry.

	~HealthServer();
		/// Stops the server if it is running.

	HealthServer(const HealthServer&) = delete;
	HealthServer& operator = (const HealthServer&) = delete;

	void start();
		/// Binds the socket and starts serving. Throws
		/// Poco::IllegalStateException if already running and
		/// Poco::Net::NetException (or a subclass) if the address cannot be
		/// bound.

	void stop();
		/// Stops serving: aborts requests in progress, waits for the worker
		/// threads and closes the socket. Returns within a fraction of a
		/// second. Does nothing if the server is not running. The server can
		/// be started again afterwards.

	bool isRunning() const;
		/// Returns true between start() and stop().

	Poco::UInt16 port() const;
		/// Returns the port the server is bound to while running (the chosen
		/// one when configured with port 0), otherwise the configured port.

	void setReady(bool ready);
		/// Sets whether /readyz answers 200. setReady(false) uses the reason
		/// "not ready".

	void setNotReady(const std::string& reason);
		/// Makes /readyz answer 503 with reason as body ("not ready" if
		/// empty). Keep it short and free of secrets: it is served
		/// unauthenticated.

	bool isReady() const;
		/// Returns true if /readyz currently answers 200.

	std::string notReadyReason() const;
		/// Returns the body /readyz answers with 503, or an empty string when
		/// ready.

private:
	MetricsRegistry& _registry;
	const std::string _address;
	const Poco::UInt16 _port;
	const int _threads;
	std::unique_ptr<Poco::ThreadPool> _pThreads;
	std::unique_ptr<Poco::Net::HTTPServer> _pServer;
	Poco::Net::ServerSocket _socket;
	std::string _notReadyReason;
	mutable Poco::FastMutex _readinessMutex;
};

} } // namespace sbomop::http

#endif // SBOMOP_Http_HealthServer_INCLUDED
