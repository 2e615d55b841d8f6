//
// ConfigException.cpp
//

#include "sbomop/config/ConfigException.h"
#include <Poco/String.h>
#include <typeinfo>

namespace sbomop {
namespace config {

const std::string ConfigException::MASK("***");


ConfigException::ConfigException(const std::string& message):
	SbomopException(oneLine(message))
{
}


ConfigException::ConfigException(const std::string& message, const std::string& key, const std::string& displayValue,
	const std::string& allowed, const std::string& source):
	SbomopException(oneLine(message)),
	_key(key),
	_displayValue(displayValue),
	_allowed(allowed),
	_source(source)
{
}


ConfigException::ConfigException(const ConfigException& other) = default;
ConfigException::~ConfigException() noexcept = default;
ConfigException& ConfigException::operator = (const ConfigException& other) = default;


namespace
{
	std::string fromPart(const std::string& source)
	{
		return source.empty() ? std::string() : " (from " + source + ")";
	}
}


ConfigException ConfigException::invalidValue(const std::string& key, const std::string& value, bool secret,
	const std::string& source, const std::string& reason, const std::string& allowed)
{
	const std::string shown = secret ? MASK : value;
	// A validator may quote the value in its reason; a secret must not leak that way.
	const std::string safeReason = (secret && !value.empty()) ? Poco::replace(reason, value, MASK) : reason;
	std::string message = "invalid value \"" + shown + "\" for key '" + key + "'" + fromPart(source) + ": " + safeReason;
	if (!allowed.empty()) message += "; allowed: " + allowed;
	return ConfigException(message, key, shown, allowed, source);
}


ConfigException ConfigException::unknownKey(const std::string& key, const std::string& source, const std::string& suggestion)
{
	std::string message = "unknown key '" + key + "'" + fromPart(source);
	if (!suggestion.empty()) message += "; did you mean '" + suggestion + "'?";
	return ConfigException(message, key, std::string(), std::string(), source);
}


ConfigException ConfigException::missingValue(const std::string& key, const std::string& reason)
{
	return ConfigException("missing value for key '" + key + "': " + reason, key, std::string(), std::string(), std::string());
}


ConfigException ConfigException::wrongSource(const std::string& key, const std::string& source, const std::string& envName)
{
	return ConfigException("key '" + key + "'" + fromPart(source) + " can only be set through the environment variable " + envName,
		key, std::string(), std::string(), source);
}


ConfigException ConfigException::fileError(const std::string& path, const std::string& reason)
{
	return ConfigException("cannot read config file '" + path + "': " + reason,
		std::string(), std::string(), std::string(), "file " + path);
}


std::string ConfigException::oneLine(const std::string& text)
{
	std::string result(text);
	for (char& c: result)
	{
		if (c == '\n' || c == '\r') c = ' ';
	}
	return result;
}


const char* ConfigException::name() const noexcept
{
	return "Configuration error";
}


const char* ConfigException::className() const noexcept
{
	return typeid(*this).name();
}


Poco::Exception* ConfigException::clone() const
{
	return new ConfigException(*this);
}


void ConfigException::rethrow() const
{
	throw *this;
}


} } // namespace sbomop::config
