//
// ResourceHandler.h
//
// Maps the verbs on resource URLs (get, list, watch, create, update, patch,
// delete, deletecollection, on objects and /status; get on pods/log) to the
// ResourceRegistry and shapes the responses (objects, typed lists, Status,
// Warning headers).
//

#ifndef SBOMOP_KubeSim_ResourceHandler_INCLUDED
#define SBOMOP_KubeSim_ResourceHandler_INCLUDED

#include "kubesim/ApiResponse.h"
#include "kubesim/ListOptions.h"
#include "kubesim/RequestPath.h"
#include "kubesim/ResourceRegistry.h"
#include "kubesim/ServerContext.h"
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>
#include <string>

namespace sbomop {
namespace kubesim {

class ResourceHandler
	/// One instance per request.
{
public:
	static const std::size_t MAX_BODY_BYTES = 3 * 1024 * 1024;

	ResourceHandler(const ServerContext& context, const RequestPath& path, const QueryParameters& query);

	static std::string verbOf(const RequestPath& path, const std::string& method, const QueryParameters& query);
		/// The Kubernetes verb of a resource request ("" when the method is
		/// not allowed on that URL).

	bool handle(const std::string& verb, Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response,
		ApiResponse& reply, bool resetWatch);
		/// Runs the verb. Returns false when the response was already streamed
		/// (watch); otherwise fills `reply`. Throws StatusError.

	static std::string readBody(Poco::Net::HTTPServerRequest& request);
		/// The request body, at most MAX_BODY_BYTES. Throws StatusError 413.

private:
	ApiResponse list() const;
	ApiResponse create(Poco::Net::HTTPServerRequest& request) const;
	ApiResponse update(Poco::Net::HTTPServerRequest& request) const;
	ApiResponse patch(Poco::Net::HTTPServerRequest& request) const;
	ApiResponse remove(Poco::Net::HTTPServerRequest& request) const;
	ApiResponse removeCollection(Poco::Net::HTTPServerRequest& request) const;
	static ApiResponse written(int status, const ResourceRegistry::WriteResult& result);
	Poco::JSON::Object::Ptr objectBody(Poco::Net::HTTPServerRequest& request) const;
	ResourceRegistry::WriteOptions writeOptions(const std::string& optionsKind) const;
	std::string listJson(const std::vector<StoredObjectPtr>& items, std::uint64_t resourceVersion, const std::string& continueToken, std::int64_t remaining) const;

	const ServerContext& _context;
	const RequestPath& _path;
	const QueryParameters& _query;
};

} } // namespace sbomop::kubesim

#endif // SBOMOP_KubeSim_ResourceHandler_INCLUDED
