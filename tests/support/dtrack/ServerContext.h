//
// ServerContext.h
//
// What the request handlers of one dtrack-sim instance share. Owned by
// DtrackSimServer; handlers only hold references.
//

#ifndef SBOMOP_DtrackSim_ServerContext_INCLUDED
#define SBOMOP_DtrackSim_ServerContext_INCLUDED

#include <string>

namespace sbomop {
namespace dtracksim {

class ApiKeyRegistry;
class FaultInjector;
class ProjectStore;
class RequestLog;

struct ServerContext
	/// Set up completely before the HTTP server starts; read-only afterwards.
{
	ProjectStore* store = nullptr;
	ApiKeyRegistry* keys = nullptr;
	FaultInjector* faults = nullptr;
	RequestLog* log = nullptr;
	std::string version;   ///< the Dependency-Track version reported by /api/version
};

} } // namespace sbomop::dtracksim

#endif // SBOMOP_DtrackSim_ServerContext_INCLUDED
