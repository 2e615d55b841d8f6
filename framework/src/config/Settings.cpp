//
// Settings.cpp
//

#include "sbomop/config/Settings.h"
#include "sbomop/config/ConfigException.h"
#include "sbomop/config/ConfigValidator.h"
#include "sbomop/config/ValueParser.h"
#include <Poco/Exception.h>
#include <limits>

namespace sbomop {
namespace config {

namespace
{
	const std::string SOURCE("configuration");
}


Settings::Settings(Poco::AutoPtr<Poco::Util::AbstractConfiguration> config, const ConfigSchema& schema):
	_config(config),
	_schema(schema)
{
	poco_check_ptr(_config.get());
}


std::string Settings::getString(const std::string& key) const
{
	const KeyDefinition& definition = _schema.get(key);
	if (_config->hasProperty(key)) return _config->getRawString(key);
	return definition.defaultFor([this](const std::string& other)
	{
		return _schema.has(other) ? getString(other) : _config->getRawString(other, std::string());
	});
}


std::string Settings::typedValue(const std::string& key, KeyDefinition::Type type, KeyDefinition::Type otherType) const
{
	const KeyDefinition& definition = _schema.get(key);
	if (definition.type() != type && definition.type() != otherType)
		throw Poco::InvalidAccessException("configuration key '" + key + "' is of type " + definition.typeName());
	// The configuration may not have gone through ConfigLoader (tests, plugins),
	// so the value is checked with the same rules as during loading.
	return ConfigValidator::checkType(definition, getString(key), SOURCE);
}


bool Settings::getBool(const std::string& key) const
{
	return typedValue(key, KeyDefinition::BOOL, KeyDefinition::BOOL) == "true";
}


int Settings::getInt(const std::string& key) const
{
	const std::string text = typedValue(key, KeyDefinition::INTEGER, KeyDefinition::INTEGER);
	Poco::Int64 value = 0;
	ValueParser::parseInteger(text, value);
	if (value < std::numeric_limits<int>::min() || value > std::numeric_limits<int>::max())
	{
		const KeyDefinition& definition = _schema.get(key);
		throw ConfigException::invalidValue(key, text, definition.isSecret(), SOURCE, "out of range", definition.allowed());
	}
	return static_cast<int>(value);
}


std::vector<std::string> Settings::getList(const std::string& key) const
{
	return ValueParser::splitList(typedValue(key, KeyDefinition::LIST, KeyDefinition::ENUM_LIST));
}


const Poco::Util::AbstractConfiguration& Settings::configuration() const
{
	return *_config;
}


} } // namespace sbomop::config
