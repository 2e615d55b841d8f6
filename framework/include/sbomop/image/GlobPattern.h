//
// GlobPattern.h
//
// A validated shell-style glob pattern, compiled once and matched in
// O(pattern x subject) time whatever the input (no backtracking blow-up).
//

#ifndef SBOMOP_Image_GlobPattern_INCLUDED
#define SBOMOP_Image_GlobPattern_INCLUDED

#include "sbomop/Sbomop.h"
#include <bitset>
#include <string>
#include <vector>

namespace sbomop {
namespace image {

class SBOMOP_API GlobPattern
	/// A glob pattern: `*` matches any sequence of characters (including `/`
	/// and `:`), `?` one character, `[abc]`, `[a-z]` and `[!abc]` one
	/// character of (or not of) a set; `\` makes the next character literal.
	/// Matching is case-sensitive, byte-wise and covers the whole subject;
	/// its cost is bounded by pattern length times subject length, so a
	/// hostile pattern or subject (`*a*a*a*...`) cannot stall the caller.
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
	struct Token
		/// One element of the compiled pattern: `*`, or one character of
		/// a set (a literal is a set of one, `?` the full set).
	{
		bool star = false;
		std::bitset<256> accepts;
	};

	std::string _pattern;
	bool _wildcards;
	std::vector<Token> _tokens;
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
