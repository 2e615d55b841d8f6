//
// RunRecorder.cpp
//
// Part of the Syft test double.
//

#include "RunRecorder.h"
#include <Poco/FileStream.h>
#include <Poco/Path.h>
#include <Poco/StreamCopier.h>
#include <cstdio>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace sbomop {
namespace syftdouble {

namespace {

// NUL-separated /proc files as lines.
std::string procLines(const std::string& path)
{
	std::string content;
	try
	{
		Poco::FileInputStream in(path);
		Poco::StreamCopier::copyToString(in, content);
	}
	catch (...)
	{
		return "(unreadable)\n";
	}
	for (char& c: content)
	{
		if (c == '\0') c = '\n';
	}
	return content;
}

std::string octalMode(const std::string& path)
{
	struct stat st;
	if (::stat(path.c_str(), &st) != 0) return "missing";
	char buffer[16];
	std::snprintf(buffer, sizeof(buffer), "%04o", static_cast<unsigned>(st.st_mode & 07777));
	return buffer;
}

} // namespace


RunRecorder::RunRecorder(const std::string& directory):
	_directory(directory)
{
}


void RunRecorder::recordStart(const std::vector<std::string>& argv)
{
	if (_directory.empty()) return;
	std::string args;
	for (const std::string& arg: argv) args += arg + "\n";
	args += "--- /proc/self/cmdline\n" + procLines("/proc/self/cmdline");
	const std::string pid = std::to_string(::getpid());
	write("run-" + pid + ".args", args);
	write("run-" + pid + ".env", procLines("/proc/self/environ"));
	recordEvent("start", ::getpid());
}


void RunRecorder::recordConfig(const std::string& configPath)
{
	if (_directory.empty() || configPath.empty()) return;
	std::string content;
	try
	{
		Poco::FileInputStream in(configPath);
		Poco::StreamCopier::copyToString(in, content);
	}
	catch (...)
	{
		content = "(unreadable)";
	}
	char cwd[4096] = "";
	if (!::getcwd(cwd, sizeof(cwd))) cwd[0] = '\0';
	const std::string header = "mode=" + octalMode(configPath) + " dirmode=" + octalMode(Poco::Path(configPath).parent().toString()) +
		" cwd=" + cwd + "\n---\n";
	write("run-" + std::to_string(::getpid()) + ".config", header + content);
}


void RunRecorder::recordEvent(const std::string& event, int pid)
{
	if (_directory.empty()) return;
	const std::string line = event + " " + std::to_string(pid) + "\n";
	const int fd = ::open((_directory + "/events.log").c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
	if (fd < 0) return;
	const ssize_t written = ::write(fd, line.data(), line.size());
	(void) written;
	::close(fd);
}


void RunRecorder::write(const std::string& name, const std::string& content)
{
	Poco::FileOutputStream out(_directory + "/" + name);
	out << content;
}


} } // namespace sbomop::syftdouble
