//
// ProjectResource.h
//
// The project endpoints of Dependency-Track 4.14 (resources/v1/ProjectResource)
// an uploader uses:
//   GET    /api/v1/project                    list (name, excludeInactive, onlyRoot, paging)
//   GET    /api/v1/project/lookup?name=&version=
//   GET    /api/v1/project/tag/{tag}          list by tag (paged)
//   GET    /api/v1/project/latest/{name}
//   GET    /api/v1/project/{uuid}
//   GET    /api/v1/project/{uuid}/children    (paged)
//   PUT    /api/v1/project                    create, 201
//   POST   /api/v1/project                    FULL update
//   PATCH  /api/v1/project/{uuid}             partial update, 304 if nothing changed
//   DELETE /api/v1/project/{uuid}             204, children deleted too
// Reads need VIEW_PORTFOLIO, writes PORTFOLIO_MANAGEMENT (v5 also accepts
// PORTFOLIO_MANAGEMENT_CREATE/_UPDATE/_DELETE). Portfolio ACLs are not
// modelled: every key sees every project.
//

#ifndef SBOMOP_DtrackSim_ProjectResource_INCLUDED
#define SBOMOP_DtrackSim_ProjectResource_INCLUDED

#include "dtrack/PermissionSet.h"
#include "dtrack/ProjectQuery.h"
#include "dtrack/ProjectStore.h"
#include "dtrack/Reply.h"
#include "dtrack/RequestTarget.h"
#include <Poco/Net/HTTPServerRequest.h>
#include <string>

namespace sbomop {
namespace dtracksim {

struct ProjectInput;

class ProjectResource
	/// Cheap to create per request; the store must outlive it.
{
public:
	explicit ProjectResource(ProjectStore& store);

	Reply handle(const std::string& method, const RequestTarget& target,
		Poco::Net::HTTPServerRequest& request, const PermissionSet& permissions);
		/// Serves the endpoints above; 404 for unknown paths, 405 for other
		/// methods, 403 without the permission.

private:
	Reply list(const ProjectQuery& query) const;
	Reply single(int status, const Project& project) const;
	Reply lookup(const RequestTarget& target) const;
	Reply create(const ProjectInput& input);
	Reply update(const ProjectInput& input);
	Reply patch(const std::string& uuid, const ProjectInput& input);
	Reply remove(const std::string& uuid);
	Reply store(const Project& next, int status);

	ProjectStore& _store;
};

} } // namespace sbomop::dtracksim

#endif // SBOMOP_DtrackSim_ProjectResource_INCLUDED
