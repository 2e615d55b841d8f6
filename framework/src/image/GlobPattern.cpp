//
// GlobPattern.cpp
//

#include "sbomop/image/GlobPattern.h"
#include "sbomop/image/ImageException.h"
#include <Poco/Glob.h>

namespace sbomop {
namespace image {

namespace {

[[noreturn]] void fail(const std::string& pattern, const std::string& problem)
{
	throw InvalidImagePatternException("\"" + pattern + "\": " + problem);
}


// Checks a character class starting after `[` at `pos`, following the set
// syntax of Poco::Glob (a `-` takes the next character as the range end), and
// returns the position after the closing `]`.
std::string::size_type checkClass(const std::string& pattern, std::string::size_type pos)
{
	const std::string::size_type end = pattern.size();
	if (pos < end && pattern[pos] == '!') ++pos;
	bool empty = true;
	while (pos < end && pattern[pos] != ']')
	{
		if (pattern[pos] == '\\' && ++pos == end) break;
		const unsigned char first = static_cast<unsigned char>(pattern[pos++]);
		if (pos < end && pattern[pos] == '-')
		{
			if (++pos == end) break;
			const unsigned char last = static_cast<unsigned char>(pattern[pos++]);
			if (last < first)
			{
				fail(pattern, std::string("reversed range \"") + static_cast<char>(first) + "-" + static_cast<char>(last) + "\" in character class");
			}
		}
		empty = false;
	}
	if (pos >= end) fail(pattern, "unterminated character class");
	if (empty) fail(pattern, "empty character class");
	return pos + 1;
}

} // namespace


GlobPattern::GlobPattern(const std::string& pattern):
	_pattern(pattern),
	_wildcards(false)
{
	if (pattern.empty()) fail(pattern, "empty pattern");
	std::string::size_type pos = 0;
	while (pos < pattern.size())
	{
		switch (pattern[pos])
		{
		case '\\':
			if (pos + 1 == pattern.size()) fail(pattern, "trailing backslash");
			pos += 2;
			break;
		case '[':
			_wildcards = true;
			pos = checkClass(pattern, pos + 1);
			break;
		case '*':
		case '?':
			_wildcards = true;
			++pos;
			break;
		default:
			++pos;
		}
	}
}


bool GlobPattern::match(const std::string& subject) const
{
	// Poco::Glob is neither copyable nor const-correct; it only holds the
	// pattern, so a fresh instance per call is cheap and keeps this const.
	Poco::Glob glob(_pattern);
	return glob.match(subject);
}


} } // namespace sbomop::image
