//
// CronSchedule.h
//
// Cron schedules for the `cron` option, compatible with the Go operator,
// which used github.com/robfig/cron v1.2.0 (`cron.New()` + `AddFunc`, i.e.
// `cron.Parse`: seconds first, day-of-week optional, descriptors allowed).
//

#ifndef SBOMOP_Schedule_CronSchedule_INCLUDED
#define SBOMOP_Schedule_CronSchedule_INCLUDED

#include "sbomop/Sbomop.h"
#include <Poco/DateTime.h>
#include <Poco/Timespan.h>
#include <Poco/Timestamp.h>
#include <Poco/Types.h>
#include <string>

namespace sbomop {
namespace schedule {

class SBOMOP_API CronSchedule
	/// A parsed cron expression and the computation of its next run time.
	///
	/// Accepted forms:
	///   - 6 fields `second minute hour day-of-month month day-of-week`,
	///     e.g. `0 30 * * * *` (every hour at :30:00);
	///   - 5 fields, read per Dialect: SECONDS_FIRST (the Go operator's
	///     reading, the default) takes `second minute hour day-of-month month`
	///     with day-of-week `*`; STANDARD takes crontab's
	///     `minute hour day-of-month month day-of-week` with second 0;
	///   - descriptors `@yearly`, `@annually`, `@monthly`, `@weekly`,
	///     `@daily`, `@midnight`, `@hourly` (at second 0 of the period), and
	///     `@every <duration>` in Go syntax (`@every 1h30m`), at least one
	///     second, fractions of a second dropped; runs at the whole second
	///     after `after` plus the duration.
	/// Per field: `*` and `?` (any), numbers, ranges `a-b`, steps `*/n`,
	/// `a-b/n` and `a/n` (= `a-max/n`), lists `a,b,c`; months `JAN`-`DEC`
	/// and weekdays `SUN`-`SAT` (any case). Bounds: second and minute 0-59,
	/// hour 0-23, day-of-month 1-31, month 1-12, day-of-week 0-6 (0 = Sunday).
	/// When day-of-month and day-of-week are both restricted (neither starts
	/// with `*` or `?`), a day matching either one matches, as in cron.
	///
	/// Quoting: backslashes and double quotes anywhere are removed (as the
	/// Go operator did for `cron: "\"0 30 * * * *\""`), then surrounding
	/// whitespace and one pair of surrounding single quotes.
	///
	/// Time zone: run times are computed in UTC unless Zone::LOCAL is asked
	/// for or the expression starts with `TZ=<zone> ` or `CRON_TZ=<zone> `,
	/// where `<zone>` is `UTC`, `Etc/UTC`, `GMT` or `Local` (the process's
	/// zone from the TZ environment variable, as the Go operator used). Other
	/// zone names are rejected.
	///
	/// Expressions that never match (e.g. `0 0 0 30 2 *`) are rejected.
	/// Immutable; safe to share between threads.
{
public:
	static constexpr int SEARCH_YEARS = 50;
		/// How far next() looks ahead. Every date a schedule can match recurs
		/// well within it (a day of the month on a given weekday: 28 years,
		/// 40 across a century without a leap day).

	enum Dialect
		/// How five-field expressions are read; six fields always start with
		/// seconds.
	{
		SECONDS_FIRST,
			/// `second minute hour day-of-month month` (robfig/cron v1 `Parse`).
		STANDARD
			/// `minute hour day-of-month month day-of-week` (crontab).
	};

	enum class Zone
	{
		UTC,
		LOCAL
	};

	static CronSchedule parse(const std::string& expression, Dialect dialect = SECONDS_FIRST, Zone zone = Zone::UTC);
		/// Parses `expression`. Throws InvalidCronExpressionException naming
		/// the expression and, for field errors, the field and the problem:
		/// empty expression, wrong number of fields, unknown descriptor,
		/// invalid duration, value below minimum or above maximum, reversed
		/// range, zero step, invalid value, unsupported time zone, never
		/// matches.

	Poco::Timestamp next(const Poco::Timestamp& after) const;
		/// The first run time strictly after `after`, on a whole second.
		/// Throws ScheduleException when there is none within SEARCH_YEARS.

	Poco::DateTime next(const Poco::DateTime& after) const;
		/// The same for a UTC date/time.

	const std::string& expression() const;
		/// The expression as given to parse().

	bool isInterval() const;
		/// True for `@every`.

	Poco::Timespan interval() const;
		/// The `@every` interval (whole seconds); zero otherwise.

	Zone zone() const;

private:
	CronSchedule();

	Poco::Int64 nextSpecSecond(Poco::Int64 afterSecond) const;
	bool dayMatches(int day, int weekday) const;

	std::string _expression;
	Zone _zone;
	Poco::Int64 _intervalSeconds;
	Poco::UInt64 _second;
	Poco::UInt64 _minute;
	Poco::UInt64 _hour;
	Poco::UInt64 _dayOfMonth;
	Poco::UInt64 _month;
	Poco::UInt64 _dayOfWeek;

	friend class CronParser;
};


//
// inlines
//
inline const std::string& CronSchedule::expression() const
{
	return _expression;
}


inline bool CronSchedule::isInterval() const
{
	return _intervalSeconds > 0;
}


inline Poco::Timespan CronSchedule::interval() const
{
	return Poco::Timespan(_intervalSeconds, 0);
}


inline CronSchedule::Zone CronSchedule::zone() const
{
	return _zone;
}


} } // namespace sbomop::schedule

#endif // SBOMOP_Schedule_CronSchedule_INCLUDED
