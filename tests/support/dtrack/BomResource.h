//
// BomResource.h
//
// The BOM endpoints of Dependency-Track 4.14 (resources/v1/BomResource and
// EventResource):
//   PUT  /api/v1/bom                 JSON BomSubmitRequest, `bom` base64 (BOM_UPLOAD)
//   POST /api/v1/bom                 multipart/form-data (BOM_UPLOAD)
//   GET  /api/v1/bom/token/{uuid}    deprecated processing status (BOM_UPLOAD)
//   GET  /api/v1/event/token/{uuid}  processing status (any principal)
// autoCreate needs PORTFOLIO_MANAGEMENT or PROJECT_CREATION_UPLOAD (else 401
// "The principal does not have permission to create project."). The project
// is created before the BOM is validated, so an invalid BOM still leaves the
// new project behind, as in DT. Tags sent for an existing project are applied
// only with PORTFOLIO_MANAGEMENT (maybeBindTags), silently ignored otherwise.
// Identical in 5.0.4; DT's main branch also accepts `isActive` and compressed
// parts, which dtrack-sim does not.
//

#ifndef SBOMOP_DtrackSim_BomResource_INCLUDED
#define SBOMOP_DtrackSim_BomResource_INCLUDED

#include "dtrack/BomSubmission.h"
#include "dtrack/PermissionSet.h"
#include "dtrack/ProjectStore.h"
#include "dtrack/Reply.h"
#include "dtrack/RequestTarget.h"
#include <Poco/Net/HTTPServerRequest.h>
#include <string>

namespace sbomop {
namespace dtracksim {

class BomResource
	/// Cheap to create per request; the store must outlive it.
{
public:
	explicit BomResource(ProjectStore& store);

	Reply handle(const std::string& method, const RequestTarget& target,
		Poco::Net::HTTPServerRequest& request, const PermissionSet& permissions);
		/// Serves the endpoints above; 404 for other paths below /api/v1/bom
		/// and /api/v1/event, 405 for other methods, 415 for a wrong request
		/// Content-Type.

private:
	Reply uploadBase64(Poco::Net::HTTPServerRequest& request, const PermissionSet& permissions);
	Reply uploadMultipart(Poco::Net::HTTPServerRequest& request, const PermissionSet& permissions);
	Reply submit(const BomSubmission& submission, const PermissionSet& permissions);
	Reply createProject(const BomSubmission& submission, std::optional<Project>& project);
	Reply tokenStatus(const std::string& token) const;

	ProjectStore& _store;
};

} } // namespace sbomop::dtracksim

#endif // SBOMOP_DtrackSim_BomResource_INCLUDED
