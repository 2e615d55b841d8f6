//
// SbomFormat.cpp
//

#include "sbomop/targets/SbomFormat.h"
#include "sbomop/config/BuiltinKeys.h"
#include "sbomop/config/ConfigException.h"
#include <Poco/String.h>
#include <algorithm>
#include <cctype>
#include <utility>

namespace sbomop {
namespace targets {

using config::BuiltinKeys;
using config::ConfigException;

struct SbomFormat::FamilyInfo
{
	Family family;
	std::string syftId;
	std::string extension;
	std::string mediaType;
	std::vector<std::string> versions;
	std::string defaultVersion;
};

namespace {

// Operator names in the order of the `format` key, with their family.
const std::vector<std::pair<std::string, SbomFormat::Family>>& aliases()
{
	static const std::vector<std::pair<std::string, SbomFormat::Family>> table = {
		{ "json", SbomFormat::SYFT_JSON },
		{ "syftjson", SbomFormat::SYFT_JSON },
		{ "cyclonedxjson", SbomFormat::CYCLONEDX_JSON },
		{ "cyclonedx", SbomFormat::CYCLONEDX_XML },
		{ "cyclone", SbomFormat::CYCLONEDX_XML },
		{ "cyclonedxxml", SbomFormat::CYCLONEDX_XML },
		{ "spdxjson", SbomFormat::SPDX_JSON },
		{ "spdx", SbomFormat::SPDX_TAG_VALUE },
		{ "spdxtv", SbomFormat::SPDX_TAG_VALUE },
		{ "spdxtagvalue", SbomFormat::SPDX_TAG_VALUE },
		{ "github", SbomFormat::GITHUB_JSON },
		{ "githubjson", SbomFormat::GITHUB_JSON },
		{ "text", SbomFormat::SYFT_TEXT },
		{ "table", SbomFormat::SYFT_TABLE },
	};
	return table;
}

bool isBlank(char c)
{
	return std::isspace(static_cast<unsigned char>(c)) != 0;
}

} // namespace


const SbomFormat::FamilyInfo& SbomFormat::infoFor(Family family)
{
	// Indexed by Family. Versions and defaults of Syft v1.51.0's encoders.
	static const std::vector<FamilyInfo> infos = {
		{ SYFT_JSON, "syft-json", ".json", "application/vnd.syft+json", {}, "" },
		{ CYCLONEDX_JSON, "cyclonedx-json", ".json", "application/vnd.cyclonedx+json",
			{ "1.2", "1.3", "1.4", "1.5", "1.6", "1.7" }, "1.7" },
		{ CYCLONEDX_XML, "cyclonedx-xml", ".xml", "application/vnd.cyclonedx+xml",
			{ "1.0", "1.1", "1.2", "1.3", "1.4", "1.5", "1.6", "1.7" }, "1.7" },
		{ SPDX_JSON, "spdx-json", ".json", "text/spdx+json", { "2.2", "2.3", "3.0" }, "2.3" },
		{ SPDX_TAG_VALUE, "spdx-tag-value", ".spdx", "text/spdx", { "2.1", "2.2", "2.3" }, "2.3" },
		{ GITHUB_JSON, "github-json", ".json", "application/json", {}, "" },
		{ SYFT_TEXT, "syft-text", ".txt", "text/plain", {}, "" },
		{ SYFT_TABLE, "syft-table", ".txt", "text/plain", {}, "" },
	};
	return infos.at(static_cast<std::size_t>(family));
}


SbomFormat::SbomFormat(const std::string& name, const FamilyInfo& info):
	_name(name),
	_pInfo(&info)
{
}


SbomFormat SbomFormat::forName(const std::string& name)
{
	for (const auto& alias: aliases())
	{
		if (alias.first == name) return SbomFormat(name, infoFor(alias.second));
	}
	throw ConfigException::invalidValue(BuiltinKeys::FORMAT, name, false, "", "not a format of the syft backend",
		Poco::cat(std::string(", "), names().begin(), names().end()));
}


const std::vector<std::string>& SbomFormat::names()
{
	static const std::vector<std::string> list = [] {
		std::vector<std::string> result;
		for (const auto& alias: aliases()) result.push_back(alias.first);
		return result;
	}();
	return list;
}


const std::string& SbomFormat::name() const
{
	return _name;
}


SbomFormat::Family SbomFormat::family() const
{
	return _pInfo->family;
}


const std::string& SbomFormat::syftId() const
{
	return _pInfo->syftId;
}


const std::string& SbomFormat::fileExtension() const
{
	return _pInfo->extension;
}


const std::string& SbomFormat::mediaType() const
{
	return _pInfo->mediaType;
}


const std::vector<std::string>& SbomFormat::versions() const
{
	return _pInfo->versions;
}


const std::string& SbomFormat::defaultVersion() const
{
	return _pInfo->defaultVersion;
}


std::string SbomFormat::effectiveVersion(const std::string& requested) const
{
	return requested.empty() ? defaultVersion() : requested;
}


void SbomFormat::checkVersion(const std::string& version) const
{
	if (version.empty()) return;
	const std::vector<std::string>& allowed = versions();
	if (allowed.empty())
	{
		throw ConfigException::invalidValue(BuiltinKeys::FORMAT_VERSION, version, false, "",
			"format " + _name + " (Syft " + syftId() + ") takes no version",
			"no value (leave format-version empty)");
	}
	if (std::find(allowed.begin(), allowed.end(), version) == allowed.end())
	{
		throw ConfigException::invalidValue(BuiltinKeys::FORMAT_VERSION, version, false, "",
			"format " + _name + " (Syft " + syftId() + ") has no such version",
			Poco::cat(std::string(", "), allowed.begin(), allowed.end()));
	}
}


std::string SbomFormat::outputOption(const std::string& version) const
{
	return version.empty() ? syftId() : syftId() + "@" + version;
}


bool SbomFormat::isCycloneDx() const
{
	return family() == CYCLONEDX_JSON || family() == CYCLONEDX_XML;
}


bool SbomFormat::isPlausibleDocument(const std::string& document) const
{
	const auto first = std::find_if_not(document.begin(), document.end(), isBlank);
	if (first == document.end()) return false;
	const auto last = std::find_if_not(document.rbegin(), document.rend(), isBlank);
	static const std::string SPDX_HEAD("SPDXVersion:");
	switch (family())
	{
	case CYCLONEDX_XML:
		return *first == '<' && *last == '>';
	case SPDX_TAG_VALUE:
		return document.compare(static_cast<std::size_t>(first - document.begin()), SPDX_HEAD.size(), SPDX_HEAD) == 0;
	case SYFT_TEXT:
	case SYFT_TABLE:
		return true;
	default:
		return *first == '{' && *last == '}';
	}
}


bool SbomFormat::operator == (const SbomFormat& other) const
{
	return family() == other.family();
}


bool SbomFormat::operator != (const SbomFormat& other) const
{
	return !(*this == other);
}


} } // namespace sbomop::targets
