//
// OciException.h
//
// Exceptions of the OCI registry client and target.
//

#ifndef SBOMOP_Targets_OciException_INCLUDED
#define SBOMOP_Targets_OciException_INCLUDED

#include "sbomop/core/Exception.h"

namespace sbomop {
namespace targets {

/// A registry request failed: the registry answered with an error status
/// (code() is the HTTP status), or it could not be reached (code() 0). The
/// message names the registry and the request, never credentials.
POCO_DECLARE_EXCEPTION(SBOMOP_API, OciException, sbomop::SbomopException)

/// The registry or its token service rejected the credentials (HTTP 401 or
/// 403 after the challenge was answered).
POCO_DECLARE_EXCEPTION(SBOMOP_API, OciAuthenticationException, OciException)

} } // namespace sbomop::targets

#endif // SBOMOP_Targets_OciException_INCLUDED
