//
// SharedServer.h
//
// One in-process dtrack-sim for the whole DtrackSim suite. Stopping a Poco
// HTTPServer waits for its 250 ms accept poll, which per test would add up
// to most of the suite's run time; fixtures therefore share one server and
// clear it in setUp().
//

#ifndef SBOMOP_DtrackSimTest_SharedServer_INCLUDED
#define SBOMOP_DtrackSimTest_SharedServer_INCLUDED

#include "dtrack/DtrackSimServer.h"
#include <optional>
#include <string>
#include <vector>

namespace sbomop {
namespace dtracksim {

class SharedServer
{
public:
	static DtrackSimServer& acquire();
		/// The started server, emptied: no projects, uploads, faults,
		/// recorded requests or processing delay. Keys added by earlier tests
		/// remain (tests only add keys, never rely on their absence).

	static Project seed(const std::string& name, const std::optional<std::string>& version,
		const std::string& parentUuid = "", const std::vector<std::string>& tags = {});
		/// Creates a project directly in the shared server's store.

private:
	static DtrackSimServer& acquireRunning();
};

} } // namespace sbomop::dtracksim

#endif // SBOMOP_DtrackSimTest_SharedServer_INCLUDED
