//
// DtrackException.h
//
// Exceptions of the Dependency-Track target. Messages name the server and
// the request (method and path), never the API key.
//

#ifndef SBOMOP_Targets_DtrackException_INCLUDED
#define SBOMOP_Targets_DtrackException_INCLUDED

#include "sbomop/core/Exception.h"

namespace sbomop {
namespace targets {

/// Any failure talking to Dependency-Track. For answers with an error
/// status, code() is the HTTP status.
POCO_DECLARE_EXCEPTION(SBOMOP_API, DtrackException, sbomop::SbomopException)

/// The server could not be reached (refused, reset, TLS handshake, timeout)
/// or kept answering 5xx after every retry. code() is the last HTTP status,
/// 0 when there was no answer at all.
POCO_DECLARE_EXCEPTION(SBOMOP_API, DtrackUnavailableException, DtrackException)

/// A local setting cannot be used (TLS files, base URL).
POCO_DECLARE_EXCEPTION(SBOMOP_API, DtrackSetupException, DtrackException)

} } // namespace sbomop::targets

#endif // SBOMOP_Targets_DtrackException_INCLUDED
