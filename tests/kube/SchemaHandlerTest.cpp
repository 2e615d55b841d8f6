//
// SchemaHandlerTest.cpp
//

#include "sbomop/kube/KubeException.h"
#include "sbomop/kube/SchemaHandler.h"
#include <cppunit/extensions/HelperMacros.h>

using namespace sbomop::kube;

namespace {

enum { NAME = 1, SIZE, TAGS, ITEM, ITEM_ID };

class RecordingSink: public SchemaSink
{
public:
	void begin(int slot) override { events.push_back("begin " + std::to_string(slot)); }
	void end(int slot) override { events.push_back("end " + std::to_string(slot)); }
	void string(int slot, const std::string& value) override { events.push_back(std::to_string(slot) + "=" + value); }
	void integer(int slot, long long value) override { events.push_back(std::to_string(slot) + "#" + std::to_string(value)); }
	void entry(int slot, const std::string& key, const std::string& value) override
	{
		events.push_back(std::to_string(slot) + "[" + key + "]=" + value);
	}

	std::vector<std::string> events;
};

const SchemaNode& schema()
{
	static const SchemaNode SCHEMA = SchemaNode::object()
		.field("name", SchemaNode::string(NAME))
		.field("size", SchemaNode::integer(SIZE))
		.field("tags", SchemaNode::stringMap(TAGS))
		.field("items", SchemaNode::array(SchemaNode::object(ITEM).field("id", SchemaNode::string(ITEM_ID))))
		.field("free", SchemaNode::any());
	return SCHEMA;
}

std::vector<std::string> events(const std::string& json)
{
	RecordingSink sink;
	SchemaHandler::parse(json, schema(), sink, "doc");
	return sink.events;
}

std::string parseError(const std::string& json)
{
	try
	{
		events(json);
	}
	catch (const MalformedResponseException& exc)
	{
		return exc.message();
	}
	return "<parsed>";
}

} // namespace


class SchemaHandlerTest: public CppUnit::TestFixture
{
	CPPUNIT_TEST_SUITE(SchemaHandlerTest);
	CPPUNIT_TEST(testReportsOnlyTheFieldsInTheSchema);
	CPPUNIT_TEST(testTreatsNullAsAbsent);
	CPPUNIT_TEST(testAcceptsAnythingWhereAnyIsExpected);
	CPPUNIT_TEST(testNamesThePathOfWrongTypes);
	CPPUNIT_TEST(testRejectsIntegersOutOfRangeAndFractions);
	CPPUNIT_TEST(testWrapsSyntaxErrors);
	CPPUNIT_TEST(testReplacesFieldsOfTheSameName);
	CPPUNIT_TEST_SUITE_END();

public:
	void testReportsOnlyTheFieldsInTheSchema()
	{
		const std::vector<std::string> expected = {
			"1=web", "begin 3", "3[a]=x", "3[b]=", "end 3", "begin 4", "5=i1", "end 4", "begin 4", "end 4", "2#42"};
		CPPUNIT_ASSERT(events("{\"unknown\":{\"name\":\"no\",\"items\":[{\"id\":\"no\"}]},\"name\":\"web\",\"tags\":{\"a\":\"x\",\"b\":\"\"},"
			"\"items\":[{\"id\":\"i1\",\"other\":[1,{\"id\":\"no\"}]},{}],\"size\":42}") == expected);
	}

	void testTreatsNullAsAbsent()
	{
		const std::vector<std::string> expected = {"begin 3", "3[b]=y", "end 3", "begin 4", "end 4"};
		CPPUNIT_ASSERT(events("{\"name\":null,\"size\":null,\"tags\":{\"a\":null,\"b\":\"y\"},\"items\":[null,{\"id\":null}]}") == expected);
		CPPUNIT_ASSERT(events("{\"tags\":null,\"items\":null}").empty());
	}

	void testAcceptsAnythingWhereAnyIsExpected()
	{
		CPPUNIT_ASSERT(events("{\"free\":[1,\"a\",{\"name\":5}],\"name\":\"n\"}") == std::vector<std::string>{"1=n"});
		CPPUNIT_ASSERT(events("{\"free\":true}").empty());
	}

	void testNamesThePathOfWrongTypes()
	{
		CPPUNIT_ASSERT_EQUAL(std::string("doc: expected string at name, found number"), parseError("{\"name\":1}"));
		CPPUNIT_ASSERT_EQUAL(std::string("doc: expected integer at size, found string"), parseError("{\"size\":\"1\"}"));
		CPPUNIT_ASSERT_EQUAL(std::string("doc: expected object of strings at tags, found array"), parseError("{\"tags\":[]}"));
		CPPUNIT_ASSERT_EQUAL(std::string("doc: expected string at tags.k, found object"), parseError("{\"tags\":{\"k\":{}}}"));
		CPPUNIT_ASSERT_EQUAL(std::string("doc: expected array at items, found object"), parseError("{\"items\":{}}"));
		CPPUNIT_ASSERT_EQUAL(std::string("doc: expected object at items[2], found string"), parseError("{\"items\":[{},null,\"x\"]}"));
		CPPUNIT_ASSERT_EQUAL(std::string("doc: expected string at items[1].id, found boolean"), parseError("{\"items\":[{},{\"id\":false}]}"));
		CPPUNIT_ASSERT_EQUAL(std::string("doc: expected object at the top level, found string"), parseError("\"x\""));
	}

	void testRejectsIntegersOutOfRangeAndFractions()
	{
		CPPUNIT_ASSERT(events("{\"size\":-9223372036854775808}") == std::vector<std::string>{"2#-9223372036854775808"});
		CPPUNIT_ASSERT_EQUAL(std::string("doc: expected integer at size, found number out of range"), parseError("{\"size\":18446744073709551615}"));
		CPPUNIT_ASSERT_EQUAL(std::string("doc: expected integer at size, found number with a fraction"), parseError("{\"size\":1.5}"));
	}

	void testWrapsSyntaxErrors()
	{
		CPPUNIT_ASSERT_EQUAL(std::string("doc: malformed JSON: unexpected end of text"), parseError("{\"name\":"));
		CPPUNIT_ASSERT_EQUAL(std::string("doc: malformed JSON: Excess characters found after JSON end."), parseError("{}{}"));
		CPPUNIT_ASSERT_EQUAL(std::string("doc: malformed JSON: Not a valid floating-point number: 1e999"), parseError("{\"free\":1e999}"));
	}

	void testReplacesFieldsOfTheSameName()
	{
		SchemaNode node = SchemaNode::object().field("a", SchemaNode::string(1)).field("a", SchemaNode::integer(2));
		CPPUNIT_ASSERT(node.find("a") != nullptr);
		CPPUNIT_ASSERT(node.find("a")->type() == SchemaNode::Type::Integer);
		CPPUNIT_ASSERT(node.find("b") == nullptr);
		CPPUNIT_ASSERT(SchemaNode::string(1).find("a") == nullptr);
	}
};


CPPUNIT_TEST_SUITE_NAMED_REGISTRATION(SchemaHandlerTest, "Kube");
