//
// ValueParserTest.cpp
//

#include "sbomop/config/ValueParser.h"
#include <cppunit/extensions/HelperMacros.h>
#include <limits>

using sbomop::config::ValueParser;

class ValueParserTest: public CppUnit::TestFixture
{
	CPPUNIT_TEST_SUITE(ValueParserTest);
	CPPUNIT_TEST(testBooleanAcceptsTrueFalseOneZeroYesNoInAnyCase);
	CPPUNIT_TEST(testBooleanRejectsEverythingElse);
	CPPUNIT_TEST(testIntegerAcceptsPlainDecimals);
	CPPUNIT_TEST(testIntegerRejectsSignsBlanksAndOtherNotations);
	CPPUNIT_TEST(testIntegerReportsOverflowAtTheSixtyFourBitLimits);
	CPPUNIT_TEST(testListIsTrimmedWithoutEmptyItems);
	CPPUNIT_TEST(testJoinIsTheInverseOfSplit);
	CPPUNIT_TEST_SUITE_END();

public:
	void testBooleanAcceptsTrueFalseOneZeroYesNoInAnyCase()
	{
		const char* trueSpellings[] = {"true", "TRUE", "True", "1", "yes", "YES", "Yes"};
		const char* falseSpellings[] = {"false", "FALSE", "False", "0", "no", "NO", "No"};
		for (const char* text: trueSpellings)
		{
			bool value = false;
			CPPUNIT_ASSERT_MESSAGE(text, ValueParser::parseBool(text, value));
			CPPUNIT_ASSERT_MESSAGE(text, value);
		}
		for (const char* text: falseSpellings)
		{
			bool value = true;
			CPPUNIT_ASSERT_MESSAGE(text, ValueParser::parseBool(text, value));
			CPPUNIT_ASSERT_MESSAGE(text, !value);
		}
	}

	void testBooleanRejectsEverythingElse()
	{
		const char* invalid[] = {"", "on", "off", "y", "n", "2", " true", "true ", "t", "-1"};
		for (const char* text: invalid)
		{
			bool value = true;
			CPPUNIT_ASSERT_MESSAGE(text, !ValueParser::parseBool(text, value));
			CPPUNIT_ASSERT_MESSAGE(text, value);
		}
	}

	void testIntegerAcceptsPlainDecimals()
	{
		Poco::Int64 value = 0;
		CPPUNIT_ASSERT_EQUAL(ValueParser::INTEGER_OK, ValueParser::parseInteger("3600", value));
		CPPUNIT_ASSERT_EQUAL(Poco::Int64(3600), value);
		CPPUNIT_ASSERT_EQUAL(ValueParser::INTEGER_OK, ValueParser::parseInteger("-7", value));
		CPPUNIT_ASSERT_EQUAL(Poco::Int64(-7), value);
		CPPUNIT_ASSERT_EQUAL(ValueParser::INTEGER_OK, ValueParser::parseInteger("007", value));
		CPPUNIT_ASSERT_EQUAL(Poco::Int64(7), value);
		CPPUNIT_ASSERT_EQUAL(ValueParser::INTEGER_OK, ValueParser::parseInteger("0", value));
		CPPUNIT_ASSERT_EQUAL(Poco::Int64(0), value);
	}

	void testIntegerRejectsSignsBlanksAndOtherNotations()
	{
		const char* invalid[] = {"", "-", "+5", " 5", "5 ", "1e3", "0x10", "5s", "1.0", "1,000", "--5", "abc"};
		for (const char* text: invalid)
		{
			Poco::Int64 value = 42;
			CPPUNIT_ASSERT_EQUAL_MESSAGE(text, ValueParser::INTEGER_SYNTAX, ValueParser::parseInteger(text, value));
			CPPUNIT_ASSERT_EQUAL_MESSAGE(text, Poco::Int64(42), value);
		}
	}

	void testIntegerReportsOverflowAtTheSixtyFourBitLimits()
	{
		Poco::Int64 value = 0;
		CPPUNIT_ASSERT_EQUAL(ValueParser::INTEGER_OK, ValueParser::parseInteger("9223372036854775807", value));
		CPPUNIT_ASSERT_EQUAL(std::numeric_limits<Poco::Int64>::max(), value);
		CPPUNIT_ASSERT_EQUAL(ValueParser::INTEGER_OK, ValueParser::parseInteger("-9223372036854775808", value));
		CPPUNIT_ASSERT_EQUAL(std::numeric_limits<Poco::Int64>::min(), value);
		CPPUNIT_ASSERT_EQUAL(ValueParser::INTEGER_OVERFLOW, ValueParser::parseInteger("9223372036854775808", value));
		CPPUNIT_ASSERT_EQUAL(ValueParser::INTEGER_OVERFLOW, ValueParser::parseInteger("-9223372036854775809", value));
		CPPUNIT_ASSERT_EQUAL(ValueParser::INTEGER_OVERFLOW, ValueParser::parseInteger("99999999999999999999999", value));
		// A non-digit anywhere is a syntax error, even after an overflow.
		CPPUNIT_ASSERT_EQUAL(ValueParser::INTEGER_SYNTAX, ValueParser::parseInteger("99999999999999999999999x", value));
	}

	void testListIsTrimmedWithoutEmptyItems()
	{
		const std::vector<std::string> items = ValueParser::splitList(" a=b, ,c=d ,");
		CPPUNIT_ASSERT_EQUAL(std::size_t(2), items.size());
		CPPUNIT_ASSERT_EQUAL(std::string("a=b"), items[0]);
		CPPUNIT_ASSERT_EQUAL(std::string("c=d"), items[1]);
		CPPUNIT_ASSERT(ValueParser::splitList("").empty());
		CPPUNIT_ASSERT(ValueParser::splitList(" , ,, ").empty());
	}

	void testJoinIsTheInverseOfSplit()
	{
		CPPUNIT_ASSERT_EQUAL(std::string("git,dtrack"), ValueParser::joinList({"git", "dtrack"}));
		CPPUNIT_ASSERT_EQUAL(std::string(""), ValueParser::joinList({}));
		CPPUNIT_ASSERT_EQUAL(std::string("a,b,c"), ValueParser::joinList(ValueParser::splitList("a , b,,c")));
	}
};

CPPUNIT_TEST_SUITE_NAMED_REGISTRATION(ValueParserTest, "Config");
