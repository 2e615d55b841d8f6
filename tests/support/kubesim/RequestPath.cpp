//
// RequestPath.cpp
//

#include "kubesim/RequestPath.h"
#include <vector>

namespace sbomop {
namespace kubesim {

namespace
{
	std::vector<std::string> segments(const std::string& path)
	{
		std::vector<std::string> parts;
		std::size_t start = 0;
		while (start < path.size())
		{
			std::size_t slash = path.find('/', start);
			if (slash == std::string::npos) slash = path.size();
			if (slash > start) parts.push_back(path.substr(start, slash - start));
			start = slash + 1;
		}
		return parts;
	}

	bool groupVersionServed(const std::string& group, const std::string& version)
	{
		for (const auto& info: ResourceCatalog::all())
		{
			if (info.group == group && info.version == version && ResourceCatalog::served(info)) return true;
		}
		return false;
	}
}

RequestPath RequestPath::parse(const std::string& rawPath)
{
	RequestPath result;
	result.path = rawPath;
	while (result.path.size() > 1 && result.path.back() == '/') result.path.pop_back();
	const std::vector<std::string> parts = segments(result.path);
	if (parts.empty()) return result;

	const std::string& first = parts[0];
	if (first == "_sim")
	{
		result.kind = Kind::Admin;
		return result;
	}
	if (first == "version" && parts.size() == 1) result.kind = Kind::Version;
	else if (first == "openapi") result.kind = Kind::OpenApi;
	else if ((first == "healthz" || first == "readyz" || first == "livez") && parts.size() == 1) result.kind = Kind::Health;
	if (result.kind != Kind::Unknown) return result;
	if (first != "api" && first != "apis") return result;

	std::string group;
	std::string version;
	std::size_t next = 0;
	if (first == "api")
	{
		if (parts.size() <= 2)
		{
			if (parts.size() == 1 || parts[1] == "v1") result.kind = Kind::Discovery;
			return result;
		}
		version = parts[1];
		next = 2;
	}
	else
	{
		if (parts.size() <= 3)
		{
			bool known = parts.size() == 1;
			for (const auto& served: ResourceCatalog::groups()) known = known || parts[1] == served;
			if (known && (parts.size() < 3 || groupVersionServed(parts[1], parts[2]))) result.kind = Kind::Discovery;
			return result;
		}
		group = parts[1];
		version = parts[2];
		next = 3;
	}
	std::vector<std::string> rest(parts.begin() + static_cast<std::ptrdiff_t>(next), parts.end());
	if (!rest.empty() && rest[0] == "watch")
	{
		result.legacyWatch = true;
		rest.erase(rest.begin());
	}
	if (rest.empty()) return result;

	std::string plural;
	if (rest[0] == "namespaces" && rest.size() >= 3 && rest[2] != "status" && rest[2] != "finalize")
	{
		if (rest.size() > 5) return result;
		result.ns = rest[1];
		plural = rest[2];
		if (rest.size() > 3) result.name = rest[3];
		if (rest.size() > 4) result.subresource = rest[4];
	}
	else
	{
		if (rest.size() > 3) return result;
		plural = rest[0];
		if (rest.size() > 1) result.name = rest[1];
		if (rest.size() > 2) result.subresource = rest[2];
	}
	const ResourceInfo* resource = ResourceCatalog::find(group, version, plural);
	if (!resource) return result;
	// A namespaced object needs its namespace; a cluster-scoped one has none.
	if (resource->namespaced && result.ns.empty() && !result.name.empty()) return result;
	if (!resource->namespaced && !result.ns.empty()) return result;
	const bool knownSubresource = (result.subresource == "status" && resource->hasStatus) || (result.subresource == "log" && resource->hasLog);
	if (!result.subresource.empty() && !knownSubresource) return result;
	result.resource = resource;
	result.kind = Kind::Resource;
	return result;
}

std::string RequestPath::statsResource() const
{
	if (kind != Kind::Resource) return path;
	return subresource.empty() ? resource->plural : resource->plural + "/" + subresource;
}

} } // namespace sbomop::kubesim
