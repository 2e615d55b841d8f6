//
// StateWriter.h
//
// Mirrors the portfolio into a directory after every change, for humans and
// for scripts that cannot call the API: `<dir>/projects.json` (StateDump) and
// `<dir>/boms/<project-uuid>.cdx.json|.cdx.xml` (the last BOM uploaded to
// each project). Files are replaced atomically (write, then rename).
//

#ifndef SBOMOP_DtrackSim_StateWriter_INCLUDED
#define SBOMOP_DtrackSim_StateWriter_INCLUDED

#include "dtrack/ProjectStore.h"
#include <map>
#include <mutex>
#include <string>

namespace sbomop {
namespace dtracksim {

class StateWriter
	/// Thread-safe; the store must outlive the writer.
{
public:
	StateWriter(const ProjectStore& store, const std::string& directory);
		/// Creates the directory (and boms/) if needed. Throws
		/// Poco::FileException when that fails.

	void write();
		/// Writes the current state. Throws Poco::FileException on I/O errors.

	const std::string& directory() const;

private:
	static void replaceFile(const std::string& path, const std::string& content);

	const ProjectStore& _store;
	std::string _directory;
	std::map<std::string, std::string> _writtenTokens;  // project UUID -> token of the BOM file on disk
	std::mutex _mutex;
};

} } // namespace sbomop::dtracksim

#endif // SBOMOP_DtrackSim_StateWriter_INCLUDED
