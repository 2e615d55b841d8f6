//
// AdminRequestHandler.h
//
// The `/_sim` control API of kube-sim, on the admin port (no token) or under
// the API port (same bearer token as the API):
//   GET|DELETE /_sim/stats            request counters / reset them
//   GET|POST|DELETE /_sim/faults      show / add (FaultInjector::configure JSON) / clear faults
//   POST /_sim/compact                drop the event history (old RVs and continue tokens expire)
//   POST /_sim/seed                   seed a List (or one object) as `kubectl get -o json` prints it
//   POST /_sim/gc/wait                wait until the garbage collector is idle (?timeoutSeconds=N)
//

#ifndef SBOMOP_KubeSim_AdminRequestHandler_INCLUDED
#define SBOMOP_KubeSim_AdminRequestHandler_INCLUDED

#include "kubesim/ServerContext.h"
#include <Poco/Net/HTTPRequestHandler.h>

namespace sbomop {
namespace kubesim {

class AdminRequestHandler: public Poco::Net::HTTPRequestHandler
	/// One instance per request.
{
public:
	explicit AdminRequestHandler(const ServerContext& context);

	void handleRequest(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response) override;

private:
	const ServerContext& _context;
};

} } // namespace sbomop::kubesim

#endif // SBOMOP_KubeSim_AdminRequestHandler_INCLUDED
