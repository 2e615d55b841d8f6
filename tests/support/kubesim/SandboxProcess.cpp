//
// SandboxProcess.cpp
//
// Poco::Process cannot start a process group, which is what lets every
// process of a container be signalled at once; hence posix_spawn.
//

#include "kubesim/SandboxProcess.h"
#include <Poco/Exception.h>
#include <Poco/Timestamp.h>
#include <cerrno>
#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <poll.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

namespace sbomop {
namespace kubesim {

namespace
{
	const int POLL_MILLISECONDS = 20;
	const Poco::Timespan DRAIN_LIMIT(1, 0);

	std::vector<char*> pointers(std::vector<std::string>& strings)
	{
		std::vector<char*> result;
		for (auto& text: strings) result.push_back(&text[0]);
		result.push_back(nullptr);
		return result;
	}
}

SandboxProcess::SandboxProcess(const std::vector<std::string>& argv, const std::vector<std::string>& environment):
	_pid(-1),
	_output(-1),
	_reaped(false)
{
	if (argv.empty()) throw Poco::InvalidArgumentException("no program to start");
	int pipeFds[2];
	// Close-on-exec, so that processes spawned at the same time for other
	// pods do not hold this pipe open.
	if (::pipe2(pipeFds, O_CLOEXEC) != 0) throw Poco::SystemException(std::string("pipe: ") + std::strerror(errno));

	posix_spawnattr_t attributes;
	posix_spawn_file_actions_t actions;
	::posix_spawnattr_init(&attributes);
	::posix_spawn_file_actions_init(&actions);
	sigset_t signals;
	sigemptyset(&signals);
	::posix_spawnattr_setsigmask(&attributes, &signals);
	sigfillset(&signals);
	::posix_spawnattr_setsigdefault(&attributes, &signals);
	::posix_spawnattr_setpgroup(&attributes, 0);
	::posix_spawnattr_setflags(&attributes, POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF);
	::posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
	::posix_spawn_file_actions_adddup2(&actions, pipeFds[1], 1);
	::posix_spawn_file_actions_adddup2(&actions, pipeFds[1], 2);
	::posix_spawn_file_actions_addclosefrom_np(&actions, 3);

	std::vector<std::string> arguments = argv;
	std::vector<std::string> variables = environment;
	std::vector<char*> argp = pointers(arguments);
	std::vector<char*> envp = pointers(variables);
	pid_t pid = -1;
	const int rc = ::posix_spawn(&pid, arguments.front().c_str(), &actions, &attributes, argp.data(), envp.data());
	::posix_spawn_file_actions_destroy(&actions);
	::posix_spawnattr_destroy(&attributes);
	::close(pipeFds[1]);
	if (rc != 0)
	{
		::close(pipeFds[0]);
		throw Poco::SystemException("cannot start " + arguments.front() + ": " + std::strerror(rc));
	}
	_pid = pid;
	_output = pipeFds[0];
}

SandboxProcess::~SandboxProcess()
{
	if (!_reaped && _pid > 0)
	{
		::killpg(_pid, SIGKILL);
		reap();
	}
	if (_output >= 0) ::close(_output);
}

int SandboxProcess::pid() const
{
	return _pid;
}

bool SandboxProcess::exited() const
{
	// WNOWAIT keeps the leader a zombie, so its pid - the group id - cannot
	// be reused before the group is killed.
	siginfo_t info;
	std::memset(&info, 0, sizeof(info));
	int rc = 0;
	do rc = ::waitid(P_PID, static_cast<id_t>(_pid), &info, WEXITED | WNOWAIT | WNOHANG);
	while (rc < 0 && errno == EINTR);
	return rc == 0 && info.si_pid == _pid;
}

void SandboxProcess::read(int timeoutMilliseconds, const Output& output)
{
	if (_output < 0)
	{
		::poll(nullptr, 0, timeoutMilliseconds);
		return;
	}
	struct pollfd ready;
	ready.fd = _output;
	ready.events = POLLIN;
	ready.revents = 0;
	if (::poll(&ready, 1, timeoutMilliseconds) <= 0) return;
	char buffer[16384];
	const ssize_t count = ::read(_output, buffer, sizeof(buffer));
	if (count > 0) output(std::string(buffer, static_cast<std::size_t>(count)));
	else if (count == 0 || (errno != EINTR && errno != EAGAIN))
	{
		::close(_output);
		_output = -1;
	}
}

int SandboxProcess::reap()
{
	int status = 0;
	while (::waitpid(_pid, &status, 0) < 0 && errno == EINTR) {}
	_reaped = true;
	if (WIFSIGNALED(status)) return 128 + WTERMSIG(status);
	return WIFEXITED(status) ? WEXITSTATUS(status) : 128;
}

int SandboxProcess::supervise(const StopToken& stop, const Poco::Timespan& killGrace, const Output& output)
{
	Poco::Timestamp terminated;
	bool terminating = false;
	while (!exited())
	{
		if (!terminating && stop.stopRequested())
		{
			::killpg(_pid, SIGTERM);
			terminated.update();
			terminating = true;
		}
		else if (terminating && terminated.isElapsed(killGrace.totalMicroseconds()))
		{
			::killpg(_pid, SIGKILL);
		}
		read(POLL_MILLISECONDS, output);
	}
	// The leader is gone; whatever it left in its group goes too.
	::killpg(_pid, SIGKILL);
	const Poco::Timestamp draining;
	while (_output >= 0 && !draining.isElapsed(DRAIN_LIMIT.totalMicroseconds())) read(POLL_MILLISECONDS, output);
	return reap();
}

} } // namespace sbomop::kubesim
