//
// PluginExport.cpp
//
// The plugin entry points of libsbomop-syft.so. Kept apart from the backend
// classes so that the tests can link those without a second manifest.
//

#include "sbomop/plugin/PluginApi.h"
#include "sbomop/syft/SyftBackend.h"

SBOMOP_EXPORT_BACKEND(sbomop::syft::SyftBackend)
