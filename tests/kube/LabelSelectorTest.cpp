//
// LabelSelectorTest.cpp
//
// Parsing, error messages, matching and canonical text of label selectors,
// with cases taken from k8s.io/apimachinery pkg/labels/selector_test.go.
//

#include "sbomop/kube/KubeException.h"
#include "sbomop/kube/LabelSelector.h"
#include <cppunit/extensions/HelperMacros.h>

using sbomop::kube::InvalidSelectorException;
using sbomop::kube::LabelSelector;

namespace {

using Labels = std::map<std::string, std::string>;

const std::string VALUE_RULE = "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', "
	"and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', "
	"regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')";
const std::string NAME_RULE = "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with "
	"an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', "
	"regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";
const std::string PREFIX_RULE = "prefix part a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, "
	"'-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', "
	"regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";
const std::string INTEGER_RULE = "for 'Gt', 'Lt' operators, the value must be an integer";

std::string parseError(const std::string& text)
{
	try
	{
		LabelSelector::parse(text);
	}
	catch (const InvalidSelectorException& exc)
	{
		return exc.message();
	}
	return "<parsed>";
}

} // namespace


class LabelSelectorTest: public CppUnit::TestFixture
{
	CPPUNIT_TEST_SUITE(LabelSelectorTest);
	CPPUNIT_TEST(testParsesValidSelectorsToCanonicalText);
	CPPUNIT_TEST(testReportsSyntaxErrorsWithApiServerWording);
	CPPUNIT_TEST(testReportsInvalidKeysWithApiServerWording);
	CPPUNIT_TEST(testReportsInvalidValuesWithApiServerWording);
	CPPUNIT_TEST(testAggregatesSeveralValueErrors);
	CPPUNIT_TEST(testThrowsInvalidSelectorException);
	CPPUNIT_TEST(testEmptyParenthesesMeanTheEmptyValue);
	CPPUNIT_TEST(testKeywordsAreIdentifiersInValuePositions);
	CPPUNIT_TEST(testExposesRequirementsSortedByKey);
	CPPUNIT_TEST(testMatchesEqualityRequirements);
	CPPUNIT_TEST(testNegativeOperatorsMatchObjectsWithoutTheKey);
	CPPUNIT_TEST(testMatchesSetAndExistenceRequirements);
	CPPUNIT_TEST(testComparesIntegersNumerically);
	CPPUNIT_TEST(testEmptySelectorMatchesEverything);
	CPPUNIT_TEST_SUITE_END();

public:
	void testParsesValidSelectorsToCanonicalText()
	{
		const std::pair<const char*, const char*> CASES[] = {
			{"x=a,y=b,z=c", "x=a,y=b,z=c"},
			{"z=c,x=a", "x=a,z=c"},
			{"x!=a,y=b", "x!=a,y=b"},
			{"x=", "x="},
			{"x= ", "x="},
			{"x=,z= ", "x=,z="},
			{"x= ,z= ", "x=,z="},
			{"!x", "!x"},
			{"  x  ", "x"},
			{"x>1", "x>1"},
			{"x>1,z<5", "x>1,z<5"},
			{"x==a", "x=a"},
			{"x in (foo,,baz),y,z notin ()", "x in (,baz,foo),y,z notin ()"},
			{"  x  in  ( b , a )  ", "x in (a,b)"},
			{"x\tin\r\n(a)", "x in (a)"},
			{"x notin (a),y", "x notin (a),y"},
			{"k8s.io/app=web,app.kubernetes.io/name!=db", "app.kubernetes.io/name!=db,k8s.io/app=web"},
			{"x=a,x=b", "x=a,x=b"},
			{"x>007", "x>007"}
		};
		for (const auto& c: CASES)
		{
			CPPUNIT_ASSERT_EQUAL_MESSAGE(c.first, std::string(c.second), LabelSelector::parse(c.first).toString());
		}
	}

	void testReportsSyntaxErrorsWithApiServerWording()
	{
		const std::pair<std::string, std::string> CASES[] = {
			{"x==a==b", "found '==', expected: ',' or 'end of string'"},
			{"!x=a", "found '=', expected: ',' or 'end of string'"},
			{"x=a b", "found 'b', expected: ',' or 'end of string'"},
			{",", "found ',', expected: !, identifier, or 'end of string'"},
			{"=a", "found '=', expected: !, identifier, or 'end of string'"},
			{"x,", "found '', expected: identifier after ','"},
			{"x,,y", "found ',', expected: identifier after ','"},
			{"x y", "unable to parse requirement: found 'y', expected: in, notin, =, ==, !=, gt, lt"},
			{"x in a", "unable to parse requirement: found 'a' expected: '('"},
			{"x in (", "unable to parse requirement: found '', expected: ',', ')' or identifier"},
			{"x in ((a)", "unable to parse requirement: found '(', expected: ',', ')' or identifier"},
			{"x in (a", "unable to parse requirement: found '', expected: ',' or ')'"},
			{"x in (a b)", "unable to parse requirement: found 'b', expected: ',' or ')'"},
			{"x in (a,", "unable to parse requirement: found '', expected: ',', or identifier"},
			{"x=(", "unable to parse requirement: found '(', expected: identifier"},
			{"!", "unable to parse requirement: found '', expected: identifier"},
			{"!!x", "unable to parse requirement: found '!', expected: identifier"},
			{"x<a", "unable to parse requirement: values[0]: Invalid value: \"a\": " + INTEGER_RULE},
			{"x>1.1", "unable to parse requirement: values[0]: Invalid value: \"1.1\": " + INTEGER_RULE},
			{"x<+5", "unable to parse requirement: values[0][x]: Invalid value: \"+5\": " + VALUE_RULE},
			{"x>9223372036854775808", "unable to parse requirement: values[0]: Invalid value: \"9223372036854775808\": " + INTEGER_RULE}
		};
		for (const auto& c: CASES)
		{
			CPPUNIT_ASSERT_EQUAL_MESSAGE(c.first, c.second, parseError(c.first));
		}
	}

	void testReportsInvalidKeysWithApiServerWording()
	{
		CPPUNIT_ASSERT_EQUAL(
			"unable to parse requirement: <nil>: Invalid value: \"a/b/c\": a qualified name " + NAME_RULE +
			" with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')",
			parseError("a/b/c=x"));
		CPPUNIT_ASSERT_EQUAL("unable to parse requirement: <nil>: Invalid value: \"Example.com/x\": " + PREFIX_RULE,
			parseError("Example.com/x=a"));
		CPPUNIT_ASSERT_EQUAL(std::string("unable to parse requirement: <nil>: Invalid value: \"/x\": prefix part must be non-empty"),
			parseError("/x"));
		CPPUNIT_ASSERT_EQUAL("unable to parse requirement: <nil>: Invalid value: \"example.com/\": name part must be non-empty; name part " + NAME_RULE,
			parseError("example.com/ in (a)"));
		const std::string longName(64, 'a');
		CPPUNIT_ASSERT_EQUAL("unable to parse requirement: <nil>: Invalid value: \"" + longName + "\": name part must be no more than 63 characters",
			parseError("!" + longName));
		const std::string longPrefix = std::string(250, 'a') + ".com";
		CPPUNIT_ASSERT_EQUAL("unable to parse requirement: <nil>: Invalid value: \"" + longPrefix + "/x\": prefix part must be no more than 253 characters",
			parseError(longPrefix + "/x"));
		CPPUNIT_ASSERT_EQUAL("unable to parse requirement: <nil>: Invalid value: \"-x\": name part " + NAME_RULE, parseError("-x=a"));
		CPPUNIT_ASSERT_EQUAL("unable to parse requirement: <nil>: Invalid value: \"x\\\"y\": name part " + NAME_RULE, parseError("x\"y"));
		CPPUNIT_ASSERT_EQUAL(std::string("<parsed>"), parseError(std::string(63, 'a') + "=b"));
		CPPUNIT_ASSERT_EQUAL(std::string("<parsed>"), parseError(std::string(249, 'a') + ".com/" + std::string(63, 'b')));
	}

	void testReportsInvalidValuesWithApiServerWording()
	{
		CPPUNIT_ASSERT_EQUAL("unable to parse requirement: values[0][x]: Invalid value: \"a||y\": " + VALUE_RULE, parseError("x=a||y=b"));
		CPPUNIT_ASSERT_EQUAL("unable to parse requirement: values[0][x]: Invalid value: \"-\": " + VALUE_RULE, parseError("x!=-"));
		CPPUNIT_ASSERT_EQUAL("unable to parse requirement: values[1][x]: Invalid value: \"b/c\": " + VALUE_RULE, parseError("x in (a,b/c)"));
		CPPUNIT_ASSERT_EQUAL("unable to parse requirement: values[0][x]: Invalid value: \"-1\": " + VALUE_RULE, parseError("x>-1"));
		const std::string longValue(64, 'v');
		CPPUNIT_ASSERT_EQUAL("unable to parse requirement: values[0][x]: Invalid value: \"" + longValue + "\": must be no more than 63 characters",
			parseError("x=" + longValue));
		CPPUNIT_ASSERT_EQUAL(std::string("<parsed>"), parseError("x=" + std::string(63, 'v')));
	}

	void testAggregatesSeveralValueErrors()
	{
		CPPUNIT_ASSERT_EQUAL("unable to parse requirement: [values[0]: Invalid value: \"-a\": " + INTEGER_RULE +
			", values[0][x]: Invalid value: \"-a\": " + VALUE_RULE + "]", parseError("x>-a"));
	}

	void testThrowsInvalidSelectorException()
	{
		CPPUNIT_ASSERT_THROW(LabelSelector::parse("x in ("), InvalidSelectorException);
		CPPUNIT_ASSERT_THROW(LabelSelector::parse("x<a"), sbomop::kube::KubeException);
	}

	void testEmptyParenthesesMeanTheEmptyValue()
	{
		// The Go parser turns "()" into the set {""}: it is not an error.
		const LabelSelector selector = LabelSelector::parse("x in ()");
		CPPUNIT_ASSERT_EQUAL(std::size_t(1), selector.requirements().size());
		CPPUNIT_ASSERT(selector.requirements()[0].values == std::set<std::string>{""});
		CPPUNIT_ASSERT(selector.matches({{"x", ""}}));
		CPPUNIT_ASSERT(!selector.matches({{"x", "a"}}));
	}

	void testKeywordsAreIdentifiersInValuePositions()
	{
		CPPUNIT_ASSERT_EQUAL(std::string("in in (notin)"), LabelSelector::parse("in in (notin)").toString());
		CPPUNIT_ASSERT_EQUAL(std::string("x=in"), LabelSelector::parse("x=in").toString());
		CPPUNIT_ASSERT_EQUAL(std::string("notin"), LabelSelector::parse("notin").toString());
	}

	void testExposesRequirementsSortedByKey()
	{
		const LabelSelector selector = LabelSelector::parse("tier notin (db),app in (b,a),!legacy,size>3");
		const auto& requirements = selector.requirements();
		CPPUNIT_ASSERT_EQUAL(std::size_t(4), requirements.size());
		CPPUNIT_ASSERT_EQUAL(std::string("app"), requirements[0].key);
		CPPUNIT_ASSERT(requirements[0].op == LabelSelector::Operator::In);
		CPPUNIT_ASSERT((requirements[0].values == std::set<std::string>{"a", "b"}));
		CPPUNIT_ASSERT_EQUAL(std::string("legacy"), requirements[1].key);
		CPPUNIT_ASSERT(requirements[1].op == LabelSelector::Operator::DoesNotExist);
		CPPUNIT_ASSERT(requirements[1].values.empty());
		CPPUNIT_ASSERT(requirements[2].op == LabelSelector::Operator::GreaterThan);
		CPPUNIT_ASSERT(requirements[2].values == std::set<std::string>{"3"});
		CPPUNIT_ASSERT(requirements[3].op == LabelSelector::Operator::NotIn);
		CPPUNIT_ASSERT_EQUAL(std::string("app in (a,b),!legacy,size>3,tier notin (db)"), selector.toString());
	}

	void testMatchesEqualityRequirements()
	{
		const LabelSelector selector = LabelSelector::parse("x=a");
		CPPUNIT_ASSERT(selector.matches({{"x", "a"}}));
		CPPUNIT_ASSERT(selector.matches({{"x", "a"}, {"y", "b"}}));
		CPPUNIT_ASSERT(!selector.matches({{"x", "b"}}));
		CPPUNIT_ASSERT(!selector.matches({}));
		CPPUNIT_ASSERT(LabelSelector::parse("x==a").matches({{"x", "a"}}));
		CPPUNIT_ASSERT(LabelSelector::parse("x=").matches({{"x", ""}}));
		CPPUNIT_ASSERT(!LabelSelector::parse("x=").matches({}));
		CPPUNIT_ASSERT(LabelSelector::parse("x=a,y").matches({{"x", "a"}, {"y", ""}}));
		CPPUNIT_ASSERT(!LabelSelector::parse("x=a,y").matches({{"x", "a"}}));
	}

	void testNegativeOperatorsMatchObjectsWithoutTheKey()
	{
		const LabelSelector notEquals = LabelSelector::parse("x!=a");
		CPPUNIT_ASSERT(notEquals.matches({}));
		CPPUNIT_ASSERT(notEquals.matches({{"x", "b"}}));
		CPPUNIT_ASSERT(!notEquals.matches({{"x", "a"}}));
		const LabelSelector notIn = LabelSelector::parse("x notin (a,b)");
		CPPUNIT_ASSERT(notIn.matches({{"y", "a"}}));
		CPPUNIT_ASSERT(notIn.matches({{"x", "c"}}));
		CPPUNIT_ASSERT(!notIn.matches({{"x", "b"}}));
	}

	void testMatchesSetAndExistenceRequirements()
	{
		const LabelSelector in = LabelSelector::parse("x in (a,b)");
		CPPUNIT_ASSERT(in.matches({{"x", "b"}}));
		CPPUNIT_ASSERT(!in.matches({{"x", "c"}}));
		CPPUNIT_ASSERT(!in.matches({}));
		CPPUNIT_ASSERT(LabelSelector::parse("x").matches({{"x", ""}}));
		CPPUNIT_ASSERT(!LabelSelector::parse("x").matches({{"y", "x"}}));
		CPPUNIT_ASSERT(LabelSelector::parse("!x").matches({{"y", "x"}}));
		CPPUNIT_ASSERT(!LabelSelector::parse("!x").matches({{"x", ""}}));
	}

	void testComparesIntegersNumerically()
	{
		const LabelSelector greater = LabelSelector::parse("x>9");
		CPPUNIT_ASSERT(greater.matches({{"x", "10"}}));
		CPPUNIT_ASSERT(!greater.matches({{"x", "9"}}));
		CPPUNIT_ASSERT(!greater.matches({{"x", "ten"}}));
		CPPUNIT_ASSERT(!greater.matches({}));
		const LabelSelector less = LabelSelector::parse("x<0");
		CPPUNIT_ASSERT(less.matches({{"x", "-5"}}));
		CPPUNIT_ASSERT(!less.matches({{"x", "0"}}));
		CPPUNIT_ASSERT(!less.matches({{"x", "99999999999999999999"}}));
	}

	void testEmptySelectorMatchesEverything()
	{
		for (const char* text: {"", "   ", "\t\n"})
		{
			const LabelSelector selector = LabelSelector::parse(text);
			CPPUNIT_ASSERT(selector.empty());
			CPPUNIT_ASSERT_EQUAL(std::string(), selector.toString());
			CPPUNIT_ASSERT(selector.matches({}));
			CPPUNIT_ASSERT(selector.matches({{"a", "b"}}));
		}
		CPPUNIT_ASSERT(LabelSelector().empty());
		CPPUNIT_ASSERT(LabelSelector().matches({{"a", "b"}}));
	}
};


CPPUNIT_TEST_SUITE_NAMED_REGISTRATION(LabelSelectorTest, "Kube");
