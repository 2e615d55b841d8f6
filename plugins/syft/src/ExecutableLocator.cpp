//
// ExecutableLocator.cpp
//

#include "sbomop/syft/ExecutableLocator.h"
#include "sbomop/config/ConfigException.h"
#include <Poco/Environment.h>
#include <Poco/Path.h>
#include <sys/stat.h>
#include <unistd.h>
#include <vector>

namespace sbomop {
namespace syft {

namespace {

std::vector<std::string> splitSearchPath(const std::string& searchPath)
{
	// Not StringTokenizer: empty entries are meaningful (the working directory).
	std::vector<std::string> dirs;
	std::string::size_type start = 0;
	while (true)
	{
		const std::string::size_type colon = searchPath.find(':', start);
		const std::string dir = searchPath.substr(start, colon == std::string::npos ? std::string::npos : colon - start);
		dirs.push_back(dir.empty() ? "." : dir);
		if (colon == std::string::npos) break;
		start = colon + 1;
	}
	return dirs;
}

std::string absolute(const std::string& path)
{
	return Poco::Path(path).makeAbsolute().toString();
}

} // namespace


bool ExecutableLocator::isExecutableFile(const std::string& path)
{
	struct stat st;
	if (::stat(path.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) return false;
	return ::access(path.c_str(), X_OK) == 0;
}


std::string ExecutableLocator::locate(const std::string& key, const std::string& program, const std::string& searchPath)
{
	if (program.empty())
	{
		throw config::ConfigException::missingValue(key, "the syft backend needs the Syft executable");
	}
	if (program.find('/') != std::string::npos)
	{
		const std::string path = absolute(program);
		if (isExecutableFile(path)) return path;
		throw config::ConfigException::invalidValue(key, program, false, "",
			"no executable file at " + path, "an executable file name looked up in PATH, or a path to one");
	}
	for (const std::string& dir: splitSearchPath(searchPath))
	{
		const std::string candidate = absolute(dir + "/" + program);
		if (isExecutableFile(candidate)) return candidate;
	}
	throw config::ConfigException::invalidValue(key, program, false, "",
		"no executable " + program + " found in PATH (" + searchPath + ")",
		"an executable file name looked up in PATH, or a path to one");
}


std::string ExecutableLocator::locate(const std::string& key, const std::string& program)
{
	return locate(key, program, Poco::Environment::get("PATH", ""));
}


} } // namespace sbomop::syft
