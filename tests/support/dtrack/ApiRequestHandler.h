//
// ApiRequestHandler.h
//
// Handles one request: /_sim goes to AdminResource; everything else gets the
// injected faults (down, latency, error answers), then `GET /api/version`
// without authentication, then authentication (401 with an empty body, as
// Alpine's AuthenticationFilter) and the BOM and project resources.
//

#ifndef SBOMOP_DtrackSim_ApiRequestHandler_INCLUDED
#define SBOMOP_DtrackSim_ApiRequestHandler_INCLUDED

#include "dtrack/Reply.h"
#include "dtrack/RequestTarget.h"
#include "dtrack/ServerContext.h"
#include <Poco/Net/HTTPRequestHandler.h>

namespace sbomop {
namespace dtracksim {

class ApiRequestHandler: public Poco::Net::HTTPRequestHandler
	/// One instance per request; the context must outlive it.
{
public:
	explicit ApiRequestHandler(const ServerContext& context);

	void handleRequest(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response) override;

private:
	Reply dispatch(const RequestTarget& target, Poco::Net::HTTPServerRequest& request);
	Reply version() const;
	static void drainBody(Poco::Net::HTTPServerRequest& request);
	static void dropConnection(Poco::Net::HTTPServerRequest& request);

	const ServerContext& _context;
};

} } // namespace sbomop::dtracksim

#endif // SBOMOP_DtrackSim_ApiRequestHandler_INCLUDED
