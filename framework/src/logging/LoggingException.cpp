//
// LoggingException.cpp
//

#include "sbomop/logging/LoggingException.h"
#include <typeinfo>

namespace sbomop {
namespace logging {

POCO_IMPLEMENT_EXCEPTION(LoggingConfigException, sbomop::SbomopException, "Invalid logging configuration")

} } // namespace sbomop::logging
