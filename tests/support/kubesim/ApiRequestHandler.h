//
// ApiRequestHandler.h
//
// The front door of kube-sim's API port: bearer-token authentication (the
// admin token, or a minted service-account token), RBAC authorisation of
// service accounts when enforced, content negotiation, request counting, injected faults (latency, error
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
	bool authenticate(const Poco::Net::HTTPServerRequest& request, std::string& user) const;
		/// True for the admin token (`user` = "", all-powerful) or a minted
		/// service-account token (`user` = its name); always true without a token.
	void authorize(const std::string& user, const RequestPath& path, const std::string& verb) const;
		/// Throws the 403 StatusError when RBAC is enforced and denies `user`.
	ApiResponse nonResource(const RequestPath& path, const std::string& method) const;

	const ServerContext& _context;
};

} } // namespace sbomop::kubesim

#endif // SBOMOP_KubeSim_ApiRequestHandler_INCLUDED
