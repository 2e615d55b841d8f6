//
// HealthServer.cpp
//

#include "sbomop/http/HealthServer.h"
#include "sbomop/http/MetricsRegistry.h"
#include "HealthRequestHandlerFactory.h"
#include <Poco/Exception.h>
#include <Poco/Logger.h>
#include <Poco/Net/HTTPServer.h>
#include <Poco/Net/HTTPServerParams.h>
#include <Poco/Net/SocketAddress.h>
#include <Poco/ThreadPool.h>

namespace sbomop {
namespace http {

namespace {

const std::string STARTING("starting");
const std::string NOT_READY("not ready");
const int MAX_QUEUED_CONNECTIONS = 16;
const int LISTEN_BACKLOG = 64;
const Poco::Timespan REQUEST_TIMEOUT(5, 0);


Poco::Logger& logger()
{
	return Poco::Logger::get("sbomop.http.server");
}


CounterFamily& requestsFamily(MetricsRegistry& registry)
{
	return registry.counter("sbomop_http_requests_total",
		"HTTP requests answered by the health and metrics server, by path and status code.", {"path", "code"});
}

} // namespace


const Poco::UInt16 HealthServer::DEFAULT_PORT;


HealthServer::HealthServer(MetricsRegistry& registry, const std::string& address, Poco::UInt16 port, int threads):
	_registry(registry),
	_address(address),
	_port(port),
	_threads(threads < 1 ? 1 : threads),
	_notReadyReason(STARTING)
{
	requestsFamily(_registry);
}


HealthServer::~HealthServer()
{
	try
	{
		stop();
	}
	catch (...)
	{
		poco_unexpected();
	}
}


void HealthServer::start()
{
	if (_pServer) throw Poco::IllegalStateException("health server is already running");

	// Not the ServerSocket(address) constructor: it sets SO_REUSEPORT, and a
	// second process could then silently share the port instead of failing.
	Poco::Net::ServerSocket socket;
	socket.bind(Poco::Net::SocketAddress(_address, _port), true, false);
	socket.listen(LISTEN_BACKLOG);
	Poco::Net::HTTPServerParams::Ptr pParams = new Poco::Net::HTTPServerParams;
	pParams->setMaxThreads(_threads);
	pParams->setMaxQueued(MAX_QUEUED_CONNECTIONS);
	pParams->setTimeout(REQUEST_TIMEOUT);
	// Without keep-alive a connection ends with its response, so idle
	// clients cannot occupy the small pool.
	pParams->setKeepAlive(false);

	auto pThreads = std::make_unique<Poco::ThreadPool>("HealthServer", _threads, _threads);
	auto pServer = std::make_unique<Poco::Net::HTTPServer>(
		new HealthRequestHandlerFactory(*this, _registry, requestsFamily(_registry)), *pThreads, socket, pParams);
	pServer->start();

	_socket = socket;
	_pThreads = std::move(pThreads);
	_pServer = std::move(pServer);
	logger().information("health server listening on " + _socket.address().toString());
}


void HealthServer::stop()
{
	if (!_pServer) return;

	// Aborting shuts down the sockets of requests in progress; the pool then
	// drains quickly. The HTTP server must go before the pool it uses.
	_pServer->stopAll(true);
	_pServer.reset();
	_pThreads->joinAll();
	_pThreads.reset();
	_socket.close();
	logger().information("health server stopped");
}


bool HealthServer::isRunning() const
{
	return _pServer != nullptr;
}


Poco::UInt16 HealthServer::port() const
{
	return _pServer ? _socket.address().port() : _port;
}


void HealthServer::setReady(bool ready)
{
	Poco::FastMutex::ScopedLock lock(_readinessMutex);
	_notReadyReason = ready ? std::string() : NOT_READY;
}


void HealthServer::setNotReady(const std::string& reason)
{
	Poco::FastMutex::ScopedLock lock(_readinessMutex);
	_notReadyReason = reason.empty() ? NOT_READY : reason;
}


bool HealthServer::isReady() const
{
	Poco::FastMutex::ScopedLock lock(_readinessMutex);
	return _notReadyReason.empty();
}


std::string HealthServer::notReadyReason() const
{
	Poco::FastMutex::ScopedLock lock(_readinessMutex);
	return _notReadyReason;
}


} } // namespace sbomop::http
