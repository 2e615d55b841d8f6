//
// SyftFaultTools.cpp
//

#include "SyftFaultTools.h"
#include "SyftOperatorStack.h"
#include <Poco/DirectoryIterator.h>
#include <Poco/File.h>
#include <Poco/FileStream.h>
#include <Poco/Net/SocketAddress.h>
#include <Poco/Net/StreamSocket.h>
#include <Poco/NumberParser.h>
#include <Poco/Path.h>
#include <Poco/String.h>
#include <Poco/Thread.h>
#include <algorithm>
#include <map>
#include <cerrno>
#include <cstring>
#include <stdexcept>
#include <sys/mount.h>
#include <sys/stat.h>
#include <unistd.h>

namespace sbomop {
namespace testing {

namespace {

const std::string SUPPORT = std::string(SBOMOP_SOURCE_DIR) + "/tests/support/";

void runScript(const std::string& script, const std::vector<std::string>& args, const std::map<std::string, std::string>& env)
{
	std::vector<std::string> argv = { SUPPORT + script };
	argv.insert(argv.end(), args.begin(), args.end());
	std::string out, err;
	if (ChildProcess::run("/bin/bash", argv, env, out, err, 60000) != 0) throw std::runtime_error(script + " failed: " + out + err);
}

bool accepts(int port)
{
	try
	{
		Poco::Net::StreamSocket socket;
		socket.connect(Poco::Net::SocketAddress("127.0.0.1", static_cast<Poco::UInt16>(port)), Poco::Timespan(1, 0));
		return true;
	}
	catch (const Poco::Exception&)
	{
		return false;
	}
}

std::string parentOf(const std::string& path, int levels)
{
	Poco::Path result(path);
	for (int i = 0; i < levels; ++i) result = result.parent();
	result.makeFile();
	return result.toString();
}

} // namespace


ServiceSwitch::ServiceSwitch(SyftOperatorStack& stack, Service service):
	_service(service)
{
	if (service == IMAGE_REGISTRY)
	{
		// <dir>/certs/ca.crt
		_dir = parentOf(stack.images().caFile(), 2);
		_user = stack.settings().pullUser;
		_password = stack.settings().pullPassword;
	}
	else
	{
		// <dir>/repos/sbom.git
		_dir = parentOf(stack.git().bareRepository(), 2);
	}
}


void ServiceSwitch::stop()
{
	if (_service == IMAGE_REGISTRY) runScript("registry/stop-registry.sh", { _dir }, {});
	else runScript("git/stop-git-server.sh", { _dir }, {});
}


void ServiceSwitch::start()
{
	if (_service == IMAGE_REGISTRY)
	{
		// The port file goes with the registry; the config still names the port.
		const std::string config = readFile(_dir + "/registry.yml");
		const std::string marker = "addr: 127.0.0.1:";
		const auto at = config.find(marker);
		if (at == std::string::npos) throw std::runtime_error("no address in " + _dir + "/registry.yml");
		const std::string port = config.substr(at + marker.size(), config.find('\n', at) - at - marker.size());
		runScript("registry/start-registry.sh", { _dir, port }, { { "REGISTRY_USER", _user }, { "REGISTRY_PASSWORD", _password } });
		return;
	}
	// start-git-server.sh would make a fresh repository: start lighttpd on the kept config.
	const std::string config = readFile(_dir + "/lighttpd.conf");
	const std::string marker = "server.port = ";
	const auto at = config.find(marker);
	if (at == std::string::npos) throw std::runtime_error("no port in " + _dir + "/lighttpd.conf");
	const int port = Poco::NumberParser::parse(Poco::trim(config.substr(at + marker.size(), config.find('\n', at) - at - marker.size())));
	std::string out, err;
	if (ChildProcess::run("lighttpd", { "-f", _dir + "/lighttpd.conf" }, {}, out, err, 30000) != 0)
		throw std::runtime_error("lighttpd did not start: " + out + err);
	for (int i = 0; !accepts(port); ++i)
	{
		if (i == 100) throw std::runtime_error("lighttpd does not accept on port " + std::to_string(port));
		Poco::Thread::sleep(100);
	}
	Poco::FileOutputStream(_dir + "/git.port") << port << "\n";
}


TmpfsMount::TmpfsMount(const std::string& path, int sizeMiB):
	_path(path)
{
	Poco::File(path).createDirectories();
	const std::string options = "size=" + std::to_string(sizeMiB) + "m,mode=0755";
	if (::mount("tmpfs", path.c_str(), "tmpfs", 0, options.c_str()) != 0)
	{
		throw std::runtime_error("cannot mount a tmpfs on " + path + " (the disk-full test needs root and mount permission): " + std::strerror(errno));
	}
}


TmpfsMount::~TmpfsMount()
{
	// Lazy: a process that still has a file open there must not keep it mounted.
	::umount2(_path.c_str(), MNT_DETACH);
}


void TmpfsMount::resize(int sizeMiB)
{
	const std::string options = "size=" + std::to_string(sizeMiB) + "m,mode=0755";
	if (::mount("tmpfs", _path.c_str(), "tmpfs", MS_REMOUNT, options.c_str()) != 0)
	{
		throw std::runtime_error("cannot remount " + _path + ": " + std::strerror(errno));
	}
}


std::vector<int> processesWithArgument(const std::string& part)
{
	std::vector<int> pids;
	for (Poco::DirectoryIterator it(std::string("/proc")), end; it != end; ++it)
	{
		int pid = 0;
		if (!Poco::NumberParser::tryParse(it.name(), pid) || pid == ::getpid()) continue;
		std::string cmdline = readFile("/proc/" + it.name() + "/cmdline");
		std::replace(cmdline.begin(), cmdline.end(), '\0', ' ');
		if (cmdline.find(part) != std::string::npos) pids.push_back(pid);
	}
	return pids;
}


std::vector<std::string> entriesOf(const std::string& directory)
{
	std::vector<std::string> names;
	if (!Poco::File(directory).exists()) return names;
	for (Poco::DirectoryIterator it(directory), end; it != end; ++it) names.push_back(it.name());
	return names;
}


std::string writeHangingSyft(const std::string& directory, const std::string& syftPath, const std::string& repository)
{
	const std::string path = directory + "/syft-hang-" + Poco::replace(repository, "/", "-");
	{
		Poco::FileOutputStream out(path);
		out << "#!/bin/sh\n"
			<< "case \"$*\" in *\"/" << repository << "@\"*) SYFT_DOUBLE_MODE=hang; export SYFT_DOUBLE_MODE ;; esac\n"
			<< "exec '" << syftPath << "' \"$@\"\n";
	}
	::chmod(path.c_str(), 0755);
	return path;
}

} } // namespace sbomop::testing
