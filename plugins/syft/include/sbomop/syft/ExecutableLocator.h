//
// ExecutableLocator.h
//
// Finds the Syft executable the way a shell would: a name is looked up in
// PATH, a path is taken as given.
//

#ifndef SBOMOP_Syft_ExecutableLocator_INCLUDED
#define SBOMOP_Syft_ExecutableLocator_INCLUDED

#include <string>

namespace sbomop {
namespace syft {

class ExecutableLocator
	/// Static helpers; stateless and thread-safe.
{
public:
	static std::string locate(const std::string& key, const std::string& program, const std::string& searchPath);
		/// Returns the absolute path of `program`. A value containing `/` is
		/// taken as a path (relative to the working directory); any other
		/// value is looked up in the directories of `searchPath` (a
		/// PATH-style, colon-separated list; empty entries mean the working
		/// directory). The result must be a regular file that this process
		/// may execute.
		///
		/// Throws config::ConfigException for `key` naming the value and the
		/// path or directories that were searched when no such file exists.

	static std::string locate(const std::string& key, const std::string& program);
		/// Like above, searching this process's PATH.

	static bool isExecutableFile(const std::string& path);
		/// True when `path` names a regular file (after following links)
		/// that this process may execute.

private:
	ExecutableLocator();
};


} } // namespace sbomop::syft

#endif // SBOMOP_Syft_ExecutableLocator_INCLUDED
