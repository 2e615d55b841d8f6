//
// KubeSimServer.h
//
// kube-sim: a simulated Kubernetes API server for tests. Serves Namespaces,
// Pods (+status, +log), Secrets, ConfigMaps, batch/v1 Jobs (+status) and
// coordination.k8s.io/v1 Leases over HTTP or HTTPS (with a CA it generates),
// with the real server's semantics for what the operator and kubectl use,
// a garbage collector, optionally a Job controller with a kubelet that runs
// job images in a bubblewrap sandbox, OpenAPI field validation, fault
// injection and request statistics. Runs in-process (tests seed and inspect
// the store directly) or as the `kube-sim` executable.
//

#ifndef SBOMOP_KubeSim_KubeSimServer_INCLUDED
#define SBOMOP_KubeSim_KubeSimServer_INCLUDED

#include "kubesim/FaultInjector.h"
#include "kubesim/GarbageCollector.h"
#include "kubesim/JobController.h"
#include "kubesim/JobOptions.h"
#include "kubesim/ObjectStore.h"
#include "kubesim/OpenApiDocuments.h"
#include "kubesim/PodLogs.h"
#include "kubesim/RbacAuthorizer.h"
#include "kubesim/RequestStats.h"
#include "kubesim/ResourceRegistry.h"
#include "kubesim/SchemaValidator.h"
#include "kubesim/ServiceAccountTokens.h"
#include "kubesim/ServerContext.h"
#include "kubesim/TlsIdentity.h"
#include "kubesim/WatchStreamer.h"
#include <Poco/JSON/Object.h>
#include <Poco/Net/Context.h>
#include <Poco/Net/HTTPServer.h>
#include <Poco/ThreadPool.h>
#include <Poco/Timespan.h>
#include <atomic>
#include <memory>
#include <string>
#include <vector>

namespace sbomop {
namespace kubesim {

class KubeSimServer
	/// start()/stop() are not reentrant; everything else is thread-safe.
	/// Servers bind to 127.0.0.1 only.
{
public:
	struct Options
	{
		Poco::UInt16 port = 0;              ///< 0 picks a free port
		std::string token;                  ///< required bearer token ("" = none required)
		bool tls = false;                   ///< HTTPS with a generated CA
		int adminPort = -1;                 ///< -1 = no admin port, 0 = a free one (plain HTTP, no token)
		std::string openApiDir;
			///< serve /openapi/v3 from here and validate writes against its
			///< schemas (fieldValidation); "" = neither
		std::size_t historyLimit = 10000;   ///< watch events kept per resource type
		Poco::Timespan continueTokenTtl = Poco::Timespan(5 * Poco::Timespan::MINUTES);
		Poco::Timespan bookmarkInterval = Poco::Timespan(60 * Poco::Timespan::SECONDS);
		Poco::Timespan gcDelay = Poco::Timespan(100 * Poco::Timespan::MILLISECONDS);
		Poco::Timespan freshnessWait = Poco::Timespan(3 * Poco::Timespan::SECONDS);
		int maxThreads = 128;               ///< concurrent requests, watches included
		std::string serverVersion = "1.28.7";
			///< reported by /version; kubectl's dispatcher picks its client version by it
		std::vector<std::string> namespaces = {"default", "kube-node-lease", "kube-public", "kube-system"};
			///< namespaces that exist from the start
		JobOptions jobs;
			///< the Job controller and kubelet (off unless jobs.enabled)
		bool manifestTypes = false;
			///< also serve ServiceAccounts, Deployments and the rbac types
			///< (ResourceCatalog::serveManifestTypes(): process-wide, irreversible)
		bool rbac = false;
			///< enforce the stored Roles/ClusterRoles for service-account tokens
			///< (the admin token stays all-powerful; implies manifestTypes);
			///< without it every minted token may do everything
	};

	KubeSimServer();
		/// Default options: plain HTTP, no token, a free port.

	explicit KubeSimServer(const Options& options);

	~KubeSimServer();
		/// Stops the server when still running.

	void start();
		/// Creates the initial namespaces, loads the OpenAPI documents, binds
		/// and starts serving. Throws Poco::Net::NetException when the port is
		/// taken, Poco::FileException for an unreadable openApiDir.

	void stop();
		/// Ends every watch, closes all connections and waits for request
		/// threads, the Job controller (every container is stopped) and the
		/// garbage collector to finish.

	bool running() const;
		/// True between start() and stop().

	std::string url() const;
		/// "http(s)://127.0.0.1:<port>".
	Poco::UInt16 port() const;
		/// The bound API port (valid after start()).
	Poco::UInt16 adminPort() const;
		/// 0 when there is no admin port.
	std::string adminUrl() const;
		/// "http://127.0.0.1:<admin port>", or "" without an admin port.

	const std::string& token() const;
		/// The bearer token clients must send ("" = none).

	const std::string& caPem() const;
		/// The CA certificate (PEM) when TLS is on, else "".

	Poco::Net::Context::Ptr clientContext() const;
		/// A TLS client context trusting the CA (null without TLS).

	ResourceRegistry& registry();
	ObjectStore& store();
	FaultInjector& faults();
	RequestStats& stats();
	GarbageCollector& garbageCollector();
	WatchStreamer& watches();
	PodLogs& podLogs();
		/// The parts behind the API, for seeding, assertions and fault control
		/// in tests. They stay valid for the lifetime of the server object.

	JobController* jobController();
		/// The Job controller, or null when options.jobs.enabled is false.

	std::string podLog(const std::string& ns, const std::string& pod) const;
		/// The output of the pod's container so far ("" when none).

	void seed(const Poco::JSON::Object::Ptr& listOrObject);
		/// Stores fixtures (see ResourceRegistry::seedList).

	void seedFile(const std::string& path);
		/// seed() from a JSON file. Throws Poco::FileException or
		/// Poco::JSON::JSONException.

	std::string kubeconfig(const std::string& ns = "default") const;
		/// A kubeconfig in JSON form: server URL, CA data (TLS), token and a
		/// context with namespace `ns`.

	void writeKubeconfig(const std::string& path, const std::string& ns = "default") const;
		/// Writes kubeconfig() with mode 0600 (it contains the token).

	std::string serviceAccountToken(const std::string& ns, const std::string& name);
		/// Mints a bearer token for `system:serviceaccount:<ns>:<name>` (the
		/// ServiceAccount object need not exist, as with a projected token of
		/// a deleted account that has not expired yet).

	std::string serviceAccountKubeconfig(const std::string& ns, const std::string& name);
		/// kubeconfig() with a freshly minted token of that service account
		/// and context namespace `ns`.

	void writeServiceAccountKubeconfig(const std::string& path, const std::string& ns, const std::string& name);
		/// Writes serviceAccountKubeconfig() with mode 0600.

	void writeCa(const std::string& path) const;
		/// Writes the CA certificate PEM. Throws Poco::IllegalStateException without TLS.

private:
	KubeSimServer(const KubeSimServer&) = delete;
	std::string kubeconfigWithToken(const std::string& token, const std::string& ns) const;
	static void writePrivateFile(const std::string& path, const std::string& content);

	KubeSimServer& operator = (const KubeSimServer&) = delete;

	Options _options;
	ObjectStore _store;
	ResourceRegistry _registry;
	GarbageCollector _collector;
	FaultInjector _faults;
	RequestStats _stats;
	OpenApiDocuments _openApi;
	SchemaValidator _schema;
	PodLogs _logs;
	ServiceAccountTokens _serviceAccounts;
	RbacAuthorizer _rbac;
	std::unique_ptr<JobController> _jobController;
	std::atomic<bool> _stopping;
	WatchStreamer _watches;
	ServerContext _context;
	TlsIdentity _tls;
	std::unique_ptr<Poco::ThreadPool> _threadPool;
	std::unique_ptr<Poco::Net::HTTPServer> _server;
	std::unique_ptr<Poco::Net::HTTPServer> _adminServer;
	Poco::UInt16 _port;
	Poco::UInt16 _adminPort;
	bool _running;
	bool _sslInitialized;
};

} } // namespace sbomop::kubesim

#endif // SBOMOP_KubeSim_KubeSimServer_INCLUDED
