//
// JsonBomReader.cpp
//

#include "dtrack/JsonBomReader.h"
#include <algorithm>

using Poco::JSON::Array;
using Poco::JSON::Object;

namespace sbomop {
namespace dtracksim {

namespace
{
	std::string jsonKind(const Poco::Dynamic::Var& value)
	{
		if (value.isEmpty()) return "null";
		if (value.type() == typeid(Object::Ptr)) return "object";
		if (value.type() == typeid(Array::Ptr)) return "array";
		if (value.isString()) return "string";
		if (value.isBoolean()) return "boolean";
		if (value.isInteger()) return "integer";
		return "number";
	}

	std::string enumeration(const std::vector<std::string>& values)
	{
		std::string text = "[";
		for (std::size_t i = 0; i < values.size(); ++i)
		{
			if (i > 0) text += ", ";
			text += "\"" + values[i] + "\"";
		}
		return text + "]";
	}
}

void JsonBomReader::read(const Object::Ptr& root, BomInspection& result)
{
	result.format = "JSON";
	const Poco::Dynamic::Var spec = root->get("specVersion");
	// A non-string specVersion is skipped by DT's token scan, which then
	// finds no version at all.
	if (spec.isEmpty() || !spec.isString())
	{
		result.reject("Unable to determine schema version from JSON");
		return;
	}
	const std::string specVersion = spec.toString();
	if (specVersion == "1.0" || specVersion == "1.1")
	{
		result.reject("JSON is not supported for specVersion " + specVersion);
		return;
	}
	if (componentTypes(specVersion).empty())
	{
		result.reject("Unrecognized specVersion " + specVersion);
		return;
	}
	result.specVersion = specVersion;

	std::vector<std::string> errors;
	if (!root->has("bomFormat")) errors.push_back("$: required property 'bomFormat' not found");
	else if (!root->get("bomFormat").isString() || root->get("bomFormat").toString() != "CycloneDX")
		errors.push_back("$.bomFormat: does not have a value in the enumeration [\"CycloneDX\"]");
	// `version` stopped being required with CycloneDX 1.5.
	if ((specVersion == "1.2" || specVersion == "1.3" || specVersion == "1.4") && !root->has("version"))
		errors.push_back("$: required property 'version' not found");

	int count = 0;
	if (root->has("components"))
	{
		const Poco::Dynamic::Var components = root->get("components");
		if (components.type() == typeid(Array::Ptr))
			count = readComponents(components.extract<Array::Ptr>(), "$.components", specVersion, errors);
		else
			errors.push_back("$.components: " + jsonKind(components) + " found, array expected");
	}
	if (!errors.empty())
	{
		result.errors = errors;
		result.reject("Schema validation failed");
		return;
	}
	result.componentCount = count;
	result.valid = true;
}

int JsonBomReader::readComponents(const Array::Ptr& components, const std::string& path,
	const std::string& specVersion, std::vector<std::string>& errors)
{
	const std::vector<std::string>& types = componentTypes(specVersion);
	int count = 0;
	for (std::size_t i = 0; i < components->size(); ++i)
	{
		const std::string itemPath = path + "[" + std::to_string(i) + "]";
		const Poco::Dynamic::Var item = components->get(static_cast<unsigned>(i));
		if (item.type() != typeid(Object::Ptr))
		{
			errors.push_back(itemPath + ": " + jsonKind(item) + " found, object expected");
			continue;
		}
		const Object::Ptr component = item.extract<Object::Ptr>();
		++count;
		if (!component->has("type")) errors.push_back(itemPath + ": required property 'type' not found");
		else if (!component->get("type").isString()
			|| std::find(types.begin(), types.end(), component->get("type").toString()) == types.end())
			errors.push_back(itemPath + ".type: does not have a value in the enumeration " + enumeration(types));
		if (!component->has("name")) errors.push_back(itemPath + ": required property 'name' not found");

		if (component->has("components"))
		{
			const Poco::Dynamic::Var nested = component->get("components");
			if (nested.type() == typeid(Array::Ptr))
				count += readComponents(nested.extract<Array::Ptr>(), itemPath + ".components", specVersion, errors);
			else
				errors.push_back(itemPath + ".components: " + jsonKind(nested) + " found, array expected");
		}
	}
	return count;
}

const std::vector<std::string>& JsonBomReader::componentTypes(const std::string& specVersion)
{
	static const std::vector<std::string> V12 = {
		"application", "framework", "library", "container", "operating-system", "device", "firmware", "file"};
	static const std::vector<std::string> V15 = {
		"application", "framework", "library", "container", "platform", "operating-system", "device",
		"device-driver", "firmware", "file", "machine-learning-model", "data"};
	static const std::vector<std::string> V16 = {
		"application", "framework", "library", "container", "platform", "operating-system", "device",
		"device-driver", "firmware", "file", "machine-learning-model", "data", "cryptographic-asset"};
	static const std::vector<std::string> NONE;
	if (specVersion == "1.2" || specVersion == "1.3" || specVersion == "1.4") return V12;
	if (specVersion == "1.5") return V15;
	if (specVersion == "1.6") return V16;
	return NONE;
}

} } // namespace sbomop::dtracksim
