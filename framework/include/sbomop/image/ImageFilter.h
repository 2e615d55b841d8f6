//
// ImageFilter.h
//
// Image exclusion: a list of glob patterns that selects images the operator
// must not catalogue (e.g. `*/pause:*`, `registry.k8s.io/*`).
//

#ifndef SBOMOP_Image_ImageFilter_INCLUDED
#define SBOMOP_Image_ImageFilter_INCLUDED

#include "sbomop/Sbomop.h"
#include "sbomop/image/GlobPattern.h"
#include "sbomop/image/ImageReference.h"
#include <string>
#include <vector>

namespace sbomop {
namespace image {

class SBOMOP_API ImageFilter
	/// An ordered list of GlobPattern. An image matches when any pattern
	/// matches any of these spellings of its reference:
	///   - string(), the normalised form (`docker.io/library/nginx:1.25`,
	///     `docker.io/library/nginx:latest` when no tag was given);
	///   - name() (`docker.io/library/nginx`), so a pattern without tag covers
	///     every tag;
	///   - familiarString() and familiarName() (`nginx:1.25`, `nginx`).
	/// `*` crosses `/` and `:`, so `*/pause:*` matches
	/// `registry.k8s.io/pause:3.9` and `docker.io/library/pause:3.9`.
	///
	/// The empty filter matches nothing. Immutable after construction; safe
	/// to share between threads.
{
public:
	ImageFilter();
		/// The empty filter.

	explicit ImageFilter(const std::vector<std::string>& patterns);
		/// One pattern per element; each element may itself be a
		/// comma-separated list. Surrounding whitespace is trimmed and empty
		/// items are ignored. Throws InvalidImagePatternException for a
		/// malformed pattern.

	static ImageFilter parse(const std::string& patterns);
		/// Parses a comma-separated list, e.g. `*/pause:*, registry.k8s.io/*`
		/// (so a pattern cannot contain a comma; none is needed for image
		/// references). Throws InvalidImagePatternException for a malformed
		/// pattern.

	bool matches(const ImageReference& image) const;
		/// True when a pattern matches the image.

	std::string matchingPattern(const ImageReference& image) const;
		/// The first pattern that matches the image (for logs), or an empty
		/// string.

	bool empty() const;
	std::vector<std::string> patterns() const;

private:
	void add(const std::string& list);

	std::vector<GlobPattern> _patterns;
};


} } // namespace sbomop::image

#endif // SBOMOP_Image_ImageFilter_INCLUDED
