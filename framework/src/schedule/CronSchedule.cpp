//
// CronSchedule.cpp
//

#include "sbomop/schedule/CronSchedule.h"
#include "sbomop/schedule/ScheduleException.h"
#include "CronParser.h"
#include <ctime>

namespace sbomop {
namespace schedule {

namespace {

// Broken-down time in the schedule's zone. The C library does the zone work:
// gmtime_r/timegm for UTC, localtime_r/mktime for the process's zone (TZ).
struct Civil
{
	int year;
	int month;   // 1-12
	int day;     // 1-31
	int hour;
	int minute;
	int second;
	int weekday; // 0 = Sunday
};


Civil toCivil(Poco::Int64 epochSecond, CronSchedule::Zone zone)
{
	const std::time_t t = static_cast<std::time_t>(epochSecond);
	std::tm tm = {};
	if (zone == CronSchedule::Zone::UTC) gmtime_r(&t, &tm);
	else localtime_r(&t, &tm);
	return Civil{tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec, tm.tm_wday};
}


// Out-of-range fields are normalised (month 13 is January of the next year),
// like Go's time.Date.
Poco::Int64 fromCivil(int year, int month, int day, int hour, int minute, int second, CronSchedule::Zone zone)
{
	std::tm tm = {};
	tm.tm_year = year - 1900;
	tm.tm_mon = month - 1;
	tm.tm_mday = day;
	tm.tm_hour = hour;
	tm.tm_min = minute;
	tm.tm_sec = second;
	tm.tm_isdst = -1;
	return zone == CronSchedule::Zone::UTC ? timegm(&tm) : std::mktime(&tm);
}


bool has(Poco::UInt64 field, int value)
{
	return (field & (Poco::UInt64(1) << value)) != 0;
}


Poco::Int64 floorDiv(Poco::Int64 a, Poco::Int64 b)
{
	return a / b - ((a % b != 0) && ((a < 0) != (b < 0)) ? 1 : 0);
}


const Poco::Int64 MICROSECONDS = Poco::Timestamp::resolution();

} // namespace


CronSchedule::CronSchedule():
	_zone(Zone::UTC),
	_intervalSeconds(0),
	_second(0),
	_minute(0),
	_hour(0),
	_dayOfMonth(0),
	_month(0),
	_dayOfWeek(0)
{
}


CronSchedule CronSchedule::parse(const std::string& expression, Dialect dialect, Zone zone)
{
	CronParser parser(expression, dialect, zone);
	return parser.parse();
}


Poco::Timestamp CronSchedule::next(const Poco::Timestamp& after) const
{
	const Poco::Int64 afterSecond = floorDiv(after.epochMicroseconds(), MICROSECONDS);
	const Poco::Int64 nextSecond = isInterval() ? afterSecond + _intervalSeconds : nextSpecSecond(afterSecond);
	return Poco::Timestamp(nextSecond * MICROSECONDS);
}


Poco::DateTime CronSchedule::next(const Poco::DateTime& after) const
{
	return Poco::DateTime(next(after.timestamp()));
}


bool CronSchedule::dayMatches(int day, int weekday) const
{
	const bool dayOfMonth = has(_dayOfMonth, day);
	const bool dayOfWeek = has(_dayOfWeek, weekday);
	if ((_dayOfMonth & CronParser::STAR_BIT) || (_dayOfWeek & CronParser::STAR_BIT)) return dayOfMonth && dayOfWeek;
	return dayOfMonth || dayOfWeek;
}


Poco::Int64 CronSchedule::nextSpecSecond(Poco::Int64 afterSecond) const
{
	// robfig/cron's SpecSchedule.Next: find the first matching month, then
	// day, hour, minute and second; when a field wraps around (e.g. the hour
	// goes back to 0) start over, since the coarser fields must be checked
	// again. Once a field was advanced the finer ones start from their minimum.
	Poco::Int64 t = afterSecond + 1;
	bool added = false;
	Civil c = toCivil(t, _zone);
	// A day of the month falls on a given weekday at least once in 28 years,
	// 40 across a century that skips a leap day; robfig/cron's five years
	// silently stopped schedules such as "the 4th of September, a Sunday".
	const int yearLimit = c.year + SEARCH_YEARS;

wrap:
	c = toCivil(t, _zone);
	if (c.year > yearLimit)
	{
		throw ScheduleException("\"" + _expression + "\": no run time within " + std::to_string(SEARCH_YEARS) + " years");
	}

	while (!has(_month, c.month))
	{
		if (!added)
		{
			added = true;
			t = fromCivil(c.year, c.month, 1, 0, 0, 0, _zone);
			c = toCivil(t, _zone);
		}
		t = fromCivil(c.year, c.month + 1, c.day, c.hour, c.minute, c.second, _zone);
		c = toCivil(t, _zone);
		if (c.month == 1) goto wrap;
	}

	while (!dayMatches(c.day, c.weekday))
	{
		if (!added)
		{
			added = true;
			t = fromCivil(c.year, c.month, c.day, 0, 0, 0, _zone);
			c = toCivil(t, _zone);
		}
		t = fromCivil(c.year, c.month, c.day + 1, c.hour, c.minute, c.second, _zone);
		c = toCivil(t, _zone);
		if (c.day == 1) goto wrap;
	}

	while (!has(_hour, c.hour))
	{
		if (!added)
		{
			added = true;
			t = fromCivil(c.year, c.month, c.day, c.hour, 0, 0, _zone);
		}
		t += 3600;
		c = toCivil(t, _zone);
		if (c.hour == 0) goto wrap;
	}

	while (!has(_minute, c.minute))
	{
		if (!added)
		{
			added = true;
			t = floorDiv(t, 60) * 60;
		}
		t += 60;
		c = toCivil(t, _zone);
		if (c.minute == 0) goto wrap;
	}

	while (!has(_second, c.second))
	{
		t += 1;
		c = toCivil(t, _zone);
		if (c.second == 0) goto wrap;
	}

	return t;
}


} } // namespace sbomop::schedule
