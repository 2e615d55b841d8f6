//
// GlobPatternTest.cpp
//

#include "sbomop/image/GlobPattern.h"
#include "sbomop/image/ImageException.h"
#include <cppunit/extensions/HelperMacros.h>

using sbomop::image::GlobPattern;
using sbomop::image::InvalidImagePatternException;

namespace {

std::string errorOf(const std::string& pattern)
{
	try
	{
		GlobPattern glob(pattern);
	}
	catch (InvalidImagePatternException& exc)
	{
		return exc.message();
	}
	CPPUNIT_FAIL("no exception for \"" + pattern + "\"");
	return std::string();
}

} // namespace


class GlobPatternTest: public CppUnit::TestFixture
{
	CPPUNIT_TEST_SUITE(GlobPatternTest);
	CPPUNIT_TEST(testLiteralPatternMatchesOnlyItself);
	CPPUNIT_TEST(testStarCrossesSlashesAndColons);
	CPPUNIT_TEST(testQuestionMarkMatchesOneCharacter);
	CPPUNIT_TEST(testCharacterClassesAndRanges);
	CPPUNIT_TEST(testNegatedCharacterClass);
	CPPUNIT_TEST(testBackslashEscapesWildcards);
	CPPUNIT_TEST(testMatchingIsCaseSensitive);
	CPPUNIT_TEST(testStarsBacktrackToTheLastStarOnly);
	CPPUNIT_TEST(testHostilePatternsStayFast);
	CPPUNIT_TEST(testReportsWildcards);
	CPPUNIT_TEST(testRejectsEmptyPattern);
	CPPUNIT_TEST(testRejectsUnterminatedCharacterClass);
	CPPUNIT_TEST(testRejectsEmptyCharacterClass);
	CPPUNIT_TEST(testRejectsReversedRange);
	CPPUNIT_TEST(testRejectsTrailingBackslash);
	CPPUNIT_TEST_SUITE_END();

public:
	void testLiteralPatternMatchesOnlyItself()
	{
		const GlobPattern glob("registry.k8s.io/pause:3.9");
		CPPUNIT_ASSERT(glob.match("registry.k8s.io/pause:3.9"));
		CPPUNIT_ASSERT(!glob.match("registry.k8s.io/pause:3.10"));
		CPPUNIT_ASSERT(!glob.match("registry.k8s.io/pause:3"));
	}

	void testStarCrossesSlashesAndColons()
	{
		const GlobPattern glob("*/pause:*");
		CPPUNIT_ASSERT(glob.match("registry.k8s.io/pause:3.9"));
		CPPUNIT_ASSERT(glob.match("docker.io/library/pause:3.9"));
		CPPUNIT_ASSERT(!glob.match("docker.io/library/pause"));
		CPPUNIT_ASSERT(!glob.match("docker.io/library/nginx:1.25"));
		CPPUNIT_ASSERT(GlobPattern("*").match("anything/at:all"));
	}

	void testQuestionMarkMatchesOneCharacter()
	{
		const GlobPattern glob("nginx:1.2?");
		CPPUNIT_ASSERT(glob.match("nginx:1.25"));
		CPPUNIT_ASSERT(!glob.match("nginx:1.2"));
		CPPUNIT_ASSERT(!glob.match("nginx:1.255"));
	}

	void testCharacterClassesAndRanges()
	{
		const GlobPattern glob("app:v[0-9].[13]");
		CPPUNIT_ASSERT(glob.match("app:v2.1"));
		CPPUNIT_ASSERT(glob.match("app:v7.3"));
		CPPUNIT_ASSERT(!glob.match("app:v7.2"));
		CPPUNIT_ASSERT(!glob.match("app:vx.1"));
	}

	void testNegatedCharacterClass()
	{
		const GlobPattern glob("app:[!0-9]*");
		CPPUNIT_ASSERT(glob.match("app:latest"));
		CPPUNIT_ASSERT(!glob.match("app:1.0"));
	}

	void testBackslashEscapesWildcards()
	{
		const GlobPattern glob("a\\*b");
		CPPUNIT_ASSERT(glob.match("a*b"));
		CPPUNIT_ASSERT(!glob.match("axb"));
		CPPUNIT_ASSERT(!glob.hasWildcards());
	}

	void testStarsBacktrackToTheLastStarOnly()
	{
		const GlobPattern pattern("*a*b?c*");
		CPPUNIT_ASSERT(pattern.match("xxaybzc"));
		CPPUNIT_ASSERT(pattern.match("abxcabzc"));
		CPPUNIT_ASSERT(pattern.match("aabbcc"));
		CPPUNIT_ASSERT(!pattern.match("abc"));
		CPPUNIT_ASSERT(!pattern.match("ab"));
		CPPUNIT_ASSERT(GlobPattern("**").match(""));
		CPPUNIT_ASSERT(GlobPattern("a**b").match("ab"));
		CPPUNIT_ASSERT(!GlobPattern("a*[!b]").match("ab"));
		CPPUNIT_ASSERT(GlobPattern("a*[!b]").match("abc"));
	}

	void testHostilePatternsStayFast()
	{
		// 40 stars against 4,000 characters that almost match: a recursive
		// matcher needs longer than the universe's age, this one a moment.
		std::string pattern;
		for (int i = 0; i < 40; ++i) pattern += "*0";
		pattern += "1";
		const std::string subject(4000, '0');
		CPPUNIT_ASSERT(!GlobPattern(pattern).match(subject));
		CPPUNIT_ASSERT(GlobPattern(pattern).match(subject + "1"));
	}

	void testMatchingIsCaseSensitive()
	{
		CPPUNIT_ASSERT(!GlobPattern("NGINX*").match("nginx:1.25"));
	}

	void testReportsWildcards()
	{
		CPPUNIT_ASSERT(GlobPattern("*.example.com").hasWildcards());
		CPPUNIT_ASSERT(GlobPattern("a?").hasWildcards());
		CPPUNIT_ASSERT(GlobPattern("[ab]").hasWildcards());
		CPPUNIT_ASSERT(!GlobPattern("ghcr.io").hasWildcards());
		CPPUNIT_ASSERT_EQUAL(std::string("ghcr.io"), GlobPattern("ghcr.io").pattern());
	}

	void testRejectsEmptyPattern()
	{
		CPPUNIT_ASSERT_THROW(GlobPattern(""), InvalidImagePatternException);
		CPPUNIT_ASSERT_EQUAL(std::string("\"\": empty pattern"), errorOf(""));
	}

	void testRejectsUnterminatedCharacterClass()
	{
		CPPUNIT_ASSERT_EQUAL(std::string("\"nginx:[0-9\": unterminated character class"), errorOf("nginx:[0-9"));
		CPPUNIT_ASSERT_EQUAL(std::string("\"a[b-\": unterminated character class"), errorOf("a[b-"));
		CPPUNIT_ASSERT_EQUAL(std::string("\"a[\\\": unterminated character class"), errorOf("a[\\"));
	}

	void testRejectsEmptyCharacterClass()
	{
		CPPUNIT_ASSERT_EQUAL(std::string("\"a[]\": empty character class"), errorOf("a[]"));
		CPPUNIT_ASSERT_EQUAL(std::string("\"a[!]\": empty character class"), errorOf("a[!]"));
	}

	void testRejectsReversedRange()
	{
		CPPUNIT_ASSERT_EQUAL(std::string("\"a[z-a]\": reversed range \"z-a\" in character class"), errorOf("a[z-a]"));
	}

	void testRejectsTrailingBackslash()
	{
		CPPUNIT_ASSERT_EQUAL(std::string("\"nginx\\\": trailing backslash"), errorOf("nginx\\"));
	}
};


CPPUNIT_TEST_SUITE_NAMED_REGISTRATION(GlobPatternTest, "Image");
