//
// CycleTrigger.cpp
//

#include "sbomop/controller/CycleTrigger.h"
#include <chrono>

namespace sbomop {
namespace controller {

CycleTrigger::CycleTrigger(StopToken& stop):
	_stop(stop),
	_stopCallback(0)
{
	_stopCallback = _stop.onStop([this]
	{
		std::lock_guard<std::mutex> lock(_mutex);
		_cv.notify_all();
	});
}

CycleTrigger::~CycleTrigger()
{
	_stop.removeOnStop(_stopCallback);
}

void CycleTrigger::fire(const std::string& reason)
{
	{
		std::lock_guard<std::mutex> lock(_mutex);
		_pending = true;
		++_fired;
		_reason = reason;
	}
	_cv.notify_all();
}

bool CycleTrigger::wait(long timeoutMilliseconds)
{
	std::unique_lock<std::mutex> lock(_mutex);
	auto ready = [this] { return _pending || _stop.stopRequested(); };
	if (timeoutMilliseconds < 0)
		_cv.wait(lock, ready);
	else
		_cv.wait_for(lock, std::chrono::milliseconds(timeoutMilliseconds), ready);
	if (_stop.stopRequested() || !_pending) return false;
	_pending = false;
	return true;
}

std::size_t CycleTrigger::fired() const
{
	std::lock_guard<std::mutex> lock(_mutex);
	return _fired;
}

std::string CycleTrigger::lastReason() const
{
	std::lock_guard<std::mutex> lock(_mutex);
	return _reason;
}

} } // namespace sbomop::controller
