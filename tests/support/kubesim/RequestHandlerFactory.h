//
// RequestHandlerFactory.h
//
// Creates the handler for each request: the API handler on the API port, the
// admin handler on the optional admin port.
//

#ifndef SBOMOP_KubeSim_RequestHandlerFactory_INCLUDED
#define SBOMOP_KubeSim_RequestHandlerFactory_INCLUDED

#include "kubesim/ServerContext.h"
#include <Poco/Net/HTTPRequestHandlerFactory.h>

namespace sbomop {
namespace kubesim {

class RequestHandlerFactory: public Poco::Net::HTTPRequestHandlerFactory
	/// Thread-safe; the context must outlive the factory.
{
public:
	RequestHandlerFactory(const ServerContext& context, bool admin);

	Poco::Net::HTTPRequestHandler* createRequestHandler(const Poco::Net::HTTPServerRequest& request) override;
		/// A new ApiRequestHandler, or an AdminRequestHandler on the admin port.

private:
	const ServerContext& _context;
	bool _admin;
};

} } // namespace sbomop::kubesim

#endif // SBOMOP_KubeSim_RequestHandlerFactory_INCLUDED
