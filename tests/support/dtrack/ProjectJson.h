//
// ProjectJson.h
//
// Serializes projects the way Dependency-Track 4.14 returns them (Jackson,
// NON_NULL, field order of model/Project.java): name, version, classifier,
// collectionLogic, uuid, parent {name, version, uuid}, tags [{name}],
// lastBomImport (epoch milliseconds), lastBomImportFormat, active, isLatest
// and, for single-project reads, versions [{uuid, version, active}].
// Metrics, properties and external references are not modelled.
//

#ifndef SBOMOP_DtrackSim_ProjectJson_INCLUDED
#define SBOMOP_DtrackSim_ProjectJson_INCLUDED

#include "dtrack/Project.h"
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <map>
#include <vector>

namespace sbomop {
namespace dtracksim {

class ProjectJson
	/// Works on a snapshot of the portfolio, which must outlive it.
{
public:
	explicit ProjectJson(const std::vector<Project>& portfolio);

	Poco::JSON::Object::Ptr toJson(const Project& project) const;
		/// The list form (GET /project, /project/tag/{tag}).

	Poco::JSON::Object::Ptr toJsonWithVersions(const Project& project) const;
		/// The single-project form (lookup, GET by UUID, create, update):
		/// adds `versions`, every project of the same name in creation order.

	Poco::JSON::Array::Ptr toJson(const std::vector<Project>& projects) const;

private:
	const std::vector<Project>& _portfolio;
	std::map<std::string, const Project*> _byUuid;
};

} } // namespace sbomop::dtracksim

#endif // SBOMOP_DtrackSim_ProjectJson_INCLUDED
