//
// ValueParser.cpp
//

#include "sbomop/config/ValueParser.h"
#include <Poco/String.h>
#include <Poco/StringTokenizer.h>
#include <limits>

namespace sbomop {
namespace config {

bool ValueParser::parseBool(const std::string& text, bool& value)
{
	const std::string lower = Poco::toLower(text);
	if (lower == "true" || lower == "1" || lower == "yes")
	{
		value = true;
		return true;
	}
	if (lower == "false" || lower == "0" || lower == "no")
	{
		value = false;
		return true;
	}
	return false;
}


ValueParser::IntegerResult ValueParser::parseInteger(const std::string& text, Poco::Int64& value)
{
	std::size_t pos = 0;
	const bool negative = !text.empty() && text[0] == '-';
	if (negative) pos = 1;
	if (pos == text.size()) return INTEGER_SYNTAX;

	// Accumulate as a negative number so that INT64_MIN is representable.
	const Poco::Int64 limit = std::numeric_limits<Poco::Int64>::min();
	Poco::Int64 result = 0;
	bool overflow = false;
	for (; pos < text.size(); ++pos)
	{
		const char c = text[pos];
		if (c < '0' || c > '9') return INTEGER_SYNTAX;
		const int digit = c - '0';
		if (result < (limit + digit) / 10) overflow = true;
		else result = result * 10 - digit;
	}
	if (overflow) return INTEGER_OVERFLOW;
	if (!negative)
	{
		if (result == limit) return INTEGER_OVERFLOW;
		result = -result;
	}
	value = result;
	return INTEGER_OK;
}


std::vector<std::string> ValueParser::splitList(const std::string& text)
{
	Poco::StringTokenizer tokens(text, ",", Poco::StringTokenizer::TOK_TRIM | Poco::StringTokenizer::TOK_IGNORE_EMPTY);
	return std::vector<std::string>(tokens.begin(), tokens.end());
}


std::string ValueParser::joinList(const std::vector<std::string>& items)
{
	return Poco::cat(std::string(","), items.begin(), items.end());
}


} } // namespace sbomop::config
