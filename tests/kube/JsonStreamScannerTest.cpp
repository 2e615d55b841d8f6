//
// JsonStreamScannerTest.cpp
//

#include "StreamTestSupport.h"
#include "sbomop/kube/JsonStreamScanner.h"
#include "sbomop/kube/KubeException.h"
#include <cppunit/extensions/HelperMacros.h>
#include <sstream>

using sbomop::kube::JsonStreamScanner;
using sbomop::kube::MalformedResponseException;
using sbomop::tests::PieceStreamBuf;

namespace {

std::vector<std::string> values(const std::string& stream)
{
	std::istringstream in(stream);
	JsonStreamScanner scanner(in);
	std::vector<std::string> result;
	while (scanner.peek() >= 0)
	{
		result.emplace_back();
		scanner.readValue(&result.back());
	}
	return result;
}

std::string scanError(const std::string& stream, std::size_t maxBytes = JsonStreamScanner::DEFAULT_MAX_VALUE_BYTES)
{
	std::istringstream in(stream);
	JsonStreamScanner scanner(in, maxBytes);
	try
	{
		std::string text;
		scanner.readValue(&text);
	}
	catch (const MalformedResponseException& exc)
	{
		return exc.message();
	}
	return "<read>";
}

} // namespace


class JsonStreamScannerTest: public CppUnit::TestFixture
{
	CPPUNIT_TEST_SUITE(JsonStreamScannerTest);
	CPPUNIT_TEST(testSplitsConcatenatedValues);
	CPPUNIT_TEST(testIgnoresBracketsInsideStrings);
	CPPUNIT_TEST(testSkipsValuesWithoutStoringThem);
	CPPUNIT_TEST(testReadsAndUnescapesStrings);
	CPPUNIT_TEST(testStopsRightAfterTheValue);
	CPPUNIT_TEST(testReportsStructuralErrorsWithOffsets);
	CPPUNIT_TEST(testExpectsPunctuation);
	CPPUNIT_TEST(testDescribesBytes);
	CPPUNIT_TEST_SUITE_END();

public:
	void testSplitsConcatenatedValues()
	{
		const std::vector<std::string> expected = {"{\"a\":[1,2]}", "[]", "\"s\"", "-1.5e3", "true", "null", "{}"};
		CPPUNIT_ASSERT(values("{\"a\":[1,2]}[] \"s\"\n-1.5e3 true\tnull\r\n{}") == expected);
		CPPUNIT_ASSERT(values("  \n ").empty());
	}

	void testIgnoresBracketsInsideStrings()
	{
		const std::string text = "{\"k\":\"}]\\\"{[\\\\\",\"l\":[\"]\"]}";
		CPPUNIT_ASSERT((values(text + text) == std::vector<std::string>{text, text}));
	}

	void testSkipsValuesWithoutStoringThem()
	{
		std::istringstream in("{\"big\":[1,2,3]} 42");
		JsonStreamScanner scanner(in);
		scanner.readValue(nullptr);
		CPPUNIT_ASSERT_EQUAL(std::uint64_t(15), scanner.offset());
		std::string rest;
		scanner.readValue(&rest);
		CPPUNIT_ASSERT_EQUAL(std::string("42"), rest);
	}

	void testReadsAndUnescapesStrings()
	{
		std::istringstream in("  \"a\\\"b\\\\c\\u00e9\\n\" 5");
		JsonStreamScanner scanner(in);
		CPPUNIT_ASSERT_EQUAL(std::string("a\"b\\c\xC3\xA9\n"), scanner.readString("a key"));
		try
		{
			scanner.readString("a key");
			CPPUNIT_FAIL("number read as string");
		}
		catch (const MalformedResponseException& exc)
		{
			CPPUNIT_ASSERT_EQUAL(std::string("expected a string for a key, found '5' at byte 20"), exc.message());
		}
	}

	void testStopsRightAfterTheValue()
	{
		PieceStreamBuf buffer("{\"a\":1}{\"b\":2}", 1);
		buffer.setLimit(7);
		std::istream in(&buffer);
		JsonStreamScanner scanner(in);
		std::string text;
		scanner.readValue(&text);
		CPPUNIT_ASSERT_EQUAL(std::string("{\"a\":1}"), text);
		CPPUNIT_ASSERT_EQUAL(std::size_t(7), buffer.served());
	}

	void testReportsStructuralErrorsWithOffsets()
	{
		CPPUNIT_ASSERT_EQUAL(std::string("unexpected '}' at byte 3"), scanError("[1}"));
		CPPUNIT_ASSERT_EQUAL(std::string("unexpected end of stream inside an object or array at byte 6"), scanError("{\"a\":["));
		CPPUNIT_ASSERT_EQUAL(std::string("unexpected end of stream inside a string at byte 4"), scanError("[\"\\\""));
		CPPUNIT_ASSERT_EQUAL(std::string("unexpected end of stream inside a string at byte 2"), scanError("\"a"));
		CPPUNIT_ASSERT_EQUAL(std::string("expected a JSON value, found ',' at byte 1"), scanError(" ,"));
		CPPUNIT_ASSERT_EQUAL(std::string("expected a JSON value, found end of stream at byte 0"), scanError(""));
		CPPUNIT_ASSERT_EQUAL(std::string("JSON value larger than 4 bytes at byte 5"), scanError("[1,2,3]", 4));
		CPPUNIT_ASSERT_EQUAL(std::string("<read>"), scanError("[1,2]", 5));
		CPPUNIT_ASSERT_EQUAL(std::string("JSON nested deeper than 512 levels at byte 513"), scanError(std::string(513, '[')));
		CPPUNIT_ASSERT_EQUAL(std::string("<read>"), scanError(std::string(512, '[') + std::string(512, ']')));
	}

	void testExpectsPunctuation()
	{
		std::istringstream in(" : ;");
		JsonStreamScanner scanner(in);
		scanner.expect(':');
		CPPUNIT_ASSERT_EQUAL(static_cast<int>(';'), scanner.peek());
		CPPUNIT_ASSERT_THROW(scanner.expect(','), MalformedResponseException);
	}

	void testDescribesBytes()
	{
		CPPUNIT_ASSERT_EQUAL(std::string("'a'"), JsonStreamScanner::describe('a'));
		CPPUNIT_ASSERT_EQUAL(std::string("byte 0x0A"), JsonStreamScanner::describe('\n'));
		CPPUNIT_ASSERT_EQUAL(std::string("byte 0xFF"), JsonStreamScanner::describe(0xff));
		CPPUNIT_ASSERT_EQUAL(std::string("end of stream"), JsonStreamScanner::describe(-1));
	}
};


CPPUNIT_TEST_SUITE_NAMED_REGISTRATION(JsonStreamScannerTest, "Kube");
