//
// KeyDefinition.cpp
//

#include "sbomop/config/KeyDefinition.h"
#include <Poco/String.h>

namespace sbomop {
namespace config {

KeyDefinition::KeyDefinition(const std::string& name, Type type, const std::string& group,
	const std::string& defaultValue, const std::string& help):
	_name(name),
	_type(type),
	_group(group),
	_default(defaultValue),
	_help(help)
{
}


KeyDefinition KeyDefinition::stringKey(const std::string& name, const std::string& group,
	const std::string& defaultValue, const std::string& help)
{
	return KeyDefinition(name, STRING, group, defaultValue, help);
}


KeyDefinition KeyDefinition::boolKey(const std::string& name, const std::string& group,
	bool defaultValue, const std::string& help)
{
	return KeyDefinition(name, BOOL, group, defaultValue ? "true" : "false", help);
}


KeyDefinition KeyDefinition::integerKey(const std::string& name, const std::string& group,
	Poco::Int64 defaultValue, Poco::Int64 minimum, Poco::Int64 maximum, const std::string& help)
{
	KeyDefinition key(name, INTEGER, group, std::to_string(defaultValue), help);
	key._minimum = minimum;
	key._maximum = maximum;
	return key;
}


KeyDefinition KeyDefinition::enumKey(const std::string& name, const std::string& group,
	const std::vector<std::string>& allowedValues, const std::string& defaultValue, const std::string& help)
{
	KeyDefinition key(name, ENUM, group, defaultValue, help);
	key._allowedValues = allowedValues;
	return key;
}


KeyDefinition KeyDefinition::listKey(const std::string& name, const std::string& group,
	const std::string& defaultValue, const std::string& help)
{
	return KeyDefinition(name, LIST, group, defaultValue, help);
}


KeyDefinition KeyDefinition::enumListKey(const std::string& name, const std::string& group,
	const std::vector<std::string>& allowedValues, const std::string& defaultValue, const std::string& help)
{
	KeyDefinition key(name, ENUM_LIST, group, defaultValue, help);
	key._allowedValues = allowedValues;
	return key;
}


KeyDefinition& KeyDefinition::markSecret()
{
	_secret = true;
	return *this;
}


KeyDefinition& KeyDefinition::markEnvOnly()
{
	_envOnly = true;
	return *this;
}


KeyDefinition& KeyDefinition::withUnit(const std::string& unit)
{
	_unit = unit;
	return *this;
}


KeyDefinition& KeyDefinition::withAllowedText(const std::string& text)
{
	_allowedText = text;
	return *this;
}


KeyDefinition& KeyDefinition::withValidator(const Validator& validator)
{
	_validators.push_back(validator);
	return *this;
}


KeyDefinition& KeyDefinition::withDerivedDefault(const DefaultFunction& function, const std::string& description)
{
	_derivedDefault = function;
	_derivedDescription = description;
	return *this;
}


std::string KeyDefinition::defaultFor(const ValueLookup& lookup) const
{
	return _derivedDefault ? _derivedDefault(lookup) : _default;
}


std::string KeyDefinition::defaultDescription() const
{
	return _derivedDefault ? _derivedDescription : _default;
}


std::string KeyDefinition::envNameOf(const std::string& name)
{
	std::string env = "SBOM_" + Poco::toUpper(name);
	Poco::replaceInPlace(env, '-', '_');
	return env;
}


std::string KeyDefinition::envName() const
{
	return envNameOf(_name);
}


std::string KeyDefinition::optionName() const
{
	return "--" + _name;
}


std::string KeyDefinition::allowed() const
{
	if (!_allowedText.empty()) return _allowedText;

	const std::string values = Poco::cat(std::string(", "), _allowedValues.begin(), _allowedValues.end());
	switch (_type)
	{
	case BOOL:
		return "true, false, yes, no, 1, 0";
	case INTEGER:
		return "integer from " + std::to_string(_minimum) + " to " + std::to_string(_maximum)
			+ (_unit.empty() ? std::string() : " (" + _unit + ")");
	case ENUM:
		return "one of " + values;
	case LIST:
		return "comma-separated list";
	case ENUM_LIST:
		return "comma-separated list of " + values;
	case STRING:
		break;
	}
	return std::string();
}


std::string KeyDefinition::typeName() const
{
	switch (_type)
	{
	case BOOL: return "bool";
	case INTEGER: return "integer";
	case ENUM: return "enum";
	case LIST: return "list";
	case ENUM_LIST: return "enum-list";
	case STRING: break;
	}
	return "string";
}


} } // namespace sbomop::config
