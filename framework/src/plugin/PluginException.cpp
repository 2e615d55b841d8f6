//
// PluginException.cpp
//

#include "sbomop/plugin/PluginException.h"
#include <typeinfo>

namespace sbomop {
namespace plugin {

POCO_IMPLEMENT_EXCEPTION(PluginLoadException, sbomop::SbomopException, "Cannot load backend plugin")
POCO_IMPLEMENT_EXCEPTION(PluginApiMismatchException, PluginLoadException, "Backend plugin API mismatch")

} } // namespace sbomop::plugin
