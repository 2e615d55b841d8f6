//
// NoManifestBackend.cpp
//
// Describes itself as a current plugin but exports no class manifest: the host
// must refuse it naming the missing manifest.
//

#include "sbomop/plugin/PluginApi.h"

extern "C" POCO_LIBRARY_API const SbomopPluginInfo* sbomopPluginInfo()
{
	static const SbomopPluginInfo info = { SBOMOP_PLUGIN_API_VERSION, SBOMOP_VERSION, "GhostBackend" };
	return &info;
}
