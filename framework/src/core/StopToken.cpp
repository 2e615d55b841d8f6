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
	std::vector<std::pair<std::size_t, std::function<void()>>> callbacks;
	{
		std::lock_guard<std::mutex> lock(_mutex);
		if (_stopped.exchange(true)) return;
		callbacks.swap(_callbacks);
	}
	_cv.notify_all();
	// Callbacks run outside the lock: they may call back into this token.
	for (auto& callback: callbacks) callback.second();
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

std::size_t StopToken::onStop(std::function<void()> callback)
{
	{
		std::lock_guard<std::mutex> lock(_mutex);
		if (!_stopped.load())
		{
			const std::size_t id = _nextId++;
			_callbacks.emplace_back(id, std::move(callback));
			return id;
		}
	}
	callback();
	return 0;
}

void StopToken::removeOnStop(std::size_t id)
{
	std::lock_guard<std::mutex> lock(_mutex);
	for (auto it = _callbacks.begin(); it != _callbacks.end(); ++it)
	{
		if (it->first == id)
		{
			_callbacks.erase(it);
			return;
		}
	}
}

} // namespace sbomop
