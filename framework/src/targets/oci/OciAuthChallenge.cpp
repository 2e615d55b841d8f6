//
// OciAuthChallenge.cpp
//

#include "sbomop/targets/oci/OciAuthChallenge.h"
#include <Poco/Ascii.h>
#include <Poco/Exception.h>
#include <Poco/String.h>

namespace sbomop {
namespace targets {

namespace
{
	bool isTokenChar(char c)
	{
		// RFC 7230 tchar, plus '/' seen in unquoted realm URLs of some registries.
		return Poco::Ascii::isAlphaNumeric(c) || std::string("!#$%&'*+-.^_`|~/:").find(c) != std::string::npos;
	}

	void skipSpaces(const std::string& text, std::size_t& pos)
	{
		while (pos < text.size() && Poco::Ascii::isSpace(text[pos])) ++pos;
	}

	std::string readToken(const std::string& text, std::size_t& pos)
	{
		const std::size_t start = pos;
		while (pos < text.size() && isTokenChar(text[pos]) && text[pos] != '=') ++pos;
		return text.substr(start, pos - start);
	}

	std::string readValue(const std::string& text, std::size_t& pos)
	{
		if (pos >= text.size() || text[pos] != '"')
		{
			const std::size_t start = pos;
			while (pos < text.size() && text[pos] != ',' && !Poco::Ascii::isSpace(text[pos])) ++pos;
			return text.substr(start, pos - start);
		}
		std::string value;
		for (++pos; pos < text.size(); ++pos)
		{
			if (text[pos] == '\\' && pos + 1 < text.size())
			{
				value += text[++pos];
			}
			else if (text[pos] == '"')
			{
				++pos;
				return value;
			}
			else
			{
				value += text[pos];
			}
		}
		throw Poco::SyntaxException("unterminated quoted string in WWW-Authenticate");
	}
}

OciAuthChallenge::OciAuthChallenge()
{
}

OciAuthChallenge OciAuthChallenge::parse(const std::string& header)
{
	OciAuthChallenge challenge;
	std::size_t pos = 0;
	skipSpaces(header, pos);
	challenge._scheme = Poco::toLower(readToken(header, pos));
	if (challenge._scheme.empty()) throw Poco::SyntaxException("WWW-Authenticate without an authentication scheme");
	while (pos < header.size())
	{
		while (pos < header.size() && (Poco::Ascii::isSpace(header[pos]) || header[pos] == ',')) ++pos;
		const std::size_t nameStart = pos;
		const std::string name = Poco::toLower(readToken(header, pos));
		if (name.empty())
		{
			if (pos < header.size() && pos == nameStart) ++pos; // stray character
			continue;
		}
		skipSpaces(header, pos);
		// A token without "=" starts the next challenge: only the first counts.
		if (pos >= header.size() || header[pos] != '=') break;
		++pos;
		skipSpaces(header, pos);
		challenge._parameters[name] = readValue(header, pos);
	}
	return challenge;
}

const std::string& OciAuthChallenge::scheme() const
{
	return _scheme;
}

bool OciAuthChallenge::isBasic() const
{
	return _scheme == "basic";
}

bool OciAuthChallenge::isBearer() const
{
	return _scheme == "bearer";
}

std::string OciAuthChallenge::parameter(const std::string& name) const
{
	const auto it = _parameters.find(Poco::toLower(name));
	return it == _parameters.end() ? std::string() : it->second;
}

const std::map<std::string, std::string>& OciAuthChallenge::parameters() const
{
	return _parameters;
}

} } // namespace sbomop::targets
