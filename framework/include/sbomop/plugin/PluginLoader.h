//
// PluginLoader.h
//
// Loads backend plugins with Poco::ClassLoader, by name from the plugin
// directory (`backend=syft` → <plugin-dir>/libsbomop-syft.so) or by absolute
// path, after checking that the library is a backend plugin built for this
// host's plugin API version.
//

#ifndef SBOMOP_Plugin_PluginLoader_INCLUDED
#define SBOMOP_Plugin_PluginLoader_INCLUDED

#include "sbomop/Sbomop.h"
#include "sbomop/plugin/Backend.h"
#include <Poco/ClassLoader.h>
#include <memory>
#include <string>
#include <vector>

namespace sbomop {
namespace plugin {

class SBOMOP_API PluginLoader
	/// Owns the loaded libraries. Every Backend it creates must be destroyed
	/// before the loader (unloading a library while its objects live crashes).
	/// Not thread-safe; the host uses it during startup only.
{
public:
	explicit PluginLoader(const std::string& pluginDir);
		/// `pluginDir` empty means defaultPluginDir().
	~PluginLoader();

	static std::string defaultPluginDir();
		/// `<directory of the running executable>/../lib/sbomop/plugins`: the
		/// built-in plugins' place both in the build tree and in an install.

	const std::string& pluginDir() const;

	std::string resolve(const std::string& backend) const;
		/// The library path for a backend name or absolute path. Throws
		/// PluginLoadException for a name that is neither a plain name
		/// ([a-z0-9][a-z0-9_-]*) nor an absolute path.

	std::unique_ptr<Backend> load(const std::string& backend);
		/// Loads the library and creates its backend. Throws
		/// PluginLoadException (missing file, not loadable, not a backend
		/// plugin, no manifest) or PluginApiMismatchException; messages name the
		/// file and the reason.

	std::vector<std::string> available() const;
		/// Names of the plugins found in pluginDir(), for error messages.

	const std::string& libraryPath(const Backend& backend) const;
		/// The file a backend created by load() came from.

private:
	std::string _pluginDir;
	Poco::ClassLoader<Backend> _classLoader;
	std::vector<std::pair<const Backend*, std::string>> _origins;
};

} } // namespace sbomop::plugin

#endif // SBOMOP_Plugin_PluginLoader_INCLUDED
