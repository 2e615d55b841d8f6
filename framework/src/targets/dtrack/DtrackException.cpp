//
// DtrackException.cpp
//

#include "sbomop/targets/dtrack/DtrackException.h"
#include <typeinfo>

namespace sbomop {
namespace targets {

POCO_IMPLEMENT_EXCEPTION(DtrackException, sbomop::SbomopException, "Dependency-Track error")
POCO_IMPLEMENT_EXCEPTION(DtrackUnavailableException, DtrackException, "Dependency-Track unavailable")
POCO_IMPLEMENT_EXCEPTION(DtrackSetupException, DtrackException, "Dependency-Track setup error")

} } // namespace sbomop::targets
