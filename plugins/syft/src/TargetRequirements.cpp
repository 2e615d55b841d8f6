//
// TargetRequirements.cpp
//

#include "sbomop/syft/TargetRequirements.h"
#include "sbomop/config/BuiltinKeys.h"
#include "sbomop/config/ConfigException.h"
#include <Poco/StringTokenizer.h>
#include <map>
#include <vector>

namespace sbomop {
namespace syft {

using config::BuiltinKeys;

namespace {

// Keys every target needs, as documented by the Go operator.
const std::map<std::string, std::vector<const char*>>& requiredKeys()
{
	static const std::map<std::string, std::vector<const char*>> keys = {
		{ "git", { BuiltinKeys::GIT_REPOSITORY, BuiltinKeys::GIT_AUTHOR_NAME, BuiltinKeys::GIT_AUTHOR_EMAIL } },
		{ "dtrack", { BuiltinKeys::DTRACK_BASE_URL, BuiltinKeys::DTRACK_API_KEY } },
		{ "oci", { BuiltinKeys::OCI_REGISTRY, BuiltinKeys::OCI_USER, BuiltinKeys::OCI_TOKEN } },
		{ "configmap", {} },
	};
	return keys;
}

bool isCycloneDx(const std::string& format)
{
	return format.rfind("cyclone", 0) == 0;
}

} // namespace

void TargetRequirements::check(const Poco::Util::AbstractConfiguration& config)
{
	Poco::StringTokenizer targets(config.getString(BuiltinKeys::TARGETS, ""), ",",
		Poco::StringTokenizer::TOK_TRIM | Poco::StringTokenizer::TOK_IGNORE_EMPTY);
	for (const auto& target: targets)
	{
		auto it = requiredKeys().find(target);
		if (it == requiredKeys().end()) continue; // the key table already rejects unknown targets
		for (const char* key: it->second)
		{
			if (config.getString(key, "").empty())
			{
				throw config::ConfigException::missingValue(key, "required by target " + target);
			}
		}
		if (target == "dtrack" && !isCycloneDx(config.getString(BuiltinKeys::FORMAT, "")))
		{
			throw config::ConfigException::invalidValue(BuiltinKeys::FORMAT, config.getString(BuiltinKeys::FORMAT, ""),
				false, "", "target dtrack accepts CycloneDX only", "cyclonedxjson, cyclonedx, cyclone, cyclonedxxml");
		}
	}
}

} } // namespace sbomop::syft
