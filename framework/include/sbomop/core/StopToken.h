//
// StopToken.h
//
// Cooperative cancellation shared between the thread that asks for a stop
// (shutdown, lost leadership, timeout) and the threads doing the work.
//

#ifndef SBOMOP_Core_StopToken_INCLUDED
#define SBOMOP_Core_StopToken_INCLUDED

#include "sbomop/Sbomop.h"
#include <atomic>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <vector>

namespace sbomop {

class SBOMOP_API StopToken
	/// A one-way flag: once requestStop() is called it stays stopped.
	/// All members are thread-safe.
{
public:
	StopToken();
	StopToken(const StopToken&) = delete;
	StopToken& operator = (const StopToken&) = delete;

	void requestStop();
		/// Sets the flag, wakes every waiter and runs the registered callbacks
		/// (once, on the calling thread).

	bool stopRequested() const;

	bool waitFor(long milliseconds) const;
		/// Sleeps up to `milliseconds` or until a stop is requested.
		/// Returns true when a stop was requested.

	std::size_t onStop(std::function<void()> callback);
		/// Registers a callback run by requestStop(), e.g. to close a socket
		/// that a blocked read waits on. Runs at once if already stopped.
		/// Returns an id for removeOnStop().

	void removeOnStop(std::size_t id);
		/// Unregisters a callback; call it before anything the callback uses
		/// goes away. Unknown ids are ignored.

private:
	std::atomic<bool> _stopped;
	mutable std::mutex _mutex;
	mutable std::condition_variable _cv;
	std::vector<std::pair<std::size_t, std::function<void()>>> _callbacks;
	std::size_t _nextId = 1;
};

} // namespace sbomop

#endif // SBOMOP_Core_StopToken_INCLUDED
