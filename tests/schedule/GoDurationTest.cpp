//
// GoDurationTest.cpp
//

#include "sbomop/schedule/GoDuration.h"
#include <Poco/Exception.h>
#include <cppunit/extensions/HelperMacros.h>

using sbomop::schedule::GoDuration;

namespace {

std::string errorOf(const std::string& text)
{
	try
	{
		GoDuration::parseNanoseconds(text);
	}
	catch (Poco::SyntaxException& exc)
	{
		return exc.message();
	}
	CPPUNIT_FAIL("no exception for \"" + text + "\"");
	return std::string();
}

} // namespace


class GoDurationTest: public CppUnit::TestFixture
{
	CPPUNIT_TEST_SUITE(GoDurationTest);
	CPPUNIT_TEST(testSingleUnits);
	CPPUNIT_TEST(testCombinedUnits);
	CPPUNIT_TEST(testFractions);
	CPPUNIT_TEST(testSignsAndZero);
	CPPUNIT_TEST(testMicrosecondSpellings);
	CPPUNIT_TEST(testTimespanIsTruncatedToMicroseconds);
	CPPUNIT_TEST(testRejectsMalformedDurations);
	CPPUNIT_TEST(testRejectsOverflow);
	CPPUNIT_TEST_SUITE_END();

public:
	void testSingleUnits()
	{
		CPPUNIT_ASSERT_EQUAL(Poco::Int64(300), GoDuration::parseNanoseconds("300ns"));
		CPPUNIT_ASSERT_EQUAL(Poco::Int64(5000), GoDuration::parseNanoseconds("5us"));
		CPPUNIT_ASSERT_EQUAL(Poco::Int64(300000000), GoDuration::parseNanoseconds("300ms"));
		CPPUNIT_ASSERT_EQUAL(Poco::Int64(90) * 1000000000, GoDuration::parseNanoseconds("90s"));
		CPPUNIT_ASSERT_EQUAL(Poco::Int64(5) * 60 * 1000000000, GoDuration::parseNanoseconds("5m"));
		CPPUNIT_ASSERT_EQUAL(Poco::Int64(2) * 3600 * 1000000000, GoDuration::parseNanoseconds("2h"));
	}

	void testCombinedUnits()
	{
		CPPUNIT_ASSERT_EQUAL(Poco::Int64(5400) * 1000000000, GoDuration::parseNanoseconds("1h30m"));
		CPPUNIT_ASSERT_EQUAL(Poco::Int64(9930) * 1000000000 + 500000000, GoDuration::parseNanoseconds("2h45m30.5s"));
	}

	void testFractions()
	{
		CPPUNIT_ASSERT_EQUAL(Poco::Int64(5400) * 1000000000, GoDuration::parseNanoseconds("1.5h"));
		CPPUNIT_ASSERT_EQUAL(Poco::Int64(500000000), GoDuration::parseNanoseconds(".5s"));
		CPPUNIT_ASSERT_EQUAL(Poco::Int64(1000000000), GoDuration::parseNanoseconds("1.s"));
		CPPUNIT_ASSERT_EQUAL(Poco::Int64(1), GoDuration::parseNanoseconds("0.0000000019s"));
	}

	void testSignsAndZero()
	{
		CPPUNIT_ASSERT_EQUAL(Poco::Int64(0), GoDuration::parseNanoseconds("0"));
		CPPUNIT_ASSERT_EQUAL(Poco::Int64(0), GoDuration::parseNanoseconds("-0"));
		CPPUNIT_ASSERT_EQUAL(Poco::Int64(-90) * 60 * 1000000000, GoDuration::parseNanoseconds("-1.5h"));
		CPPUNIT_ASSERT_EQUAL(Poco::Int64(60) * 1000000000, GoDuration::parseNanoseconds("+1m"));
	}

	void testMicrosecondSpellings()
	{
		CPPUNIT_ASSERT_EQUAL(Poco::Int64(7000), GoDuration::parseNanoseconds("7\xC2\xB5s"));
		CPPUNIT_ASSERT_EQUAL(Poco::Int64(7000), GoDuration::parseNanoseconds("7\xCE\xBCs"));
	}

	void testTimespanIsTruncatedToMicroseconds()
	{
		CPPUNIT_ASSERT_EQUAL(Poco::Timespan::TimeDiff(1500), GoDuration::parse("1500999ns").totalMicroseconds());
		CPPUNIT_ASSERT_EQUAL(Poco::Timespan::TimeDiff(5400) * 1000000, GoDuration::parse("1h30m").totalMicroseconds());
	}

	void testRejectsMalformedDurations()
	{
		CPPUNIT_ASSERT_THROW(GoDuration::parse("1x"), Poco::SyntaxException);
		CPPUNIT_ASSERT_EQUAL(std::string("invalid duration \"\""), errorOf(""));
		CPPUNIT_ASSERT_EQUAL(std::string("invalid duration \"-\""), errorOf("-"));
		CPPUNIT_ASSERT_EQUAL(std::string("missing unit in duration \"1\""), errorOf("1"));
		CPPUNIT_ASSERT_EQUAL(std::string("missing unit in duration \"1h30\""), errorOf("1h30"));
		CPPUNIT_ASSERT_EQUAL(std::string("unknown unit \"x\" in duration \"1x\""), errorOf("1x"));
		CPPUNIT_ASSERT_EQUAL(std::string("unknown unit \"d\" in duration \"2d\""), errorOf("2d"));
		CPPUNIT_ASSERT_EQUAL(std::string("invalid duration \".s\""), errorOf(".s"));
		CPPUNIT_ASSERT_EQUAL(std::string("invalid duration \"h\""), errorOf("h"));
		CPPUNIT_ASSERT_EQUAL(std::string("unknown unit \" h\" in duration \"1 h\""), errorOf("1 h"));
	}

	void testRejectsOverflow()
	{
		CPPUNIT_ASSERT_EQUAL(std::string("duration \"3000000h\" out of range"), errorOf("3000000h"));
		CPPUNIT_ASSERT_EQUAL(std::string("duration \"99999999999999999999ns\" out of range"), errorOf("99999999999999999999ns"));
	}
};


CPPUNIT_TEST_SUITE_NAMED_REGISTRATION(GoDurationTest, "Schedule");
