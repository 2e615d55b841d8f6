//
// SandboxProcess.h
//
// A container's process on the host: started as the leader of its own
// process group with exactly the environment it is given, its stdout and
// stderr read from one pipe while it runs, and the whole group terminated
// (SIGTERM, then SIGKILL) when it has to stop.
//

#ifndef SBOMOP_KubeSim_SandboxProcess_INCLUDED
#define SBOMOP_KubeSim_SandboxProcess_INCLUDED

#include "sbomop/core/StopToken.h"
#include <Poco/Timespan.h>
#include <functional>
#include <string>
#include <vector>

namespace sbomop {
namespace kubesim {

class SandboxProcess
	/// Started with posix_spawn: stdin on /dev/null, stdout and stderr on the
	/// same pipe, default signal dispositions, no other inherited file
	/// descriptors. Not copyable; used by one thread.
{
public:
	using Output = std::function<void(const std::string&)>;

	SandboxProcess(const std::vector<std::string>& argv, const std::vector<std::string>& environment);
		/// Starts argv[0] (a path) with `environment` ("NAME=value" entries)
		/// as its whole environment, which keeps values out of the command
		/// line. Throws Poco::SystemException when it cannot start.

	~SandboxProcess();
		/// Kills the group and reaps the process if supervise() did not.

	int supervise(const StopToken& stop, const Poco::Timespan& killGrace, const Output& output);
		/// Passes the output on until the process exits. Once `stop` is
		/// requested sends SIGTERM to the group and SIGKILL after
		/// `killGrace`. Whatever remains of the group is killed before it
		/// returns. Returns the exit code, 128 + the signal number when a
		/// signal ended the process. Call once.

	int pid() const;
		/// The process id, which is also the process group id.

private:
	SandboxProcess(const SandboxProcess&) = delete;
	SandboxProcess& operator = (const SandboxProcess&) = delete;

	bool exited() const;
	void read(int timeoutMilliseconds, const Output& output);
	int reap();

	int _pid;
	int _output;
	bool _reaped;
};

} } // namespace sbomop::kubesim

#endif // SBOMOP_KubeSim_SandboxProcess_INCLUDED
