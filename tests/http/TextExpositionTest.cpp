//
// TextExpositionTest.cpp
//

#include "sbomop/http/TextExposition.h"
#include <cppunit/extensions/HelperMacros.h>
#include <cmath>

using sbomop::http::MetricSnapshot;
using sbomop::http::TextExposition;

class TextExpositionTest: public CppUnit::TestFixture
{
	CPPUNIT_TEST_SUITE(TextExpositionTest);
	CPPUNIT_TEST(testFormatsValuesAsShortestRoundTripText);
	CPPUNIT_TEST(testFormatsSpecialValues);
	CPPUNIT_TEST(testEscapesLabelValuesAndHelpDifferently);
	CPPUNIT_TEST(testRendersFamiliesInTheGivenOrderAndSkipsEmptyOnes);
	CPPUNIT_TEST(testNamesTheContentTypeOfVersion004);
	CPPUNIT_TEST_SUITE_END();

public:
	void testFormatsValuesAsShortestRoundTripText()
	{
		CPPUNIT_ASSERT_EQUAL(std::string("0"), TextExposition::formatValue(0));
		CPPUNIT_ASSERT_EQUAL(std::string("42"), TextExposition::formatValue(42));
		CPPUNIT_ASSERT_EQUAL(std::string("-3.25"), TextExposition::formatValue(-3.25));
		CPPUNIT_ASSERT_EQUAL(std::string("0.005"), TextExposition::formatValue(0.005));
		CPPUNIT_ASSERT_EQUAL(std::string("0.1"), TextExposition::formatValue(0.1));
		CPPUNIT_ASSERT_EQUAL(std::string("123456789"), TextExposition::formatValue(123456789));
		CPPUNIT_ASSERT_EQUAL(std::string("0.3333333333333333"), TextExposition::formatValue(1.0 / 3));
		CPPUNIT_ASSERT_EQUAL(std::string("1e+21"), TextExposition::formatValue(1e21));
		CPPUNIT_ASSERT_EQUAL(std::string("1e-20"), TextExposition::formatValue(1e-20));
	}

	void testFormatsSpecialValues()
	{
		CPPUNIT_ASSERT_EQUAL(std::string("+Inf"), TextExposition::formatValue(HUGE_VAL));
		CPPUNIT_ASSERT_EQUAL(std::string("-Inf"), TextExposition::formatValue(-HUGE_VAL));
		CPPUNIT_ASSERT_EQUAL(std::string("NaN"), TextExposition::formatValue(std::nan("")));
	}

	void testEscapesLabelValuesAndHelpDifferently()
	{
		const std::string raw("a\\b\"c\nd\te");
		CPPUNIT_ASSERT_EQUAL(std::string("a\\\\b\\\"c\\nd\te"), TextExposition::escapeLabelValue(raw));
		CPPUNIT_ASSERT_EQUAL(std::string("a\\\\b\"c\\nd\te"), TextExposition::escapeHelp(raw));
	}

	void testRendersFamiliesInTheGivenOrderAndSkipsEmptyOnes()
	{
		std::vector<MetricSnapshot> families{
			{"b_total", "B.", MetricSnapshot::COUNTER, {{"b_total", {{"x", "1"}, {"y", "2"}}, 5}}},
			{"empty", "Nothing.", MetricSnapshot::GAUGE, {}},
			{"a", "A.", MetricSnapshot::UNTYPED, {{"a", {}, 1.5}}},
		};

		CPPUNIT_ASSERT_EQUAL(std::string(
			"# HELP b_total B.\n# TYPE b_total counter\nb_total{x=\"1\",y=\"2\"} 5\n"
			"# HELP a A.\n# TYPE a untyped\na 1.5\n"),
			TextExposition::render(families));
	}

	void testNamesTheContentTypeOfVersion004()
	{
		CPPUNIT_ASSERT_EQUAL(std::string("text/plain; version=0.0.4; charset=utf-8"), TextExposition::CONTENT_TYPE);
	}
};

CPPUNIT_TEST_SUITE_NAMED_REGISTRATION(TextExpositionTest, "Http");
