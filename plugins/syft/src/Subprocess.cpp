//
// Subprocess.cpp
//

#include "sbomop/syft/Subprocess.h"
#include "sbomop/syft/SyftException.h"
#include <Poco/Timestamp.h>
#include <cerrno>
#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <poll.h>
#include <spawn.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

namespace sbomop {
namespace syft {

namespace {

const int POLL_MILLISECONDS = 50;
// After the group is gone, stderr can only stay open in a process that left
// the group on purpose; do not wait for it longer than this.
const Poco::Timespan DRAIN_LIMIT(1, 0);

class SpawnSetup
	/// posix_spawn's attribute and file-action objects, destroyed on every path.
{
public:
	SpawnSetup()
	{
		::posix_spawnattr_init(&attributes);
		::posix_spawn_file_actions_init(&actions);
	}

	~SpawnSetup()
	{
		::posix_spawn_file_actions_destroy(&actions);
		::posix_spawnattr_destroy(&attributes);
	}

	posix_spawnattr_t attributes;
	posix_spawn_file_actions_t actions;
};

void closeFd(int& fd)
{
	if (fd >= 0) ::close(fd);
	fd = -1;
}

} // namespace


Subprocess::Subprocess(const std::string& executable, const std::vector<std::string>& arguments,
		const std::map<std::string, std::string>& environment, const std::string& workingDirectory,
		std::size_t stderrLimit):
	_pid(-1),
	_stderrFd(-1),
	_stderrLimit(stderrLimit),
	_truncated(false),
	_reaped(false),
	_exitCode(-1),
	_termSignal(0)
{
	int pipeFds[2];
	// O_CLOEXEC: a child spawned concurrently by another scan must not
	// inherit this pipe, or our end would never see EOF.
	if (::pipe2(pipeFds, O_CLOEXEC) != 0) throw SyftException(std::string("cannot create a pipe: ") + std::strerror(errno));

	SpawnSetup setup;
	sigset_t signals;
	sigemptyset(&signals);
	::posix_spawnattr_setsigmask(&setup.attributes, &signals);
	// The host may block or ignore signals (SIGPIPE, SIGTERM); the child
	// must start with the defaults so that it can be terminated.
	sigfillset(&signals);
	::posix_spawnattr_setsigdefault(&setup.attributes, &signals);
	::posix_spawnattr_setpgroup(&setup.attributes, 0);
	::posix_spawnattr_setflags(&setup.attributes,
		POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF);
	::posix_spawn_file_actions_addopen(&setup.actions, 0, "/dev/null", O_RDONLY, 0);
	::posix_spawn_file_actions_addopen(&setup.actions, 1, "/dev/null", O_WRONLY, 0);
	::posix_spawn_file_actions_adddup2(&setup.actions, pipeFds[1], 2);
	if (!workingDirectory.empty()) ::posix_spawn_file_actions_addchdir_np(&setup.actions, workingDirectory.c_str());
	::posix_spawn_file_actions_addclosefrom_np(&setup.actions, 3);

	std::vector<std::string> argStrings;
	argStrings.push_back(executable);
	argStrings.insert(argStrings.end(), arguments.begin(), arguments.end());
	std::vector<char*> argv;
	for (std::string& arg: argStrings) argv.push_back(&arg[0]);
	argv.push_back(nullptr);
	std::vector<std::string> envStrings;
	for (const auto& entry: environment) envStrings.push_back(entry.first + "=" + entry.second);
	std::vector<char*> envp;
	for (std::string& entry: envStrings) envp.push_back(&entry[0]);
	envp.push_back(nullptr);

	pid_t pid = -1;
	const int rc = ::posix_spawn(&pid, executable.c_str(), &setup.actions, &setup.attributes, argv.data(), envp.data());
	::close(pipeFds[1]);
	if (rc != 0)
	{
		::close(pipeFds[0]);
		throw SyftException("cannot start " + executable + ": " + std::strerror(rc));
	}
	_pid = pid;
	_stderrFd = pipeFds[0];
}


Subprocess::~Subprocess()
{
	if (!_reaped && _pid > 0)
	{
		::killpg(_pid, SIGKILL);
		int status = 0;
		while (::waitpid(_pid, &status, 0) < 0 && errno == EINTR) {}
	}
	closeFd(_stderrFd);
}


Subprocess::Outcome Subprocess::wait(const Poco::Timespan& timeout, const StopToken& cancel, const Poco::Timespan& killGrace)
{
	const Poco::Timestamp started;
	Outcome outcome = EXITED;
	while (!hasExited(false))
	{
		if (cancel.stopRequested())
		{
			outcome = CANCELLED;
			break;
		}
		if (started.isElapsed(timeout.totalMicroseconds()))
		{
			outcome = TIMED_OUT;
			break;
		}
		pumpStderr(POLL_MILLISECONDS);
	}
	if (outcome != EXITED) terminate(killGrace);
	finish();
	return outcome;
}


bool Subprocess::hasExited(bool block)
{
	// WNOWAIT leaves the child a zombie: its pid, and so its process group
	// id, cannot be reused until finish() reaps it.
	siginfo_t info;
	std::memset(&info, 0, sizeof(info));
	int rc;
	do
	{
		rc = ::waitid(P_PID, static_cast<id_t>(_pid), &info, WEXITED | WNOWAIT | (block ? 0 : WNOHANG));
	}
	while (rc < 0 && errno == EINTR);
	return rc == 0 && info.si_pid == _pid;
}


void Subprocess::pumpStderr(int timeoutMilliseconds)
{
	if (_stderrFd < 0)
	{
		::poll(nullptr, 0, timeoutMilliseconds);
		return;
	}
	struct pollfd pfd;
	pfd.fd = _stderrFd;
	pfd.events = POLLIN;
	pfd.revents = 0;
	if (::poll(&pfd, 1, timeoutMilliseconds) <= 0) return;
	char buffer[8192];
	const ssize_t n = ::read(_stderrFd, buffer, sizeof(buffer));
	if (n > 0) append(buffer, static_cast<std::size_t>(n));
	else if (n == 0 || (errno != EINTR && errno != EAGAIN)) closeFd(_stderrFd);
}


void Subprocess::append(const char* data, std::size_t length)
{
	_stderr.append(data, length);
	// Trim in chunks, not on every read, to keep appends cheap.
	if (_stderr.size() > 2 * _stderrLimit + 8192)
	{
		_stderr.erase(0, _stderr.size() - _stderrLimit);
		_truncated = true;
	}
}


void Subprocess::terminate(const Poco::Timespan& killGrace)
{
	::killpg(_pid, SIGTERM);
	const Poco::Timestamp signalled;
	while (!hasExited(false))
	{
		if (signalled.isElapsed(killGrace.totalMicroseconds()))
		{
			::killpg(_pid, SIGKILL);
			hasExited(true);
			return;
		}
		pumpStderr(POLL_MILLISECONDS);
	}
}


void Subprocess::finish()
{
	// The leader is a zombie now; members it left in the group go too.
	::killpg(_pid, SIGKILL);
	const Poco::Timestamp draining;
	while (_stderrFd >= 0 && !draining.isElapsed(DRAIN_LIMIT.totalMicroseconds()))
	{
		pumpStderr(POLL_MILLISECONDS);
	}
	closeFd(_stderrFd);
	int status = 0;
	while (::waitpid(_pid, &status, 0) < 0 && errno == EINTR) {}
	_reaped = true;
	if (WIFEXITED(status))
	{
		_exitCode = WEXITSTATUS(status);
	}
	else if (WIFSIGNALED(status))
	{
		_termSignal = WTERMSIG(status);
		_exitCode = 128 + _termSignal;
	}
	if (_stderr.size() > _stderrLimit)
	{
		_stderr.erase(0, _stderr.size() - _stderrLimit);
		_truncated = true;
	}
}


int Subprocess::pid() const
{
	return _pid;
}


int Subprocess::exitCode() const
{
	return _exitCode;
}


int Subprocess::termSignal() const
{
	return _termSignal;
}


const std::string& Subprocess::stderrTail() const
{
	return _stderr;
}


bool Subprocess::stderrTruncated() const
{
	return _truncated;
}


} } // namespace sbomop::syft
