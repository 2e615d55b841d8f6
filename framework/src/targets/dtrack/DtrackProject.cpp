//
// DtrackProject.cpp
//

#include "sbomop/targets/dtrack/DtrackProject.h"
#include <Poco/Exception.h>
#include <Poco/JSON/Array.h>
#include <algorithm>

namespace sbomop {
namespace targets {

namespace
{
	// Dependency-Track writes absent optional fields as null or leaves them out.
	std::string text(const Poco::JSON::Object::Ptr& json, const std::string& key)
	{
		if (!json->has(key) || json->isNull(key)) return std::string();
		return json->get(key).convert<std::string>();
	}

	bool flag(const Poco::JSON::Object::Ptr& json, const std::string& key, bool fallback)
	{
		if (!json->has(key) || json->isNull(key)) return fallback;
		return json->get(key).convert<bool>();
	}
}


DtrackProject DtrackProject::fromJson(const Poco::JSON::Object::Ptr& json)
{
	if (!json || text(json, "uuid").empty())
	{
		throw Poco::InvalidArgumentException("a Dependency-Track project without uuid");
	}
	DtrackProject project;
	project.uuid = text(json, "uuid");
	project.name = text(json, "name");
	project.version = text(json, "version");
	project.active = flag(json, "active", true);
	project.isLatest = flag(json, "isLatest", false);
	Poco::JSON::Object::Ptr parent = json->getObject("parent");
	if (parent) project.parentUuid = text(parent, "uuid");
	Poco::JSON::Array::Ptr tags = json->getArray("tags");
	if (tags)
	{
		for (std::size_t i = 0; i < tags->size(); ++i)
		{
			Poco::JSON::Object::Ptr tag = tags->getObject(static_cast<unsigned>(i));
			if (tag && !text(tag, "name").empty()) project.tags.push_back(text(tag, "name"));
		}
	}
	return project;
}


bool DtrackProject::hasTag(const std::string& tag) const
{
	return std::find(tags.begin(), tags.end(), tag) != tags.end();
}


std::string DtrackProject::tagValue(const std::string& key) const
{
	const std::vector<std::string> values = tagValues(key);
	return values.empty() ? std::string() : values.front();
}


std::vector<std::string> DtrackProject::tagValues(const std::string& key) const
{
	const std::string prefix = key + "=";
	std::vector<std::string> values;
	for (const auto& tag: tags)
	{
		if (tag.compare(0, prefix.size(), prefix) == 0) values.push_back(tag.substr(prefix.size()));
	}
	return values;
}


} } // namespace sbomop::targets
