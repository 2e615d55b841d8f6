//
// HostValidators.cpp
//

#include "sbomop/app/HostValidators.h"
#include "sbomop/config/BuiltinKeys.h"
#include "sbomop/config/ConfigException.h"
#include "sbomop/config/ConfigSchema.h"
#include "sbomop/image/ImageFilter.h"
#include "sbomop/kube/LabelSelector.h"
#include "sbomop/registry/RegistryProxyMap.h"
#include "sbomop/schedule/CronSchedule.h"

namespace sbomop {
namespace app {

using config::BuiltinKeys;

namespace {

template <typename Parse>
config::KeyDefinition::Validator rethrowAsConfigError(const std::string& what, Parse parse)
	// The parsers throw their own exceptions; the schema expects a
	// ConfigException carrying the reason only (it adds key, value and source).
{
	return [what, parse](const std::string& value)
	{
		try
		{
			parse(value);
		}
		catch (config::ConfigException&)
		{
			throw;
		}
		catch (Poco::Exception& exc)
		{
			throw config::ConfigException("not a valid " + what + ": " + exc.message());
		}
	};
}

} // namespace

void HostValidators::addTo(config::ConfigSchema& schema)
{
	const auto selector = rethrowAsConfigError("label selector", [](const std::string& value)
	{
		kube::LabelSelector::parse(value);
	});
	schema.addValidator(BuiltinKeys::POD_LABEL_SELECTOR, selector);
	schema.addValidator(BuiltinKeys::NAMESPACE_LABEL_SELECTOR, selector);
	schema.addValidator(BuiltinKeys::CRON, rethrowAsConfigError("cron expression", [](const std::string& value)
	{
		if (!value.empty()) schedule::CronSchedule::parse(value);
	}));
	schema.addValidator(BuiltinKeys::EXCLUDE_IMAGES, rethrowAsConfigError("image pattern list", [](const std::string& value)
	{
		image::ImageFilter::parse(value);
	}));
	schema.addValidator(BuiltinKeys::REGISTRY_PROXY, rethrowAsConfigError("registry proxy list", [](const std::string& value)
	{
		registry::RegistryProxyMap::parse(value);
	}));
}

} } // namespace sbomop::app
