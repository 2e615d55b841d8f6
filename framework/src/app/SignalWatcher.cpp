//
// SignalWatcher.cpp
//

#include "sbomop/app/SignalWatcher.h"
#include <pthread.h>
#include <signal.h>

namespace sbomop {
namespace app {

namespace {

sigset_t terminationSignals()
{
	sigset_t set;
	sigemptyset(&set);
	sigaddset(&set, SIGTERM);
	sigaddset(&set, SIGINT);
	sigaddset(&set, SIGQUIT);
	// SIGUSR2 only wakes the watcher when it is destroyed without a signal.
	sigaddset(&set, SIGUSR2);
	return set;
}

} // namespace

void SignalWatcher::blockTerminationSignals()
{
	sigset_t set = terminationSignals();
	pthread_sigmask(SIG_BLOCK, &set, nullptr);
}

SignalWatcher::SignalWatcher(StopToken& stop):
	_stop(stop),
	_signal(0)
{
	blockTerminationSignals();
	_thread = std::thread([this] { run(); });
}

SignalWatcher::~SignalWatcher()
{
	pthread_kill(_thread.native_handle(), SIGUSR2);
	_thread.join();
}

int SignalWatcher::lastSignal() const
{
	return _signal.load();
}

void SignalWatcher::run()
{
	sigset_t set = terminationSignals();
	int signal = 0;
	if (sigwait(&set, &signal) == 0 && signal != SIGUSR2)
	{
		_signal = signal;
		_stop.requestStop();
	}
}

} } // namespace sbomop::app
