//
// RequestPath.h
//
// Classifies a request path: resource URLs (group, version, namespace,
// resource, name, subresource, also the deprecated /watch/ prefix),
// discovery documents, /version, /openapi, health checks and the /_sim
// admin API.
//

#ifndef SBOMOP_KubeSim_RequestPath_INCLUDED
#define SBOMOP_KubeSim_RequestPath_INCLUDED

#include "kubesim/ResourceCatalog.h"
#include <string>

namespace sbomop {
namespace kubesim {

struct RequestPath
	/// Value type.
{
	enum class Kind { Resource, Discovery, Version, OpenApi, Health, Admin, Unknown };

	Kind kind = Kind::Unknown;
	std::string path;                       ///< the path without query, no trailing '/'
	const ResourceInfo* resource = nullptr; ///< for Kind::Resource
	std::string ns;                         ///< namespace segment ("" for cluster-wide)
	std::string name;                       ///< object name ("" for a collection)
	std::string subresource;                ///< "status", "log" (pods) or ""
	bool legacyWatch = false;               ///< path used the /watch/ prefix

	static RequestPath parse(const std::string& path);
		/// Never throws; unknown paths give Kind::Unknown.

	std::string statsResource() const;
		/// "pods", "pods/status", or the path for non-resource requests.
};

} } // namespace sbomop::kubesim

#endif // SBOMOP_KubeSim_RequestPath_INCLUDED
