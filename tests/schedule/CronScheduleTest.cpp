//
// CronScheduleTest.cpp
//

#include "sbomop/schedule/CronSchedule.h"
#include "sbomop/schedule/ScheduleException.h"
#include <Poco/DateTimeFormat.h>
#include <Poco/DateTimeFormatter.h>
#include <cppunit/extensions/HelperMacros.h>
#include <cstdlib>
#include <ctime>

using sbomop::schedule::CronSchedule;
using sbomop::schedule::InvalidCronExpressionException;

namespace {

// Friday, 2024-03-15 10:20:30.5 UTC.
const Poco::Timestamp START = Poco::DateTime(2024, 3, 15, 10, 20, 30, 500).timestamp();


std::string iso(const Poco::Timestamp& timestamp)
{
	return Poco::DateTimeFormatter::format(timestamp, Poco::DateTimeFormat::ISO8601_FORMAT);
}


std::string nextAfter(const std::string& expression, const Poco::Timestamp& after = START, CronSchedule::Dialect dialect = CronSchedule::SECONDS_FIRST)
{
	return iso(CronSchedule::parse(expression, dialect).next(after));
}


Poco::Timestamp at(int year, int month, int day, int hour, int minute, int second)
{
	return Poco::DateTime(year, month, day, hour, minute, second).timestamp();
}


std::string errorOf(const std::string& expression)
{
	try
	{
		CronSchedule::parse(expression);
	}
	catch (InvalidCronExpressionException& exc)
	{
		return exc.message();
	}
	CPPUNIT_FAIL("no exception for \"" + expression + "\"");
	return std::string();
}


// Sets TZ for the lifetime of the object (the test runner is single-threaded).
class ScopedTimeZone
{
public:
	explicit ScopedTimeZone(const char* zone)
	{
		const char* old = std::getenv("TZ");
		_hadOld = old != nullptr;
		if (_hadOld) _old = old;
		::setenv("TZ", zone, 1);
		::tzset();
	}

	~ScopedTimeZone()
	{
		if (_hadOld) ::setenv("TZ", _old.c_str(), 1);
		else ::unsetenv("TZ");
		::tzset();
	}

private:
	bool _hadOld;
	std::string _old;
};

// Central European Time with EU daylight saving rules, as a POSIX TZ string
// (needs no zoneinfo files).
const char* CET = "CET-1CEST,M3.5.0,M10.5.0/3";

} // namespace


class CronScheduleTest: public CppUnit::TestFixture
{
	CPPUNIT_TEST_SUITE(CronScheduleTest);
	CPPUNIT_TEST(testSixFieldsWithSeconds);
	CPPUNIT_TEST(testNextIsStrictlyAfter);
	CPPUNIT_TEST(testFiveFieldsReadSecondsFirstByDefault);
	CPPUNIT_TEST(testFiveFieldsStandardDialect);
	CPPUNIT_TEST(testSixFieldsAreTheSameInBothDialects);
	CPPUNIT_TEST(testEveryDuration);
	CPPUNIT_TEST(testEveryDropsFractionsOfSeconds);
	CPPUNIT_TEST(testDescriptors);
	CPPUNIT_TEST(testSteps);
	CPPUNIT_TEST(testRangesWithStepsAndWeekdayNames);
	CPPUNIT_TEST(testStartWithStepMeansUpToMaximum);
	CPPUNIT_TEST(testListsAndMonthNames);
	CPPUNIT_TEST(testQuestionMark);
	CPPUNIT_TEST(testDayOfMonthOrDayOfWeekWhenBothRestricted);
	CPPUNIT_TEST(testDayOfMonthAndDayOfWeekWhenOneIsStar);
	CPPUNIT_TEST(testLeapDay);
	CPPUNIT_TEST(testRareDayAndWeekdayCombinationsAreFound);
	CPPUNIT_TEST(testYearWrap);
	CPPUNIT_TEST(testQuotesAreTolerated);
	CPPUNIT_TEST(testUtcZonePrefix);
	CPPUNIT_TEST(testLocalZone);
	CPPUNIT_TEST(testLocalZoneAcrossDaylightSavingChange);
	CPPUNIT_TEST(testDateTimeOverload);
	CPPUNIT_TEST(testAccessors);
	CPPUNIT_TEST(testRejectsEmptyExpression);
	CPPUNIT_TEST(testRejectsWrongFieldCount);
	CPPUNIT_TEST(testRejectsValuesOutOfRange);
	CPPUNIT_TEST(testRejectsMalformedRanges);
	CPPUNIT_TEST(testRejectsInvalidValues);
	CPPUNIT_TEST(testRejectsBadDescriptors);
	CPPUNIT_TEST(testRejectsExpressionThatNeverMatches);
	CPPUNIT_TEST(testRejectsUnsupportedTimeZone);
	CPPUNIT_TEST_SUITE_END();

public:
	void testSixFieldsWithSeconds()
	{
		CPPUNIT_ASSERT_EQUAL(std::string("2024-03-15T10:30:00Z"), nextAfter("0 30 * * * *"));
		CPPUNIT_ASSERT_EQUAL(std::string("2024-03-15T10:20:45Z"), nextAfter("45 * * * * *"));
	}

	void testNextIsStrictlyAfter()
	{
		CPPUNIT_ASSERT_EQUAL(std::string("2024-03-15T11:30:00Z"), nextAfter("0 30 * * * *", at(2024, 3, 15, 10, 30, 0)));
		CPPUNIT_ASSERT_EQUAL(std::string("2024-03-15T10:30:01Z"), nextAfter("* * * * * *", at(2024, 3, 15, 10, 30, 0)));
	}

	void testFiveFieldsReadSecondsFirstByDefault()
	{
		// robfig/cron v1 Parse: second minute hour day-of-month month.
		CPPUNIT_ASSERT_EQUAL(std::string("2024-03-15T10:30:00Z"), nextAfter("0 30 * * *"));
		CPPUNIT_ASSERT_EQUAL(std::string("2024-03-15T11:00:00Z"), nextAfter("0 0 * * *"));
	}

	void testFiveFieldsStandardDialect()
	{
		CPPUNIT_ASSERT_EQUAL(std::string("2024-03-16T02:30:00Z"), nextAfter("30 2 * * *", START, CronSchedule::STANDARD));
		CPPUNIT_ASSERT_EQUAL(std::string("2024-03-16T00:00:00Z"), nextAfter("0 0 * * *", START, CronSchedule::STANDARD));
		CPPUNIT_ASSERT_EQUAL(std::string("2024-03-18T09:00:00Z"), nextAfter("0 9 * * MON", START, CronSchedule::STANDARD));
	}

	void testSixFieldsAreTheSameInBothDialects()
	{
		CPPUNIT_ASSERT_EQUAL(nextAfter("0 30 * * * *"), nextAfter("0 30 * * * *", START, CronSchedule::STANDARD));
	}

	void testEveryDuration()
	{
		CPPUNIT_ASSERT_EQUAL(std::string("2024-03-15T11:50:30Z"), nextAfter("@every 1h30m"));
		CPPUNIT_ASSERT_EQUAL(std::string("2024-03-15T10:21:00Z"), nextAfter("@every 30s"));
		CPPUNIT_ASSERT_EQUAL(std::string("2024-03-15T11:50:30Z"), nextAfter("@every 1.5h"));
	}

	void testEveryDropsFractionsOfSeconds()
	{
		const CronSchedule schedule = CronSchedule::parse("@every 1500ms");
		CPPUNIT_ASSERT_EQUAL(1, schedule.interval().totalSeconds());
		CPPUNIT_ASSERT_EQUAL(std::string("2024-03-15T10:20:31Z"), iso(schedule.next(START)));
	}

	void testDescriptors()
	{
		CPPUNIT_ASSERT_EQUAL(std::string("2024-03-15T11:00:00Z"), nextAfter("@hourly"));
		CPPUNIT_ASSERT_EQUAL(std::string("2024-03-16T00:00:00Z"), nextAfter("@daily"));
		CPPUNIT_ASSERT_EQUAL(std::string("2024-03-16T00:00:00Z"), nextAfter("@midnight"));
		CPPUNIT_ASSERT_EQUAL(std::string("2024-03-17T00:00:00Z"), nextAfter("@weekly"));
		CPPUNIT_ASSERT_EQUAL(std::string("2024-04-01T00:00:00Z"), nextAfter("@monthly"));
		CPPUNIT_ASSERT_EQUAL(std::string("2025-01-01T00:00:00Z"), nextAfter("@yearly"));
		CPPUNIT_ASSERT_EQUAL(std::string("2025-01-01T00:00:00Z"), nextAfter("@annually"));
	}

	void testSteps()
	{
		CPPUNIT_ASSERT_EQUAL(std::string("2024-03-15T10:20:45Z"), nextAfter("*/15 * * * * *"));
		CPPUNIT_ASSERT_EQUAL(std::string("2024-03-15T12:00:00Z"), nextAfter("0 0 */6 * * *"));
	}

	void testRangesWithStepsAndWeekdayNames()
	{
		CPPUNIT_ASSERT_EQUAL(std::string("2024-03-15T11:00:00Z"), nextAfter("0 0 9-17/2 * * MON-FRI"));
		CPPUNIT_ASSERT_EQUAL(std::string("2024-03-18T09:00:00Z"), nextAfter("0 0 9-17/2 * * mon-fri", at(2024, 3, 15, 17, 30, 0)));
	}

	void testStartWithStepMeansUpToMaximum()
	{
		CPPUNIT_ASSERT_EQUAL(std::string("2024-03-15T10:25:00Z"), nextAfter("0 5/20 * * * *"));
		CPPUNIT_ASSERT_EQUAL(std::string("2024-03-15T11:05:00Z"), nextAfter("0 5/20 * * * *", at(2024, 3, 15, 10, 45, 0)));
	}

	void testListsAndMonthNames()
	{
		CPPUNIT_ASSERT_EQUAL(std::string("2024-07-01T00:00:00Z"), nextAfter("0 0 0 1 JAN,jul *"));
		CPPUNIT_ASSERT_EQUAL(std::string("2024-03-15T10:40:00Z"), nextAfter("0 10,40 * * * *"));
	}

	void testQuestionMark()
	{
		CPPUNIT_ASSERT_EQUAL(std::string("2024-03-17T12:00:00Z"), nextAfter("0 0 12 ? * SUN"));
	}

	void testDayOfMonthOrDayOfWeekWhenBothRestricted()
	{
		// The 13th (a Saturday in April) or any Friday: next Friday comes first.
		CPPUNIT_ASSERT_EQUAL(std::string("2024-03-22T00:00:00Z"), nextAfter("0 0 0 13 * FRI"));
		CPPUNIT_ASSERT_EQUAL(std::string("2024-04-13T00:00:00Z"), nextAfter("0 0 0 13 * FRI", at(2024, 4, 12, 1, 0, 0)));
	}

	void testDayOfMonthAndDayOfWeekWhenOneIsStar()
	{
		CPPUNIT_ASSERT_EQUAL(std::string("2024-03-22T00:00:00Z"), nextAfter("0 0 0 * * FRI"));
		// A field starting with `*` keeps AND semantics even with a step:
		// odd days that are Mondays.
		CPPUNIT_ASSERT_EQUAL(std::string("2024-03-25T00:00:00Z"), nextAfter("0 0 0 */2 * MON"));
	}

	void testLeapDay()
	{
		CPPUNIT_ASSERT_EQUAL(std::string("2028-02-29T00:00:00Z"), nextAfter("0 0 0 29 2 *"));
	}

	void testRareDayAndWeekdayCombinationsAreFound()
	{
		// The 4th of September or October on a Sunday: seven years apart
		// here, beyond the five years robfig/cron searched.
		CPPUNIT_ASSERT_EQUAL(std::string("1977-09-04T05:00:00Z"), nextAfter("0 0 5 4 9-10 */9", at(1970, 10, 4, 5, 0, 0)));
		CPPUNIT_ASSERT_EQUAL(std::string("2032-02-29T00:00:00Z"), nextAfter("0 0 0 29 2 */7", at(2024, 3, 16, 0, 0, 0)));
	}

	void testYearWrap()
	{
		CPPUNIT_ASSERT_EQUAL(std::string("2025-01-01T00:00:00Z"), nextAfter("0 0 0 1 1 *", at(2024, 12, 31, 23, 59, 59)));
		CPPUNIT_ASSERT_EQUAL(std::string("2025-02-28T00:00:00Z"), nextAfter("0 0 0 28 2 *", at(2024, 3, 1, 0, 0, 0)));
	}

	void testQuotesAreTolerated()
	{
		CPPUNIT_ASSERT_EQUAL(std::string("2024-03-15T10:30:00Z"), nextAfter("\"0 30 * * * *\""));
		CPPUNIT_ASSERT_EQUAL(std::string("2024-03-15T10:30:00Z"), nextAfter("'0 30 * * * *'"));
		CPPUNIT_ASSERT_EQUAL(std::string("2024-03-15T10:30:00Z"), nextAfter("  \\\"0 30 * * * *\\\"  "));
		CPPUNIT_ASSERT_EQUAL(std::string("'0 30 * * * *'"), CronSchedule::parse("'0 30 * * * *'").expression());
	}

	void testUtcZonePrefix()
	{
		CPPUNIT_ASSERT_EQUAL(std::string("2024-03-15T10:30:00Z"), nextAfter("TZ=UTC 0 30 * * * *"));
		CPPUNIT_ASSERT_EQUAL(std::string("2024-03-15T11:00:00Z"), nextAfter("CRON_TZ=Etc/UTC @hourly"));
		CPPUNIT_ASSERT(CronSchedule::parse("TZ=UTC 0 30 * * * *", CronSchedule::SECONDS_FIRST, CronSchedule::Zone::LOCAL).zone() == CronSchedule::Zone::UTC);
	}

	void testLocalZone()
	{
		const ScopedTimeZone zone(CET);
		// 10:20:30Z is 11:20:30 CET; 09:00 CET tomorrow is 08:00Z.
		const CronSchedule local = CronSchedule::parse("0 0 9 * * *", CronSchedule::SECONDS_FIRST, CronSchedule::Zone::LOCAL);
		CPPUNIT_ASSERT_EQUAL(std::string("2024-03-16T08:00:00Z"), iso(local.next(START)));
		CPPUNIT_ASSERT_EQUAL(std::string("2024-03-16T08:00:00Z"), nextAfter("TZ=Local 0 0 9 * * *"));
		CPPUNIT_ASSERT_EQUAL(std::string("2024-03-16T09:00:00Z"), nextAfter("0 0 9 * * *"));
	}

	void testLocalZoneAcrossDaylightSavingChange()
	{
		const ScopedTimeZone zone(CET);
		// Summer time starts on 2024-03-31: 09:00 CEST is 07:00Z.
		CPPUNIT_ASSERT_EQUAL(std::string("2024-03-31T07:00:00Z"), nextAfter("TZ=Local 0 0 9 * * *", at(2024, 3, 30, 12, 0, 0)));
		// Hourly runs keep going through the skipped hour.
		CPPUNIT_ASSERT_EQUAL(std::string("2024-03-31T01:00:00Z"), nextAfter("TZ=Local @hourly", at(2024, 3, 31, 0, 30, 0)));
	}

	void testDateTimeOverload()
	{
		const Poco::DateTime next = CronSchedule::parse("0 30 * * * *").next(Poco::DateTime(START));
		CPPUNIT_ASSERT_EQUAL(10, next.hour());
		CPPUNIT_ASSERT_EQUAL(30, next.minute());
		CPPUNIT_ASSERT_EQUAL(0, next.second());
	}

	void testAccessors()
	{
		const CronSchedule every = CronSchedule::parse("@every 1h30m");
		CPPUNIT_ASSERT(every.isInterval());
		CPPUNIT_ASSERT_EQUAL(5400, every.interval().totalSeconds());
		const CronSchedule spec = CronSchedule::parse("0 30 * * * *");
		CPPUNIT_ASSERT(!spec.isInterval());
		CPPUNIT_ASSERT_EQUAL(0, spec.interval().totalSeconds());
		CPPUNIT_ASSERT_EQUAL(std::string("0 30 * * * *"), spec.expression());
		CPPUNIT_ASSERT(spec.zone() == CronSchedule::Zone::UTC);
	}

	void testRejectsEmptyExpression()
	{
		CPPUNIT_ASSERT_THROW(CronSchedule::parse(""), InvalidCronExpressionException);
		CPPUNIT_ASSERT_EQUAL(std::string("\"\": empty expression"), errorOf(""));
		CPPUNIT_ASSERT_EQUAL(std::string("\"  \"\" \": empty expression"), errorOf("  \"\" "));
		CPPUNIT_ASSERT_EQUAL(std::string("\"TZ=UTC\": empty expression"), errorOf("TZ=UTC"));
	}

	void testRejectsWrongFieldCount()
	{
		CPPUNIT_ASSERT_EQUAL(std::string("\"* * * *\": expected 5 or 6 fields, found 4"), errorOf("* * * *"));
		CPPUNIT_ASSERT_EQUAL(std::string("\"* * * * * * *\": expected 5 or 6 fields, found 7"), errorOf("* * * * * * *"));
	}

	void testRejectsValuesOutOfRange()
	{
		CPPUNIT_ASSERT_EQUAL(std::string("\"0 61 * * * *\": minute field \"61\": 61 is above the maximum 59"), errorOf("0 61 * * * *"));
		CPPUNIT_ASSERT_EQUAL(std::string("\"0 0 24 * * *\": hour field \"24\": 24 is above the maximum 23"), errorOf("0 0 24 * * *"));
		CPPUNIT_ASSERT_EQUAL(std::string("\"0 0 0 0 * *\": day-of-month field \"0\": 0 is below the minimum 1"), errorOf("0 0 0 0 * *"));
		CPPUNIT_ASSERT_EQUAL(std::string("\"0 0 0 * 13 *\": month field \"13\": 13 is above the maximum 12"), errorOf("0 0 0 * 13 *"));
		CPPUNIT_ASSERT_EQUAL(std::string("\"0 0 0 * * 7\": day-of-week field \"7\": 7 is above the maximum 6"), errorOf("0 0 0 * * 7"));
		CPPUNIT_ASSERT_EQUAL(std::string("\"60 * * * * *\": second field \"60\": 60 is above the maximum 59"), errorOf("60 * * * * *"));
	}

	void testRejectsMalformedRanges()
	{
		CPPUNIT_ASSERT_EQUAL(std::string("\"0 0 0 * * MON-SUN\": day-of-week field \"MON-SUN\": range start 1 is beyond range end 0"), errorOf("0 0 0 * * MON-SUN"));
		CPPUNIT_ASSERT_EQUAL(std::string("\"*/0 * * * * *\": second field \"*/0\": step must be a positive number"), errorOf("*/0 * * * * *"));
		CPPUNIT_ASSERT_EQUAL(std::string("\"0 1-2-3 * * * *\": minute field \"1-2-3\": too many hyphens in \"1-2-3\""), errorOf("0 1-2-3 * * * *"));
		CPPUNIT_ASSERT_EQUAL(std::string("\"0 */5/2 * * * *\": minute field \"*/5/2\": too many slashes in \"*/5/2\""), errorOf("0 */5/2 * * * *"));
		CPPUNIT_ASSERT_EQUAL(std::string("\"0 1,,2 * * * *\": minute field \"1,,2\": empty list element"), errorOf("0 1,,2 * * * *"));
		CPPUNIT_ASSERT_EQUAL(std::string("\"0 *-5 * * * *\": minute field \"*-5\": invalid range \"*-5\""), errorOf("0 *-5 * * * *"));
		CPPUNIT_ASSERT_EQUAL(std::string("\"0 0 -1 * * *\": hour field \"-1\": invalid range \"-1\""), errorOf("0 0 -1 * * *"));
		CPPUNIT_ASSERT_EQUAL(std::string("\"0 */ * * * *\": minute field \"*/\": invalid range \"*/\""), errorOf("0 */ * * * *"));
	}

	void testRejectsInvalidValues()
	{
		CPPUNIT_ASSERT_EQUAL(std::string("\"0 0 0 * JANUARY *\": month field \"JANUARY\": invalid value \"JANUARY\""), errorOf("0 0 0 * JANUARY *"));
		CPPUNIT_ASSERT_EQUAL(std::string("\"0 x * * * *\": minute field \"x\": invalid value \"x\""), errorOf("0 x * * * *"));
		CPPUNIT_ASSERT_EQUAL(std::string("\"0 0 0 1 */jan *\": month field \"*/jan\": invalid value \"jan\""), errorOf("0 0 0 1 */jan *"));
	}

	void testRejectsBadDescriptors()
	{
		CPPUNIT_ASSERT_EQUAL(std::string("\"@fortnightly\": unknown descriptor \"@fortnightly\""), errorOf("@fortnightly"));
		CPPUNIT_ASSERT_EQUAL(std::string("\"@every\": unknown descriptor \"@every\""), errorOf("@every"));
		CPPUNIT_ASSERT_EQUAL(std::string("\"@every 1x\": unknown unit \"x\" in duration \"1x\""), errorOf("@every 1x"));
		CPPUNIT_ASSERT_EQUAL(std::string("\"@every 500ms\": interval \"500ms\" must be at least one second"), errorOf("@every 500ms"));
		CPPUNIT_ASSERT_EQUAL(std::string("\"@every -1h\": interval \"-1h\" must be at least one second"), errorOf("@every -1h"));
	}

	void testRejectsExpressionThatNeverMatches()
	{
		CPPUNIT_ASSERT_EQUAL(std::string("\"0 0 0 30 2 *\": the expression never matches a date"), errorOf("0 0 0 30 2 *"));
		CPPUNIT_ASSERT_EQUAL(std::string("\"0 0 0 31 4,6,9,11 *\": the expression never matches a date"), errorOf("0 0 0 31 4,6,9,11 *"));
	}

	void testRejectsUnsupportedTimeZone()
	{
		CPPUNIT_ASSERT_EQUAL(std::string("\"TZ=Europe/Berlin 0 0 * * * *\": unsupported time zone \"Europe/Berlin\" (supported: UTC, Etc/UTC, GMT, Local)"),
			errorOf("TZ=Europe/Berlin 0 0 * * * *"));
	}
};


CPPUNIT_TEST_SUITE_NAMED_REGISTRATION(CronScheduleTest, "Schedule");
