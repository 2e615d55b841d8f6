//
// SyftTestSupport.h
//
// Helpers shared by the Syft suite: temporary directories, files, the Syft
// test double's location and its records.
//

#ifndef SBOMOP_Tests_SyftTestSupport_INCLUDED
#define SBOMOP_Tests_SyftTestSupport_INCLUDED

#include "sbomop/plugin/BackendTypes.h"
#include <map>
#include <string>
#include <vector>

namespace sbomop {
namespace testing {

class TempDir
	/// A private directory under /tmp, removed with its content.
{
public:
	TempDir();
	~TempDir();
	TempDir(const TempDir&) = delete;
	TempDir& operator = (const TempDir&) = delete;

	const std::string& path() const;
	std::string file(const std::string& name) const;

private:
	std::string _path;
};

std::string doubleDirectory();
	/// <build>/bin/syftdouble.

std::string doublePath();
	/// <build>/bin/syftdouble/syft.

std::string readFile(const std::string& path);
void writeFile(const std::string& path, const std::string& content, int mode = 0644);
std::vector<std::string> listDirectory(const std::string& path);
	/// Entry names, sorted; empty for a missing directory.
unsigned fileMode(const std::string& path);
	/// Permission bits, e.g. 0600.

plugin::ImageTask imageTask(const std::string& reference, const registry::RegistryCredentials& credentials);
	/// A task with imageId == pullReference == `reference` and the digest taken from it.

std::map<std::string, std::string> doubleEnvironment(const std::string& recordDir,
	const std::map<std::string, std::string>& extra = {});
	/// PATH, plain HTTP to the registry, SYFT_DOUBLE_RECORD=`recordDir` (when
	/// not empty), plus `extra`.

std::vector<std::string> recordFiles(const std::string& recordDir, const std::string& suffix);
	/// Paths of the double's run-<pid>.<suffix> records.

std::vector<std::string> eventLines(const std::string& recordDir);
	/// The lines of events.log.

int maxConcurrentRuns(const std::string& recordDir);
	/// The largest number of runs that had started and not yet ended, from
	/// events.log.

std::vector<int> childPids(const std::string& recordDir);
	/// Pids of the `child` events.

bool waitUntilGone(int pid, long timeoutMilliseconds);
	/// True once the process is gone or a zombie.

bool waitForEvent(const std::string& recordDir, const std::string& prefix, long timeoutMilliseconds);
	/// True once events.log has a line starting with `prefix`.

std::size_t countOccurrences(const std::string& text, const std::string& what);

} } // namespace sbomop::testing

#endif // SBOMOP_Tests_SyftTestSupport_INCLUDED
