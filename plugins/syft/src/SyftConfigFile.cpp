//
// SyftConfigFile.cpp
//

#include "sbomop/syft/SyftConfigFile.h"
#include "sbomop/syft/SyftException.h"
#include <Poco/Exception.h>
#include <cstdio>

namespace sbomop {
namespace syft {

namespace {

// Decodes the UTF-8 sequence at `pos`; returns its length and sets
// `codePoint`, or returns 0 for an invalid sequence (truncated, overlong,
// surrogate, beyond U+10FFFF).
std::size_t decodeUtf8(const std::string& text, std::size_t pos, unsigned& codePoint)
{
	const unsigned char lead = static_cast<unsigned char>(text[pos]);
	std::size_t length = 0;
	unsigned minimum = 0;
	if (lead < 0x80) { codePoint = lead; return 1; }
	else if ((lead & 0xE0) == 0xC0) { length = 2; codePoint = lead & 0x1F; minimum = 0x80; }
	else if ((lead & 0xF0) == 0xE0) { length = 3; codePoint = lead & 0x0F; minimum = 0x800; }
	else if ((lead & 0xF8) == 0xF0) { length = 4; codePoint = lead & 0x07; minimum = 0x10000; }
	else return 0;
	if (pos + length > text.size()) return 0;
	for (std::size_t i = 1; i < length; ++i)
	{
		const unsigned char next = static_cast<unsigned char>(text[pos + i]);
		if ((next & 0xC0) != 0x80) return 0;
		codePoint = (codePoint << 6) | (next & 0x3F);
	}
	if (codePoint < minimum || codePoint > 0x10FFFF || (codePoint >= 0xD800 && codePoint <= 0xDFFF)) return 0;
	return length;
}

// The escape for a code point that YAML does not allow raw in a
// double-quoted scalar, or empty when it may stay as it is.
std::string escapeFor(unsigned codePoint)
{
	switch (codePoint)
	{
	case '"': return "\\\"";
	case '\\': return "\\\\";
	case '\t': return "\\t";
	case '\n': return "\\n";
	case '\r': return "\\r";
	default: break;
	}
	char buffer[8];
	if (codePoint < 0x20 || (codePoint >= 0x7F && codePoint <= 0x9F))
	{
		std::snprintf(buffer, sizeof(buffer), "\\x%02X", codePoint);
		return buffer;
	}
	if (codePoint == 0x2028 || codePoint == 0x2029 || codePoint == 0xFEFF || codePoint == 0xFFFE || codePoint == 0xFFFF)
	{
		std::snprintf(buffer, sizeof(buffer), "\\u%04X", codePoint);
		return buffer;
	}
	return std::string();
}

void appendEntry(std::string& yaml, const std::string& registry, const char* field, const std::string& value, bool first)
{
	yaml += first ? "    - " : "      ";
	yaml += field;
	yaml += ": ";
	try
	{
		yaml += SyftConfigFile::quote(value);
	}
	catch (Poco::DataFormatException&)
	{
		throw SyftException(std::string("the ") + field + " for registry " + registry + " is not valid UTF-8");
	}
	yaml += '\n';
}

} // namespace


std::string SyftConfigFile::quote(const std::string& value)
{
	std::string quoted;
	quoted.reserve(value.size() + 2);
	quoted += '"';
	std::size_t pos = 0;
	while (pos < value.size())
	{
		unsigned codePoint = 0;
		const std::size_t length = decodeUtf8(value, pos, codePoint);
		if (length == 0) throw Poco::DataFormatException("not valid UTF-8");
		const std::string escape = escapeFor(codePoint);
		if (escape.empty()) quoted.append(value, pos, length);
		else quoted += escape;
		pos += length;
	}
	quoted += '"';
	return quoted;
}


std::string SyftConfigFile::render(const std::string& authority, const registry::RegistryCredentials& credentials)
{
	std::string yaml =
		"# Syft configuration for one scan, written by sbom-operator and removed after the scan.\n"
		"check-for-app-update: false\n"
		"registry:\n";
	const bool basic = !credentials.password().empty();
	if (!basic && credentials.token().empty())
	{
		yaml += "  auth: []\n";
		return yaml;
	}
	yaml += "  auth:\n";
	appendEntry(yaml, authority, "authority", authority, true);
	if (basic)
	{
		appendEntry(yaml, authority, "username", credentials.username(), false);
		appendEntry(yaml, authority, "password", credentials.password(), false);
	}
	else
	{
		appendEntry(yaml, authority, "token", credentials.token(), false);
	}
	return yaml;
}


} } // namespace sbomop::syft
