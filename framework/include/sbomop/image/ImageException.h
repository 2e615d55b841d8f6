//
// ImageException.h
//
// Exceptions of the image module: malformed image references (spec images,
// runtime image IDs) and malformed image patterns (exclusion lists).
//

#ifndef SBOMOP_Image_ImageException_INCLUDED
#define SBOMOP_Image_ImageException_INCLUDED

#include "sbomop/core/Exception.h"

namespace sbomop {
namespace image {

POCO_DECLARE_EXCEPTION(SBOMOP_API, ImageException, sbomop::SbomopException)

/// A string is not a valid Docker/OCI image reference or image ID. The message
/// names the input in quotes and what is wrong with it, e.g.
/// `"Nginx:1.25": repository name must be lowercase`.
POCO_DECLARE_EXCEPTION(SBOMOP_API, InvalidImageReferenceException, ImageException)

/// A glob pattern (image exclusion list) is malformed. The message names the
/// pattern and the problem, e.g. `"nginx[": unterminated character class`.
POCO_DECLARE_EXCEPTION(SBOMOP_API, InvalidImagePatternException, ImageException)

} } // namespace sbomop::image

#endif // SBOMOP_Image_ImageException_INCLUDED
