//
// GlobPattern.h
//
// A validated shell-style glob pattern, matched with Poco::Glob.
//

#ifndef SBOMOP_Image_GlobPattern_INCLUDED
#define SBOMOP_Image_GlobPattern_INCLUDED

#include "sbomop/Sbomop.h"
#include <string>

namespace sbomop {
namespace image {

class SBOMOP_API GlobPattern
	/// A glob pattern: `*` matches any sequence of characters (including `/`
	/// and `:`), `?` one character, `[abc]`, `[a-z]` and `[!abc]` one
	/// character of (or not of) a set; `\` makes the next character literal.
	/// Matching is case-sensitive and covers the whole subject.
	///
	/// The pattern is checked when constructed, so a malformed pattern is a
	/// configuration error up front instead of a surprise at match time.
	/// Immutable; safe to share between threads.
{
public:
	explicit GlobPattern(const std::string& pattern);
		/// Validates `pattern`. Throws InvalidImagePatternException
		/// (image/ImageException.h) for an empty pattern, an unterminated or
		/// empty character class, a reversed range (`[z-a]`) or a trailing
		/// backslash; the message names the pattern.

	bool match(const std::string& subject) const;
		/// True when the whole `subject` matches.

	bool hasWildcards() const;
		/// True when the pattern contains `*`, `?` or `[`.

	const std::string& pattern() const;

private:
	std::string _pattern;
	bool _wildcards;
};


//
// inlines
//
inline bool GlobPattern::hasWildcards() const
{
	return _wildcards;
}


inline const std::string& GlobPattern::pattern() const
{
	return _pattern;
}


} } // namespace sbomop::image

#endif // SBOMOP_Image_GlobPattern_INCLUDED
