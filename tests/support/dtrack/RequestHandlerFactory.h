//
// RequestHandlerFactory.h
//
// Creates an ApiRequestHandler for every request of one dtrack-sim instance.
//

#ifndef SBOMOP_DtrackSim_RequestHandlerFactory_INCLUDED
#define SBOMOP_DtrackSim_RequestHandlerFactory_INCLUDED

#include "dtrack/ServerContext.h"
#include <Poco/Net/HTTPRequestHandlerFactory.h>

namespace sbomop {
namespace dtracksim {

class RequestHandlerFactory: public Poco::Net::HTTPRequestHandlerFactory
	/// Thread-safe; the context must outlive the factory.
{
public:
	explicit RequestHandlerFactory(const ServerContext& context);

	Poco::Net::HTTPRequestHandler* createRequestHandler(const Poco::Net::HTTPServerRequest& request) override;

private:
	const ServerContext& _context;
};

} } // namespace sbomop::dtracksim

#endif // SBOMOP_DtrackSim_RequestHandlerFactory_INCLUDED
