//
// RunRecorder.h
//
// Part of the Syft test double (see main.cpp). With SYFT_DOUBLE_RECORD=<dir>,
// records what each run saw, so that tests can check how it was started.
//

#ifndef SBOMOP_SyftDouble_RunRecorder_INCLUDED
#define SBOMOP_SyftDouble_RunRecorder_INCLUDED

#include <string>
#include <vector>

namespace sbomop {
namespace syftdouble {

class RunRecorder
	/// Writes, into the record directory, per run (`<pid>` = this process):
	///
	///     run-<pid>.args    argv, one per line; then a line `--- /proc/self/cmdline`
	///                       and the kernel's copy of the command line, one per line
	///     run-<pid>.env     /proc/self/environ, one variable per line
	///     run-<pid>.config  `mode=<octal> dirmode=<octal> cwd=<dir>` of the -c file,
	///                       a line `---`, then the file's content
	///     events.log        shared by all runs: `start <pid>`, `end <pid>`,
	///                       `child <pid>` lines, each appended with one
	///                       O_APPEND write, so their order is the real order
	///
	/// Disabled (every call a no-op) when the directory is empty.
{
public:
	explicit RunRecorder(const std::string& directory);

	void recordStart(const std::vector<std::string>& argv);
		/// Writes the args and env files and appends `start <pid>`.

	void recordConfig(const std::string& configPath);
		/// Writes the config file record.

	void recordEvent(const std::string& event, int pid);
		/// Appends `<event> <pid>`.

private:
	void write(const std::string& name, const std::string& content);

	std::string _directory;
};


} } // namespace sbomop::syftdouble

#endif // SBOMOP_SyftDouble_RunRecorder_INCLUDED
