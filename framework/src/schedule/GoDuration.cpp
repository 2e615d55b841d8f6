//
// GoDuration.cpp
//

#include "sbomop/schedule/GoDuration.h"
#include <Poco/Exception.h>
#include <limits>

namespace sbomop {
namespace schedule {

namespace {

const Poco::Int64 MAX_DURATION = std::numeric_limits<Poco::Int64>::max();


Poco::Int64 unitNanoseconds(const std::string& unit)
{
	if (unit == "ns") return 1;
	if (unit == "us" || unit == "\xC2\xB5s" || unit == "\xCE\xBCs") return 1000;
	if (unit == "ms") return 1000000;
	if (unit == "s") return 1000000000;
	if (unit == "m") return 60LL * 1000000000;
	if (unit == "h") return 3600LL * 1000000000;
	return 0;
}


bool isDigit(char c)
{
	return c >= '0' && c <= '9';
}

} // namespace


Poco::Int64 GoDuration::parseNanoseconds(const std::string& text)
{
	const std::string quoted = "\"" + text + "\"";
	std::string::size_type pos = 0;
	bool negative = false;
	if (pos < text.size() && (text[pos] == '-' || text[pos] == '+'))
	{
		negative = text[pos] == '-';
		++pos;
	}
	if (text.substr(pos) == "0") return 0;
	if (pos == text.size()) throw Poco::SyntaxException("invalid duration " + quoted);

	// Accumulate in long double like Go does for fractions; whole values stay
	// exact below 2^63 because each part is checked against the limit.
	long double total = 0;
	while (pos < text.size())
	{
		if (!isDigit(text[pos]) && text[pos] != '.') throw Poco::SyntaxException("invalid duration " + quoted);

		const std::string::size_type intStart = pos;
		long double whole = 0;
		while (pos < text.size() && isDigit(text[pos]))
		{
			whole = whole * 10 + (text[pos++] - '0');
			if (whole > static_cast<long double>(MAX_DURATION)) throw Poco::SyntaxException("duration " + quoted + " out of range");
		}
		const bool hasWhole = pos > intStart;

		long double fraction = 0;
		long double scale = 1;
		bool hasFraction = false;
		if (pos < text.size() && text[pos] == '.')
		{
			++pos;
			while (pos < text.size() && isDigit(text[pos]))
			{
				// Digits beyond nanosecond precision cannot change the result.
				if (scale < 1e19L)
				{
					fraction = fraction * 10 + (text[pos] - '0');
					scale *= 10;
				}
				hasFraction = true;
				++pos;
			}
		}
		if (!hasWhole && !hasFraction) throw Poco::SyntaxException("invalid duration " + quoted);

		const std::string::size_type unitStart = pos;
		while (pos < text.size() && !isDigit(text[pos]) && text[pos] != '.') ++pos;
		if (pos == unitStart) throw Poco::SyntaxException("missing unit in duration " + quoted);
		const std::string unit = text.substr(unitStart, pos - unitStart);
		const Poco::Int64 factor = unitNanoseconds(unit);
		if (factor == 0) throw Poco::SyntaxException("unknown unit \"" + unit + "\" in duration " + quoted);

		total += whole * factor + fraction * (static_cast<long double>(factor) / scale);
		if (total > static_cast<long double>(MAX_DURATION)) throw Poco::SyntaxException("duration " + quoted + " out of range");
	}
	const Poco::Int64 result = static_cast<Poco::Int64>(total);
	return negative ? -result : result;
}


Poco::Timespan GoDuration::parse(const std::string& text)
{
	return Poco::Timespan(parseNanoseconds(text) / 1000);
}


} } // namespace sbomop::schedule
