//
// PluginApi.h
//
// The plugin API version and the export macro a backend plugin uses.
//
// A plugin is a shared library built against the installed SDK
// (find_package(SbomOperator); sbomop_add_backend_plugin()) with the same
// compiler, C++ standard library and Poco 1.11 as the host. It exports exactly
// one Backend subclass:
//
//     #include "sbomop/plugin/PluginApi.h"
//     class MyBackend: public sbomop::plugin::Backend { ... };
//     SBOMOP_EXPORT_BACKEND(MyBackend)
//
// The macro defines the Poco class manifest (named after the API version, so a
// plugin built for another version has no matching manifest) and a C function
// `sbomopPluginInfo` that the host reads first to report a precise mismatch.
// Keep static initialisers free of side effects: the host opens the library
// before it knows whether it will accept it.
//

#ifndef SBOMOP_Plugin_PluginApi_INCLUDED
#define SBOMOP_Plugin_PluginApi_INCLUDED

#include "sbomop/plugin/Backend.h"
#include "sbomop/core/BuildInfo.h"
#include <Poco/ClassLibrary.h>

/// Bumped whenever Backend's virtual functions, BackendContext or the types in
/// BackendTypes.h change. SBOMOP_BACKEND_MANIFEST must change with it.
#define SBOMOP_PLUGIN_API_VERSION 1
#define SBOMOP_BACKEND_MANIFEST SbomopBackendApi1

#define SBOMOP_STRINGIFY_(x) #x
#define SBOMOP_STRINGIFY(x) SBOMOP_STRINGIFY_(x)

extern "C" {

struct SbomopPluginInfo
	/// Returned by the plugin's `sbomopPluginInfo()`; plain C so that the host
	/// can read it from a plugin built for any API version.
{
	int apiVersion;
	const char* sdkVersion;
	const char* className;
};

}

#define SBOMOP_BEGIN_BACKEND_MANIFEST_(name, base) POCO_BEGIN_NAMED_MANIFEST(name, base)

#define SBOMOP_EXPORT_BACKEND(cls) \
	extern "C" POCO_LIBRARY_API const SbomopPluginInfo* sbomopPluginInfo() \
	{ \
		static const SbomopPluginInfo info = { SBOMOP_PLUGIN_API_VERSION, SBOMOP_VERSION, #cls }; \
		return &info; \
	} \
	SBOMOP_BEGIN_BACKEND_MANIFEST_(SBOMOP_BACKEND_MANIFEST, sbomop::plugin::Backend) \
		POCO_EXPORT_CLASS(cls) \
	POCO_END_MANIFEST

#endif // SBOMOP_Plugin_PluginApi_INCLUDED
