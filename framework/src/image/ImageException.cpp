//
// ImageException.cpp
//

#include "sbomop/image/ImageException.h"
#include <typeinfo>

namespace sbomop {
namespace image {

POCO_IMPLEMENT_EXCEPTION(ImageException, sbomop::SbomopException, "Image error")
POCO_IMPLEMENT_EXCEPTION(InvalidImageReferenceException, ImageException, "Invalid image reference")
POCO_IMPLEMENT_EXCEPTION(InvalidImagePatternException, ImageException, "Invalid image pattern")

} } // namespace sbomop::image
