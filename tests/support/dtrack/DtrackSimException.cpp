//
// DtrackSimException.cpp
//

#include "dtrack/DtrackSimException.h"
#include <typeinfo>

namespace sbomop {
namespace dtracksim {

POCO_IMPLEMENT_EXCEPTION(DtrackSimException, sbomop::SbomopException, "dtrack-sim error")
POCO_IMPLEMENT_EXCEPTION(ProjectConflictException, DtrackSimException, "Conflict")

} } // namespace sbomop::dtracksim
