//
// ProjectJson.cpp
//

#include "dtrack/ProjectJson.h"

using Poco::JSON::Array;
using Poco::JSON::Object;

namespace sbomop {
namespace dtracksim {

ProjectJson::ProjectJson(const std::vector<Project>& portfolio):
	_portfolio(portfolio)
{
	for (const auto& project: portfolio) _byUuid[project.uuid] = &project;
}

Object::Ptr ProjectJson::toJson(const Project& project) const
{
	Object::Ptr json = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
	for (const char* attribute: {"author", "publisher", "group"})
	{
		auto it = project.attributes.find(attribute);
		if (it != project.attributes.end()) json->set(attribute, it->second);
	}
	json->set("name", project.name);
	auto description = project.attributes.find("description");
	if (description != project.attributes.end()) json->set("description", description->second);
	if (project.version) json->set("version", *project.version);
	json->set("classifier", project.classifier);
	json->set("collectionLogic", project.collectionLogic);
	for (const char* attribute: {"cpe", "purl", "swidTagId"})
	{
		auto it = project.attributes.find(attribute);
		if (it != project.attributes.end()) json->set(attribute, it->second);
	}
	json->set("uuid", project.uuid);
	auto parent = _byUuid.find(project.parentUuid);
	if (parent != _byUuid.end())
	{
		Object::Ptr info = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
		info->set("name", parent->second->name);
		if (parent->second->version) info->set("version", *parent->second->version);
		info->set("uuid", parent->second->uuid);
		json->set("parent", info);
	}
	Array::Ptr tags = new Array;
	for (const auto& tag: project.tags)
	{
		Object::Ptr entry = new Object;
		entry->set("name", tag);
		tags->add(entry);
	}
	json->set("tags", tags);
	if (project.lastBomImport)
	{
		json->set("lastBomImport", static_cast<Poco::Int64>(project.lastBomImport->epochMicroseconds() / 1000));
		json->set("lastBomImportFormat", project.lastBomImportFormat);
	}
	json->set("active", project.active);
	json->set("isLatest", project.isLatest);
	return json;
}

Object::Ptr ProjectJson::toJsonWithVersions(const Project& project) const
{
	Object::Ptr json = toJson(project);
	Array::Ptr versions = new Array;
	for (const auto& other: _portfolio)
	{
		if (other.name != project.name) continue;
		Object::Ptr entry = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
		entry->set("uuid", other.uuid);
		if (other.version) entry->set("version", *other.version);
		entry->set("active", other.active);
		versions->add(entry);
	}
	json->set("versions", versions);
	return json;
}

Array::Ptr ProjectJson::toJson(const std::vector<Project>& projects) const
{
	Array::Ptr list = new Array;
	for (const auto& project: projects) list->add(toJson(project));
	return list;
}

} } // namespace sbomop::dtracksim
