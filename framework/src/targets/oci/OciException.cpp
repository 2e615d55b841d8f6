//
// OciException.cpp
//

#include "sbomop/targets/oci/OciException.h"
#include <typeinfo>

namespace sbomop {
namespace targets {

POCO_IMPLEMENT_EXCEPTION(OciException, sbomop::SbomopException, "OCI registry error")
POCO_IMPLEMENT_EXCEPTION(OciAuthenticationException, OciException, "OCI registry authentication failed")

} } // namespace sbomop::targets
