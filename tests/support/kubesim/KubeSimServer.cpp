//
// KubeSimServer.cpp
//

#include "kubesim/KubeSimServer.h"
#include "kubesim/Base64.h"
#include "kubesim/Discovery.h"
#include "kubesim/Json.h"
#include "kubesim/RequestHandlerFactory.h"
#include <Poco/FileStream.h>
#include <Poco/JSON/Array.h>
#include <Poco/Net/HTTPServerParams.h>
#include <Poco/Net/NetSSL.h>
#include <Poco/Net/SecureServerSocket.h>
#include <Poco/Net/ServerSocket.h>
#include <Poco/Net/SocketAddress.h>
#include <Poco/Net/StreamSocket.h>
#include <Poco/StreamCopier.h>
#include <chrono>
#include <fstream>
#include <thread>
#include <sys/stat.h>

using Poco::JSON::Array;
using Poco::JSON::Object;

namespace sbomop {
namespace kubesim {

KubeSimServer::KubeSimServer():
	KubeSimServer(Options())
{
}

KubeSimServer::KubeSimServer(const Options& options):
	_options(options),
	_store(options.historyLimit),
	_registry(_store),
	_collector(_registry),
	_rbac(_store),
	_stopping(false),
	_watches(_store, _faults, _stopping),
	_port(0),
	_adminPort(0),
	_running(false),
	_sslInitialized(false)
{
	if (options.manifestTypes || options.rbac) ResourceCatalog::serveManifestTypes();
	_registry.setObserver(&_collector);
	if (options.jobs.enabled)
	{
		_jobController.reset(new JobController(_registry, _logs, options.jobs));
		_registry.addObserver(_jobController.get());
	}
	_registry.lister().setContinueTokenTtl(options.continueTokenTtl);
	_registry.lister().setFreshnessWait(options.freshnessWait);
	_collector.setDelay(options.gcDelay);
	_watches.setBookmarkInterval(options.bookmarkInterval);
	_context.registry = &_registry;
	_context.watches = &_watches;
	_context.faults = &_faults;
	_context.stats = &_stats;
	_context.collector = &_collector;
	_context.openApi = &_openApi;
	_context.logs = &_logs;
	_context.serviceAccounts = &_serviceAccounts;
	_context.rbac = options.rbac ? &_rbac : nullptr;
	_context.stopping = &_stopping;
	_context.token = options.token;
	_context.serverVersion = options.serverVersion;
}

KubeSimServer::~KubeSimServer()
{
	try
	{
		stop();
	}
	catch (...)
	{
	}
	_registry.setObserver(nullptr);
}

namespace
{
	// Poco's address constructors also set SO_REUSEPORT, which would let a
	// second server share a port; bind without it so a taken port fails.
	void listen(Poco::Net::ServerSocket& socket, const Poco::Net::SocketAddress& address)
	{
		socket.bind(address, true, false);
		socket.listen(128);
	}
}

void KubeSimServer::start()
{
	if (_running) return;
	Discovery::version(_options.serverVersion);   // reject a malformed version before binding
	if (!_options.openApiDir.empty() && _openApi.empty())
	{
		_openApi.load(_options.openApiDir);
		_schema.load(_openApi);
		_registry.setSchemaValidator(&_schema);
	}
	for (const auto& name: _options.namespaces)
	{
		if (_store.get(ResourceCatalog::get("namespaces"), "", name)) continue;
		Object::Ptr ns = new Object;
		ns->set("apiVersion", "v1");
		ns->set("kind", "Namespace");
		Json::metadata(ns)->set("name", name);
		_registry.seed(ns);
	}

	_stopping = false;
	const Poco::Net::SocketAddress address("127.0.0.1", _options.port);
	std::unique_ptr<Poco::Net::ServerSocket> socket;
	if (_options.tls)
	{
		if (!_sslInitialized)
		{
			Poco::Net::initializeSSL();
			_sslInitialized = true;
		}
		if (_tls.caCertificatePem().empty()) _tls = TlsIdentity::generate();
		socket.reset(new Poco::Net::SecureServerSocket(_tls.serverContext()));
	}
	else socket.reset(new Poco::Net::ServerSocket);
	listen(*socket, address);
	_port = socket->address().port();
	_context.serverAddress = "127.0.0.1:" + std::to_string(_port);

	// Bind everything before serving anything, so a taken port leaves nothing running.
	std::unique_ptr<Poco::Net::ServerSocket> adminSocket;
	if (_options.adminPort >= 0)
	{
		adminSocket.reset(new Poco::Net::ServerSocket);
		listen(*adminSocket, Poco::Net::SocketAddress("127.0.0.1", static_cast<Poco::UInt16>(_options.adminPort)));
		_adminPort = adminSocket->address().port();
	}

	Poco::Net::HTTPServerParams::Ptr params = new Poco::Net::HTTPServerParams;
	params->setMaxThreads(_options.maxThreads);
	params->setMaxQueued(256);
	params->setKeepAlive(true);
	params->setKeepAliveTimeout(Poco::Timespan(30, 0));
	params->setTimeout(Poco::Timespan(60, 0));
	_threadPool.reset(new Poco::ThreadPool(2, _options.maxThreads + 8, 60));
	_server.reset(new Poco::Net::HTTPServer(new RequestHandlerFactory(_context, false), *_threadPool, *socket, params));
	_server->start();
	if (adminSocket)
	{
		Poco::Net::HTTPServerParams::Ptr adminParams = new Poco::Net::HTTPServerParams;
		adminParams->setMaxThreads(4);
		_adminServer.reset(new Poco::Net::HTTPServer(new RequestHandlerFactory(_context, true), *_threadPool, *adminSocket, adminParams));
		_adminServer->start();
	}
	_collector.start();
	if (_jobController) _jobController->start();
	_running = true;
}

void KubeSimServer::stop()
{
	if (!_running) return;
	_running = false;
	_stopping = true;
	_store.wakeAll();
	// Poco's acceptor only notices a stop when its 250 ms poll returns; knocking
	// on the listening sockets makes stopping (once per test) immediate.
	std::atomic<bool> stopped(false);
	std::thread stopper([this, &stopped]
	{
		if (_adminServer) _adminServer->stopAll(true);
		_server->stopAll(true);
		stopped = true;
	});
	while (!stopped)
	{
		for (Poco::UInt16 port: {_port, _adminPort})
		{
			if (port == 0) continue;
			try
			{
				Poco::Net::StreamSocket knock;
				knock.connect(Poco::Net::SocketAddress("127.0.0.1", port), Poco::Timespan(50 * Poco::Timespan::MILLISECONDS));
			}
			catch (Poco::Exception&)
			{
				// Already closed: nothing left to wake.
			}
		}
		std::this_thread::sleep_for(std::chrono::milliseconds(5));
	}
	stopper.join();
	_threadPool->joinAll();
	if (_jobController) _jobController->stop();
	_collector.stop();
	_adminServer.reset();
	_server.reset();
	_threadPool.reset();
	if (_sslInitialized)
	{
		Poco::Net::uninitializeSSL();
		_sslInitialized = false;
	}
}

bool KubeSimServer::running() const
{
	return _running;
}

std::string KubeSimServer::url() const
{
	return std::string(_options.tls ? "https" : "http") + "://127.0.0.1:" + std::to_string(_port);
}

Poco::UInt16 KubeSimServer::port() const
{
	return _port;
}

Poco::UInt16 KubeSimServer::adminPort() const
{
	return _adminPort;
}

std::string KubeSimServer::adminUrl() const
{
	return _adminPort == 0 ? std::string() : "http://127.0.0.1:" + std::to_string(_adminPort);
}

const std::string& KubeSimServer::token() const
{
	return _options.token;
}

const std::string& KubeSimServer::caPem() const
{
	return _tls.caCertificatePem();
}

Poco::Net::Context::Ptr KubeSimServer::clientContext() const
{
	if (!_options.tls) return nullptr;
	return _tls.clientContext();
}

ResourceRegistry& KubeSimServer::registry()
{
	return _registry;
}

ObjectStore& KubeSimServer::store()
{
	return _store;
}

FaultInjector& KubeSimServer::faults()
{
	return _faults;
}

RequestStats& KubeSimServer::stats()
{
	return _stats;
}

GarbageCollector& KubeSimServer::garbageCollector()
{
	return _collector;
}

WatchStreamer& KubeSimServer::watches()
{
	return _watches;
}

PodLogs& KubeSimServer::podLogs()
{
	return _logs;
}

JobController* KubeSimServer::jobController()
{
	return _jobController.get();
}

std::string KubeSimServer::podLog(const std::string& ns, const std::string& pod) const
{
	std::string log;
	_logs.get(ns, pod, log);
	return log;
}

void KubeSimServer::seed(const Object::Ptr& listOrObject)
{
	_registry.seedList(listOrObject);
}

void KubeSimServer::seedFile(const std::string& path)
{
	Poco::FileInputStream in(path);
	std::string text;
	Poco::StreamCopier::copyToString(in, text);
	seed(Json::parseObject(text));
}

std::string KubeSimServer::kubeconfig(const std::string& ns) const
{
	return kubeconfigWithToken(_options.token, ns);
}

std::string KubeSimServer::serviceAccountToken(const std::string& ns, const std::string& name)
{
	return _serviceAccounts.mint(ns, name);
}

std::string KubeSimServer::serviceAccountKubeconfig(const std::string& ns, const std::string& name)
{
	return kubeconfigWithToken(serviceAccountToken(ns, name), ns);
}

void KubeSimServer::writeServiceAccountKubeconfig(const std::string& path, const std::string& ns, const std::string& name)
{
	writePrivateFile(path, serviceAccountKubeconfig(ns, name));
}

std::string KubeSimServer::kubeconfigWithToken(const std::string& token, const std::string& ns) const
{
	Object::Ptr cluster = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
	cluster->set("server", url());
	if (_options.tls) cluster->set("certificate-authority-data", Base64::encode(_tls.caCertificatePem()));
	Object::Ptr clusterEntry = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
	clusterEntry->set("name", "kube-sim");
	clusterEntry->set("cluster", cluster);

	Object::Ptr user = new Object;
	if (!token.empty()) user->set("token", token);
	Object::Ptr userEntry = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
	userEntry->set("name", "kube-sim");
	userEntry->set("user", user);

	Object::Ptr context = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
	context->set("cluster", "kube-sim");
	context->set("user", "kube-sim");
	context->set("namespace", ns);
	Object::Ptr contextEntry = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
	contextEntry->set("name", "kube-sim");
	contextEntry->set("context", context);

	auto list = [](const Object::Ptr& entry)
	{
		Array::Ptr array = new Array;
		array->add(entry);
		return array;
	};
	Object::Ptr config = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
	config->set("apiVersion", "v1");
	config->set("kind", "Config");
	config->set("clusters", list(clusterEntry));
	config->set("users", list(userEntry));
	config->set("contexts", list(contextEntry));
	config->set("current-context", "kube-sim");
	return Json::stringify(config);
}

void KubeSimServer::writeKubeconfig(const std::string& path, const std::string& ns) const
{
	writePrivateFile(path, kubeconfig(ns));
}

void KubeSimServer::writePrivateFile(const std::string& path, const std::string& content)
{
	{
		// Create the file private before the token is written into it.
		std::ofstream create(path, std::ios::trunc);
	}
	::chmod(path.c_str(), S_IRUSR | S_IWUSR);
	Poco::FileOutputStream out(path, std::ios::out | std::ios::trunc);
	out << content << '\n';
	out.close();
}

void KubeSimServer::writeCa(const std::string& path) const
{
	if (!_options.tls) throw Poco::IllegalStateException("kube-sim runs without TLS; there is no CA");
	Poco::FileOutputStream out(path, std::ios::out | std::ios::trunc);
	out << _tls.caCertificatePem();
	out.close();
}

} } // namespace sbomop::kubesim
