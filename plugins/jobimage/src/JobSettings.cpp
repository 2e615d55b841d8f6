//
// JobSettings.cpp
//

#include "sbomop/jobimage/JobSettings.h"
#include "sbomop/config/BuiltinKeys.h"
#include "sbomop/config/ConfigException.h"
#include "sbomop/config/ValueParser.h"
#include "sbomop/image/ImageException.h"
#include "sbomop/image/ImageReference.h"
#include "sbomop/jobimage/JobValueParser.h"
#include <Poco/String.h>
#include <Poco/Util/AbstractConfiguration.h>
#include <functional>

namespace sbomop {
namespace jobimage {

using config::BuiltinKeys;
using config::ConfigException;

namespace
{
	const config::ConfigSchema& schema()
	{
		static const config::ConfigSchema builtin = BuiltinKeys::schema();
		return builtin;
	}

	std::string value(const Poco::Util::AbstractConfiguration& config, const std::string& key)
	{
		// The defaults live in the built-in table only.
		return config.has(key) ? config.getRawString(key) : schema().get(key).defaultValue();
	}

	ConfigException invalid(const std::string& key, const std::string& text, const std::string& reason)
	{
		return ConfigException::invalidValue(key, text, false, "", reason, schema().get(key).allowed());
	}

	template <class T>
	T checked(const std::string& key, const std::string& text, const std::function<T(const std::string&)>& parse)
	{
		try
		{
			return parse(text);
		}
		catch (ConfigException& exc)
		{
			throw invalid(key, text, exc.message());
		}
	}

	Poco::Int64 integer(const Poco::Util::AbstractConfiguration& config, const std::string& key, Poco::Int64 minimum)
	{
		const std::string text = Poco::trim(value(config, key));
		Poco::Int64 number = 0;
		if (config::ValueParser::parseInteger(text, number) != config::ValueParser::INTEGER_OK)
			throw invalid(key, text, "not an integer");
		if (number < minimum || number > 2147483647)
			throw invalid(key, text, "out of range");
		return number;
	}

	std::string objectName(const Poco::Util::AbstractConfiguration& config, const std::string& key)
	{
		const std::string name = Poco::trim(value(config, key));
		if (!name.empty())
		{
			checked<bool>(key, name, [](const std::string& text) { JobValueParser::checkObjectName(text); return true; });
		}
		return name;
	}
}


JobSettings JobSettings::fromConfig(const Poco::Util::AbstractConfiguration& config)
{
	JobSettings settings;
	settings.image = Poco::trim(value(config, BuiltinKeys::JOB_IMAGE));
	if (settings.image.empty()) throw ConfigException::missingValue(BuiltinKeys::JOB_IMAGE, "required by backend jobimage");
	try
	{
		image::ImageReference::parse(settings.image);
	}
	catch (image::InvalidImageReferenceException& exc)
	{
		throw invalid(BuiltinKeys::JOB_IMAGE, settings.image, exc.message());
	}

	settings.imagePullSecret = objectName(config, BuiltinKeys::JOB_IMAGE_PULL_SECRET);
	settings.serviceAccount = objectName(config, BuiltinKeys::JOB_SERVICE_ACCOUNT);
	settings.timeoutSeconds = integer(config, BuiltinKeys::JOB_TIMEOUT, 1);
	settings.ttlSecondsAfterFinished = integer(config, BuiltinKeys::JOB_TTL_SECONDS, -1);

	const std::string privileged = Poco::trim(value(config, BuiltinKeys::JOB_PRIVILEGED));
	if (!config::ValueParser::parseBool(privileged, settings.privileged))
		throw invalid(BuiltinKeys::JOB_PRIVILEGED, privileged, "not a boolean");

	settings.resources = checked<Poco::JSON::Object::Ptr>(BuiltinKeys::JOB_RESOURCES,
		value(config, BuiltinKeys::JOB_RESOURCES), JobValueParser::parseResources);
	settings.nodeSelector = checked<Poco::JSON::Object::Ptr>(BuiltinKeys::JOB_NODE_SELECTOR,
		value(config, BuiltinKeys::JOB_NODE_SELECTOR), JobValueParser::parseNodeSelector);
	settings.tolerations = checked<Poco::JSON::Array::Ptr>(BuiltinKeys::JOB_TOLERATIONS,
		value(config, BuiltinKeys::JOB_TOLERATIONS), JobValueParser::parseTolerations);
	return settings;
}

} } // namespace sbomop::jobimage
