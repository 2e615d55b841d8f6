//
// ProjectInput.h
//
// A project as sent in the body of PUT, POST and PATCH /api/v1/project, with
// every field optional so that full updates (POST: absent means "cleared" or
// the model default) and partial updates (PATCH: absent means "unchanged")
// can both be expressed. Strings are trimmed like Alpine's
// TrimmedStringDeserializer.
//

#ifndef SBOMOP_DtrackSim_ProjectInput_INCLUDED
#define SBOMOP_DtrackSim_ProjectInput_INCLUDED

#include "dtrack/Project.h"
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace sbomop {
namespace dtracksim {

struct ProjectInput
	/// A plain value.
{
	std::optional<std::string> uuid;
	std::optional<std::string> name;
	std::optional<std::string> version;          ///< absent or blank: no version
	std::optional<std::string> classifier;
	std::optional<std::string> collectionLogic;
	std::map<std::string, std::string> attributes;  ///< the Project::attributeNames() present in the body
	std::optional<bool> active;
	std::optional<bool> isLatest;
	std::optional<std::vector<std::string>> tags;
	std::optional<std::string> parentUuid;       ///< `parent.uuid`

	static ProjectInput parse(const std::string& body);
		/// Parses a JSON object. Throws Poco::JSON::JSONException (or
		/// Poco::SyntaxException) for malformed JSON and
		/// Poco::InvalidArgumentException when the body is not an object.

	Project toProject() const;
		/// The project a full write (PUT create, POST update) describes:
		/// absent fields take the model defaults (classifier APPLICATION,
		/// collectionLogic NONE, active true, isLatest false, no tags, no
		/// parent, no attributes).

	bool mergeInto(Project& project) const;
		/// PATCH semantics of ProjectResource.patchProject: only present,
		/// different values are copied; tags are replaced when present and
		/// either list is non-empty; the parent is only set, never cleared.
		/// Returns whether anything was modified.
};

} } // namespace sbomop::dtracksim

#endif // SBOMOP_DtrackSim_ProjectInput_INCLUDED
