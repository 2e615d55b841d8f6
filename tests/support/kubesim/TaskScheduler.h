//
// TaskScheduler.h
//
// The work loop of kube-sim's controllers: tasks run one at a time on a
// worker thread, each at its due time ("shortly after" a change, or at a
// deadline), in the order they were scheduled when due together.
//

#ifndef SBOMOP_KubeSim_TaskScheduler_INCLUDED
#define SBOMOP_KubeSim_TaskScheduler_INCLUDED

#include <Poco/Timespan.h>
#include <Poco/Timestamp.h>
#include <condition_variable>
#include <functional>
#include <map>
#include <mutex>
#include <thread>

namespace sbomop {
namespace kubesim {

class TaskScheduler
	/// Thread-safe. A task that throws is dropped; the worker carries on
	/// (a controller retries on the next change).
{
public:
	using Task = std::function<void()>;

	TaskScheduler();
	~TaskScheduler();
		/// Stops the worker.

	void start();
		/// Starts the worker thread (idempotent).

	void stop();
		/// Drops pending tasks and waits for the running one. Must not be
		/// called from a task.

	bool schedule(const Poco::Timespan& delay, Task task);
		/// Runs `task` once `delay` has passed. Returns false (and drops the
		/// task) when the scheduler is stopped.

	bool waitIdle(const Poco::Timespan& timeout);
		/// Waits until no task is pending or running; false on timeout.
		/// Tasks due later than now count as pending.

private:
	TaskScheduler(const TaskScheduler&) = delete;
	TaskScheduler& operator = (const TaskScheduler&) = delete;

	void run();

	std::mutex _mutex;
	std::condition_variable _wakeup;
	std::condition_variable _idle;
	std::multimap<Poco::Timestamp, Task> _queue;
	bool _busy;
	bool _stopped;
	std::thread _thread;
};

} } // namespace sbomop::kubesim

#endif // SBOMOP_KubeSim_TaskScheduler_INCLUDED
