//
// fuzz_cron.cpp
//
// CronSchedule::parse on arbitrary text in both dialects: only
// InvalidCronExpressionException may escape parse(); for an accepted
// expression next() always finds a later run time (expressions that never
// match are rejected at parse time), on a whole second, consistently.
//

#include "FuzzCheck.h"
#include "sbomop/schedule/CronSchedule.h"
#include "sbomop/schedule/ScheduleException.h"
#include <Poco/Timestamp.h>
#include <cstddef>
#include <cstdint>
#include <string>

using sbomop::fuzz::check;
using sbomop::schedule::CronSchedule;
using sbomop::schedule::InvalidCronExpressionException;
using sbomop::schedule::ScheduleException;

namespace {

const Poco::Timestamp::TimeVal SECOND = 1000000;


void checkNext(const std::string& input, const CronSchedule& schedule, Poco::Timestamp::TimeVal afterSeconds)
{
	const Poco::Timestamp after(afterSeconds * SECOND + 123456);
	Poco::Timestamp first;
	try
	{
		first = schedule.next(after);
	}
	catch (ScheduleException& exc)
	{
		sbomop::fuzz::invariantFailed("an accepted expression has a next run time", input + ": " + exc.displayText());
	}
	check(first > after, "next() is strictly later", input);
	check(first.epochMicroseconds() % SECOND == 0, "next() is on a whole second", input);
	if (schedule.isInterval())
	{
		// totalSeconds() is an int in Poco and would wrap for intervals over 68 years.
		check(first.epochMicroseconds() / SECOND == afterSeconds + schedule.interval().totalMicroseconds() / SECOND, "@every runs after the interval", input);
		return;
	}
	// The first run time strictly after the second before a run time is that run time.
	check(schedule.next(Poco::Timestamp(first.epochMicroseconds() - SECOND)) == first, "next() is the first run time", input);
	check(schedule.next(first) > first, "the run after a run time is later", input);
}


void fuzzDialect(const std::string& input, CronSchedule::Dialect dialect)
{
	CronSchedule::Zone zone = input.size() % 2 ? CronSchedule::Zone::LOCAL : CronSchedule::Zone::UTC;
	try
	{
		const CronSchedule schedule = CronSchedule::parse(input, dialect, zone);
		check(schedule.expression() == input, "expression() is the input", input);
		checkNext(input, schedule, 0);
		checkNext(input, schedule, 1795824000);   // 2026-11-28 00:00:00 UTC
		checkNext(input, schedule, 4107542399);   // 2100-02-28 23:59:59 UTC, no leap day
	}
	catch (InvalidCronExpressionException&)
	{
	}
}

} // namespace


extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
	const std::string input(reinterpret_cast<const char*>(data), size);
	fuzzDialect(input, CronSchedule::SECONDS_FIRST);
	fuzzDialect(input, CronSchedule::STANDARD);
	return 0;
}
