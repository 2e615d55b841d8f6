//
// DtrackSimException.h
//
// Exceptions of dtrack-sim. A ProjectConflictException carries the exact
// message Dependency-Track answers with its 409.
//

#ifndef SBOMOP_DtrackSim_DtrackSimException_INCLUDED
#define SBOMOP_DtrackSim_DtrackSimException_INCLUDED

#include "sbomop/core/Exception.h"

namespace sbomop {
namespace dtracksim {

POCO_DECLARE_EXCEPTION(, DtrackSimException, sbomop::SbomopException)
POCO_DECLARE_EXCEPTION(, ProjectConflictException, DtrackSimException)

} } // namespace sbomop::dtracksim

#endif // SBOMOP_DtrackSim_DtrackSimException_INCLUDED
