//
// ProjectInput.cpp
//

#include "dtrack/ProjectInput.h"
#include <Poco/Exception.h>
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <Poco/String.h>

using Poco::JSON::Array;
using Poco::JSON::Object;

namespace sbomop {
namespace dtracksim {

namespace
{
	std::optional<std::string> trimmedString(const Object::Ptr& body, const std::string& name)
	{
		if (!body->has(name) || body->isNull(name)) return std::nullopt;
		return Poco::trim(body->get(name).toString());
	}

	std::optional<bool> flag(const Object::Ptr& body, const std::string& name)
	{
		if (!body->has(name) || body->isNull(name)) return std::nullopt;
		const Poco::Dynamic::Var value = body->get(name);
		if (value.isBoolean()) return value.extract<bool>();
		return Poco::icompare(value.toString(), "true") == 0;
	}

	template <typename T>
	bool setIfDifferent(const std::optional<T>& value, T& target)
	{
		if (!value || *value == target) return false;
		target = *value;
		return true;
	}
}

ProjectInput ProjectInput::parse(const std::string& body)
{
	Poco::JSON::Parser parser;
	const Poco::Dynamic::Var parsed = parser.parse(body);
	if (parsed.type() != typeid(Object::Ptr)) throw Poco::InvalidArgumentException("project body is not a JSON object");
	const Object::Ptr json = parsed.extract<Object::Ptr>();

	ProjectInput input;
	input.uuid = trimmedString(json, "uuid");
	input.name = trimmedString(json, "name");
	input.version = trimmedString(json, "version");
	if (input.version && input.version->empty()) input.version.reset();
	input.classifier = trimmedString(json, "classifier");
	input.collectionLogic = trimmedString(json, "collectionLogic");
	for (const auto& attribute: Project::attributeNames())
	{
		const std::optional<std::string> value = trimmedString(json, attribute);
		if (value) input.attributes[attribute] = *value;
	}
	input.active = flag(json, "active");
	input.isLatest = flag(json, "isLatest");
	if (json->has("tags") && !json->isNull("tags"))
	{
		std::vector<std::string> tags;
		Array::Ptr list = json->getArray("tags");
		for (std::size_t i = 0; list && i < list->size(); ++i)
		{
			Object::Ptr tag = list->getObject(static_cast<unsigned>(i));
			if (tag && tag->has("name") && !tag->isNull("name")) tags.push_back(tag->get("name").toString());
		}
		input.tags = tags;
	}
	Object::Ptr parent = json->has("parent") && !json->isNull("parent") ? json->getObject("parent") : nullptr;
	if (parent) input.parentUuid = trimmedString(parent, "uuid");
	return input;
}

Project ProjectInput::toProject() const
{
	Project project;
	project.uuid = uuid.value_or("");
	project.name = name.value_or("");
	project.version = version;
	project.classifier = classifier && !classifier->empty() ? *classifier : "APPLICATION";
	project.collectionLogic = collectionLogic && !collectionLogic->empty() ? *collectionLogic : "NONE";
	project.attributes = attributes;
	project.active = active.value_or(true);
	project.isLatest = isLatest.value_or(false);
	project.setTags(tags.value_or(std::vector<std::string>()));
	project.parentUuid = parentUuid.value_or("");
	return project;
}

bool ProjectInput::mergeInto(Project& project) const
{
	bool modified = false;
	if (name && !name->empty()) modified |= setIfDifferent(name, project.name);
	if (version && project.version != version)
	{
		project.version = version;
		modified = true;
	}
	modified |= setIfDifferent(classifier, project.classifier);
	modified |= setIfDifferent(collectionLogic, project.collectionLogic);
	for (const auto& attribute: attributes)
	{
		auto it = project.attributes.find(attribute.first);
		if (it != project.attributes.end() && it->second == attribute.second) continue;
		project.attributes[attribute.first] = attribute.second;
		modified = true;
	}
	modified |= setIfDifferent(active, project.active);
	modified |= setIfDifferent(isLatest, project.isLatest);
	if (parentUuid && !parentUuid->empty()) modified |= setIfDifferent(parentUuid, project.parentUuid);
	// ProjectResource.isCollectionModified: a present list counts as a change
	// unless both lists are empty, even when it equals the current one.
	if (tags && (!tags->empty() || !project.tags.empty()))
	{
		project.setTags(*tags);
		modified = true;
	}
	return modified;
}

} } // namespace sbomop::dtracksim
