//
// TextLineFormatterTest.cpp
//

#include "sbomop/logging/TextLineFormatter.h"
#include <Poco/DateTime.h>
#include <Poco/Message.h>
#include <cppunit/extensions/HelperMacros.h>
#include <cstdlib>
#include <ctime>

using sbomop::logging::TextLineFormatter;

class TextLineFormatterTest: public CppUnit::TestFixture
{
	CPPUNIT_TEST_SUITE(TextLineFormatterTest);
	CPPUNIT_TEST(testFormatsTimeLevelLoggerAndText);
	CPPUNIT_TEST(testPadsLevelsToFiveCharacters);
	CPPUNIT_TEST(testAppendsParametersOrderedByNameQuotingWhereNeeded);
	CPPUNIT_TEST(testEscapesLineBreaksSoOneMessageStaysOneLine);
	CPPUNIT_TEST(testWritesUtcWhateverTheLocalTimeZone);
	CPPUNIT_TEST_SUITE_END();

public:
	static std::string format(const std::string& text, Poco::Message::Priority priority = Poco::Message::PRIO_INFORMATION,
		const std::vector<std::pair<std::string, std::string>>& parameters = {})
	{
		Poco::Message msg("sbomop.kube.client", text, priority);
		msg.setTime(Poco::DateTime(2026, 1, 2, 3, 4, 5, 678).timestamp());
		for (const auto& parameter: parameters) msg.set(parameter.first, parameter.second);
		TextLineFormatter::Ptr pFormatter = new TextLineFormatter;
		std::string line;
		pFormatter->format(msg, line);
		return line;
	}

	void testFormatsTimeLevelLoggerAndText()
	{
		CPPUNIT_ASSERT_EQUAL(std::string("2026-01-02T03:04:05.678Z info  sbomop.kube.client: watch restarted"),
			format("watch restarted"));
	}

	void testPadsLevelsToFiveCharacters()
	{
		CPPUNIT_ASSERT_EQUAL(std::string("2026-01-02T03:04:05.678Z warn  sbomop.kube.client: m"), format("m", Poco::Message::PRIO_WARNING));
		CPPUNIT_ASSERT_EQUAL(std::string("2026-01-02T03:04:05.678Z error sbomop.kube.client: m"), format("m", Poco::Message::PRIO_ERROR));
		CPPUNIT_ASSERT_EQUAL(std::string("2026-01-02T03:04:05.678Z debug sbomop.kube.client: m"), format("m", Poco::Message::PRIO_DEBUG));
	}

	void testAppendsParametersOrderedByNameQuotingWhereNeeded()
	{
		CPPUNIT_ASSERT_EQUAL(
			std::string("2026-01-02T03:04:05.678Z info  sbomop.kube.client: scanned "
				"empty=\"\" image=nginx:1.27 note=\"two words\" quote=\"say \\\"hi\\\"\" umlaut=\"\xC3\xA4\""),
			format("scanned", Poco::Message::PRIO_INFORMATION,
				{{"note", "two words"}, {"image", "nginx:1.27"}, {"empty", ""}, {"quote", "say \"hi\""}, {"umlaut", "\xC3\xA4"}}));
	}

	void testEscapesLineBreaksSoOneMessageStaysOneLine()
	{
		CPPUNIT_ASSERT_EQUAL(
			std::string("2026-01-02T03:04:05.678Z info  sbomop.kube.client: first\\nsecond\\r\\n\tend\\u001b[31m \"as is\" \\"),
			format("first\nsecond\r\n\tend\x1b[31m \"as is\" \\"));
	}

	void testWritesUtcWhateverTheLocalTimeZone()
	{
		const char* pOld = std::getenv("TZ");
		const std::string old = pOld ? pOld : "";
		::setenv("TZ", "Asia/Tokyo", 1);
		::tzset();
		const std::string line = format("m");
		if (pOld) ::setenv("TZ", old.c_str(), 1); else ::unsetenv("TZ");
		::tzset();

		CPPUNIT_ASSERT_EQUAL(std::string("2026-01-02T03:04:05.678Z info  sbomop.kube.client: m"), line);
	}
};

CPPUNIT_TEST_SUITE_NAMED_REGISTRATION(TextLineFormatterTest, "Logging");
