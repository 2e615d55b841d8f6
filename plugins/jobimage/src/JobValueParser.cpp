//
// JobValueParser.cpp
//

#include "sbomop/jobimage/JobValueParser.h"
#include "sbomop/config/ConfigException.h"
#include "sbomop/config/ValueParser.h"
#include "sbomop/kube/LabelValidation.h"
#include <Poco/JSON/Parser.h>
#include <Poco/RegularExpression.h>
#include <Poco/String.h>
#include <set>

namespace sbomop {
namespace jobimage {

using config::ConfigException;
using Poco::Dynamic::Var;

namespace
{
	Var parseJson(const std::string& text, const std::string& expected)
	{
		try
		{
			Poco::JSON::Parser parser;
			return parser.parse(text);
		}
		catch (Poco::Exception& exc)
		{
			throw ConfigException("not valid JSON (" + expected + "): " + exc.message());
		}
	}

	Poco::JSON::Object::Ptr parseObject(const std::string& text, const std::string& expected)
	{
		const Var value = parseJson(text, expected);
		if (value.type() != typeid(Poco::JSON::Object::Ptr)) throw ConfigException("not a JSON object (" + expected + ")");
		return value.extract<Poco::JSON::Object::Ptr>();
	}

	std::string quote(const std::string& text)
	{
		return kube::LabelValidation::quote(text);
	}

	Poco::JSON::Object::Ptr parseResourceList(const Poco::JSON::Object::Ptr& resources, const std::string& field)
	{
		const Var value = resources->get(field);
		if (value.type() != typeid(Poco::JSON::Object::Ptr)) throw ConfigException(field + ": must be an object of resource name to quantity");
		const Poco::JSON::Object::Ptr list = value.extract<Poco::JSON::Object::Ptr>();
		Poco::JSON::Object::Ptr result = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
		for (const auto& name: list->getNames())
		{
			// Resource names share the syntax of label keys (a qualified name).
			if (!kube::LabelValidation::isValidKey(name))
				throw ConfigException(field + ": " + quote(name) + " is not a valid resource name");
			const Var quantity = list->get(name);
			if (!quantity.isString())
				throw ConfigException(field + "." + name + ": must be a quantity string such as \"500m\" or \"1Gi\"");
			const std::string text = quantity.convert<std::string>();
			if (!JobValueParser::isQuantity(text))
				throw ConfigException(field + "." + name + ": " + quote(text) + " is not a non-negative quantity");
			result->set(name, text);
		}
		return result;
	}

	void checkLabel(const std::string& key, const std::string& value)
	{
		const std::vector<std::string> keyErrors = kube::LabelValidation::keyErrors(key);
		if (!keyErrors.empty()) throw ConfigException("key " + quote(key) + ": " + kube::LabelValidation::aggregate(keyErrors));
		const std::vector<std::string> valueErrors = kube::LabelValidation::valueErrors(value);
		if (!valueErrors.empty()) throw ConfigException("value " + quote(value) + " of " + quote(key) + ": " + kube::LabelValidation::aggregate(valueErrors));
	}

	std::string optionalString(const Poco::JSON::Object::Ptr& object, const std::string& field, const std::string& prefix)
	{
		if (!object->has(field)) return std::string();
		const Var value = object->get(field);
		if (!value.isString()) throw ConfigException(prefix + field + ": must be a string");
		return value.convert<std::string>();
	}

	Poco::JSON::Object::Ptr parseToleration(const Var& item, const std::string& prefix)
	{
		static const std::set<std::string> FIELDS = {"key", "operator", "value", "effect", "tolerationSeconds"};
		static const std::set<std::string> EFFECTS = {"", "NoSchedule", "PreferNoSchedule", "NoExecute"};
		if (item.type() != typeid(Poco::JSON::Object::Ptr)) throw ConfigException(prefix + ": must be an object");
		const Poco::JSON::Object::Ptr object = item.extract<Poco::JSON::Object::Ptr>();
		for (const auto& name: object->getNames())
		{
			if (FIELDS.count(name) == 0)
				throw ConfigException(prefix + ": unknown field " + quote(name) + " (allowed: key, operator, value, effect, tolerationSeconds)");
		}
		const std::string key = optionalString(object, "key", prefix + ".");
		const std::string op = optionalString(object, "operator", prefix + ".");
		const std::string value = optionalString(object, "value", prefix + ".");
		const std::string effect = optionalString(object, "effect", prefix + ".");

		Poco::JSON::Object::Ptr result = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
		if (!key.empty())
		{
			const std::vector<std::string> errors = kube::LabelValidation::keyErrors(key);
			if (!errors.empty()) throw ConfigException(prefix + ".key: " + quote(key) + ": " + kube::LabelValidation::aggregate(errors));
			result->set("key", key);
		}
		if (!op.empty() && op != "Equal" && op != "Exists")
			throw ConfigException(prefix + ".operator: " + quote(op) + " is not supported (Equal, Exists)");
		if (key.empty() && op != "Exists")
			throw ConfigException(prefix + ".operator: must be Exists when key is empty");
		if (op == "Exists" && !value.empty())
			throw ConfigException(prefix + ".value: must be empty when operator is Exists");
		if (!op.empty()) result->set("operator", op);
		if (!value.empty())
		{
			const std::vector<std::string> errors = kube::LabelValidation::valueErrors(value);
			if (!errors.empty()) throw ConfigException(prefix + ".value: " + quote(value) + ": " + kube::LabelValidation::aggregate(errors));
			result->set("value", value);
		}
		if (EFFECTS.count(effect) == 0)
			throw ConfigException(prefix + ".effect: " + quote(effect) + " is not supported (NoSchedule, PreferNoSchedule, NoExecute)");
		if (!effect.empty()) result->set("effect", effect);
		if (object->has("tolerationSeconds"))
		{
			const Var seconds = object->get("tolerationSeconds");
			if (!seconds.isInteger()) throw ConfigException(prefix + ".tolerationSeconds: must be an integer");
			if (effect != "NoExecute") throw ConfigException(prefix + ".tolerationSeconds: requires effect NoExecute");
			result->set("tolerationSeconds", seconds.convert<Poco::Int64>());
		}
		return result;
	}

	bool blank(const std::string& text)
	{
		return Poco::trim(text).empty();
	}
}


Poco::JSON::Object::Ptr JobValueParser::parseResources(const std::string& text)
{
	if (blank(text)) return nullptr;
	const Poco::JSON::Object::Ptr resources = parseObject(text, "expected {\"requests\":{...},\"limits\":{...}}");
	Poco::JSON::Object::Ptr result = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
	for (const auto& field: resources->getNames())
	{
		if (field != "requests" && field != "limits")
			throw ConfigException("unknown field " + quote(field) + " (allowed: requests, limits)");
	}
	for (const char* field: {"requests", "limits"})
	{
		if (resources->has(field)) result->set(field, parseResourceList(resources, field));
	}
	return result;
}


Poco::JSON::Object::Ptr JobValueParser::parseNodeSelector(const std::string& text)
{
	if (blank(text)) return nullptr;
	Poco::JSON::Object::Ptr result = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
	if (Poco::trim(text)[0] == '{')
	{
		const Poco::JSON::Object::Ptr selector = parseObject(text, "expected an object of label key to value");
		for (const auto& key: selector->getNames())
		{
			const Var value = selector->get(key);
			if (!value.isString()) throw ConfigException("value of " + quote(key) + ": must be a string");
			checkLabel(key, value.convert<std::string>());
			result->set(key, value.convert<std::string>());
		}
		return result;
	}
	for (const std::string& pair: config::ValueParser::splitList(text))
	{
		const std::string::size_type eq = pair.find('=');
		if (eq == std::string::npos) throw ConfigException(quote(pair) + " is not a key=value pair");
		const std::string key = Poco::trim(pair.substr(0, eq));
		const std::string value = Poco::trim(pair.substr(eq + 1));
		checkLabel(key, value);
		result->set(key, value);
	}
	return result;
}


Poco::JSON::Array::Ptr JobValueParser::parseTolerations(const std::string& text)
{
	if (blank(text)) return nullptr;
	const Var value = parseJson(text, "expected an array of toleration objects");
	if (value.type() != typeid(Poco::JSON::Array::Ptr)) throw ConfigException("not a JSON array of toleration objects");
	const Poco::JSON::Array::Ptr items = value.extract<Poco::JSON::Array::Ptr>();
	Poco::JSON::Array::Ptr result = new Poco::JSON::Array;
	for (std::size_t i = 0; i < items->size(); ++i)
	{
		result->add(parseToleration(items->get(static_cast<unsigned>(i)), "[" + std::to_string(i) + "]"));
	}
	return result;
}


void JobValueParser::checkObjectName(const std::string& name)
{
	static const Poco::RegularExpression SUBDOMAIN("^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$");
	if (name.size() > 253) throw ConfigException("must be no more than 253 characters");
	if (!SUBDOMAIN.match(name))
		throw ConfigException("must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character");
}


bool JobValueParser::isQuantity(const std::string& text)
{
	static const Poco::RegularExpression QUANTITY(
		"^\\+?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)(Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E|[eE][+-]?[0-9]+)?$");
	return QUANTITY.match(text);
}

} } // namespace sbomop::jobimage
