//
// OutputFormats.cpp
//
// Part of the Syft test double.
//

#include "OutputFormats.h"
#include <Poco/Exception.h>
#include <Poco/String.h>
#include <vector>

namespace sbomop {
namespace syftdouble {

namespace {

struct Spec
{
	std::string id;
	std::vector<std::string> aliases;
	std::vector<std::string> versions;  ///< empty: any version is accepted
	std::string defaultVersion;
};

// Syft v1.51.0 (syft/format/*/encoder.go).
const std::vector<Spec>& specs()
{
	static const std::vector<Spec> table = {
		{ "cyclonedx-json", {}, { "1.2", "1.3", "1.4", "1.5", "1.6", "1.7" }, "1.7" },
		{ "cyclonedx-xml", { "cyclonedx", "cyclone", "cdx" }, { "1.0", "1.1", "1.2", "1.3", "1.4", "1.5", "1.6", "1.7" }, "1.7" },
		{ "spdx-json", {}, { "2.2", "2.3", "3.0" }, "2.3" },
		{ "spdx-tag-value", { "spdx", "spdx-tv" }, { "2.1", "2.2", "2.3" }, "2.3" },
		{ "syft-json", { "json", "syft" }, { "16.1.10" }, "16.1.10" },
		{ "github-json", { "github" }, {}, "" },
		{ "syft-table", { "table" }, {}, "" },
		{ "syft-text", { "text" }, {}, "" },
		{ "purls", { "purl" }, {}, "" },
	};
	return table;
}

std::string clean(const std::string& name)
{
	std::string result;
	for (char c: Poco::toLower(name))
	{
		if (c != '-' && c != '_') result += c;
	}
	return result;
}

const Spec* find(const std::string& name)
{
	const std::string wanted = clean(name);
	for (const Spec& spec: specs())
	{
		if (clean(spec.id) == wanted) return &spec;
		for (const std::string& alias: spec.aliases)
		{
			if (clean(alias) == wanted) return &spec;
		}
	}
	return nullptr;
}

} // namespace


OutputFormats::Resolved OutputFormats::resolve(const std::string& format)
{
	const std::string::size_type at = format.find('@');
	const std::string name = format.substr(0, at);
	const std::string requested = at == std::string::npos ? std::string() : format.substr(at + 1);
	const Spec* spec = find(name);
	if (!spec)
	{
		if (clean(name) == "template") throw Poco::InvalidArgumentException("template output is not supported by this test double");
		throw Poco::InvalidArgumentException("unsupported output format \"" + format + "\", supported formats are: " + supported());
	}
	Resolved resolved;
	resolved.id = spec->id;
	if (requested.empty())
	{
		resolved.version = spec->defaultVersion;
		return resolved;
	}
	if (spec->versions.empty())
	{
		resolved.version = requested;
		return resolved;
	}
	for (const std::string& version: spec->versions)
	{
		// Later (newer) matches win.
		if (version == requested || version.compare(0, requested.size() + 1, requested + ".") == 0) resolved.version = version;
	}
	if (resolved.version.empty())
		throw Poco::InvalidArgumentException("unsupported output format \"" + format + "\", supported formats are: " + supported());
	return resolved;
}


std::string OutputFormats::supported()
{
	std::string list = "[";
	for (const Spec& spec: specs())
	{
		if (spec.versions.empty())
		{
			if (list.size() > 1) list += ' ';
			list += spec.id;
		}
		for (const std::string& version: spec.versions)
		{
			if (list.size() > 1) list += ' ';
			list += spec.id + "@" + version;
		}
	}
	return list + "]";
}


} } // namespace sbomop::syftdouble
