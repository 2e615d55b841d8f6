//
// StopToken.cpp
//

#include "sbomop/core/StopToken.h"
#include <chrono>

namespace sbomop {

StopToken::StopToken(): _stopped(false)
{
}

void StopToken::requestStop()
{
	std::vector<std::function<void()>> callbacks;
	{
		std::lock_guard<std::mutex> lock(_mutex);
		if (_stopped.exchange(true)) return;
		callbacks.swap(_callbacks);
	}
	_cv.notify_all();
	// Callbacks run outside the lock: they may call back into this token.
	for (auto& callback: callbacks) callback();
}

bool StopToken::stopRequested() const
{
	return _stopped.load();
}

bool StopToken::waitFor(long milliseconds) const
{
	std::unique_lock<std::mutex> lock(_mutex);
	return _cv.wait_for(lock, std::chrono::milliseconds(milliseconds), [this] { return _stopped.load(); });
}

void StopToken::onStop(std::function<void()> callback)
{
	{
		std::lock_guard<std::mutex> lock(_mutex);
		if (!_stopped.load())
		{
			_callbacks.push_back(std::move(callback));
			return;
		}
	}
	callback();
}

} // namespace sbomop
