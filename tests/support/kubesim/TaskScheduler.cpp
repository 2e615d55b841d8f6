//
// TaskScheduler.cpp
//

#include "kubesim/TaskScheduler.h"
#include <chrono>
#include <exception>

namespace sbomop {
namespace kubesim {

TaskScheduler::TaskScheduler():
	_busy(false),
	_stopped(true)
{
}

TaskScheduler::~TaskScheduler()
{
	stop();
}

void TaskScheduler::start()
{
	std::lock_guard<std::mutex> lock(_mutex);
	if (!_stopped) return;
	_stopped = false;
	_thread = std::thread([this] { run(); });
}

void TaskScheduler::stop()
{
	{
		std::lock_guard<std::mutex> lock(_mutex);
		if (_stopped) return;
		_stopped = true;
		_queue.clear();
	}
	_wakeup.notify_all();
	if (_thread.joinable()) _thread.join();
	_idle.notify_all();
}

bool TaskScheduler::schedule(const Poco::Timespan& delay, Task task)
{
	{
		std::lock_guard<std::mutex> lock(_mutex);
		if (_stopped) return false;
		// multimap keeps equal keys in insertion order: FIFO for tasks due together.
		_queue.emplace(Poco::Timestamp() + delay, std::move(task));
	}
	_wakeup.notify_all();
	return true;
}

bool TaskScheduler::waitIdle(const Poco::Timespan& timeout)
{
	std::unique_lock<std::mutex> lock(_mutex);
	return _idle.wait_for(lock, std::chrono::microseconds(timeout.totalMicroseconds()),
		[this] { return _stopped || (_queue.empty() && !_busy); });
}

void TaskScheduler::run()
{
	std::unique_lock<std::mutex> lock(_mutex);
	while (!_stopped)
	{
		if (_queue.empty())
		{
			_idle.notify_all();
			_wakeup.wait(lock);
			continue;
		}
		const Poco::Timestamp now;
		if (_queue.begin()->first > now)
		{
			_wakeup.wait_for(lock, std::chrono::microseconds(_queue.begin()->first - now));
			continue;
		}
		Task task = std::move(_queue.begin()->second);
		_queue.erase(_queue.begin());
		_busy = true;
		lock.unlock();
		try
		{
			task();
		}
		catch (...)
		{
			// A failed step is retried by the next change; never let the worker die.
		}
		lock.lock();
		_busy = false;
	}
}

} } // namespace sbomop::kubesim
