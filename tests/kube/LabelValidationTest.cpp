//
// LabelValidationTest.cpp
//

#include "sbomop/kube/LabelValidation.h"
#include <cppunit/extensions/HelperMacros.h>

using sbomop::kube::LabelValidation;

class LabelValidationTest: public CppUnit::TestFixture
{
	CPPUNIT_TEST_SUITE(LabelValidationTest);
	CPPUNIT_TEST(testAcceptsValidKeys);
	CPPUNIT_TEST(testRejectsInvalidKeys);
	CPPUNIT_TEST(testChecksValues);
	CPPUNIT_TEST(testFormatsFieldErrors);
	CPPUNIT_TEST(testQuotesLikeGo);
	CPPUNIT_TEST_SUITE_END();

public:
	void testAcceptsValidKeys()
	{
		for (const char* key: {"a", "A9", "app.kubernetes.io/name", "k8s.io/x_y-z.1", "1-2.b/Z"})
		{
			CPPUNIT_ASSERT_MESSAGE(key, LabelValidation::isValidKey(key));
		}
	}

	void testRejectsInvalidKeys()
	{
		for (const char* key: {"", "-a", "a-", "a/", "/a", "A.com/a", "a..b/x", "a.-b/x", "x/y/z", "a b", "a:b"})
		{
			CPPUNIT_ASSERT_MESSAGE(key, !LabelValidation::isValidKey(key));
		}
		CPPUNIT_ASSERT_EQUAL(std::size_t(2), LabelValidation::keyErrors("").size());
		CPPUNIT_ASSERT_EQUAL(std::string("name part must be non-empty"), LabelValidation::keyErrors("").front());
	}

	void testChecksValues()
	{
		CPPUNIT_ASSERT(LabelValidation::isValidValue(""));
		CPPUNIT_ASSERT(LabelValidation::isValidValue("v1.2_3-x"));
		CPPUNIT_ASSERT(!LabelValidation::isValidValue("-v"));
		CPPUNIT_ASSERT(!LabelValidation::isValidValue("a/b"));
		CPPUNIT_ASSERT(LabelValidation::isValidValue(std::string(63, 'v')));
		CPPUNIT_ASSERT_EQUAL(std::string("must be no more than 63 characters"), LabelValidation::valueErrors(std::string(64, 'v')).front());
	}

	void testFormatsFieldErrors()
	{
		CPPUNIT_ASSERT_EQUAL(std::string("values[0]: Invalid value: \"x\": a; b"), LabelValidation::invalidValueError("values[0]", "x", {"a", "b"}));
		CPPUNIT_ASSERT_EQUAL(std::string("one"), LabelValidation::aggregate({"one", "one"}));
		CPPUNIT_ASSERT_EQUAL(std::string("[one, two]"), LabelValidation::aggregate({"one", "two", "one"}));
	}

	void testQuotesLikeGo()
	{
		CPPUNIT_ASSERT_EQUAL(std::string("\"a\\\"b\\\\c\\n\\x01\xC3\xA9\""), LabelValidation::quote("a\"b\\c\n\x01\xC3\xA9"));
	}
};


CPPUNIT_TEST_SUITE_NAMED_REGISTRATION(LabelValidationTest, "Kube");
