//
// StateDump.cpp
//

#include "dtrack/StateDump.h"
#include <Poco/DateTimeFormat.h>
#include <Poco/DateTimeFormatter.h>
#include <Poco/JSON/Array.h>
#include <map>

using Poco::JSON::Array;
using Poco::JSON::Object;

namespace sbomop {
namespace dtracksim {

Object::Ptr StateDump::toJson(const ProjectStore& store)
{
	const std::vector<Project> projects = store.projects();
	const std::vector<BomUpload> uploads = store.uploads();
	std::map<std::string, const Project*> byUuid;
	for (const auto& project: projects) byUuid[project.uuid] = &project;
	std::map<std::string, const BomUpload*> lastUpload;
	for (const auto& upload: uploads) lastUpload[upload.projectUuid] = &upload;
	const Poco::Timestamp now;

	Array::Ptr list = new Array;
	for (const auto& project: projects)
	{
		Object::Ptr entry = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
		entry->set("uuid", project.uuid);
		entry->set("name", project.name);
		entry->set("version", project.version ? Poco::Dynamic::Var(*project.version) : Poco::Dynamic::Var());
		entry->set("active", project.active);
		entry->set("isLatest", project.isLatest);
		Array::Ptr tags = new Array;
		for (const auto& tag: project.tags) tags->add(tag);
		entry->set("tags", tags);
		auto parent = byUuid.find(project.parentUuid);
		if (parent != byUuid.end())
		{
			Object::Ptr info = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
			info->set("uuid", parent->second->uuid);
			info->set("name", parent->second->name);
			info->set("version", parent->second->version ? Poco::Dynamic::Var(*parent->second->version) : Poco::Dynamic::Var());
			entry->set("parent", info);
		}
		else entry->set("parent", Poco::Dynamic::Var());
		entry->set("lastBomImport", project.lastBomImport
			? Poco::Dynamic::Var(Poco::DateTimeFormatter::format(*project.lastBomImport, Poco::DateTimeFormat::ISO8601_FRAC_FORMAT))
			: Poco::Dynamic::Var());
		entry->set("components", project.componentCount ? Poco::Dynamic::Var(*project.componentCount) : Poco::Dynamic::Var());
		auto upload = lastUpload.find(project.uuid);
		if (upload != lastUpload.end())
		{
			Object::Ptr info = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
			info->set("token", upload->second->token);
			info->set("format", upload->second->format);
			info->set("specVersion", upload->second->specVersion);
			info->set("components", upload->second->componentCount);
			info->set("transport", upload->second->transport);
			info->set("processing", upload->second->completesAt > now);
			entry->set("lastUpload", info);
		}
		else entry->set("lastUpload", Poco::Dynamic::Var());
		list->add(entry);
	}
	Object::Ptr json = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
	json->set("projects", list);
	json->set("uploads", static_cast<Poco::UInt64>(uploads.size()));
	return json;
}

} } // namespace sbomop::dtracksim
