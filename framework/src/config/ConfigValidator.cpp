//
// ConfigValidator.cpp
//

#include "sbomop/config/ConfigValidator.h"
#include "sbomop/config/ConfigException.h"
#include "sbomop/config/ValueParser.h"
#include <Poco/String.h>
#include <Poco/Util/AbstractConfiguration.h>
#include <algorithm>

namespace sbomop {
namespace config {

namespace
{
	ConfigException invalid(const KeyDefinition& key, const std::string& value, const std::string& source, const std::string& reason)
	{
		return ConfigException::invalidValue(key.name(), value, key.isSecret(), source, reason, key.allowed());
	}

	// Returns the listed spelling of `value`, or empty when it is not allowed.
	std::string canonicalEnumValue(const KeyDefinition& key, const std::string& value)
	{
		for (const std::string& allowed: key.allowedValues())
		{
			if (Poco::icompare(allowed, value) == 0) return allowed;
		}
		return std::string();
	}

	void collectLeafKeys(const Poco::Util::AbstractConfiguration& config, const std::string& base, std::vector<std::string>& leaves)
	{
		Poco::Util::AbstractConfiguration::Keys children;
		config.keys(base, children);
		if (children.empty())
		{
			if (!base.empty()) leaves.push_back(base);
			return;
		}
		for (const std::string& child: children)
		{
			collectLeafKeys(config, base.empty() ? child : base + "." + child, leaves);
		}
	}
}


ConfigValidator::ConfigValidator(const ConfigSchema& schema):
	_schema(schema)
{
}


std::string ConfigValidator::check(const std::string& key, const std::string& value, const std::string& source) const
{
	const KeyDefinition* definition = _schema.find(key);
	if (!definition) throw ConfigException::unknownKey(key, source, _schema.suggest(key));
	return checkValue(*definition, value, source);
}


void ConfigValidator::validate(const Poco::Util::AbstractConfiguration& config, const std::string& source) const
{
	std::vector<std::string> leaves;
	collectLeafKeys(config, std::string(), leaves);
	for (const std::string& key: leaves)
	{
		check(key, config.getRawString(key, std::string()), source);
	}
}


std::string ConfigValidator::checkType(const KeyDefinition& key, const std::string& value, const std::string& source)
{
	switch (key.type())
	{
	case KeyDefinition::STRING:
		return value;
	case KeyDefinition::BOOL:
		{
			bool flag = false;
			if (!ValueParser::parseBool(value, flag)) throw invalid(key, value, source, "not a boolean");
			return flag ? "true" : "false";
		}
	case KeyDefinition::INTEGER:
		{
			Poco::Int64 number = 0;
			const ValueParser::IntegerResult result = ValueParser::parseInteger(value, number);
			if (result == ValueParser::INTEGER_SYNTAX) throw invalid(key, value, source, "not an integer");
			if (result == ValueParser::INTEGER_OVERFLOW || number < key.minimum() || number > key.maximum())
				throw invalid(key, value, source, "out of range");
			return std::to_string(number);
		}
	case KeyDefinition::ENUM:
		{
			const std::string canonical = canonicalEnumValue(key, value);
			if (canonical.empty()) throw invalid(key, value, source, "not an allowed value");
			return canonical;
		}
	case KeyDefinition::LIST:
		return ValueParser::joinList(ValueParser::splitList(value));
	case KeyDefinition::ENUM_LIST:
		{
			std::vector<std::string> items;
			for (const std::string& item: ValueParser::splitList(value))
			{
				const std::string canonical = canonicalEnumValue(key, item);
				if (canonical.empty()) throw invalid(key, value, source, "'" + item + "' is not an allowed value");
				if (std::find(items.begin(), items.end(), canonical) == items.end()) items.push_back(canonical);
			}
			return ValueParser::joinList(items);
		}
	}
	return value;
}


std::string ConfigValidator::checkValue(const KeyDefinition& key, const std::string& value, const std::string& source)
{
	const std::string normalized = checkType(key, value, source);
	for (const KeyDefinition::Validator& validator: key.validators())
	{
		// Validators may come from plugins and reuse other modules' parsers, so
		// any exception they throw is a rejection of the value.
		try
		{
			validator(normalized);
		}
		catch (Poco::Exception& exc)
		{
			throw invalid(key, value, source, exc.message().empty() ? exc.displayText() : exc.message());
		}
		catch (std::exception& exc)
		{
			throw invalid(key, value, source, exc.what());
		}
	}
	return normalized;
}


void ConfigValidator::requireNonEmpty(const Poco::Util::AbstractConfiguration& config, const std::string& key, const std::string& reason)
{
	const std::string value = config.getRawString(key, std::string());
	if (Poco::trim(value).empty() || ValueParser::splitList(value).empty())
		throw ConfigException::missingValue(key, reason);
}


} } // namespace sbomop::config
