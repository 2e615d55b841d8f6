//
// SyftException.cpp
//

#include "sbomop/syft/SyftException.h"
#include <typeinfo>

namespace sbomop {
namespace syft {

POCO_IMPLEMENT_EXCEPTION(SyftException, sbomop::SbomopException, "Syft error")

} } // namespace sbomop::syft
