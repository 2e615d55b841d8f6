//
// ChildProcess.h
//
// Runs an executable for a test: with its own arguments and environment,
// stdout and stderr collected to files, waited for with a limit, and killed
// when the test ends.
//

#ifndef SBOMOP_Tests_ChildProcess_INCLUDED
#define SBOMOP_Tests_ChildProcess_INCLUDED

#include <Poco/Process.h>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace sbomop {
namespace testing {

class ChildProcess
{
public:
	ChildProcess(const std::string& executable, const std::vector<std::string>& args,
		const std::map<std::string, std::string>& environment = {});
		/// Starts the process; the environment adds to (and overrides) this process's.
	~ChildProcess();
		/// Kills the process if it still runs.

	int pid() const;
	bool running();
	int wait(long timeoutMilliseconds);
		/// Exit code, or -1 if the process did not end in time.
	void signal(int sig);
	std::string out() const;
	std::string err() const;
	bool waitForOutput(const std::string& text, long timeoutMilliseconds, bool stderrStream = true) const;
		/// Polls the output until it contains `text`.

	static int run(const std::string& executable, const std::vector<std::string>& args,
		const std::map<std::string, std::string>& environment, std::string& out, std::string& err, long timeoutMilliseconds = 30000);

private:
	std::string _dir;
	std::unique_ptr<Poco::ProcessHandle> _handle;
	int _exitCode;
	bool _exited;
};

} } // namespace sbomop::testing

#endif // SBOMOP_Tests_ChildProcess_INCLUDED
