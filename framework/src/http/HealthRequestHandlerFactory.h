//
// HealthRequestHandlerFactory.h
//
// Creates the HealthServer's request handlers (internal to libsbomop).
//

#ifndef SBOMOP_Http_HealthRequestHandlerFactory_INCLUDED
#define SBOMOP_Http_HealthRequestHandlerFactory_INCLUDED

#include "sbomop/http/CounterFamily.h"
#include <Poco/Net/HTTPRequestHandlerFactory.h>

namespace sbomop {
namespace http {

class HealthServer;
class MetricsRegistry;

class HealthRequestHandlerFactory: public Poco::Net::HTTPRequestHandlerFactory
	/// Hands every request to a new HealthRequestHandler. Thread-safe; the
	/// referenced objects must outlive the HTTP server using the factory.
{
public:
	HealthRequestHandlerFactory(const HealthServer& server, const MetricsRegistry& registry, CounterFamily& requests);

	Poco::Net::HTTPRequestHandler* createRequestHandler(const Poco::Net::HTTPServerRequest& request) override;

private:
	const HealthServer& _server;
	const MetricsRegistry& _registry;
	CounterFamily& _requests;
};

} } // namespace sbomop::http

#endif // SBOMOP_Http_HealthRequestHandlerFactory_INCLUDED
