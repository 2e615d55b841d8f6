//
// ApiRequestHandler.h
//
// The front door of kube-sim's API port: bearer-token authentication,
// content negotiation, request counting, injected faults (latency, error
// answers, connection resets) and dispatch to discovery, OpenAPI, health,
// the /_sim admin API and the resource handler.
//

#ifndef SBOMOP_KubeSim_ApiRequestHandler_INCLUDED
#define SBOMOP_KubeSim_ApiRequestHandler_INCLUDED

#include "kubesim/ApiResponse.h"
#include "kubesim/RequestPath.h"
#include "kubesim/ServerContext.h"
#include <Poco/Net/HTTPRequestHandler.h>

namespace sbomop {
namespace kubesim {

class ApiRequestHandler: public Poco::Net::HTTPRequestHandler
	/// One instance per request (created by RequestHandlerFactory).
{
public:
	explicit ApiRequestHandler(const ServerContext& context);

	void handleRequest(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response) override;

	static bool acceptsJson(const std::string& accept);
		/// True when an Accept header admits plain JSON (`application/json`
		/// without `as=`, `application/*` or `*/*`; empty admits everything).

private:
	bool authorized(const Poco::Net::HTTPServerRequest& request) const;
	ApiResponse nonResource(const RequestPath& path, const std::string& method) const;

	const ServerContext& _context;
};

} } // namespace sbomop::kubesim

#endif // SBOMOP_KubeSim_ApiRequestHandler_INCLUDED
