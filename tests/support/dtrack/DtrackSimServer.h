//
// DtrackSimServer.h
//
// dtrack-sim: a test double of Dependency-Track's REST API. It follows the
// behaviour of Dependency-Track 4.14.3 (the v4.12-4.14 API: BOM upload by
// PUT/base64 and POST/multipart with autoCreate, projectTags, parent and
// isLatest, processing tokens, project lookup/list/tag/CRUD with DT's
// messages and status codes); differences of 5.0.x are noted where they
// matter. Only CycloneDX 1.2-1.6 JSON and 1.0-1.6 XML are accepted, as in
// 4.14.3. Serves HTTP or HTTPS (optionally mutual TLS) on 127.0.0.1, keeps everything in memory,
// can inject faults and mirrors its state into a directory. Runs in-process
// (tests seed and inspect it directly) or as the `dtrack-sim` executable.
//

#ifndef SBOMOP_DtrackSim_DtrackSimServer_INCLUDED
#define SBOMOP_DtrackSim_DtrackSimServer_INCLUDED

#include "dtrack/ApiKeyRegistry.h"
#include "dtrack/BomUpload.h"
#include "dtrack/FaultInjector.h"
#include "dtrack/PermissionSet.h"
#include "dtrack/Project.h"
#include "dtrack/ProjectStore.h"
#include "dtrack/RequestLog.h"
#include "dtrack/ServerContext.h"
#include "dtrack/StateWriter.h"
#include <Poco/JSON/Object.h>
#include <Poco/Net/HTTPServer.h>
#include <Poco/ThreadPool.h>
#include <Poco/Timespan.h>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace sbomop {
namespace dtracksim {

class DtrackSimServer
	/// start()/stop() are not reentrant; everything else is thread-safe.
	/// Binds to 127.0.0.1 only.
{
public:
	static const std::string DEFAULT_API_KEY;
		///< The key Options uses by default (all permissions).

	struct Options
	{
		Poco::UInt16 port = 0;                          ///< 0 picks a free port
		std::string apiKey = DEFAULT_API_KEY;           ///< "" = no initial key (add them with addApiKey)
		PermissionSet permissions = PermissionSet::all();  ///< of apiKey
		bool tls = false;                               ///< HTTPS with certFile/keyFile (PEM)
		std::string certFile;
		std::string keyFile;
		std::string clientCaFile;                       ///< with tls: require client certificates issued by these CAs (mutual TLS; "" = none)
		std::string stateDir;                           ///< mirror the state here ("" = off)
		Poco::Timespan processingDelay;                 ///< BOM processing time (0 = at once)
		std::string version = "4.14.3";                 ///< reported by /api/version
		int maxThreads = 16;
	};

	DtrackSimServer();
		/// Default options: plain HTTP, DEFAULT_API_KEY, a free port.

	explicit DtrackSimServer(const Options& options);

	~DtrackSimServer();
		/// Stops the server when still running.

	void start();
		/// Binds and starts serving. Throws Poco::Net::NetException when the
		/// port is taken, Poco::Net::SSLException or Poco::FileException for
		/// unusable TLS files, Poco::FileException for an unusable stateDir,
		/// Poco::InvalidArgumentException for TLS without both files.

	void stop();
		/// Closes all connections and waits for request threads to finish.

	bool running() const;

	std::string url() const;
		/// "http(s)://127.0.0.1:<port>" (no trailing slash, no /api).

	Poco::UInt16 port() const;

	void addApiKey(const std::string& key, const PermissionSet& permissions);
		/// Another key, e.g. one without PORTFOLIO_MANAGEMENT to test 403s.

	ProjectStore& store();
		/// Seed projects directly (store().create(...)) or read them.

	FaultInjector& faults();
	RequestLog& requests();

	std::vector<Project> projects() const;
		/// Every project in creation order.

	std::optional<Project> project(const std::string& name, const std::optional<std::string>& version) const;
	std::optional<Project> projectByUuid(const std::string& uuid) const;

	std::vector<BomUpload> uploads() const;
		/// Every accepted upload with its component count, oldest first.

	std::optional<BomUpload> lastBom(const std::string& projectUuid) const;
		/// The newest BOM uploaded to a project (document included).

	void setProcessingDelay(const Poco::Timespan& delay);
		/// For uploads made afterwards.

	Poco::JSON::Object::Ptr state() const;
		/// The StateDump also served at GET /_sim/projects.

private:
	DtrackSimServer(const DtrackSimServer&) = delete;
	DtrackSimServer& operator = (const DtrackSimServer&) = delete;

	void writeState();

	Options _options;
	ProjectStore _store;
	ApiKeyRegistry _keys;
	FaultInjector _faults;
	RequestLog _log;
	ServerContext _context;
	std::unique_ptr<StateWriter> _stateWriter;
	std::unique_ptr<Poco::ThreadPool> _threadPool;
	std::unique_ptr<Poco::Net::HTTPServer> _server;
	Poco::UInt16 _port;
	bool _running;
	bool _sslInitialized;
};

} } // namespace sbomop::dtracksim

#endif // SBOMOP_DtrackSim_DtrackSimServer_INCLUDED
