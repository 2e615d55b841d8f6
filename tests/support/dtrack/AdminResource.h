//
// AdminResource.h
//
// The endpoints of dtrack-sim itself, below /_sim (not part of
// Dependency-Track's API; never subject to injected faults, not recorded in
// the request log). Guarded: they need a valid API key, any permissions.
//   GET    /_sim/projects   StateDump of the portfolio
//   GET    /_sim/requests   the request log
//   GET    /_sim/faults     current faults and processing delay
//   POST   /_sim/faults     FaultInjector::configure() body, plus "processingDelayMs"
//   DELETE /_sim/faults     clears every fault
//

#ifndef SBOMOP_DtrackSim_AdminResource_INCLUDED
#define SBOMOP_DtrackSim_AdminResource_INCLUDED

#include "dtrack/Reply.h"
#include "dtrack/RequestTarget.h"
#include "dtrack/ServerContext.h"
#include <Poco/Net/HTTPServerRequest.h>

namespace sbomop {
namespace dtracksim {

class AdminResource
	/// Cheap to create per request; the context must outlive it.
{
public:
	explicit AdminResource(const ServerContext& context);

	Reply handle(const std::string& method, const RequestTarget& target, Poco::Net::HTTPServerRequest& request);
		/// 401 without a valid key, 404/405 for unknown paths/methods, 400
		/// for a malformed fault configuration.

private:
	Reply faults() const;

	const ServerContext& _context;
};

} } // namespace sbomop::dtracksim

#endif // SBOMOP_DtrackSim_AdminResource_INCLUDED
