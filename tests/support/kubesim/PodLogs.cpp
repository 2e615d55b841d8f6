//
// PodLogs.cpp
//

#include "kubesim/PodLogs.h"
#include <chrono>

namespace sbomop {
namespace kubesim {

PodLogs::PodLogs()
{
}

std::string PodLogs::keyOf(const std::string& ns, const std::string& pod)
{
	return ns + "/" + pod;
}

void PodLogs::open(const std::string& ns, const std::string& pod)
{
	{
		std::lock_guard<std::mutex> lock(_mutex);
		_logs[keyOf(ns, pod)] = Entry();
	}
	_changed.notify_all();
}

void PodLogs::append(const std::string& ns, const std::string& pod, const std::string& data)
{
	{
		std::lock_guard<std::mutex> lock(_mutex);
		auto it = _logs.find(keyOf(ns, pod));
		if (it == _logs.end() || !it->second.open || it->second.truncated) return;
		Entry& entry = it->second;
		if (entry.text.size() + data.size() <= MAX_BYTES) entry.text += data;
		else
		{
			entry.text += data.substr(0, MAX_BYTES - entry.text.size());
			entry.text += "\n[kube-sim: log truncated at " + std::to_string(MAX_BYTES) + " bytes]\n";
			entry.truncated = true;
		}
	}
	_changed.notify_all();
}

void PodLogs::close(const std::string& ns, const std::string& pod)
{
	{
		std::lock_guard<std::mutex> lock(_mutex);
		auto it = _logs.find(keyOf(ns, pod));
		if (it != _logs.end()) it->second.open = false;
	}
	_changed.notify_all();
}

void PodLogs::remove(const std::string& ns, const std::string& pod)
{
	{
		std::lock_guard<std::mutex> lock(_mutex);
		_logs.erase(keyOf(ns, pod));
	}
	_changed.notify_all();
}

bool PodLogs::get(const std::string& ns, const std::string& pod, std::string& log) const
{
	std::lock_guard<std::mutex> lock(_mutex);
	auto it = _logs.find(keyOf(ns, pod));
	if (it == _logs.end()) return false;
	log = it->second.text;
	return true;
}

bool PodLogs::follow(const std::string& ns, const std::string& pod, std::size_t offset, const Poco::Timespan& timeout,
	std::string& data, bool& ended) const
{
	const std::string key = keyOf(ns, pod);
	std::unique_lock<std::mutex> lock(_mutex);
	auto ready = [&]
	{
		auto it = _logs.find(key);
		return it == _logs.end() || it->second.text.size() > offset || !it->second.open;
	};
	_changed.wait_for(lock, std::chrono::microseconds(timeout.totalMicroseconds()), ready);
	auto it = _logs.find(key);
	if (it == _logs.end()) return false;
	data = offset < it->second.text.size() ? it->second.text.substr(offset) : std::string();
	ended = !it->second.open;
	return true;
}

} } // namespace sbomop::kubesim
