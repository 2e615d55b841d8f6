//
// SyftSettings.cpp
//

#include "sbomop/syft/SyftSettings.h"
#include "sbomop/config/BuiltinKeys.h"
#include "sbomop/config/ConfigValidator.h"
#include "sbomop/config/ValueParser.h"
#include "sbomop/syft/ExecutableLocator.h"
#include <Poco/NumberParser.h>
#include <algorithm>
#include <map>
#include <sys/utsname.h>

namespace sbomop {
namespace syft {

using config::BuiltinKeys;

namespace {

const config::ConfigSchema& builtinSchema()
{
	static const config::ConfigSchema schema = BuiltinKeys::schema();
	return schema;
}

// The value of `key`, or its built-in default, checked and normalised by the
// key table (type, range, validators).
std::string valueOf(const Poco::Util::AbstractConfiguration& config, const std::string& key)
{
	const config::KeyDefinition& definition = builtinSchema().get(key);
	const std::string value = config.getString(key, definition.defaultValue());
	return config::ConfigValidator::checkValue(definition, value, "");
}

int intValueOf(const Poco::Util::AbstractConfiguration& config, const std::string& key)
{
	return Poco::NumberParser::parse(valueOf(config, key));
}

} // namespace


SyftSettings::SyftSettings(const targets::SbomFormat& format):
	_format(format)
{
}


SyftSettings SyftSettings::load(const Poco::Util::AbstractConfiguration& config)
{
	SyftSettings settings(targets::SbomFormat::forName(valueOf(config, BuiltinKeys::FORMAT)));
	settings._formatVersion = valueOf(config, BuiltinKeys::FORMAT_VERSION);
	settings._format.checkVersion(settings._formatVersion);
	settings._targets = config::ValueParser::splitList(valueOf(config, BuiltinKeys::TARGETS));
	settings._timeoutSeconds = intValueOf(config, BuiltinKeys::SYFT_TIMEOUT);
	settings._concurrency = intValueOf(config, BuiltinKeys::SCAN_CONCURRENCY);
	settings._platform = valueOf(config, BuiltinKeys::PLATFORM);
	if (settings._platform.empty()) settings._platform = hostPlatform();
	settings._syftPath = ExecutableLocator::locate(BuiltinKeys::SYFT_PATH, valueOf(config, BuiltinKeys::SYFT_PATH));
	return settings;
}


const targets::SbomFormat& SyftSettings::format() const
{
	return _format;
}


const std::string& SyftSettings::formatVersion() const
{
	return _formatVersion;
}


const std::vector<std::string>& SyftSettings::targets() const
{
	return _targets;
}


const std::string& SyftSettings::syftPath() const
{
	return _syftPath;
}


int SyftSettings::timeoutSeconds() const
{
	return _timeoutSeconds;
}


int SyftSettings::concurrency() const
{
	return _concurrency;
}


const std::string& SyftSettings::platform() const
{
	return _platform;
}


std::vector<std::string> SyftSettings::warnings() const
{
	std::vector<std::string> result;
	const bool dtrack = std::find(_targets.begin(), _targets.end(), "dtrack") != _targets.end();
	if (dtrack && _format.isCycloneDx() && _format.effectiveVersion(_formatVersion) == "1.7")
	{
		const std::string why = _formatVersion.empty() ? "Syft's default for " + _format.syftId() : "format-version 1.7";
		result.push_back("target dtrack receives CycloneDX 1.7 (" + why +
			"), which Dependency-Track 4.14 and older reject; set --format-version=1.6 unless your Dependency-Track accepts 1.7");
	}
	return result;
}


std::string SyftSettings::hostPlatform()
{
	struct utsname name;
	if (::uname(&name) != 0) return "linux/amd64";
	// uname's machine names to the GOARCH (and variant) names Syft expects.
	static const std::map<std::string, std::string> ARCHES = {
		{ "x86_64", "amd64" }, { "amd64", "amd64" }, { "aarch64", "arm64" }, { "arm64", "arm64" },
		{ "armv7l", "arm/v7" }, { "armv6l", "arm/v6" }, { "i386", "386" }, { "i686", "386" },
		{ "ppc64le", "ppc64le" }, { "s390x", "s390x" }, { "riscv64", "riscv64" },
	};
	const auto it = ARCHES.find(name.machine);
	return "linux/" + (it == ARCHES.end() ? std::string(name.machine) : it->second);
}


} } // namespace sbomop::syft
