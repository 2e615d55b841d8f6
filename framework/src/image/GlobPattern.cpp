//
// GlobPattern.cpp
//

#include "sbomop/image/GlobPattern.h"
#include "sbomop/image/ImageException.h"

namespace sbomop {
namespace image {

namespace {

[[noreturn]] void fail(const std::string& pattern, const std::string& problem)
{
	throw InvalidImagePatternException("\"" + pattern + "\": " + problem);
}


// Reads a character class starting after `[` at `pos`, following the set
// syntax of Poco::Glob (`!` negates, a `-` takes the next character as the
// range end, `\` makes the next character literal), fills `accepts` and
// returns the position after the closing `]`.
std::string::size_type readClass(const std::string& pattern, std::string::size_type pos, std::bitset<256>& accepts)
{
	const std::string::size_type end = pattern.size();
	bool negated = false;
	if (pos < end && pattern[pos] == '!')
	{
		negated = true;
		++pos;
	}
	bool empty = true;
	while (pos < end && pattern[pos] != ']')
	{
		if (pattern[pos] == '\\' && ++pos == end) break;
		const unsigned char first = static_cast<unsigned char>(pattern[pos++]);
		unsigned char last = first;
		if (pos < end && pattern[pos] == '-')
		{
			if (++pos == end) break;
			last = static_cast<unsigned char>(pattern[pos++]);
			if (last < first)
			{
				fail(pattern, std::string("reversed range \"") + static_cast<char>(first) + "-" + static_cast<char>(last) + "\" in character class");
			}
		}
		for (unsigned value = first; value <= last; ++value) accepts.set(value);
		empty = false;
	}
	if (pos >= end) fail(pattern, "unterminated character class");
	if (empty) fail(pattern, "empty character class");
	if (negated) accepts.flip();
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
		Token token;
		switch (pattern[pos])
		{
		case '\\':
			if (pos + 1 == pattern.size()) fail(pattern, "trailing backslash");
			token.accepts.set(static_cast<unsigned char>(pattern[pos + 1]));
			pos += 2;
			break;
		case '[':
			_wildcards = true;
			pos = readClass(pattern, pos + 1, token.accepts);
			break;
		case '*':
			_wildcards = true;
			token.star = true;
			++pos;
			break;
		case '?':
			_wildcards = true;
			token.accepts.set();
			++pos;
			break;
		default:
			token.accepts.set(static_cast<unsigned char>(pattern[pos]));
			++pos;
		}
		// `**` matches what `*` matches; keeping one keeps the matcher linear.
		if (token.star && !_tokens.empty() && _tokens.back().star) continue;
		_tokens.push_back(token);
	}
}


bool GlobPattern::match(const std::string& subject) const
{
	// Greedy matching that, on a mismatch, lets the most recent `*` absorb
	// one more character: each `*` only ever moves forward, so no input can
	// make this exponential (unlike recursive glob matchers).
	const std::size_t none = static_cast<std::size_t>(-1);
	std::size_t token = 0, at = 0;
	std::size_t starToken = none, starAt = 0;
	while (at < subject.size())
	{
		if (token < _tokens.size() && _tokens[token].star)
		{
			starToken = token++;
			starAt = at;
		}
		else if (token < _tokens.size() && _tokens[token].accepts.test(static_cast<unsigned char>(subject[at])))
		{
			++token;
			++at;
		}
		else if (starToken != none)
		{
			token = starToken + 1;
			at = ++starAt;
		}
		else
		{
			return false;
		}
	}
	while (token < _tokens.size() && _tokens[token].star) ++token;
	return token == _tokens.size();
}


} } // namespace sbomop::image
