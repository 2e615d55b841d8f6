//
// CronParser.cpp
//

#include "CronParser.h"
#include "sbomop/schedule/GoDuration.h"
#include "sbomop/schedule/ScheduleException.h"
#include <Poco/Exception.h>
#include <Poco/String.h>
#include <Poco/StringTokenizer.h>
#include <vector>

namespace sbomop {
namespace schedule {

namespace {

const std::map<std::string, unsigned> MONTH_NAMES = {
	{"jan", 1}, {"feb", 2}, {"mar", 3}, {"apr", 4}, {"may", 5}, {"jun", 6},
	{"jul", 7}, {"aug", 8}, {"sep", 9}, {"oct", 10}, {"nov", 11}, {"dec", 12}};

const std::map<std::string, unsigned> WEEKDAY_NAMES = {
	{"sun", 0}, {"mon", 1}, {"tue", 2}, {"wed", 3}, {"thu", 4}, {"fri", 5}, {"sat", 6}};


// Splits at every separator and keeps empty pieces (`5,,6` has three).
std::vector<std::string> split(const std::string& text, char separator)
{
	std::vector<std::string> pieces;
	std::string::size_type start = 0;
	while (true)
	{
		const std::string::size_type pos = text.find(separator, start);
		pieces.push_back(text.substr(start, pos == std::string::npos ? std::string::npos : pos - start));
		if (pos == std::string::npos) return pieces;
		start = pos + 1;
	}
}


Poco::UInt64 bits(unsigned from, unsigned to, unsigned step)
{
	Poco::UInt64 result = 0;
	for (unsigned i = from; i <= to; i += step) result |= Poco::UInt64(1) << i;
	return result;
}


// A field with every value set, marked as `*`.
Poco::UInt64 all(unsigned from, unsigned to)
{
	return bits(from, to, 1) | CronParser::STAR_BIT;
}

} // namespace


const Poco::UInt64 CronParser::STAR_BIT = Poco::UInt64(1) << 63;


CronParser::CronParser(const std::string& expression, CronSchedule::Dialect dialect, CronSchedule::Zone zone):
	_text(unquote(expression)),
	_dialect(dialect)
{
	_schedule._expression = expression;
	_schedule._zone = zone;
}


std::string CronParser::unquote(const std::string& expression)
{
	std::string text;
	for (char c: expression)
	{
		if (c != '"' && c != '\\') text += c;
	}
	Poco::trimInPlace(text);
	if (text.size() >= 2 && text.front() == '\'' && text.back() == '\'')
	{
		text = Poco::trim(text.substr(1, text.size() - 2));
	}
	return text;
}


void CronParser::fail(const std::string& problem) const
{
	throw InvalidCronExpressionException("\"" + _schedule._expression + "\": " + problem);
}


void CronParser::failField(const Bounds& bounds, const std::string& field, const std::string& problem) const
{
	fail(std::string(bounds.name) + " field \"" + field + "\": " + problem);
}


CronSchedule CronParser::parse()
{
	parseZonePrefix();
	if (_text.empty()) fail("empty expression");
	if (_text[0] == '@') parseDescriptor();
	else parseFields();

	// Reject schedules that can never fire (31 February, ...) up front; any
	// possible schedule fires within CronSchedule::SEARCH_YEARS of any start.
	try
	{
		_schedule.next(Poco::Timestamp::fromEpochTime(978307200)); // 2001-01-01T00:00:00Z
	}
	catch (ScheduleException&)
	{
		fail("the expression never matches a date");
	}
	return _schedule;
}


void CronParser::parseZonePrefix()
{
	std::string::size_type prefix = 0;
	if (_text.compare(0, 3, "TZ=") == 0) prefix = 3;
	else if (_text.compare(0, 8, "CRON_TZ=") == 0) prefix = 8;
	else return;

	const std::string::size_type space = _text.find_first_of(" \t", prefix);
	const std::string zone = _text.substr(prefix, space == std::string::npos ? std::string::npos : space - prefix);
	if (zone == "UTC" || zone == "Etc/UTC" || zone == "GMT") _schedule._zone = CronSchedule::Zone::UTC;
	else if (zone == "Local") _schedule._zone = CronSchedule::Zone::LOCAL;
	else fail("unsupported time zone \"" + zone + "\" (supported: UTC, Etc/UTC, GMT, Local)");
	_text = space == std::string::npos ? std::string() : Poco::trim(_text.substr(space));
}


void CronParser::parseDescriptor()
{
	CronSchedule& s = _schedule;
	s._second = 1;
	s._minute = 1;
	s._hour = 1;
	s._dayOfMonth = all(1, 31);
	s._month = all(1, 12);
	s._dayOfWeek = all(0, 6);

	const std::string EVERY = "@every ";
	if (_text == "@yearly" || _text == "@annually")
	{
		s._dayOfMonth = Poco::UInt64(1) << 1;
		s._month = Poco::UInt64(1) << 1;
	}
	else if (_text == "@monthly")
	{
		s._dayOfMonth = Poco::UInt64(1) << 1;
	}
	else if (_text == "@weekly")
	{
		s._dayOfWeek = 1;
	}
	else if (_text == "@hourly")
	{
		s._hour = all(0, 23);
	}
	else if (_text.compare(0, EVERY.size(), EVERY) == 0)
	{
		const std::string duration = Poco::trim(_text.substr(EVERY.size()));
		Poco::Int64 nanoseconds = 0;
		try
		{
			nanoseconds = GoDuration::parseNanoseconds(duration);
		}
		catch (Poco::SyntaxException& exc)
		{
			fail(exc.message());
		}
		if (nanoseconds < 1000000000) fail("interval \"" + duration + "\" must be at least one second");
		s._intervalSeconds = nanoseconds / 1000000000;
	}
	else if (_text != "@daily" && _text != "@midnight")
	{
		fail("unknown descriptor \"" + _text + "\"");
	}
}


void CronParser::parseFields()
{
	const Poco::StringTokenizer tokens(_text, " \t\r\n", Poco::StringTokenizer::TOK_IGNORE_EMPTY);
	const std::vector<std::string> fields(tokens.begin(), tokens.end());
	if (fields.size() != 5 && fields.size() != 6)
	{
		fail("expected 5 or 6 fields, found " + std::to_string(fields.size()));
	}

	// Bring every form to the six fields second..day-of-week.
	std::vector<std::string> six = fields;
	if (fields.size() == 5)
	{
		if (_dialect == CronSchedule::SECONDS_FIRST) six.push_back("*");
		else six.insert(six.begin(), "0");
	}

	static const Bounds SECOND = {"second", 0, 59, nullptr};
	static const Bounds MINUTE = {"minute", 0, 59, nullptr};
	static const Bounds HOUR = {"hour", 0, 23, nullptr};
	static const Bounds DAY_OF_MONTH = {"day-of-month", 1, 31, nullptr};
	static const Bounds MONTH = {"month", 1, 12, &MONTH_NAMES};
	static const Bounds DAY_OF_WEEK = {"day-of-week", 0, 6, &WEEKDAY_NAMES};

	_schedule._second = parseField(six[0], SECOND);
	_schedule._minute = parseField(six[1], MINUTE);
	_schedule._hour = parseField(six[2], HOUR);
	_schedule._dayOfMonth = parseField(six[3], DAY_OF_MONTH);
	_schedule._month = parseField(six[4], MONTH);
	_schedule._dayOfWeek = parseField(six[5], DAY_OF_WEEK);
}


Poco::UInt64 CronParser::parseField(const std::string& field, const Bounds& bounds) const
{
	Poco::UInt64 result = 0;
	for (const auto& range: split(field, ','))
	{
		if (range.empty()) failField(bounds, field, "empty list element");
		result |= parseRange(field, range, bounds);
	}
	return result;
}


Poco::UInt64 CronParser::parseRange(const std::string& field, const std::string& range, const Bounds& bounds) const
{
	const std::vector<std::string> rangeAndStep = split(range, '/');
	if (rangeAndStep.size() > 2) failField(bounds, field, "too many slashes in \"" + range + "\"");
	const std::vector<std::string> lowAndHigh = split(rangeAndStep[0], '-');
	if (lowAndHigh.size() > 2) failField(bounds, field, "too many hyphens in \"" + range + "\"");
	for (const auto& part: lowAndHigh)
	{
		if (part.empty()) failField(bounds, field, "invalid range \"" + range + "\"");
	}
	if (rangeAndStep.size() == 2 && rangeAndStep[1].empty()) failField(bounds, field, "invalid range \"" + range + "\"");

	unsigned start = 0;
	unsigned end = 0;
	Poco::UInt64 star = 0;
	if (lowAndHigh[0] == "*" || lowAndHigh[0] == "?")
	{
		if (lowAndHigh.size() > 1) failField(bounds, field, "invalid range \"" + range + "\"");
		start = bounds.min;
		end = bounds.max;
		star = STAR_BIT;
	}
	else
	{
		start = parseValue(field, lowAndHigh[0], bounds, true);
		end = lowAndHigh.size() == 2 ? parseValue(field, lowAndHigh[1], bounds, true) : start;
	}

	unsigned step = 1;
	if (rangeAndStep.size() == 2)
	{
		step = parseValue(field, rangeAndStep[1], bounds, false);
		if (step == 0) failField(bounds, field, "step must be a positive number");
		// `a/n` means `a-max/n`.
		if (lowAndHigh.size() == 1 && !star) end = bounds.max;
	}

	if (start < bounds.min)
	{
		failField(bounds, field, std::to_string(start) + " is below the minimum " + std::to_string(bounds.min));
	}
	if (end > bounds.max)
	{
		failField(bounds, field, std::to_string(end) + " is above the maximum " + std::to_string(bounds.max));
	}
	if (start > end)
	{
		failField(bounds, field, "range start " + std::to_string(start) + " is beyond range end " + std::to_string(end));
	}
	return bits(start, end, step) | star;
}


unsigned CronParser::parseValue(const std::string& field, const std::string& text, const Bounds& bounds, bool namesAllowed) const
{
	if (namesAllowed && bounds.names)
	{
		const auto it = bounds.names->find(Poco::toLower(text));
		if (it != bounds.names->end()) return it->second;
	}
	// At most 9 digits: enough for any bound or step, and no overflow.
	if (text.empty() || text.size() > 9 || text.find_first_not_of("0123456789") != std::string::npos)
	{
		failField(bounds, field, "invalid value \"" + text + "\"");
	}
	return static_cast<unsigned>(std::stoul(text));
}


} } // namespace sbomop::schedule
