//
// LogLevelTest.cpp
//

#include "sbomop/logging/LogLevel.h"
#include "sbomop/logging/LoggingException.h"
#include <Poco/Message.h>
#include <cppunit/extensions/HelperMacros.h>

using sbomop::logging::LogLevel;
using sbomop::logging::LoggingConfigException;

class LogLevelTest: public CppUnit::TestFixture
{
	CPPUNIT_TEST_SUITE(LogLevelTest);
	CPPUNIT_TEST(testParsesEveryLevelName);
	CPPUNIT_TEST(testParsingIgnoresCaseAndBlanksAndAcceptsWarning);
	CPPUNIT_TEST(testRejectsUnknownLevelNames);
	CPPUNIT_TEST(testNamesEveryPocoPriority);
	CPPUNIT_TEST(testPrintedLevelPassesTheThresholdOfTheSameName);
	CPPUNIT_TEST_SUITE_END();

public:
	void testParsesEveryLevelName()
	{
		CPPUNIT_ASSERT_EQUAL(static_cast<int>(Poco::Message::PRIO_TRACE), LogLevel::parse("trace"));
		CPPUNIT_ASSERT_EQUAL(static_cast<int>(Poco::Message::PRIO_DEBUG), LogLevel::parse("debug"));
		CPPUNIT_ASSERT_EQUAL(static_cast<int>(Poco::Message::PRIO_INFORMATION), LogLevel::parse("info"));
		CPPUNIT_ASSERT_EQUAL(static_cast<int>(Poco::Message::PRIO_WARNING), LogLevel::parse("warn"));
		CPPUNIT_ASSERT_EQUAL(static_cast<int>(Poco::Message::PRIO_ERROR), LogLevel::parse("error"));
		CPPUNIT_ASSERT_EQUAL(static_cast<int>(Poco::Message::PRIO_FATAL), LogLevel::parse("fatal"));
	}

	void testParsingIgnoresCaseAndBlanksAndAcceptsWarning()
	{
		CPPUNIT_ASSERT_EQUAL(static_cast<int>(Poco::Message::PRIO_INFORMATION), LogLevel::parse(" INFO "));
		CPPUNIT_ASSERT_EQUAL(static_cast<int>(Poco::Message::PRIO_DEBUG), LogLevel::parse("Debug"));
		CPPUNIT_ASSERT_EQUAL(static_cast<int>(Poco::Message::PRIO_WARNING), LogLevel::parse("warning"));
	}

	void testRejectsUnknownLevelNames()
	{
		CPPUNIT_ASSERT_THROW(LogLevel::parse("verbose"), LoggingConfigException);
		CPPUNIT_ASSERT_THROW(LogLevel::parse(""), LoggingConfigException);
		CPPUNIT_ASSERT_THROW(LogLevel::parse("information"), LoggingConfigException);
		CPPUNIT_ASSERT_THROW(LogLevel::parse("5"), LoggingConfigException);
		try
		{
			LogLevel::parse("loud");
			CPPUNIT_FAIL("no exception for 'loud'");
		}
		catch (LoggingConfigException& exc)
		{
			CPPUNIT_ASSERT_EQUAL(std::string("Invalid logging configuration: unknown log level 'loud': expected one of trace|debug|info|warn|error|fatal"),
				exc.displayText());
		}
	}

	void testNamesEveryPocoPriority()
	{
		CPPUNIT_ASSERT_EQUAL(std::string("trace"), LogLevel::name(Poco::Message::PRIO_TRACE));
		CPPUNIT_ASSERT_EQUAL(std::string("debug"), LogLevel::name(Poco::Message::PRIO_DEBUG));
		CPPUNIT_ASSERT_EQUAL(std::string("info"), LogLevel::name(Poco::Message::PRIO_INFORMATION));
		CPPUNIT_ASSERT_EQUAL(std::string("info"), LogLevel::name(Poco::Message::PRIO_NOTICE));
		CPPUNIT_ASSERT_EQUAL(std::string("warn"), LogLevel::name(Poco::Message::PRIO_WARNING));
		CPPUNIT_ASSERT_EQUAL(std::string("error"), LogLevel::name(Poco::Message::PRIO_ERROR));
		CPPUNIT_ASSERT_EQUAL(std::string("error"), LogLevel::name(Poco::Message::PRIO_CRITICAL));
		CPPUNIT_ASSERT_EQUAL(std::string("fatal"), LogLevel::name(Poco::Message::PRIO_FATAL));
		CPPUNIT_ASSERT_EQUAL(std::string("info"), LogLevel::name(42));
	}

	void testPrintedLevelPassesTheThresholdOfTheSameName()
	{
		// Poco logs a message when its priority number is <= the level.
		for (int priority = Poco::Message::PRIO_FATAL; priority <= Poco::Message::PRIO_TRACE; ++priority)
		{
			const int threshold = LogLevel::parse(LogLevel::name(priority));
			CPPUNIT_ASSERT_MESSAGE(LogLevel::name(priority), priority <= threshold);
		}
	}
};

CPPUNIT_TEST_SUITE_NAMED_REGISTRATION(LogLevelTest, "Logging");
