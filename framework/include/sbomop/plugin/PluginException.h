//
// PluginException.h
//
// Errors of loading a backend plugin. All are startup errors (exit code 78):
// the message names the library file and the reason.
//

#ifndef SBOMOP_Plugin_PluginException_INCLUDED
#define SBOMOP_Plugin_PluginException_INCLUDED

#include "sbomop/core/Exception.h"

namespace sbomop {
namespace plugin {

/// The library is missing, cannot be opened, or is not a backend plugin.
POCO_DECLARE_EXCEPTION(SBOMOP_API, PluginLoadException, sbomop::SbomopException)

/// The library is a backend plugin built for another plugin API version.
POCO_DECLARE_EXCEPTION(SBOMOP_API, PluginApiMismatchException, PluginLoadException)

} } // namespace sbomop::plugin

#endif // SBOMOP_Plugin_PluginException_INCLUDED
