//
// LoggingException.h
//
// Exceptions of the logging module.
//

#ifndef SBOMOP_Logging_LoggingException_INCLUDED
#define SBOMOP_Logging_LoggingException_INCLUDED

#include "sbomop/core/Exception.h"

namespace sbomop {
namespace logging {

/// A logging setting (level or format name) is not one of the supported
/// values. The message names the rejected value and lists the accepted ones.
POCO_DECLARE_EXCEPTION(SBOMOP_API, LoggingConfigException, sbomop::SbomopException)

} } // namespace sbomop::logging

#endif // SBOMOP_Logging_LoggingException_INCLUDED
