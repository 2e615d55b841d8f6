//
// Exception.cpp
//

#include "sbomop/core/Exception.h"
#include <typeinfo>

namespace sbomop {

POCO_IMPLEMENT_EXCEPTION(SbomopException, Poco::RuntimeException, "sbom-operator error")

} // namespace sbomop
