//
// ProcessSampler.cpp
//

#include "ProcessSampler.h"
#include <Poco/DirectoryIterator.h>
#include <Poco/Exception.h>
#include <chrono>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <unistd.h>

namespace sbomop {
namespace bench {

namespace {

// The ppid field of /proc/<pid>/stat; the command name may contain spaces and
// parentheses, so parse after the last ')'.
int parentOf(const std::string& pid)
{
	std::ifstream in("/proc/" + pid + "/stat");
	std::string line;
	if (!std::getline(in, line)) return -1;
	const std::string::size_type close = line.rfind(')');
	if (close == std::string::npos) return -1;
	std::istringstream fields(line.substr(close + 1));
	std::string state;
	int ppid = -1;
	fields >> state >> ppid;
	// Zombies have exited: they neither run nor hold memory.
	return state == "Z" ? -1 : ppid;
}

}

ProcessSampler::ProcessSampler(int intervalMilliseconds):
	_interval(intervalMilliseconds)
{
}

ProcessSampler::~ProcessSampler()
{
	stop();
}

void ProcessSampler::start()
{
	_running = true;
	_thread = std::thread([this] { run(); });
}

void ProcessSampler::stop()
{
	_running = false;
	if (_thread.joinable()) _thread.join();
}

std::size_t ProcessSampler::peakChildren() const
{
	return _peakChildren;
}

std::size_t ProcessSampler::peakFamilyRssKiB() const
{
	return _peakRss;
}

std::size_t ProcessSampler::samples() const
{
	return _samples;
}

std::size_t ProcessSampler::rssKiB(int pid, const char* field)
{
	std::ifstream in("/proc/" + std::to_string(pid) + "/status");
	std::string line;
	const std::string prefix(field);
	while (std::getline(in, line))
	{
		if (line.compare(0, prefix.size(), prefix) == 0) return std::strtoul(line.c_str() + prefix.size(), nullptr, 10);
	}
	return 0;
}

void ProcessSampler::run()
{
	const int self = static_cast<int>(::getpid());
	while (_running)
	{
		std::size_t children = 0;
		std::size_t rss = rssKiB(self);
		try
		{
			for (Poco::DirectoryIterator it(std::string("/proc")), end; it != end; ++it)
			{
				const std::string& name = it.name();
				if (name.empty() || name[0] < '0' || name[0] > '9') continue;
				if (parentOf(name) != self) continue;
				++children;
				rss += rssKiB(std::atoi(name.c_str()));
			}
		}
		catch (Poco::Exception&)
		{
			// A process vanished mid-scan: skip this sample's remainder.
		}
		if (children > _peakChildren) _peakChildren = children;
		if (rss > _peakRss) _peakRss = rss;
		++_samples;
		std::this_thread::sleep_for(std::chrono::milliseconds(_interval));
	}
}

} } // namespace sbomop::bench
