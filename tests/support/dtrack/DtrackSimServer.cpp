//
// DtrackSimServer.cpp
//

#include "dtrack/DtrackSimServer.h"
#include "dtrack/RequestHandlerFactory.h"
#include "dtrack/StateDump.h"
#include <Poco/Exception.h>
#include <Poco/Net/Context.h>
#include <Poco/Net/HTTPServerParams.h>
#include <Poco/Net/NetSSL.h>
#include <Poco/Net/SecureServerSocket.h>
#include <Poco/Net/ServerSocket.h>
#include <Poco/Net/SocketAddress.h>
#include <iostream>

namespace sbomop {
namespace dtracksim {

const std::string DtrackSimServer::DEFAULT_API_KEY = "odt_dtracksim0000000000000000000000";

DtrackSimServer::DtrackSimServer():
	DtrackSimServer(Options())
{
}

DtrackSimServer::DtrackSimServer(const Options& options):
	_options(options),
	_port(0),
	_running(false),
	_sslInitialized(false)
{
	if (!options.apiKey.empty()) _keys.add(options.apiKey, options.permissions);
	_store.setProcessingDelay(options.processingDelay);
	_context.store = &_store;
	_context.keys = &_keys;
	_context.faults = &_faults;
	_context.log = &_log;
	_context.version = options.version;
}

DtrackSimServer::~DtrackSimServer()
{
	try
	{
		stop();
	}
	catch (...)
	{
	}
	_store.setListener(ProjectStore::Listener());
}

void DtrackSimServer::start()
{
	if (_running) return;
	if (!_options.stateDir.empty() && !_stateWriter)
	{
		_stateWriter.reset(new StateWriter(_store, _options.stateDir));
		_store.setListener([this]() { writeState(); });
		writeState();
	}

	const Poco::Net::SocketAddress address("127.0.0.1", _options.port);
	std::unique_ptr<Poco::Net::ServerSocket> socket;
	if (_options.tls)
	{
		if (_options.certFile.empty() || _options.keyFile.empty())
			throw Poco::InvalidArgumentException("TLS needs a certificate and a key file");
		if (!_sslInitialized)
		{
			Poco::Net::initializeSSL();
			_sslInitialized = true;
		}
		// With a client CA the handshake fails for clients without a certificate it issued.
		const bool mutual = !_options.clientCaFile.empty();
		Poco::Net::Context::Ptr context = new Poco::Net::Context(Poco::Net::Context::TLS_SERVER_USE,
			_options.keyFile, _options.certFile, _options.clientCaFile,
			mutual ? Poco::Net::Context::VERIFY_STRICT : Poco::Net::Context::VERIFY_NONE);
		// Client certificates name a client, not the peer's host: no host name check.
		if (mutual) context->enableExtendedCertificateVerification(false);
		socket.reset(new Poco::Net::SecureServerSocket(address, 64, context));
	}
	else socket.reset(new Poco::Net::ServerSocket(address, 64));
	_port = socket->address().port();

	Poco::Net::HTTPServerParams::Ptr params = new Poco::Net::HTTPServerParams;
	params->setMaxThreads(_options.maxThreads);
	params->setMaxQueued(128);
	params->setKeepAlive(true);
	params->setKeepAliveTimeout(Poco::Timespan(10, 0));
	params->setTimeout(Poco::Timespan(60, 0));
	_threadPool.reset(new Poco::ThreadPool(2, _options.maxThreads + 4, 60));
	_server.reset(new Poco::Net::HTTPServer(new RequestHandlerFactory(_context), *_threadPool, *socket, params));
	_server->start();
	_running = true;
}

void DtrackSimServer::stop()
{
	if (!_running) return;
	_running = false;
	_server->stopAll(true);
	_threadPool->joinAll();
	_server.reset();
	_threadPool.reset();
	if (_sslInitialized)
	{
		Poco::Net::uninitializeSSL();
		_sslInitialized = false;
	}
}

bool DtrackSimServer::running() const
{
	return _running;
}

std::string DtrackSimServer::url() const
{
	return std::string(_options.tls ? "https" : "http") + "://127.0.0.1:" + std::to_string(_port);
}

Poco::UInt16 DtrackSimServer::port() const
{
	return _port;
}

void DtrackSimServer::addApiKey(const std::string& key, const PermissionSet& permissions)
{
	_keys.add(key, permissions);
}

ProjectStore& DtrackSimServer::store()
{
	return _store;
}

FaultInjector& DtrackSimServer::faults()
{
	return _faults;
}

RequestLog& DtrackSimServer::requests()
{
	return _log;
}

std::vector<Project> DtrackSimServer::projects() const
{
	return _store.projects();
}

std::optional<Project> DtrackSimServer::project(const std::string& name, const std::optional<std::string>& version) const
{
	return _store.find(name, version);
}

std::optional<Project> DtrackSimServer::projectByUuid(const std::string& uuid) const
{
	return _store.find(uuid);
}

std::vector<BomUpload> DtrackSimServer::uploads() const
{
	return _store.uploads();
}

std::optional<BomUpload> DtrackSimServer::lastBom(const std::string& projectUuid) const
{
	return _store.lastUpload(projectUuid);
}

void DtrackSimServer::setProcessingDelay(const Poco::Timespan& delay)
{
	_store.setProcessingDelay(delay);
}

Poco::JSON::Object::Ptr DtrackSimServer::state() const
{
	return StateDump::toJson(_store);
}

void DtrackSimServer::writeState()
{
	try
	{
		_stateWriter->write();
	}
	catch (Poco::Exception& e)
	{
		// A full disk must not fail the API request that changed the state.
		std::cerr << "dtrack-sim: cannot write state: " << e.displayText() << std::endl;
	}
}

} } // namespace sbomop::dtracksim
