//
// RequestHandlerFactory.cpp
//

#include "dtrack/RequestHandlerFactory.h"
#include "dtrack/ApiRequestHandler.h"

namespace sbomop {
namespace dtracksim {

RequestHandlerFactory::RequestHandlerFactory(const ServerContext& context):
	_context(context)
{
}

Poco::Net::HTTPRequestHandler* RequestHandlerFactory::createRequestHandler(const Poco::Net::HTTPServerRequest&)
{
	return new ApiRequestHandler(_context);
}

} } // namespace sbomop::dtracksim
