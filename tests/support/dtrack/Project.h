//
// Project.h
//
// A Dependency-Track project as dtrack-sim stores it: the fields of
// org.dependencytrack.model.Project (4.14) that uploaders read or write.
//

#ifndef SBOMOP_DtrackSim_Project_INCLUDED
#define SBOMOP_DtrackSim_Project_INCLUDED

#include <Poco/Timestamp.h>
#include <Poco/Types.h>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace sbomop {
namespace dtracksim {

struct Project
	/// A plain value; ProjectStore hands out copies.
{
	std::string uuid;
	std::string name;
	std::optional<std::string> version;        ///< versionless ("collection") projects have none
	std::string classifier = "APPLICATION";
	std::string collectionLogic = "NONE";      ///< 4.13+
	std::map<std::string, std::string> attributes;
		///< optional strings: group, description, publisher, author, cpe, purl, swidTagId
	bool active = true;                        ///< v5 replaces it with `inactiveSince`
	bool isLatest = false;                     ///< 4.12+, unique per name
	std::vector<std::string> tags;             ///< trimmed, unique, sorted by name (as DT returns them)
	std::string parentUuid;                    ///< "" = root project
	std::optional<Poco::Timestamp> lastBomImport;  ///< set when BOM processing completes
	std::string lastBomImportFormat;           ///< "CycloneDX 1.6"
	std::optional<int> componentCount;         ///< components of the last processed BOM
	Poco::UInt64 sequence = 0;                 ///< creation order (the database id)

	bool hasTag(const std::string& tag) const;
		/// Exact match on the (trimmed) tag name.

	void setTags(const std::vector<std::string>& names);
		/// Replaces the tags with normalizeTags(names).

	static std::vector<std::string> normalizeTags(const std::vector<std::string>& names);
		/// Trims every name, drops empty ones and duplicates, sorts by name
		/// (StringUtils.trimToNull in ProjectQueryManager.resolveTags).

	static const std::vector<std::string>& attributeNames();
		/// The optional string attributes copied between JSON and `attributes`.
};

} } // namespace sbomop::dtracksim

#endif // SBOMOP_DtrackSim_Project_INCLUDED
