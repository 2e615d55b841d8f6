//
// PodLogHandler.h
//
// `GET /api/v1/namespaces/{ns}/pods/{name}/log`: the container output kube-sim
// kept (PodLogs) as text/plain, with the kubelet's parameters `container`,
// `tailLines`, `limitBytes`, `previous` and `follow`, and its error messages.
//

#ifndef SBOMOP_KubeSim_PodLogHandler_INCLUDED
#define SBOMOP_KubeSim_PodLogHandler_INCLUDED

#include "kubesim/ApiResponse.h"
#include "kubesim/ListOptions.h"
#include "kubesim/RequestPath.h"
#include "kubesim/ServerContext.h"
#include <Poco/Net/HTTPServerResponse.h>

namespace sbomop {
namespace kubesim {

class PodLogHandler
	/// One instance per request.
{
public:
	PodLogHandler(const ServerContext& context, const RequestPath& path, const QueryParameters& query);

	bool handle(Poco::Net::HTTPServerResponse& response, ApiResponse& reply) const;
		/// Fills `reply` and returns true, or streams the log (follow=true
		/// while the container runs) and returns false. Throws StatusError:
		/// 404 for a missing pod, 400 for an unknown container, a container
		/// that has not started, `previous`, or malformed numbers.

private:
	void stream(Poco::Net::HTTPServerResponse& response, std::size_t offset) const;

	const ServerContext& _context;
	const RequestPath& _path;
	const QueryParameters& _query;
};

} } // namespace sbomop::kubesim

#endif // SBOMOP_KubeSim_PodLogHandler_INCLUDED
