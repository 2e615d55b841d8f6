//
// OpenApiChecker.cpp
//

#include "OpenApiChecker.h"
#include <Poco/Exception.h>
#include <Poco/FileStream.h>
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Parser.h>

namespace sbomop {
namespace jobimage {
namespace test {

using Poco::Dynamic::Var;
using Poco::JSON::Array;
using Poco::JSON::Object;

void OpenApiChecker::load(const std::string& path)
{
	Poco::FileInputStream in(path);
	Poco::JSON::Parser parser;
	const Object::Ptr document = parser.parse(in).extract<Object::Ptr>();
	const Object::Ptr schemas = document->getObject("components")->getObject("schemas");
	for (const auto& name: schemas->getNames()) _schemas->set(name, schemas->get(name));
}


std::vector<std::string> OpenApiChecker::check(const Object::Ptr& object, const std::string& schemaName) const
{
	std::vector<std::string> problems;
	const Object::Ptr schema = _schemas->getObject(schemaName);
	if (!schema) throw Poco::NotFoundException("schema " + schemaName);
	checkValue(Var(object), schema, "", problems);
	return problems;
}


Object::Ptr OpenApiChecker::resolve(const Object::Ptr& schema) const
{
	if (!schema->has("$ref")) return schema;
	const std::string ref = schema->getValue<std::string>("$ref");
	const std::string prefix = "#/components/schemas/";
	const Object::Ptr target = _schemas->getObject(ref.substr(prefix.size()));
	if (!target) throw Poco::NotFoundException("schema reference " + ref);
	return resolve(target);
}


void OpenApiChecker::checkValue(const Var& value, const Object::Ptr& rawSchema, const std::string& path, std::vector<std::string>& problems) const
{
	const Object::Ptr schema = resolve(rawSchema);
	const std::string where = path.empty() ? "(root)" : path;
	if (Array::Ptr allOf = schema->getArray("allOf"))
	{
		for (std::size_t i = 0; i < allOf->size(); ++i) checkValue(value, allOf->getObject(static_cast<unsigned>(i)), path, problems);
	}
	if (Array::Ptr oneOf = schema->getArray("oneOf"))
	{
		bool matched = false;
		for (std::size_t i = 0; i < oneOf->size() && !matched; ++i)
		{
			std::vector<std::string> trial;
			checkValue(value, oneOf->getObject(static_cast<unsigned>(i)), path, trial);
			matched = trial.empty();
		}
		if (!matched) problems.push_back(where + ": matches none of oneOf");
	}
	if (!schema->has("type")) return;
	const std::string type = schema->getValue<std::string>("type");
	if (type == "string")
	{
		if (!value.isString()) problems.push_back(where + ": expected a string");
	}
	else if (type == "boolean")
	{
		if (!value.isBoolean()) problems.push_back(where + ": expected a boolean");
	}
	else if (type == "integer")
	{
		if (!value.isInteger() || value.isBoolean()) problems.push_back(where + ": expected an integer");
		else if (schema->optValue<std::string>("format", "") == "int32")
		{
			const Poco::Int64 number = value.convert<Poco::Int64>();
			if (number < -2147483648LL || number > 2147483647LL) problems.push_back(where + ": out of int32 range");
		}
	}
	else if (type == "number")
	{
		if (!value.isNumeric()) problems.push_back(where + ": expected a number");
	}
	else if (type == "array")
	{
		if (value.type() != typeid(Array::Ptr))
		{
			problems.push_back(where + ": expected an array");
			return;
		}
		const Array::Ptr items = value.extract<Array::Ptr>();
		const Object::Ptr itemSchema = schema->getObject("items");
		for (std::size_t i = 0; i < items->size(); ++i)
		{
			if (itemSchema) checkValue(items->get(static_cast<unsigned>(i)), itemSchema, path + "[" + std::to_string(i) + "]", problems);
		}
	}
	else if (type == "object")
	{
		if (value.type() != typeid(Object::Ptr))
		{
			problems.push_back(where + ": expected an object");
			return;
		}
		checkObject(value.extract<Object::Ptr>(), schema, path, problems);
	}
}


void OpenApiChecker::checkObject(const Object::Ptr& object, const Object::Ptr& schema, const std::string& path, std::vector<std::string>& problems) const
{
	const Object::Ptr properties = schema->getObject("properties");
	const Object::Ptr additional = schema->getObject("additionalProperties");
	for (const auto& name: object->getNames())
	{
		const std::string child = path.empty() ? name : path + "." + name;
		if (properties && properties->has(name)) checkValue(object->get(name), properties->getObject(name), child, problems);
		else if (additional) checkValue(object->get(name), additional, child, problems);
		else problems.push_back(child + ": unknown field");
	}
	if (Array::Ptr required = schema->getArray("required"))
	{
		for (std::size_t i = 0; i < required->size(); ++i)
		{
			const std::string name = required->getElement<std::string>(static_cast<unsigned>(i));
			if (!object->has(name)) problems.push_back((path.empty() ? name : path + "." + name) + ": required field missing");
		}
	}
}

} } } // namespace sbomop::jobimage::test
