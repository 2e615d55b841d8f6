//
// RequestHandlerFactory.cpp
//

#include "kubesim/RequestHandlerFactory.h"
#include "kubesim/AdminRequestHandler.h"
#include "kubesim/ApiRequestHandler.h"

namespace sbomop {
namespace kubesim {

RequestHandlerFactory::RequestHandlerFactory(const ServerContext& context, bool admin):
	_context(context),
	_admin(admin)
{
}

Poco::Net::HTTPRequestHandler* RequestHandlerFactory::createRequestHandler(const Poco::Net::HTTPServerRequest&)
{
	if (_admin) return new AdminRequestHandler(_context);
	return new ApiRequestHandler(_context);
}

} } // namespace sbomop::kubesim
