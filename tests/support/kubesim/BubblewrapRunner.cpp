//
// BubblewrapRunner.cpp
//

#include "kubesim/BubblewrapRunner.h"
#include "kubesim/SandboxProcess.h"
#include <Poco/DirectoryIterator.h>
#include <Poco/Environment.h>
#include <Poco/File.h>
#include <Poco/Path.h>
#include <algorithm>
#include <map>
#include <set>
#include <unistd.h>

namespace sbomop {
namespace kubesim {

namespace
{
	// Replaced by the sandbox's own filesystems, or not worth exposing.
	const std::set<std::string> SKIPPED_ROOTS = {"proc", "dev", "sys", "tmp", "run", "lost+found"};

	std::string linkTarget(const std::string& path)
	{
		std::vector<char> buffer(4096);
		const ssize_t length = ::readlink(path.c_str(), buffer.data(), buffer.size() - 1);
		return length > 0 ? std::string(buffer.data(), static_cast<std::size_t>(length)) : std::string();
	}

	void add(std::vector<std::string>& arguments, std::initializer_list<std::string> values)
	{
		arguments.insert(arguments.end(), values.begin(), values.end());
	}
}

const std::string BubblewrapRunner::DEFAULT_PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";
const std::string BubblewrapRunner::DEFAULT_HOME = "/root";

BubblewrapRunner::BubblewrapRunner(const std::string& bubblewrap, const Poco::Timespan& killGrace):
	_bubblewrap(bubblewrap),
	_killGrace(killGrace)
{
}

std::string BubblewrapRunner::executable() const
{
	if (_bubblewrap.find('/') != std::string::npos) return Poco::File(_bubblewrap).exists() ? _bubblewrap : std::string();
	Poco::Path found;
	return Poco::Path::find(Poco::Environment::get("PATH", ""), _bubblewrap, found) ? found.toString() : std::string();
}

std::vector<std::string> BubblewrapRunner::environment(const PodLaunch& launch)
{
	std::map<std::string, std::string> values = {{"PATH", DEFAULT_PATH}, {"HOME", DEFAULT_HOME}};
	for (const auto& variable: launch.environment) values[variable.first] = variable.second;
	std::vector<std::string> entries;
	for (const auto& value: values) entries.push_back(value.first + "=" + value.second);
	return entries;
}

std::vector<std::string> BubblewrapRunner::arguments(const PodLaunch& launch) const
{
	std::vector<std::string> arguments = {executable()};
	std::vector<std::string> roots;
	for (Poco::DirectoryIterator it(std::string("/")), end; it != end; ++it) roots.push_back(it.name());
	std::sort(roots.begin(), roots.end());
	for (const auto& name: roots)
	{
		if (SKIPPED_ROOTS.count(name)) continue;
		const std::string path = "/" + name;
		Poco::File entry(path);
		try
		{
			if (entry.isLink()) add(arguments, {"--symlink", linkTarget(path), path});
			else if (entry.isDirectory()) add(arguments, {"--ro-bind", path, path});
		}
		catch (Poco::Exception&)
		{
			// Vanished or unreadable: the sandbox does without it.
		}
	}
	add(arguments, {"--dev", "/dev", "--proc", "/proc", "--tmpfs", "/tmp", "--tmpfs", "/run"});
	// After the tmpfs on /tmp, so that an image directory below /tmp shows.
	if (!launch.imageDirectory.empty()) add(arguments, {"--ro-bind", launch.imageDirectory, launch.imageDirectory});
	for (const auto& mount: launch.mounts)
	{
		if (mount.source.empty()) add(arguments, {"--tmpfs", mount.target});
		else add(arguments, {mount.readOnly ? "--ro-bind" : "--bind", mount.source, mount.target});
	}
	add(arguments, {"--chdir", launch.workingDir.empty() ? std::string("/") : launch.workingDir,
		"--unshare-pid", "--unshare-ipc", "--unshare-uts", "--hostname", launch.pod, "--die-with-parent", "--"});
	const std::string entrypoint = launch.imageDirectory + "/entrypoint.sh";
	// An entrypoint without the execute bit still runs, as a shell script.
	if (::access(entrypoint.c_str(), X_OK) != 0) arguments.push_back("/bin/sh");
	arguments.push_back(entrypoint);
	return arguments;
}

int BubblewrapRunner::run(const PodLaunch& launch, const StopToken& stop, const Output& output)
{
	if (executable().empty()) throw ContainerStartException("bubblewrap (" + _bubblewrap + ") not found; install the bubblewrap package");
	if (!Poco::File(launch.imageDirectory + "/entrypoint.sh").exists())
		throw ContainerStartException("no entrypoint.sh in " + launch.imageDirectory + " (the runner directory of image " + launch.image + ")");
	try
	{
		SandboxProcess process(arguments(launch), environment(launch));
		return process.supervise(stop, _killGrace, output);
	}
	catch (Poco::SystemException& e)
	{
		throw ContainerStartException(e.message());
	}
}

} } // namespace sbomop::kubesim
