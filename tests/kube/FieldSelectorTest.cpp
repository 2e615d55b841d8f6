//
// FieldSelectorTest.cpp
//
// Parsing, escaping, error messages and matching of field selectors, with
// cases from k8s.io/apimachinery pkg/fields/selector_test.go.
//

#include "sbomop/kube/FieldSelector.h"
#include "sbomop/kube/KubeException.h"
#include <cppunit/extensions/HelperMacros.h>

using sbomop::kube::FieldSelector;
using sbomop::kube::InvalidSelectorException;

namespace {

std::string parseError(const std::string& text)
{
	try
	{
		FieldSelector::parse(text);
	}
	catch (const InvalidSelectorException& exc)
	{
		return exc.message();
	}
	return "<parsed>";
}

} // namespace


class FieldSelectorTest: public CppUnit::TestFixture
{
	CPPUNIT_TEST_SUITE(FieldSelectorTest);
	CPPUNIT_TEST(testParsesValidSelectorsToCanonicalText);
	CPPUNIT_TEST(testRejectsTermsWithoutOperator);
	CPPUNIT_TEST(testRejectsBadEscapes);
	CPPUNIT_TEST(testUnescapesValues);
	CPPUNIT_TEST(testEscapesValuesRoundTrip);
	CPPUNIT_TEST(testListsFieldsUsed);
	CPPUNIT_TEST(testMatchesFieldValues);
	CPPUNIT_TEST(testMissingFieldsCountAsEmpty);
	CPPUNIT_TEST(testFindsExactMatchTerm);
	CPPUNIT_TEST(testEmptySelectorMatchesEverything);
	CPPUNIT_TEST_SUITE_END();

public:
	void testParsesValidSelectorsToCanonicalText()
	{
		const std::pair<const char*, const char*> CASES[] = {
			{"metadata.name=web-0", "metadata.name=web-0"},
			{"status.phase==Running", "status.phase=Running"},
			{"spec.nodeName!=node-1,metadata.namespace=default", "metadata.namespace=default,spec.nodeName!=node-1"},
			{"x=a,,y=b", "x=a,y=b"},
			{",", ""},
			{"x=", "x="},
			{"=a", "=a"},
			{"x =a", "x =a"},
			{"x=a\\,b", "x=a\\,b"},
			{"x=a\\=b\\\\", "x=a\\=b\\\\"},
			{"x!=\\=a", "x!=\\=a"}
		};
		for (const auto& c: CASES)
		{
			CPPUNIT_ASSERT_EQUAL_MESSAGE(c.first, std::string(c.second), FieldSelector::parse(c.first).toString());
		}
	}

	void testRejectsTermsWithoutOperator()
	{
		CPPUNIT_ASSERT_EQUAL(std::string("invalid selector: 'foo'; can't understand 'foo'"), parseError("foo"));
		CPPUNIT_ASSERT_EQUAL(std::string("invalid selector: 'x=a,y!b'; can't understand 'y!b'"), parseError("x=a,y!b"));
		CPPUNIT_ASSERT_EQUAL(std::string("invalid selector: 'x=a\\,b,c'; can't understand 'c'"), parseError("x=a\\,b,c"));
		CPPUNIT_ASSERT_THROW(FieldSelector::parse("a<b"), InvalidSelectorException);
	}

	void testRejectsBadEscapes()
	{
		CPPUNIT_ASSERT_EQUAL(std::string("invalid field selector: unescaped character in value: 61"), parseError("x=a=b"));
		CPPUNIT_ASSERT_EQUAL(std::string("invalid field selector: unescaped character in value: 61"), parseError("x==="));
		CPPUNIT_ASSERT_EQUAL(std::string("invalid field selector: unescaped character in value: 61"), parseError("x!==a"));
		CPPUNIT_ASSERT_EQUAL(std::string("invalid field selector: invalid escape sequence: \\n"), parseError("x=a\\n"));
		CPPUNIT_ASSERT_EQUAL(std::string("invalid field selector: invalid escape sequence: \\"), parseError("x=a\\"));
		CPPUNIT_ASSERT_EQUAL(std::string("invalid field selector: invalid escape sequence: \\\xC3\xA9"), parseError("x=\\\xC3\xA9"));
	}

	void testUnescapesValues()
	{
		const FieldSelector selector = FieldSelector::parse("x=a\\,b\\=c\\\\d");
		CPPUNIT_ASSERT_EQUAL(std::size_t(1), selector.requirements().size());
		CPPUNIT_ASSERT_EQUAL(std::string("x"), selector.requirements()[0].field);
		CPPUNIT_ASSERT_EQUAL(std::string("a,b=c\\d"), selector.requirements()[0].value);
		CPPUNIT_ASSERT(selector.requirements()[0].op == FieldSelector::Operator::Equals);
		CPPUNIT_ASSERT_EQUAL(std::string("plain"), FieldSelector::unescapeValue("plain"));
		CPPUNIT_ASSERT_THROW(FieldSelector::unescapeValue("a,b"), InvalidSelectorException);
	}

	void testEscapesValuesRoundTrip()
	{
		const std::string raw = "a\\b,c=d";
		CPPUNIT_ASSERT_EQUAL(std::string("a\\\\b\\,c\\=d"), FieldSelector::escapeValue(raw));
		CPPUNIT_ASSERT_EQUAL(raw, FieldSelector::unescapeValue(FieldSelector::escapeValue(raw)));
		const FieldSelector selector = FieldSelector::parse("f!=" + FieldSelector::escapeValue(raw));
		CPPUNIT_ASSERT_EQUAL(raw, selector.requirements()[0].value);
		CPPUNIT_ASSERT(selector.requirements()[0].op == FieldSelector::Operator::NotEquals);
	}

	void testListsFieldsUsed()
	{
		const FieldSelector selector = FieldSelector::parse("status.phase=Running,spec.nodeName!=a,status.phase!=Failed");
		CPPUNIT_ASSERT((selector.fields() == std::set<std::string>{"spec.nodeName", "status.phase"}));
		CPPUNIT_ASSERT_EQUAL(std::size_t(3), selector.requirements().size());
	}

	void testMatchesFieldValues()
	{
		const FieldSelector selector = FieldSelector::parse("metadata.namespace=prod,status.phase!=Succeeded");
		CPPUNIT_ASSERT(selector.matches({{"metadata.namespace", "prod"}, {"status.phase", "Running"}}));
		CPPUNIT_ASSERT(!selector.matches({{"metadata.namespace", "prod"}, {"status.phase", "Succeeded"}}));
		CPPUNIT_ASSERT(!selector.matches({{"metadata.namespace", "dev"}, {"status.phase", "Running"}}));
		CPPUNIT_ASSERT(FieldSelector::parse("x=a\\,b").matches({{"x", "a,b"}}));
	}

	void testMissingFieldsCountAsEmpty()
	{
		CPPUNIT_ASSERT(FieldSelector::parse("spec.nodeName=").matches({}));
		CPPUNIT_ASSERT(!FieldSelector::parse("spec.nodeName!=").matches({}));
		CPPUNIT_ASSERT(FieldSelector::parse("spec.nodeName!=a").matches({}));
		CPPUNIT_ASSERT(!FieldSelector::parse("spec.nodeName=a").matches({}));
	}

	void testFindsExactMatchTerm()
	{
		const FieldSelector selector = FieldSelector::parse("metadata.namespace!=x,metadata.name==job-1");
		std::string value;
		CPPUNIT_ASSERT(selector.requiresExactMatch("metadata.name", value));
		CPPUNIT_ASSERT_EQUAL(std::string("job-1"), value);
		CPPUNIT_ASSERT(!selector.requiresExactMatch("metadata.namespace", value));
		CPPUNIT_ASSERT(!selector.requiresExactMatch("spec.nodeName", value));
	}

	void testEmptySelectorMatchesEverything()
	{
		const FieldSelector selector = FieldSelector::parse("");
		CPPUNIT_ASSERT(selector.empty());
		CPPUNIT_ASSERT(selector.fields().empty());
		CPPUNIT_ASSERT(selector.matches({{"a", "b"}}));
		CPPUNIT_ASSERT_EQUAL(std::string(), selector.toString());
		CPPUNIT_ASSERT(FieldSelector().matches({}));
	}
};


CPPUNIT_TEST_SUITE_NAMED_REGISTRATION(FieldSelectorTest, "Kube");
