//
// PrometheusTextParserTest.cpp
//
// The validating parser is itself a test tool; these cases show it rejects
// what it claims to reject, so a passing /metrics check means something.
//

#include "PrometheusTextParser.h"
#include <cppunit/extensions/HelperMacros.h>
#include <stdexcept>

using sbomop::http::PrometheusTextParser;

class PrometheusTextParserTest: public CppUnit::TestFixture
{
	CPPUNIT_TEST_SUITE(PrometheusTextParserTest);
	CPPUNIT_TEST(testAcceptsAWellFormedExposition);
	CPPUNIT_TEST(testRejectsMalformedLines);
	CPPUNIT_TEST(testRejectsStructuralErrors);
	CPPUNIT_TEST(testRejectsInconsistentHistograms);
	CPPUNIT_TEST_SUITE_END();

public:
	void testAcceptsAWellFormedExposition()
	{
		const auto families = PrometheusTextParser::parse(
			"# HELP a_total A \\\\ b\\n.\n# TYPE a_total counter\na_total{x=\"q\\\"\\\\\\n\",y=\"\"} 3 1700000000000\n"
			"# a comment\nuntyped_one -Inf\n"
			"# TYPE h histogram\nh_bucket{le=\"1\"} 1\nh_bucket{le=\"+Inf\"} 2\nh_sum 3.5\nh_count 2\n");

		CPPUNIT_ASSERT_EQUAL(std::string("A \\ b\n."), families.at("a_total").help);
		CPPUNIT_ASSERT_EQUAL(3.0, PrometheusTextParser::value(families, "a_total", {{"y", ""}, {"x", "q\"\\\n"}}));
		CPPUNIT_ASSERT_EQUAL(std::string("untyped"), families.at("untyped_one").type);
		CPPUNIT_ASSERT_EQUAL(std::size_t(4), families.at("h").samples.size());
	}

	void testRejectsMalformedLines()
	{
		for (const char* text: {
			"a 1",                         // no final newline
			"a-b 1\n",                     // bad metric name
			"a{b-c=\"x\"} 1\n",            // bad label name
			"a{__x=\"x\"} 1\n",            // reserved label name
			"a{b=\"x\\t\"} 1\n",           // invalid escape
			"a{b=\"x} 1\n",                // unterminated value
			"a{b=\"x\",b=\"y\"} 1\n",      // duplicate label
			"a 1,5\n",                     // bad value
			"a one\n",                     // bad value
			"a 1 2 3\n",                   // trailing text
			"# TYPE a bogus\na 1\n",       // unknown type
			"# HELP a x\\q\na 1\n",        // invalid HELP escape
		})
		{
			CPPUNIT_ASSERT_THROW_MESSAGE(text, PrometheusTextParser::parse(text), std::runtime_error);
		}
	}

	void testRejectsStructuralErrors()
	{
		for (const char* text: {
			"# TYPE a gauge\n# TYPE a gauge\na 1\n",  // second TYPE
			"# HELP a x\n# HELP a y\na 1\n",          // second HELP
			"a 1\n# TYPE a gauge\n",                  // TYPE after samples
			"a 1\nb 1\na{x=\"1\"} 2\n",               // not contiguous
			"a 1\na 2\n",                             // duplicate series
			"# TYPE c counter\nc -1\n",               // negative counter
		})
		{
			CPPUNIT_ASSERT_THROW_MESSAGE(text, PrometheusTextParser::parse(text), std::runtime_error);
		}
	}

	void testRejectsInconsistentHistograms()
	{
		for (const char* text: {
			"# TYPE h histogram\nh_bucket{le=\"1\"} 1\nh_sum 1\nh_count 1\n",                                  // no +Inf
			"# TYPE h histogram\nh_bucket{le=\"1\"} 2\nh_bucket{le=\"+Inf\"} 1\nh_sum 1\nh_count 1\n",         // not cumulative
			"# TYPE h histogram\nh_bucket{le=\"2\"} 1\nh_bucket{le=\"1\"} 1\nh_bucket{le=\"+Inf\"} 1\nh_sum 1\nh_count 1\n",  // le order
			"# TYPE h histogram\nh_bucket{le=\"+Inf\"} 1\nh_sum 1\nh_count 2\n",                               // count differs
			"# TYPE h histogram\nh_bucket{le=\"+Inf\"} 1\nh_count 1\n",                                        // no sum
		})
		{
			CPPUNIT_ASSERT_THROW_MESSAGE(text, PrometheusTextParser::parse(text), std::runtime_error);
		}
	}
};

CPPUNIT_TEST_SUITE_NAMED_REGISTRATION(PrometheusTextParserTest, "Http");
