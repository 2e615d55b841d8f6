//
// RequestTarget.cpp
//

#include "dtrack/RequestTarget.h"
#include <Poco/NumberParser.h>
#include <Poco/String.h>
#include <Poco/StringTokenizer.h>
#include <Poco/URI.h>

namespace sbomop {
namespace dtracksim {

namespace
{
	std::string decode(const std::string& text, bool plusAsSpace)
	{
		std::string decoded;
		Poco::URI::decode(text, decoded, plusAsSpace);
		return decoded;
	}
}

RequestTarget::RequestTarget(const std::string& rawUri)
{
	const std::string::size_type q = rawUri.find('?');
	_path = rawUri.substr(0, q);
	Poco::StringTokenizer segments(_path, "/", Poco::StringTokenizer::TOK_IGNORE_EMPTY);
	for (const auto& segment: segments) _segments.push_back(decode(segment, false));
	if (q == std::string::npos) return;

	Poco::StringTokenizer pairs(rawUri.substr(q + 1), "&", Poco::StringTokenizer::TOK_IGNORE_EMPTY);
	for (const auto& pair: pairs)
	{
		const std::string::size_type eq = pair.find('=');
		const std::string name = decode(pair.substr(0, eq), true);
		const std::string value = eq == std::string::npos ? std::string() : decode(pair.substr(eq + 1), true);
		_query.emplace_back(name, value);
	}
}

const std::vector<std::string>& RequestTarget::segments() const
{
	return _segments;
}

const std::string& RequestTarget::path() const
{
	return _path;
}

bool RequestTarget::has(const std::string& name) const
{
	for (const auto& entry: _query)
	{
		if (entry.first == name) return true;
	}
	return false;
}

std::string RequestTarget::param(const std::string& name, const std::string& fallback) const
{
	for (const auto& entry: _query)
	{
		if (entry.first == name) return entry.second;
	}
	return fallback;
}

bool RequestTarget::flag(const std::string& name) const
{
	return Poco::icompare(param(name), "true") == 0;
}

int RequestTarget::number(const std::string& name, int fallback) const
{
	int value = fallback;
	if (has(name) && Poco::NumberParser::tryParse(Poco::trim(param(name)), value)) return value;
	return fallback;
}

} } // namespace sbomop::dtracksim
