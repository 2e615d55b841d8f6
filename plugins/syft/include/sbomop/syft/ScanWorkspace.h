//
// ScanWorkspace.h
//
// The private directory of one scan: Syft's configuration (with the
// registry credentials), its TMPDIR and its output. Removed with everything
// in it when the scan ends, however it ends.
//

#ifndef SBOMOP_Syft_ScanWorkspace_INCLUDED
#define SBOMOP_Syft_ScanWorkspace_INCLUDED

#include <cstddef>
#include <string>

namespace sbomop {
namespace syft {

class ScanWorkspace
	/// Creates `<root>/sbomop-syft-XXXXXX` (mode 0700, unique name) with a
	/// `tmp` subdirectory (0700) for Syft's TMPDIR. The destructor removes
	/// the whole tree, also what the scanned process left behind (read-only
	/// directories included). While it exists the workspace holds an
	/// exclusive flock(2) on its directory, so that a later process can tell
	/// the workspaces of a killed one from those still in use.
	/// Not copyable; use from one thread at a time.
{
public:
	explicit ScanWorkspace(const std::string& root);
		/// Creates the workspace under `root`, which must exist. Throws
		/// Poco::FileException (or a subclass) when it cannot be created.

	~ScanWorkspace();
		/// Removes the workspace; never throws.

	ScanWorkspace(const ScanWorkspace&) = delete;
	ScanWorkspace& operator = (const ScanWorkspace&) = delete;

	const std::string& path() const;
		/// Absolute path of the workspace directory.

	std::string tmpDir() const;
		/// The directory to pass as TMPDIR.

	std::string file(const std::string& name) const;
		/// `path()/name`.

	std::string writePrivateFile(const std::string& name, const std::string& content);
		/// Creates `path()/name` exclusively (O_EXCL, no links followed) with
		/// mode 0600, writes `content` and returns its path. Throws
		/// Poco::FileExistsException when the file exists and
		/// Poco::FileException for any other error.

	void remove();
		/// Removes the workspace now (idempotent); never throws. Returns
		/// after a best effort: what cannot be removed is left.

	static std::size_t removeAbandoned(const std::string& root);
		/// Removes every `<root>/sbomop-syft-*` directory that no live
		/// ScanWorkspace holds (left behind by a process that was killed) and
		/// returns how many went. Never throws; a root that cannot be read
		/// yields 0.

	static bool removeTree(const std::string& path);
		/// Removes `path` and, for a directory, everything below it without
		/// following symbolic links; makes directories writable first so that
		/// read-only trees go too. Returns true when nothing is left.

private:
	std::string _path;
	int _lockFd = -1;
};


} } // namespace sbomop::syft

#endif // SBOMOP_Syft_ScanWorkspace_INCLUDED
