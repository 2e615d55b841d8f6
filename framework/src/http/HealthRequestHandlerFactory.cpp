//
// HealthRequestHandlerFactory.cpp
//

#include "HealthRequestHandlerFactory.h"
#include "HealthRequestHandler.h"

namespace sbomop {
namespace http {


HealthRequestHandlerFactory::HealthRequestHandlerFactory(const HealthServer& server, const MetricsRegistry& registry, CounterFamily& requests):
	_server(server),
	_registry(registry),
	_requests(requests)
{
}


Poco::Net::HTTPRequestHandler* HealthRequestHandlerFactory::createRequestHandler(const Poco::Net::HTTPServerRequest&)
{
	return new HealthRequestHandler(_server, _registry, _requests);
}


} } // namespace sbomop::http
