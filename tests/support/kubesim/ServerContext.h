//
// ServerContext.h
//
// What the request handlers of one kube-sim instance share. Owned by
// KubeSimServer; handlers only hold references.
//

#ifndef SBOMOP_KubeSim_ServerContext_INCLUDED
#define SBOMOP_KubeSim_ServerContext_INCLUDED

#include <atomic>
#include <string>

namespace sbomop {
namespace kubesim {

class FaultInjector;
class GarbageCollector;
class OpenApiDocuments;
class PodLogs;
class RbacAuthorizer;
class RequestStats;
class ResourceRegistry;
class ServiceAccountTokens;
class WatchStreamer;

struct ServerContext
	/// Set up completely before the HTTP servers start; read-only afterwards.
{
	ResourceRegistry* registry = nullptr;
	WatchStreamer* watches = nullptr;
	FaultInjector* faults = nullptr;
	RequestStats* stats = nullptr;
	GarbageCollector* collector = nullptr;
	const OpenApiDocuments* openApi = nullptr;
	PodLogs* logs = nullptr;
	const ServiceAccountTokens* serviceAccounts = nullptr;   ///< tokens minted for service accounts
	const RbacAuthorizer* rbac = nullptr;   ///< enforces RBAC for service accounts (null: no enforcement)
	const std::atomic<bool>* stopping = nullptr;   ///< set while the server stops (ends log streams)
	std::string token;            ///< required bearer token ("" = no authentication)
	std::string serverAddress;    ///< "127.0.0.1:<port>" for discovery
	std::string serverVersion;    ///< "major.minor.patch" for /version
};

} } // namespace sbomop::kubesim

#endif // SBOMOP_KubeSim_ServerContext_INCLUDED
