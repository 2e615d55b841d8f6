//
// SignalWatcher.h
//
// Turns SIGTERM, SIGINT and SIGQUIT into a StopToken request. The signals are
// blocked in every thread (call blockTerminationSignals() first thing in
// main(), before any thread exists) and received synchronously by one thread
// with sigwait(), so no work happens in a signal handler.
//

#ifndef SBOMOP_App_SignalWatcher_INCLUDED
#define SBOMOP_App_SignalWatcher_INCLUDED

#include "sbomop/Sbomop.h"
#include "sbomop/core/StopToken.h"
#include <atomic>
#include <thread>

namespace sbomop {
namespace app {

class SBOMOP_API SignalWatcher
{
public:
	static void blockTerminationSignals();
		/// Blocks SIGTERM, SIGINT and SIGQUIT in the calling thread; threads
		/// created afterwards inherit the mask.

	explicit SignalWatcher(StopToken& stop);
		/// Starts the watching thread; a received signal requests `stop`.
	~SignalWatcher();
		/// Ends the watching thread.

	int lastSignal() const;
		/// The signal received, or 0.

private:
	void run();

	StopToken& _stop;
	std::atomic<int> _signal;
	std::thread _thread;
};

} } // namespace sbomop::app

#endif // SBOMOP_App_SignalWatcher_INCLUDED
