//
// PluginLoader.cpp
//

#include "sbomop/plugin/PluginLoader.h"
#include "sbomop/plugin/PluginApi.h"
#include "sbomop/plugin/PluginException.h"
#include <Poco/DirectoryIterator.h>
#include <Poco/File.h>
#include <Poco/Path.h>
#include <Poco/RegularExpression.h>
#include <Poco/SharedLibrary.h>
#include <algorithm>
#include <limits.h>
#include <unistd.h>

namespace sbomop {
namespace plugin {

namespace {

const std::string LIBRARY_PREFIX = "libsbomop-";
const std::string LIBRARY_SUFFIX = ".so";
const std::string MANIFEST_NAME = SBOMOP_STRINGIFY(SBOMOP_BACKEND_MANIFEST);

using PluginInfoFunction = const SbomopPluginInfo* (*)();

std::string executableDir()
{
	char buffer[PATH_MAX];
	const ssize_t n = ::readlink("/proc/self/exe", buffer, sizeof(buffer) - 1);
	if (n <= 0) return Poco::Path::current();
	buffer[n] = '\0';
	return Poco::Path(std::string(buffer)).parent().toString();
}

const SbomopPluginInfo& probe(Poco::SharedLibrary& library, const std::string& path)
	// Reads the plugin's self-description before ClassLoader looks for the
	// manifest, so that a plugin of another API version gets a precise message
	// instead of "no manifest".
{
	if (!library.hasSymbol("sbomopPluginInfo"))
	{
		throw PluginLoadException(path + " is not an sbom-operator backend plugin: it exports no sbomopPluginInfo() (build it with SBOMOP_EXPORT_BACKEND)");
	}
	auto infoFunction = reinterpret_cast<PluginInfoFunction>(library.getSymbol("sbomopPluginInfo"));
	const SbomopPluginInfo* info = infoFunction();
	if (!info || !info->className)
	{
		throw PluginLoadException(path + " returned no plugin information from sbomopPluginInfo()");
	}
	if (info->apiVersion != SBOMOP_PLUGIN_API_VERSION)
	{
		throw PluginApiMismatchException(path + " was built for plugin API version " + std::to_string(info->apiVersion)
			+ " (SDK " + (info->sdkVersion ? info->sdkVersion : "unknown") + "); this host supports version "
			+ std::to_string(SBOMOP_PLUGIN_API_VERSION) + " (SDK " SBOMOP_VERSION "): rebuild the plugin against this SDK");
	}
	return *info;
}

} // namespace

PluginLoader::PluginLoader(const std::string& pluginDir):
	_pluginDir(pluginDir.empty() ? defaultPluginDir() : pluginDir)
{
}

PluginLoader::~PluginLoader() = default;

std::string PluginLoader::defaultPluginDir()
{
	Poco::Path dir(executableDir());
	dir.makeDirectory();
	dir.popDirectory();
	dir.pushDirectory("lib");
	dir.pushDirectory("sbomop");
	dir.pushDirectory("plugins");
	return dir.toString();
}

const std::string& PluginLoader::pluginDir() const
{
	return _pluginDir;
}

std::string PluginLoader::resolve(const std::string& backend) const
{
	if (backend.find('/') != std::string::npos)
	{
		if (!Poco::Path(backend).isAbsolute())
		{
			throw PluginLoadException("backend plugin path '" + backend + "' is not absolute: give a plugin name or an absolute path");
		}
		return backend;
	}
	static const Poco::RegularExpression namePattern("^[a-z0-9][a-z0-9_-]*$");
	if (!namePattern.match(backend))
	{
		throw PluginLoadException("invalid backend name '" + backend + "': use a plugin name ([a-z0-9][a-z0-9_-]*) or an absolute path to a plugin library");
	}
	Poco::Path path(_pluginDir);
	path.makeDirectory();
	path.setFileName(LIBRARY_PREFIX + backend + LIBRARY_SUFFIX);
	return path.toString();
}

std::vector<std::string> PluginLoader::available() const
{
	std::vector<std::string> names;
	try
	{
		for (Poco::DirectoryIterator it(_pluginDir), end; it != end; ++it)
		{
			const std::string& file = it.name();
			if (file.size() > LIBRARY_PREFIX.size() + LIBRARY_SUFFIX.size()
				&& file.compare(0, LIBRARY_PREFIX.size(), LIBRARY_PREFIX) == 0
				&& file.compare(file.size() - LIBRARY_SUFFIX.size(), LIBRARY_SUFFIX.size(), LIBRARY_SUFFIX) == 0)
			{
				names.push_back(file.substr(LIBRARY_PREFIX.size(), file.size() - LIBRARY_PREFIX.size() - LIBRARY_SUFFIX.size()));
			}
		}
	}
	catch (Poco::Exception&)
	{
		// A missing plugin directory simply has no plugins; load() reports the file.
	}
	std::sort(names.begin(), names.end());
	return names;
}

std::unique_ptr<Backend> PluginLoader::load(const std::string& backend)
{
	const std::string path = resolve(backend);
	Poco::File file(path);
	if (!file.exists() || !file.isFile())
	{
		std::string message = "backend plugin '" + backend + "' not found: " + path + " does not exist";
		if (backend.find('/') == std::string::npos)
		{
			std::string names;
			for (const auto& name: available()) names += (names.empty() ? "" : ", ") + name;
			message += " (plugin-dir " + _pluginDir + " holds: " + (names.empty() ? "no plugins" : names) + ")";
		}
		throw PluginLoadException(message);
	}

	std::string className;
	{
		Poco::SharedLibrary library;
		try
		{
			library.load(path);
		}
		catch (Poco::Exception& exc)
		{
			throw PluginLoadException("cannot load backend plugin " + path + ": " + exc.message());
		}
		className = probe(library, path).className;
		// ClassLoader keeps its own reference; this probing handle is released here.
		library.unload();
	}

	try
	{
		_classLoader.loadLibrary(path, MANIFEST_NAME);
	}
	catch (Poco::Exception& exc)
	{
		throw PluginLoadException(path + " has no backend manifest " + MANIFEST_NAME + " (" + exc.displayText() + "); build it with SBOMOP_EXPORT_BACKEND");
	}
	const Poco::ClassLoader<Backend>::Manif* manifest = _classLoader.findManifest(path);
	if (!manifest || manifest->find(className) == manifest->end())
	{
		throw PluginLoadException(path + " declares backend class '" + className + "' but its manifest does not export it");
	}
	std::unique_ptr<Backend> instance(_classLoader.create(className));
	_origins.emplace_back(instance.get(), path);
	return instance;
}

const std::string& PluginLoader::libraryPath(const Backend& backend) const
{
	for (const auto& origin: _origins)
	{
		if (origin.first == &backend) return origin.second;
	}
	throw Poco::NotFoundException("backend was not created by this loader");
}

} } // namespace sbomop::plugin
