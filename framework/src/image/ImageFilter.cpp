//
// ImageFilter.cpp
//

#include "sbomop/image/ImageFilter.h"
#include <Poco/String.h>
#include <Poco/StringTokenizer.h>

namespace sbomop {
namespace image {


ImageFilter::ImageFilter()
{
}


ImageFilter::ImageFilter(const std::vector<std::string>& patterns)
{
	for (const auto& list: patterns) add(list);
}


ImageFilter ImageFilter::parse(const std::string& patterns)
{
	ImageFilter filter;
	filter.add(patterns);
	return filter;
}


void ImageFilter::add(const std::string& list)
{
	const Poco::StringTokenizer items(list, ",", Poco::StringTokenizer::TOK_TRIM | Poco::StringTokenizer::TOK_IGNORE_EMPTY);
	for (const auto& item: items) _patterns.emplace_back(item);
}


bool ImageFilter::matches(const ImageReference& image) const
{
	return !matchingPattern(image).empty();
}


std::string ImageFilter::matchingPattern(const ImageReference& image) const
{
	if (_patterns.empty() || image.isEmpty()) return std::string();
	const std::string spellings[] = {image.string(), image.name(), image.familiarString(), image.familiarName()};
	for (const auto& pattern: _patterns)
	{
		for (const auto& spelling: spellings)
		{
			if (pattern.match(spelling)) return pattern.pattern();
		}
	}
	return std::string();
}


bool ImageFilter::empty() const
{
	return _patterns.empty();
}


std::vector<std::string> ImageFilter::patterns() const
{
	std::vector<std::string> result;
	for (const auto& pattern: _patterns) result.push_back(pattern.pattern());
	return result;
}


} } // namespace sbomop::image
