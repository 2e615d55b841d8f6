//
// Subprocess.h
//
// One child process in its own process group, supervised until it ends:
// stderr captured, a time limit, cancellation, and no process left behind.
//

#ifndef SBOMOP_Syft_Subprocess_INCLUDED
#define SBOMOP_Syft_Subprocess_INCLUDED

#include "sbomop/core/StopToken.h"
#include <Poco/Timespan.h>
#include <map>
#include <string>
#include <vector>

namespace sbomop {
namespace syft {

class Subprocess
	/// Starts an executable with posix_spawn as the leader of a new process
	/// group, with exactly the given environment, stdin and stdout on
	/// /dev/null, stderr on a pipe, default signal dispositions, an empty
	/// signal mask and no other inherited file descriptors.
	///
	/// wait() ends the run: when the time is up or the stop token is
	/// requested it sends SIGTERM to the whole group, then SIGKILL after a
	/// grace period. Whatever the outcome, every process still in the group
	/// is killed and the child is reaped before wait() returns, so nothing
	/// keeps running or holds files of the scan.
	///
	/// Not copyable; use from one thread. Different instances are
	/// independent and may run on different threads at the same time.
{
public:
	enum Outcome
	{
		EXITED,     /// the process ended by itself (see exitCode())
		TIMED_OUT,  /// the time limit passed; the group was killed
		CANCELLED   /// the stop token was requested; the group was killed
	};

	Subprocess(const std::string& executable, const std::vector<std::string>& arguments,
		const std::map<std::string, std::string>& environment, const std::string& workingDirectory,
		std::size_t stderrLimit);
		/// Starts `executable` (a path) with `arguments` (argv[1..]; argv[0]
		/// is `executable`) in `workingDirectory` (unchanged when empty).
		/// Keeps the last `stderrLimit` bytes of stderr.
		/// Throws SyftException when the process cannot be started.

	~Subprocess();
		/// Kills the group and reaps the child if wait() was not called.

	Subprocess(const Subprocess&) = delete;
	Subprocess& operator = (const Subprocess&) = delete;

	Outcome wait(const Poco::Timespan& timeout, const StopToken& cancel, const Poco::Timespan& killGrace);
		/// Waits until the process exits, `timeout` passes or `cancel` is
		/// requested (checked at least every 50 ms), reading stderr
		/// meanwhile. On timeout or cancellation sends SIGTERM to the group
		/// and SIGKILL when the leader has not exited after `killGrace`.
		/// Call once.

	int pid() const;
		/// Process id of the child, which is also its process group id.

	int exitCode() const;
		/// After wait(): the exit status, or 128 + the signal number when
		/// the process was ended by a signal.

	int termSignal() const;
		/// After wait(): the signal that ended the process, 0 when it exited.

	const std::string& stderrTail() const;
		/// After wait(): the last bytes the process wrote to stderr.

	bool stderrTruncated() const;
		/// True when stderr was longer than the limit and its start was dropped.

private:
	bool hasExited(bool block);
	void pumpStderr(int timeoutMilliseconds);
	void append(const char* data, std::size_t length);
	void terminate(const Poco::Timespan& killGrace);
	void finish();

	int _pid;
	int _stderrFd;
	std::size_t _stderrLimit;
	std::string _stderr;
	bool _truncated;
	bool _reaped;
	int _exitCode;
	int _termSignal;
};


} } // namespace sbomop::syft

#endif // SBOMOP_Syft_Subprocess_INCLUDED
