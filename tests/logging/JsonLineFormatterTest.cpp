//
// JsonLineFormatterTest.cpp
//

#include "sbomop/logging/JsonLineFormatter.h"
#include <Poco/DateTime.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <Poco/Message.h>
#include <cppunit/extensions/HelperMacros.h>
#include <sys/syscall.h>
#include <unistd.h>

using sbomop::logging::JsonLineFormatter;

class JsonLineFormatterTest: public CppUnit::TestFixture
{
	CPPUNIT_TEST_SUITE(JsonLineFormatterTest);
	CPPUNIT_TEST(testWritesTheStandardFields);
	CPPUNIT_TEST(testWritesParametersAsStringFieldsAfterTheStandardOnes);
	CPPUNIT_TEST(testRenamesParametersThatShadowStandardFields);
	CPPUNIT_TEST(testEscapedHostileTextParsesBackUnchanged);
	CPPUNIT_TEST(testReplacesInvalidUtf8SoOutputStaysValidJson);
	CPPUNIT_TEST(testMapsPocoPrioritiesToLevelNames);
	CPPUNIT_TEST_SUITE_END();

public:
	static Poco::Message message(const std::string& text, Poco::Message::Priority priority = Poco::Message::PRIO_INFORMATION)
	{
		Poco::Message msg("sbomop.kube.client", text, priority);
		msg.setTime(Poco::DateTime(2026, 1, 2, 3, 4, 5, 678).timestamp());
		return msg;
	}

	static std::string format(const Poco::Message& msg)
	{
		JsonLineFormatter::Ptr pFormatter = new JsonLineFormatter;
		std::string line;
		pFormatter->format(msg, line);
		return line;
	}

	static Poco::JSON::Object::Ptr parse(const std::string& line)
	{
		CPPUNIT_ASSERT_EQUAL(std::string::npos, line.find('\n'));
		Poco::JSON::Parser parser;
		return parser.parse(line).extract<Poco::JSON::Object::Ptr>();
	}

	void testWritesTheStandardFields()
	{
		const Poco::JSON::Object::Ptr pObject = parse(format(message("watch restarted")));

		CPPUNIT_ASSERT_EQUAL(std::size_t(5), pObject->size());
		CPPUNIT_ASSERT_EQUAL(std::string("2026-01-02T03:04:05.678Z"), pObject->getValue<std::string>("time"));
		CPPUNIT_ASSERT_EQUAL(std::string("info"), pObject->getValue<std::string>("level"));
		CPPUNIT_ASSERT_EQUAL(std::string("sbomop.kube.client"), pObject->getValue<std::string>("logger"));
		CPPUNIT_ASSERT_EQUAL(std::string("watch restarted"), pObject->getValue<std::string>("message"));
		CPPUNIT_ASSERT_EQUAL(static_cast<long>(::syscall(SYS_gettid)), pObject->getValue<long>("thread"));
	}

	void testWritesParametersAsStringFieldsAfterTheStandardOnes()
	{
		Poco::Message msg = message("image scanned");
		msg.set("namespace", "default");
		msg.set("count", "3");

		const std::string line = format(msg);
		const Poco::JSON::Object::Ptr pObject = parse(line);

		CPPUNIT_ASSERT_EQUAL(std::size_t(7), pObject->size());
		CPPUNIT_ASSERT_EQUAL(std::string("default"), pObject->getValue<std::string>("namespace"));
		CPPUNIT_ASSERT(pObject->get("count").isString());
		CPPUNIT_ASSERT_EQUAL(std::string("3"), pObject->getValue<std::string>("count"));
		CPPUNIT_ASSERT_EQUAL(std::string(",\"count\":\"3\",\"namespace\":\"default\"}"), line.substr(line.find(",\"count\"")));
	}

	void testRenamesParametersThatShadowStandardFields()
	{
		Poco::Message msg = message("the real text");
		msg.set("message", "a forged text");
		msg.set("level", "fatal");

		const std::string line = format(msg);
		const Poco::JSON::Object::Ptr pObject = parse(line);

		CPPUNIT_ASSERT_EQUAL(std::string("the real text"), pObject->getValue<std::string>("message"));
		CPPUNIT_ASSERT_EQUAL(std::string("info"), pObject->getValue<std::string>("level"));
		CPPUNIT_ASSERT_EQUAL(std::string("a forged text"), pObject->getValue<std::string>("param.message"));
		CPPUNIT_ASSERT_EQUAL(std::string("fatal"), pObject->getValue<std::string>("param.level"));
		CPPUNIT_ASSERT_EQUAL(std::string::npos, line.find("\"message\"", line.find("\"message\"") + 1));
	}

	void testEscapedHostileTextParsesBackUnchanged()
	{
		const std::string hostile = std::string("quote\" backslash\\ slash/ newline\n cr\r tab\t bell\x07 nul")
			+ std::string(1, '\0') + " del\x7f unicode \xC3\xA4\xE2\x82\xAC\xF0\x9F\x93\xA6 separator\xE2\x80\xA8"
			+ "\"},\"level\":\"fatal";
		Poco::Message msg = message(hostile);
		msg.set("hostile\"key", hostile);

		const std::string line = format(msg);
		const Poco::JSON::Object::Ptr pObject = parse(line);

		CPPUNIT_ASSERT_EQUAL(hostile, pObject->getValue<std::string>("message"));
		CPPUNIT_ASSERT_EQUAL(hostile, pObject->getValue<std::string>("hostile\"key"));
		CPPUNIT_ASSERT_EQUAL(std::string("info"), pObject->getValue<std::string>("level"));
		CPPUNIT_ASSERT(line.find("\\u0007") != std::string::npos);
		CPPUNIT_ASSERT(line.find("\\u0000") != std::string::npos);
		CPPUNIT_ASSERT(line.find("\\u2028") != std::string::npos);
	}

	void testReplacesInvalidUtf8SoOutputStaysValidJson()
	{
		const std::string replacement("\xEF\xBF\xBD");
		// stray byte, lead without continuation, overlong '/', UTF-16
		// surrogate, code point above U+10FFFF, truncated sequence at the end
		const std::string text("a\xFF" "b\xC3(" "c\xC0\xAF" "d\xED\xA0\x80" "e\xF4\x90\x80\x80" "f\xE2\x82");
		const std::string expected = "a" + replacement + "b" + replacement + "(c" + replacement + replacement
			+ "d" + replacement + replacement + replacement + "e" + replacement + replacement + replacement + replacement
			+ "f" + replacement + replacement;

		const Poco::JSON::Object::Ptr pObject = parse(format(message(text)));

		CPPUNIT_ASSERT_EQUAL(expected, pObject->getValue<std::string>("message"));
	}

	void testMapsPocoPrioritiesToLevelNames()
	{
		CPPUNIT_ASSERT_EQUAL(std::string("warn"), parse(format(message("x", Poco::Message::PRIO_WARNING)))->getValue<std::string>("level"));
		CPPUNIT_ASSERT_EQUAL(std::string("error"), parse(format(message("x", Poco::Message::PRIO_CRITICAL)))->getValue<std::string>("level"));
		CPPUNIT_ASSERT_EQUAL(std::string("trace"), parse(format(message("x", Poco::Message::PRIO_TRACE)))->getValue<std::string>("level"));
	}
};

CPPUNIT_TEST_SUITE_NAMED_REGISTRATION(JsonLineFormatterTest, "Logging");
