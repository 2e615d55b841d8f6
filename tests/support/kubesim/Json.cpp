//
// Json.cpp
//

#include "kubesim/Json.h"
#include <Poco/DateTimeFormat.h>
#include <Poco/DateTimeFormatter.h>
#include <Poco/JSON/JSONException.h>
#include <Poco/JSON/Parser.h>
#include <Poco/JSON/Stringifier.h>
#include <Poco/Timestamp.h>
#include <sstream>

using Poco::Dynamic::Var;
using Poco::JSON::Array;
using Poco::JSON::Object;

namespace sbomop {
namespace kubesim {

Var Json::parse(const std::string& text)
{
	Poco::JSON::Parser parser;
	return parser.parse(text);
}

Object::Ptr Json::parseObject(const std::string& text)
{
	Var value = parse(text);
	if (!isObject(value)) throw Poco::JSON::JSONException("expected a JSON object");
	return value.extract<Object::Ptr>();
}

std::string Json::stringify(const Var& value)
{
	std::ostringstream out;
	Poco::JSON::Stringifier::condense(value, out);
	return out.str();
}

Var Json::deepCopy(const Var& value)
{
	if (isObject(value)) return deepCopy(value.extract<Object::Ptr>());
	if (isArray(value))
	{
		Array::Ptr source = value.extract<Array::Ptr>();
		Array::Ptr copy = new Array;
		for (std::size_t i = 0; i < source->size(); ++i) copy->add(deepCopy(source->get(static_cast<unsigned>(i))));
		return copy;
	}
	return value;
}

Object::Ptr Json::deepCopy(const Object::Ptr& object)
{
	if (!object) return object;
	Object::Ptr copy = new Object;
	for (const auto& entry: *object) copy->set(entry.first, deepCopy(entry.second));
	return copy;
}

bool Json::equals(const Var& a, const Var& b)
{
	if (isNull(a) || isNull(b)) return isNull(a) && isNull(b);
	if (isObject(a) || isObject(b))
	{
		if (!isObject(a) || !isObject(b)) return false;
		Object::Ptr oa = a.extract<Object::Ptr>();
		Object::Ptr ob = b.extract<Object::Ptr>();
		if (oa->size() != ob->size()) return false;
		for (const auto& entry: *oa)
		{
			if (!ob->has(entry.first)) return false;
			if (!equals(entry.second, ob->get(entry.first))) return false;
		}
		return true;
	}
	if (isArray(a) || isArray(b))
	{
		if (!isArray(a) || !isArray(b)) return false;
		Array::Ptr aa = a.extract<Array::Ptr>();
		Array::Ptr ab = b.extract<Array::Ptr>();
		if (aa->size() != ab->size()) return false;
		for (unsigned i = 0; i < aa->size(); ++i)
		{
			if (!equals(aa->get(i), ab->get(i))) return false;
		}
		return true;
	}
	if (isString(a) || isString(b))
	{
		return isString(a) && isString(b) && a.extract<std::string>() == b.extract<std::string>();
	}
	if (a.type() == typeid(bool) || b.type() == typeid(bool))
	{
		return a.type() == b.type() && a.extract<bool>() == b.extract<bool>();
	}
	if (isNumber(a) && isNumber(b))
	{
		if (a.isInteger() && b.isInteger()) return a.convert<Poco::Int64>() == b.convert<Poco::Int64>();
		return a.convert<double>() == b.convert<double>();
	}
	return false;
}

bool Json::isObject(const Var& value)
{
	return value.type() == typeid(Object::Ptr);
}

bool Json::isArray(const Var& value)
{
	return value.type() == typeid(Array::Ptr);
}

bool Json::isNull(const Var& value)
{
	return value.isEmpty();
}

bool Json::isString(const Var& value)
{
	return value.type() == typeid(std::string);
}

bool Json::isNumber(const Var& value)
{
	return !value.isEmpty() && value.isNumeric() && value.type() != typeid(bool);
}

Object::Ptr Json::object(const Object::Ptr& parent, const std::string& key)
{
	if (!parent || !parent->has(key)) return nullptr;
	Var value = parent->get(key);
	if (!isObject(value)) return nullptr;
	return value.extract<Object::Ptr>();
}

Array::Ptr Json::array(const Object::Ptr& parent, const std::string& key)
{
	if (!parent || !parent->has(key)) return nullptr;
	Var value = parent->get(key);
	if (!isArray(value)) return nullptr;
	return value.extract<Array::Ptr>();
}

Object::Ptr Json::ensureObject(Object::Ptr parent, const std::string& key)
{
	Object::Ptr child = object(parent, key);
	if (!child)
	{
		child = new Object;
		parent->set(key, child);
	}
	return child;
}

std::string Json::string(const Object::Ptr& parent, const std::string& key, const std::string& defaultValue)
{
	if (!parent || !parent->has(key)) return defaultValue;
	Var value = parent->get(key);
	if (value.isEmpty()) return "";
	if (isObject(value) || isArray(value)) return stringify(value);
	return value.convert<std::string>();
}

std::map<std::string, std::string> Json::stringMap(const Object::Ptr& parent, const std::string& key)
{
	std::map<std::string, std::string> result;
	Object::Ptr map = object(parent, key);
	if (!map) return result;
	for (const auto& entry: *map)
	{
		if (entry.second.isEmpty()) continue;
		result[entry.first] = isString(entry.second) ? entry.second.extract<std::string>() : stringify(entry.second);
	}
	return result;
}

Object::Ptr Json::metadata(const Object::Ptr& object)
{
	return ensureObject(object, "metadata");
}

std::string Json::nowRfc3339()
{
	return Poco::DateTimeFormatter::format(Poco::Timestamp(), "%Y-%m-%dT%H:%M:%SZ");
}

} } // namespace sbomop::kubesim
