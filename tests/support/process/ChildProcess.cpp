//
// ChildProcess.cpp
//

#include "ChildProcess.h"
#include <Poco/File.h>
#include <Poco/FileStream.h>
#include <Poco/StreamCopier.h>
#include <Poco/TemporaryFile.h>
#include <Poco/Thread.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>
#include <sstream>

namespace sbomop {
namespace testing {

namespace {

std::string readFile(const std::string& path)
{
	std::ostringstream out;
	try
	{
		Poco::FileInputStream in(path);
		Poco::StreamCopier::copyStream(in, out);
	}
	catch (Poco::Exception&)
	{
	}
	return out.str();
}

} // namespace

ChildProcess::ChildProcess(const std::string& executable, const std::vector<std::string>& args,
	const std::map<std::string, std::string>& environment):
	_dir(Poco::TemporaryFile::tempName()),
	_exitCode(-1),
	_exited(false)
{
	Poco::File(_dir).createDirectories();
	// Output goes to files, not pipes: a chatty child can never block on a full pipe.
	const std::string script = "exec \"$0\" \"$@\" >" + _dir + "/out 2>" + _dir + "/err";
	std::vector<std::string> shellArgs = { "-c", script, executable };
	shellArgs.insert(shellArgs.end(), args.begin(), args.end());
	Poco::Process::Env env(environment.begin(), environment.end());
	_handle.reset(new Poco::ProcessHandle(Poco::Process::launch("/bin/sh", shellArgs, "", nullptr, nullptr, nullptr, env)));
}

ChildProcess::~ChildProcess()
{
	if (running())
	{
		signal(SIGKILL);
		wait(5000);
	}
	try
	{
		Poco::File(_dir).remove(true);
	}
	catch (Poco::Exception&)
	{
	}
}

int ChildProcess::pid() const
{
	return _handle->id();
}

bool ChildProcess::running()
{
	if (_exited) return false;
	int status = 0;
	const pid_t result = ::waitpid(_handle->id(), &status, WNOHANG);
	if (result == 0) return true;
	_exited = true;
	_exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
	return false;
}

int ChildProcess::wait(long timeoutMilliseconds)
{
	for (long waited = 0; running(); waited += 20)
	{
		if (waited >= timeoutMilliseconds) return -1;
		Poco::Thread::sleep(20);
	}
	return _exitCode;
}

void ChildProcess::signal(int sig)
{
	if (!_exited) ::kill(_handle->id(), sig);
}

std::string ChildProcess::out() const
{
	return readFile(_dir + "/out");
}

std::string ChildProcess::err() const
{
	return readFile(_dir + "/err");
}

bool ChildProcess::waitForOutput(const std::string& text, long timeoutMilliseconds, bool stderrStream) const
{
	for (long waited = 0; waited <= timeoutMilliseconds; waited += 20)
	{
		if ((stderrStream ? err() : out()).find(text) != std::string::npos) return true;
		Poco::Thread::sleep(20);
	}
	return false;
}

int ChildProcess::run(const std::string& executable, const std::vector<std::string>& args,
	const std::map<std::string, std::string>& environment, std::string& out, std::string& err, long timeoutMilliseconds)
{
	ChildProcess child(executable, args, environment);
	const int code = child.wait(timeoutMilliseconds);
	out = child.out();
	err = child.err();
	return code;
}

} } // namespace sbomop::testing
