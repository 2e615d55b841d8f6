//
// DtrackProject.h
//
// The fields of a Dependency-Track project that the target reads.
//

#ifndef SBOMOP_Targets_DtrackProject_INCLUDED
#define SBOMOP_Targets_DtrackProject_INCLUDED

#include "sbomop/Sbomop.h"
#include <Poco/JSON/Object.h>
#include <string>
#include <vector>

namespace sbomop {
namespace targets {

struct SBOMOP_API DtrackProject
	/// A plain value, read from the JSON of GET /api/v1/project/...
{
	std::string uuid;
	std::string name;
	std::string version;          ///< "" for versionless projects
	bool active = true;
	bool isLatest = false;
	std::string parentUuid;       ///< "" for root projects
	std::vector<std::string> tags;

	static DtrackProject fromJson(const Poco::JSON::Object::Ptr& json);
		/// Reads a project object; absent fields keep their defaults.
		/// Throws Poco::InvalidArgumentException for a null object or one
		/// without `uuid`.

	bool hasTag(const std::string& tag) const;
		/// Exact match.

	std::string tagValue(const std::string& key) const;
		/// The value of the first `<key>=<value>` tag, or "".

	std::vector<std::string> tagValues(const std::string& key) const;
		/// The values of every `<key>=<value>` tag, in order.
};


} } // namespace sbomop::targets

#endif // SBOMOP_Targets_DtrackProject_INCLUDED
