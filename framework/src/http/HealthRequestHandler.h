//
// HealthRequestHandler.h
//
// Answers one request to the HealthServer (internal to libsbomop).
//

#ifndef SBOMOP_Http_HealthRequestHandler_INCLUDED
#define SBOMOP_Http_HealthRequestHandler_INCLUDED

#include "sbomop/http/CounterFamily.h"
#include <Poco/Net/HTTPRequestHandler.h>

namespace sbomop {
namespace http {

class HealthServer;
class MetricsRegistry;

class HealthRequestHandler: public Poco::Net::HTTPRequestHandler
	/// Routes /health, /readyz and /metrics as documented in HealthServer and
	/// counts every response in the requests family. Created per request by
	/// HealthRequestHandlerFactory; the referenced objects outlive it.
{
public:
	HealthRequestHandler(const HealthServer& server, const MetricsRegistry& registry, CounterFamily& requests);

	void handleRequest(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response) override;

	static const std::string& pathLabel(const std::string& path);
		/// Returns path if it is one of the served paths, "other" otherwise:
		/// the `path` label must not grow with whatever clients request.

private:
	const HealthServer& _server;
	const MetricsRegistry& _registry;
	CounterFamily& _requests;
};

} } // namespace sbomop::http

#endif // SBOMOP_Http_HealthRequestHandler_INCLUDED
