//
// SyftTestSupport.cpp
//

#include "SyftTestSupport.h"
#include "sbomop/syft/ScanWorkspace.h"
#include <Poco/Environment.h>
#include <Poco/Exception.h>
#include <Poco/File.h>
#include <Poco/FileStream.h>
#include <Poco/StreamCopier.h>
#include <Poco/Thread.h>
#include <Poco/Timestamp.h>
#include <algorithm>
#include <cstdlib>
#include <set>
#include <sstream>
#include <sys/stat.h>
#include <vector>

namespace sbomop {
namespace testing {

TempDir::TempDir()
{
	std::vector<char> buffer;
	const std::string pattern = "/tmp/sbomop-syft-test-XXXXXX";
	buffer.assign(pattern.begin(), pattern.end());
	buffer.push_back('\0');
	if (!::mkdtemp(buffer.data())) throw Poco::FileException("cannot create a temporary directory");
	_path = buffer.data();
}


TempDir::~TempDir()
{
	syft::ScanWorkspace::removeTree(_path);
}


const std::string& TempDir::path() const
{
	return _path;
}


std::string TempDir::file(const std::string& name) const
{
	return _path + "/" + name;
}


std::string doubleDirectory()
{
	return std::string(SBOMOP_BINARY_DIR) + "/bin/syftdouble";
}


std::string doublePath()
{
	return doubleDirectory() + "/syft";
}


std::string readFile(const std::string& path)
{
	Poco::FileInputStream in(path);
	std::string content;
	Poco::StreamCopier::copyToString(in, content);
	return content;
}


void writeFile(const std::string& path, const std::string& content, int mode)
{
	{
		Poco::FileOutputStream out(path);
		out << content;
	}
	::chmod(path.c_str(), static_cast<mode_t>(mode));
}


std::vector<std::string> listDirectory(const std::string& path)
{
	std::vector<std::string> names;
	Poco::File dir(path);
	if (dir.exists()) dir.list(names);
	std::sort(names.begin(), names.end());
	return names;
}


unsigned fileMode(const std::string& path)
{
	struct stat st;
	if (::stat(path.c_str(), &st) != 0) return 0xFFFF;
	return st.st_mode & 07777;
}


plugin::ImageTask imageTask(const std::string& reference, const registry::RegistryCredentials& credentials)
{
	plugin::ImageTask task;
	task.imageId = reference;
	task.pullReference = reference;
	task.originalReference = reference;
	const std::string::size_type at = reference.find('@');
	if (at != std::string::npos) task.digest = reference.substr(at + 1);
	task.credentials = credentials;
	return task;
}


std::map<std::string, std::string> doubleEnvironment(const std::string& recordDir, const std::map<std::string, std::string>& extra)
{
	std::map<std::string, std::string> env = {
		{ "PATH", Poco::Environment::get("PATH", "/usr/bin:/bin") },
		{ "SYFT_REGISTRY_INSECURE_USE_HTTP", "true" },
	};
	if (!recordDir.empty()) env["SYFT_DOUBLE_RECORD"] = recordDir;
	for (const auto& entry: extra) env[entry.first] = entry.second;
	return env;
}


std::vector<std::string> recordFiles(const std::string& recordDir, const std::string& suffix)
{
	std::vector<std::string> result;
	for (const std::string& name: listDirectory(recordDir))
	{
		if (name.compare(0, 4, "run-") == 0 && name.size() > suffix.size() + 1 &&
			name.compare(name.size() - suffix.size() - 1, std::string::npos, "." + suffix) == 0)
		{
			result.push_back(recordDir + "/" + name);
		}
	}
	return result;
}


std::vector<std::string> eventLines(const std::string& recordDir)
{
	std::vector<std::string> lines;
	const std::string path = recordDir + "/events.log";
	if (!Poco::File(path).exists()) return lines;
	std::istringstream in(readFile(path));
	std::string line;
	while (std::getline(in, line))
	{
		if (!line.empty()) lines.push_back(line);
	}
	return lines;
}


int maxConcurrentRuns(const std::string& recordDir)
{
	std::set<std::string> running;
	std::size_t maximum = 0;
	for (const std::string& line: eventLines(recordDir))
	{
		const std::string pid = line.substr(line.find(' ') + 1);
		if (line.compare(0, 6, "start ") == 0) running.insert(pid);
		else if (line.compare(0, 4, "end ") == 0) running.erase(pid);
		maximum = std::max(maximum, running.size());
	}
	return static_cast<int>(maximum);
}


std::vector<int> childPids(const std::string& recordDir)
{
	std::vector<int> pids;
	for (const std::string& line: eventLines(recordDir))
	{
		if (line.compare(0, 6, "child ") == 0) pids.push_back(std::atoi(line.c_str() + 6));
	}
	return pids;
}


bool waitUntilGone(int pid, long timeoutMilliseconds)
{
	const Poco::Timestamp start;
	while (true)
	{
		const std::string stat = "/proc/" + std::to_string(pid) + "/stat";
		if (!Poco::File(stat).exists()) return true;
		try
		{
			const std::string text = readFile(stat);
			// The state follows the parenthesised command name.
			const std::string::size_type close = text.rfind(')');
			if (close != std::string::npos && close + 2 < text.size() && (text[close + 2] == 'Z' || text[close + 2] == 'X')) return true;
		}
		catch (Poco::Exception&)
		{
			return true;
		}
		if (start.isElapsed(timeoutMilliseconds * 1000)) return false;
		Poco::Thread::sleep(20);
	}
}


bool waitForEvent(const std::string& recordDir, const std::string& prefix, long timeoutMilliseconds)
{
	const Poco::Timestamp start;
	while (!start.isElapsed(timeoutMilliseconds * 1000))
	{
		for (const std::string& line: eventLines(recordDir))
		{
			if (line.compare(0, prefix.size(), prefix) == 0) return true;
		}
		Poco::Thread::sleep(20);
	}
	return false;
}


std::size_t countOccurrences(const std::string& text, const std::string& what)
{
	std::size_t count = 0;
	for (std::string::size_type pos = text.find(what); pos != std::string::npos; pos = text.find(what, pos + what.size())) ++count;
	return count;
}


} } // namespace sbomop::testing
