//
// ImageFilterTest.cpp
//

#include "sbomop/image/ImageFilter.h"
#include "sbomop/image/ImageException.h"
#include <cppunit/extensions/HelperMacros.h>

using sbomop::image::ImageFilter;
using sbomop::image::ImageReference;
using sbomop::image::InvalidImagePatternException;

namespace {

ImageReference parsed(const std::string& text)
{
	return ImageReference::parse(text);
}

} // namespace


class ImageFilterTest: public CppUnit::TestFixture
{
	CPPUNIT_TEST_SUITE(ImageFilterTest);
	CPPUNIT_TEST(testEmptyFilterMatchesNothing);
	CPPUNIT_TEST(testPauseImagesOfAnyRegistry);
	CPPUNIT_TEST(testWholeRegistry);
	CPPUNIT_TEST(testPatternWithoutTagCoversEveryTag);
	CPPUNIT_TEST(testFamiliarSpellingMatches);
	CPPUNIT_TEST(testImpliedLatestTagIsMatched);
	CPPUNIT_TEST(testDigestReferences);
	CPPUNIT_TEST(testCommaListIsTrimmedAndEmptyItemsIgnored);
	CPPUNIT_TEST(testVectorOfLists);
	CPPUNIT_TEST(testMatchingPatternNamesTheFirstMatch);
	CPPUNIT_TEST(testRejectsInvalidPattern);
	CPPUNIT_TEST_SUITE_END();

public:
	void testEmptyFilterMatchesNothing()
	{
		const ImageFilter filter;
		CPPUNIT_ASSERT(filter.empty());
		CPPUNIT_ASSERT(!filter.matches(parsed("nginx")));
		CPPUNIT_ASSERT(ImageFilter::parse(" , ").empty());
	}

	void testPauseImagesOfAnyRegistry()
	{
		const ImageFilter filter = ImageFilter::parse("*/pause:*");
		CPPUNIT_ASSERT(filter.matches(parsed("registry.k8s.io/pause:3.9")));
		CPPUNIT_ASSERT(filter.matches(parsed("pause:3.9")));
		CPPUNIT_ASSERT(filter.matches(parsed("pause")));
		CPPUNIT_ASSERT(!filter.matches(parsed("registry.k8s.io/pause-helper:1")));
		CPPUNIT_ASSERT(!filter.matches(parsed("nginx:1.25")));
	}

	void testWholeRegistry()
	{
		const ImageFilter filter = ImageFilter::parse("registry.k8s.io/*");
		CPPUNIT_ASSERT(filter.matches(parsed("registry.k8s.io/kube-proxy:v1.28.0")));
		CPPUNIT_ASSERT(filter.matches(parsed("registry.k8s.io/coredns/coredns:v1.10.1")));
		CPPUNIT_ASSERT(!filter.matches(parsed("ghcr.io/registry.k8s.io/x:1")));
	}

	void testPatternWithoutTagCoversEveryTag()
	{
		const ImageFilter filter = ImageFilter::parse("ghcr.io/org/app");
		CPPUNIT_ASSERT(filter.matches(parsed("ghcr.io/org/app:1.0")));
		CPPUNIT_ASSERT(filter.matches(parsed("ghcr.io/org/app")));
		CPPUNIT_ASSERT(!filter.matches(parsed("ghcr.io/org/app2:1.0")));
	}

	void testFamiliarSpellingMatches()
	{
		const ImageFilter filter = ImageFilter::parse("nginx:1.*");
		CPPUNIT_ASSERT(filter.matches(parsed("docker.io/library/nginx:1.25")));
		CPPUNIT_ASSERT(!filter.matches(parsed("docker.io/library/nginx:2.0")));
		CPPUNIT_ASSERT(ImageFilter::parse("bitnami/*").matches(parsed("bitnami/redis:7")));
	}

	void testImpliedLatestTagIsMatched()
	{
		CPPUNIT_ASSERT(ImageFilter::parse("*:latest").matches(parsed("ghcr.io/org/app")));
		CPPUNIT_ASSERT(!ImageFilter::parse("*:latest").matches(parsed("ghcr.io/org/app:1.0")));
	}

	void testDigestReferences()
	{
		const std::string digest = "sha256:0d17b565c37bcbd895e9d92315a05c1c3c9a29f762b011a10c54a66cd53c9b31";
		CPPUNIT_ASSERT(ImageFilter::parse("*/pause*").matches(parsed("registry.k8s.io/pause@" + digest)));
		CPPUNIT_ASSERT(ImageFilter::parse("registry.k8s.io/pause").matches(parsed("registry.k8s.io/pause@" + digest)));
	}

	void testCommaListIsTrimmedAndEmptyItemsIgnored()
	{
		const ImageFilter filter = ImageFilter::parse(" */pause:* ,, registry.k8s.io/* , ");
		CPPUNIT_ASSERT_EQUAL(std::size_t(2), filter.patterns().size());
		CPPUNIT_ASSERT_EQUAL(std::string("*/pause:*"), filter.patterns()[0]);
		CPPUNIT_ASSERT_EQUAL(std::string("registry.k8s.io/*"), filter.patterns()[1]);
	}

	void testVectorOfLists()
	{
		const ImageFilter filter(std::vector<std::string>{"nginx", "ghcr.io/a/*,ghcr.io/b/*"});
		CPPUNIT_ASSERT_EQUAL(std::size_t(3), filter.patterns().size());
		CPPUNIT_ASSERT(filter.matches(parsed("ghcr.io/b/x:1")));
		CPPUNIT_ASSERT(!filter.matches(parsed("ghcr.io/c/x:1")));
	}

	void testMatchingPatternNamesTheFirstMatch()
	{
		const ImageFilter filter = ImageFilter::parse("ghcr.io/*,*/pause:*");
		CPPUNIT_ASSERT_EQUAL(std::string("*/pause:*"), filter.matchingPattern(parsed("registry.k8s.io/pause:3.9")));
		CPPUNIT_ASSERT_EQUAL(std::string("ghcr.io/*"), filter.matchingPattern(parsed("ghcr.io/pause:3.9")));
		CPPUNIT_ASSERT_EQUAL(std::string(""), filter.matchingPattern(parsed("nginx")));
	}

	void testRejectsInvalidPattern()
	{
		CPPUNIT_ASSERT_THROW(ImageFilter::parse("nginx,app:[0-9"), InvalidImagePatternException);
		try
		{
			ImageFilter::parse("nginx, app:[0-9");
			CPPUNIT_FAIL("no exception");
		}
		catch (InvalidImagePatternException& exc)
		{
			CPPUNIT_ASSERT_EQUAL(std::string("Invalid image pattern: \"app:[0-9\": unterminated character class"), exc.displayText());
		}
	}
};


CPPUNIT_TEST_SUITE_NAMED_REGISTRATION(ImageFilterTest, "Image");
