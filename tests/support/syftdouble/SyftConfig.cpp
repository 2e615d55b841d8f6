//
// SyftConfig.cpp
//
// Part of the Syft test double.
//

#include "SyftConfig.h"
#include <Poco/Exception.h>
#include <Poco/FileStream.h>
#include <Poco/NumberParser.h>
#include <Poco/StreamCopier.h>
#include <Poco/String.h>
#include <Poco/UTF8Encoding.h>
#include <sstream>

namespace sbomop {
namespace syftdouble {

namespace {

std::string utf8(unsigned codePoint)
{
	Poco::UTF8Encoding encoding;
	unsigned char bytes[4];
	const int length = encoding.convert(static_cast<int>(codePoint), bytes, sizeof(bytes));
	if (length <= 0) throw Poco::SyntaxException("escape outside Unicode");
	return std::string(reinterpret_cast<const char*>(bytes), static_cast<std::size_t>(length));
}

unsigned hexValue(const std::string& text, std::size_t pos, std::size_t digits)
{
	if (pos + digits > text.size()) throw Poco::SyntaxException("truncated escape");
	unsigned value = 0;
	if (!Poco::NumberParser::tryParseHex(text.substr(pos, digits), value)) throw Poco::SyntaxException("bad hex escape");
	return value;
}

// Decodes the escape after the backslash at `pos`; returns the position after it.
std::size_t unescape(const std::string& text, std::size_t pos, std::string& out)
{
	if (pos >= text.size()) throw Poco::SyntaxException("backslash at end of scalar");
	const char c = text[pos];
	switch (c)
	{
	case '0': out += '\0'; return pos + 1;
	case 'a': out += '\a'; return pos + 1;
	case 'b': out += '\b'; return pos + 1;
	case 't': case '\t': out += '\t'; return pos + 1;
	case 'n': out += '\n'; return pos + 1;
	case 'v': out += '\v'; return pos + 1;
	case 'f': out += '\f'; return pos + 1;
	case 'r': out += '\r'; return pos + 1;
	case 'e': out += '\x1B'; return pos + 1;
	case ' ': case '"': case '/': case '\\': out += c; return pos + 1;
	case 'N': out += utf8(0x85); return pos + 1;
	case '_': out += utf8(0xA0); return pos + 1;
	case 'L': out += utf8(0x2028); return pos + 1;
	case 'P': out += utf8(0x2029); return pos + 1;
	case 'x': out += utf8(hexValue(text, pos + 1, 2)); return pos + 3;
	case 'u': out += utf8(hexValue(text, pos + 1, 4)); return pos + 5;
	case 'U': out += utf8(hexValue(text, pos + 1, 8)); return pos + 9;
	default: throw Poco::SyntaxException(std::string("unknown escape \\") + c);
	}
}

void requireOnlyComment(const std::string& rest)
{
	const std::string trimmed = Poco::trim(rest);
	if (!trimmed.empty() && trimmed[0] != '#') throw Poco::SyntaxException("text after a quoted scalar");
}

bool parseBool(const std::string& value)
{
	const std::string lower = Poco::toLower(value);
	if (lower == "true" || lower == "yes" || lower == "on") return true;
	if (lower == "false" || lower == "no" || lower == "off" || lower.empty()) return false;
	throw Poco::SyntaxException("not a boolean: " + value);
}

void splitKeyValue(const std::string& content, std::string& key, std::string& value)
{
	std::string::size_type colon = content.find(": ");
	if (colon == std::string::npos)
	{
		if (content.empty() || content.back() != ':') throw Poco::SyntaxException("expected 'key: value'");
		colon = content.size() - 1;
	}
	key = Poco::trim(content.substr(0, colon));
	value = SyftConfig::unquote(content.substr(colon + 1));
}

void setField(RegistryAuth& entry, const std::string& key, const std::string& value)
{
	if (key == "authority") entry.authority = value;
	else if (key == "username") entry.username = value;
	else if (key == "password") entry.password = value;
	else if (key == "token") entry.token = value;
	// tls-cert / tls-key are accepted and ignored.
}

std::string canonicalRegistry(const std::string& registry)
{
	const std::string lower = Poco::toLower(registry);
	if (lower == "index.docker.io" || lower == "registry-1.docker.io") return "docker.io";
	return lower;
}

} // namespace


SyftConfig::SyftConfig():
	_insecureUseHttp(false),
	_insecureSkipTlsVerify(false),
	_checkForAppUpdate(true)
{
}


std::string SyftConfig::unquote(const std::string& scalar)
{
	const std::string text = Poco::trimLeft(scalar);
	if (text.empty()) return text;
	std::string out;
	if (text[0] == '"')
	{
		std::size_t pos = 1;
		while (true)
		{
			if (pos >= text.size()) throw Poco::SyntaxException("missing closing double quote");
			const char c = text[pos];
			if (c == '"') break;
			if (c == '\\') pos = unescape(text, pos + 1, out);
			else
			{
				out += c;
				++pos;
			}
		}
		requireOnlyComment(text.substr(pos + 1));
		return out;
	}
	if (text[0] == '\'')
	{
		std::size_t pos = 1;
		while (true)
		{
			if (pos >= text.size()) throw Poco::SyntaxException("missing closing single quote");
			if (text[pos] == '\'')
			{
				if (pos + 1 < text.size() && text[pos + 1] == '\'')
				{
					out += '\'';
					pos += 2;
					continue;
				}
				break;
			}
			out += text[pos++];
		}
		requireOnlyComment(text.substr(pos + 1));
		return out;
	}
	if (text[0] == '&' || text[0] == '*' || text[0] == '|' || text[0] == '>' || text[0] == '{')
		throw Poco::SyntaxException("unsupported YAML construct");
	const std::string::size_type comment = text.find(" #");
	return Poco::trim(text.substr(0, comment));
}


SyftConfig SyftConfig::parse(const std::string& yaml)
{
	SyftConfig config;
	std::istringstream lines(yaml);
	std::string line;
	int lineNumber = 0;
	bool inRegistry = false;
	bool inAuth = false;
	std::size_t authIndent = 0;
	RegistryAuth* current = nullptr;
	while (std::getline(lines, line))
	{
		++lineNumber;
		if (!line.empty() && line.back() == '\r') line.pop_back();
		const std::string trimmed = Poco::trim(line);
		if (trimmed.empty() || trimmed[0] == '#') continue;
		try
		{
			if (line.find('\t') < line.find_first_not_of(" \t")) throw Poco::SyntaxException("tab in indentation");
			const std::size_t indent = line.find_first_not_of(' ');
			const std::string content = line.substr(indent);
			std::string key, value;
			if (indent == 0)
			{
				inAuth = false;
				current = nullptr;
				splitKeyValue(content, key, value);
				inRegistry = key == "registry";
				if (inRegistry && !value.empty()) throw Poco::SyntaxException("registry must be a map");
				if (key == "check-for-app-update") config._checkForAppUpdate = parseBool(value);
				continue;
			}
			if (!inRegistry) continue;
			if (inAuth && indent >= authIndent && (content == "-" || content.compare(0, 2, "- ") == 0))
			{
				config._auth.emplace_back();
				current = &config._auth.back();
				const std::string rest = Poco::trim(content.substr(1));
				if (rest.empty()) continue;
				splitKeyValue(rest, key, value);
				setField(*current, key, value);
				continue;
			}
			if (inAuth && current && indent > authIndent)
			{
				splitKeyValue(content, key, value);
				setField(*current, key, value);
				continue;
			}
			inAuth = false;
			current = nullptr;
			splitKeyValue(content, key, value);
			if (key == "auth")
			{
				const std::string raw = Poco::trim(content.substr(content.find(':') + 1));
				if (raw.empty())
				{
					inAuth = true;
					authIndent = indent;
				}
				else if (raw.compare(0, 2, "[]") != 0)
				{
					throw Poco::SyntaxException("auth must be a list");
				}
			}
			else if (key == "insecure-use-http") config._insecureUseHttp = parseBool(value);
			else if (key == "insecure-skip-tls-verify") config._insecureSkipTlsVerify = parseBool(value);
			else if (key == "ca-cert") config._caCert = value;
		}
		catch (Poco::SyntaxException& exc)
		{
			throw Poco::SyntaxException("line " + std::to_string(lineNumber) + ": " + exc.message());
		}
	}
	return config;
}


SyftConfig SyftConfig::load(const std::string& path)
{
	Poco::FileInputStream stream(path);
	std::string text;
	Poco::StreamCopier::copyToString(stream, text);
	return parse(text);
}


const std::vector<RegistryAuth>& SyftConfig::auth() const
{
	return _auth;
}


bool SyftConfig::insecureUseHttp() const
{
	return _insecureUseHttp;
}


bool SyftConfig::insecureSkipTlsVerify() const
{
	return _insecureSkipTlsVerify;
}


const std::string& SyftConfig::caCert() const
{
	return _caCert;
}


bool SyftConfig::checkForAppUpdate() const
{
	return _checkForAppUpdate;
}


const RegistryAuth* SyftConfig::credentialsFor(const std::string& registry) const
{
	const std::string wanted = canonicalRegistry(registry);
	for (const RegistryAuth& entry: _auth)
	{
		if (!entry.authority.empty() && canonicalRegistry(entry.authority) == wanted) return &entry;
	}
	for (const RegistryAuth& entry: _auth)
	{
		if (entry.authority.empty()) return &entry;
	}
	return nullptr;
}


} } // namespace sbomop::syftdouble
