//
// SchemaValidator.cpp
//

#include "kubesim/SchemaValidator.h"
#include "kubesim/Json.h"
#include "kubesim/StatusError.h"
#include <Poco/JSON/Array.h>
#include <Poco/NumberFormatter.h>
#include <limits>

using Poco::Dynamic::Var;
using Poco::JSON::Array;
using Poco::JSON::Object;

namespace sbomop {
namespace kubesim {

namespace
{
	const std::string REF_PREFIX = "#/components/schemas/";

	// "io.k8s.api.batch.v1.JobSpec" -> "JobSpec" (last) or "v1" (package).
	std::string nameComponent(const std::string& component, bool package)
	{
		const std::size_t last = component.rfind('.');
		if (last == std::string::npos) return package ? std::string() : component;
		if (!package) return component.substr(last + 1);
		const std::size_t previous = component.rfind('.', last - 1);
		return component.substr(previous == std::string::npos ? 0 : previous + 1, last - (previous == std::string::npos ? 0 : previous + 1));
	}

	// Descriptions are most of a document; the checks never read them.
	void stripDescriptions(const Var& value)
	{
		if (Json::isObject(value))
		{
			Object::Ptr object = value.extract<Object::Ptr>();
			object->remove("description");
			for (const auto& entry: *object) stripDescriptions(entry.second);
		}
		else if (Json::isArray(value))
		{
			Array::Ptr array = value.extract<Array::Ptr>();
			for (unsigned i = 0; i < array->size(); ++i) stripDescriptions(array->get(i));
		}
	}

	bool isBool(const Var& value)
	{
		return !value.isEmpty() && value.type() == typeid(bool);
	}

	// How encoding/json names the JSON value it could not store.
	std::string valueKind(const Var& value, bool intoInteger)
	{
		if (Json::isString(value)) return "string";
		if (isBool(value)) return "bool";
		if (Json::isObject(value)) return "object";
		if (Json::isArray(value)) return "array";
		if (intoInteger) return "number " + (value.isInteger() ? value.convert<std::string>() : Poco::NumberFormatter::format(value.convert<double>()));
		return "number";
	}

	bool isInteger(const Var& value, const std::string& format)
	{
		if (!Json::isNumber(value) || !value.isInteger()) return false;
		try
		{
			const Poco::Int64 number = value.convert<Poco::Int64>();
			if (format != "int32") return true;
			return number >= std::numeric_limits<Poco::Int32>::min() && number <= std::numeric_limits<Poco::Int32>::max();
		}
		catch (Poco::Exception&)
		{
			return false;   // beyond int64
		}
	}

	std::string extension(const Object::Ptr& property, const Object::Ptr& resolved, const std::string& key)
	{
		std::string value = Json::string(property, key);
		return value.empty() ? Json::string(resolved, key) : value;
	}

	// Server-side apply names list elements by their keys where the list is
	// associative (`[name="c"]`), by position otherwise (`[0]`).
	std::string applyElement(const Var& item, const Object::Ptr& property, const Object::Ptr& resolved, std::size_t index)
	{
		const std::string position = "[" + std::to_string(index) + "]";
		std::vector<std::string> keys;
		if (extension(property, resolved, "x-kubernetes-list-type") == "map")
		{
			Array::Ptr mapKeys = Json::array(property, "x-kubernetes-list-map-keys");
			if (!mapKeys) mapKeys = Json::array(resolved, "x-kubernetes-list-map-keys");
			for (unsigned i = 0; mapKeys && i < mapKeys->size(); ++i) keys.push_back(mapKeys->get(i).convert<std::string>());
		}
		else if (extension(property, resolved, "x-kubernetes-patch-strategy").find("merge") != std::string::npos)
		{
			const std::string mergeKey = extension(property, resolved, "x-kubernetes-patch-merge-key");
			if (!mergeKey.empty()) keys.push_back(mergeKey);
		}
		if (keys.empty() || !Json::isObject(item)) return position;
		Object::Ptr element = item.extract<Object::Ptr>();
		std::string text;
		for (const auto& key: keys)
		{
			if (!element->has(key) || Json::isNull(element->get(key))) return position;
			const Var value = element->get(key);
			text += (text.empty() ? "" : ",") + key + "=" + (Json::isString(value) ? StatusError::quote(value.extract<std::string>()) : Json::stringify(value));
		}
		return "[" + text + "]";
	}

	std::string expectedKind(const std::string& type)
	{
		if (type == "object") return "map";
		if (type == "array") return "list";
		if (type == "integer" || type == "number") return "numeric (int or float)";
		return type;
	}
}

struct SchemaValidator::Cursor
	/// Where the walk is, in each notation an error message needs.
{
	std::string path;        ///< decoder: spec.containers[0].name
	std::string applyPath;   ///< server-side apply: .spec.containers[name="c"].name
	std::string goFields;    ///< encoding/json field stack: spec.containers.name
	std::string goStruct;    ///< the Go struct holding the current field

	Cursor field(const std::string& name, const std::string& structName) const
	{
		Cursor child;
		child.path = path.empty() ? name : path + "." + name;
		child.applyPath = applyPath + "." + name;
		child.goFields = goFields.empty() ? name : goFields + "." + name;
		child.goStruct = structName;
		return child;
	}

	Cursor element(std::size_t index, const std::string& applyName) const
	{
		Cursor child = *this;
		child.path += "[" + std::to_string(index) + "]";
		child.applyPath += applyName;
		return child;
	}
};

SchemaValidator::SchemaValidator()
{
}

void SchemaValidator::load(const OpenApiDocuments& documents)
{
	for (const auto& document: documents.documents())
	{
		Object::Ptr root = Json::parseObject(document.second);
		Object::Ptr schemas = Json::object(Json::object(root, "components"), "schemas");
		if (!schemas) continue;
		stripDescriptions(schemas);
		for (const auto& entry: *schemas)
		{
			if (!Json::isObject(entry.second)) continue;
			Object::Ptr schema = entry.second.extract<Object::Ptr>();
			_schemas[entry.first] = schema;
			Array::Ptr kinds = Json::array(schema, "x-kubernetes-group-version-kind");
			for (unsigned i = 0; kinds && i < kinds->size(); ++i)
			{
				Object::Ptr gvk = kinds->getObject(i);
				_kinds[Json::string(gvk, "group") + "/" + Json::string(gvk, "version") + "/" + Json::string(gvk, "kind")] = entry.first;
			}
		}
	}
}

bool SchemaValidator::covers(const ResourceInfo& resource) const
{
	return _kinds.count(resource.group + "/" + resource.version + "/" + resource.kind) > 0;
}

SchemaValidator::Resolved SchemaValidator::resolve(const Object::Ptr& schema) const
{
	Resolved node{schema, ""};
	// Bounded: a cycle of references would otherwise never end.
	for (int depth = 0; node.schema && depth < 16; ++depth)
	{
		const std::string ref = Json::string(node.schema, "$ref");
		if (!ref.empty())
		{
			node.name = ref.compare(0, REF_PREFIX.size(), REF_PREFIX) == 0 ? ref.substr(REF_PREFIX.size()) : ref;
			auto it = _schemas.find(node.name);
			node.schema = it == _schemas.end() ? nullptr : it->second;
			continue;
		}
		Array::Ptr allOf = Json::array(node.schema, "allOf");
		if (!allOf || allOf->size() != 1) break;
		node.schema = allOf->getObject(0);
	}
	return node;
}

bool SchemaValidator::typeMatches(const Var& value, const Resolved& node) const
{
	Array::Ptr oneOf = Json::array(node.schema, "oneOf");
	if (oneOf)
	{
		for (unsigned i = 0; i < oneOf->size(); ++i)
		{
			if (typeMatches(value, resolve(oneOf->getObject(i)))) return true;
		}
		return false;
	}
	const std::string type = Json::string(node.schema, "type");
	if (type == "object") return Json::isObject(value);
	if (type == "array") return Json::isArray(value);
	if (type == "string") return Json::isString(value);
	if (type == "boolean") return isBool(value);
	if (type == "number") return Json::isNumber(value);
	if (type == "integer") return isInteger(value, Json::string(node.schema, "format"));
	return true;
}

std::string SchemaValidator::goType(const Resolved& node) const
{
	if (!node.name.empty()) return nameComponent(node.name, true) + "." + nameComponent(node.name, false);
	const std::string type = Json::string(node.schema, "type");
	if (type == "object")
	{
		Object::Ptr additional = Json::object(node.schema, "additionalProperties");
		return additional ? "map[string]" + goType(resolve(additional)) : "map[string]interface {}";
	}
	if (type == "array") return "[]" + goType(resolve(Json::object(node.schema, "items")));
	if (type == "boolean") return "bool";
	if (type == "number") return "float64";
	if (type == "integer")
	{
		const std::string format = Json::string(node.schema, "format");
		return format.empty() ? "int" : format;
	}
	return type.empty() ? "interface {}" : type;
}

void SchemaValidator::walk(const Var& value, const Object::Ptr& schema, const Cursor& cursor, bool decode, Findings& findings) const
{
	if (Json::isNull(value)) return;
	const Resolved node = resolve(schema);
	if (!node.schema) return;
	if (!typeMatches(value, node))
	{
		if (decode && findings.typeError.empty())
		{
			const std::string type = Json::string(node.schema, "type");
			findings.typeError = "json: cannot unmarshal " + valueKind(value, type == "integer" && Json::isNumber(value))
				+ " into Go struct field " + cursor.goStruct + "." + cursor.goFields + " of type " + goType(node);
			findings.applyTypeError = cursor.applyPath + ": expected " + expectedKind(type) + ", got " + valueKind(value, false);
		}
		return;
	}
	if (Json::isObject(value) && (Json::string(node.schema, "type") == "object" || node.schema->has("properties")))
		walkObject(value.extract<Object::Ptr>(), node, cursor, decode, findings);
	else if (Json::isArray(value))
		walkArray(value.extract<Array::Ptr>(), schema, node, cursor, decode, findings);
}

void SchemaValidator::walkObject(Object::Ptr object, const Resolved& node, const Cursor& cursor, bool decode, Findings& findings) const
{
	const std::string structName = node.name.empty() ? cursor.goStruct : nameComponent(node.name, false);
	Array::Ptr required = Json::array(node.schema, "required");
	for (unsigned i = 0; !decode && required && i < required->size(); ++i)
	{
		const std::string key = required->get(i).convert<std::string>();
		if (!object->has(key) || Json::isNull(object->get(key))) findings.missingRequired.push_back(cursor.field(key, structName).path);
	}
	Object::Ptr properties = Json::object(node.schema, "properties");
	Object::Ptr additional = Json::object(node.schema, "additionalProperties");
	// Free-form objects (FieldsV1, RawExtension) take anything.
	if ((!properties && !additional) || Json::string(node.schema, "x-kubernetes-preserve-unknown-fields") == "true") return;
	// Reported in the order met, like the decoder's document order.
	std::vector<std::string> unknown;
	for (const auto& entry: *object)
	{
		const Cursor field = cursor.field(entry.first, structName);
		if (properties && properties->has(entry.first)) walk(entry.second, properties->getObject(entry.first), field, decode, findings);
		else if (additional) walk(entry.second, additional, field, decode, findings);
		else if (decode)
		{
			findings.unknownFields.push_back(field.path);
			findings.undeclaredFields.push_back(field.applyPath);
			unknown.push_back(entry.first);
		}
	}
	for (const auto& key: unknown) object->remove(key);
}

void SchemaValidator::walkArray(const Array::Ptr& array, const Object::Ptr& schema, const Resolved& node, const Cursor& cursor, bool decode, Findings& findings) const
{
	Object::Ptr items = Json::object(node.schema, "items");
	if (!items) return;
	for (unsigned i = 0; i < array->size(); ++i)
	{
		const Var item = array->get(i);
		walk(item, items, cursor.element(i, applyElement(item, schema, node.schema, i)), decode, findings);
	}
}

SchemaValidator::Findings SchemaValidator::check(const ResourceInfo& resource, const Object::Ptr& object, bool decode) const
{
	Findings findings;
	auto kind = _kinds.find(resource.group + "/" + resource.version + "/" + resource.kind);
	if (kind == _kinds.end() || !object) return findings;
	Object::Ptr root = new Object;
	root->set("$ref", REF_PREFIX + kind->second);
	walk(Var(object), root, Cursor(), decode, findings);
	return findings;
}

SchemaValidator::Findings SchemaValidator::inspect(const ResourceInfo& resource, const Object::Ptr& object) const
{
	return check(resource, object, true);
}

std::vector<std::string> SchemaValidator::missingRequired(const ResourceInfo& resource, const Object::Ptr& object) const
{
	return check(resource, object, false).missingRequired;
}

} } // namespace sbomop::kubesim
