//
// Project.cpp
//

#include "dtrack/Project.h"
#include <Poco/String.h>
#include <algorithm>

namespace sbomop {
namespace dtracksim {

bool Project::hasTag(const std::string& tag) const
{
	const std::string trimmed = Poco::trim(tag);
	return std::find(tags.begin(), tags.end(), trimmed) != tags.end();
}

void Project::setTags(const std::vector<std::string>& names)
{
	tags = normalizeTags(names);
}

std::vector<std::string> Project::normalizeTags(const std::vector<std::string>& names)
{
	std::vector<std::string> result;
	for (const auto& name: names)
	{
		const std::string trimmed = Poco::trim(name);
		if (trimmed.empty()) continue;
		if (std::find(result.begin(), result.end(), trimmed) == result.end()) result.push_back(trimmed);
	}
	std::sort(result.begin(), result.end());
	return result;
}

const std::vector<std::string>& Project::attributeNames()
{
	static const std::vector<std::string> NAMES = {"author", "group", "description", "publisher", "cpe", "purl", "swidTagId"};
	return NAMES;
}

} } // namespace sbomop::dtracksim
