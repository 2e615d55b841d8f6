//
// SyftFaultTools.h
//
// What the syft fault matrix needs beyond SyftOperatorStack: stopping and
// restarting the stack's image registry and git server on their ports,
// looking for left-over Syft processes and temp entries, a Syft wrapper that
// hangs for one repository only, and a size-limited tmpfs.
//

#ifndef SBOMOP_Tests_SyftFaultTools_INCLUDED
#define SBOMOP_Tests_SyftFaultTools_INCLUDED

#include <string>
#include <vector>

namespace sbomop {
namespace testing {

class SyftOperatorStack;

class ServiceSwitch
	/// Stops and restarts one server of a SyftOperatorStack (the image
	/// registry or the git server), keeping its port, data and credentials.
	/// Not thread-safe. Methods throw std::runtime_error.
{
public:
	enum Service { IMAGE_REGISTRY, GIT_SERVER };

	ServiceSwitch(SyftOperatorStack& stack, Service service);

	void stop();
		/// Stops the server; connections to its port are refused afterwards.
	void start();
		/// Starts it again on the same port and waits until it answers.

private:
	std::string _dir;
	Service _service;
	std::string _user;
	std::string _password;
};

class TmpfsMount
	/// A tmpfs of a given size mounted on a directory (needs root); unmounted
	/// by the destructor, also when a test fails.
{
public:
	TmpfsMount(const std::string& path, int sizeMiB);
		/// Creates `path` and mounts the tmpfs; throws std::runtime_error with
		/// the system's reason when mounting is not permitted.
	~TmpfsMount();

	void resize(int sizeMiB);
		/// Remounts with the new size, keeping the content. Throws std::runtime_error.

private:
	std::string _path;
};

std::vector<int> processesWithArgument(const std::string& part);
	/// Pids (other than this process) whose /proc/<pid>/cmdline holds `part`.

std::vector<std::string> entriesOf(const std::string& directory);
	/// Names in `directory` (not recursive); empty when it does not exist.

std::string writeHangingSyft(const std::string& directory, const std::string& syftPath, const std::string& repository);
	/// Writes an executable wrapper of `syftPath` into `directory` that sets
	/// SYFT_DOUBLE_MODE=hang when its argv scans `repository` and runs the
	/// double unchanged otherwise; returns its path.

} } // namespace sbomop::testing

#endif // SBOMOP_Tests_SyftFaultTools_INCLUDED
