//
// StateDump.h
//
// A human-readable summary of the portfolio for `GET /_sim/projects` and the
// --state-dir file: every project with tags, parent, flags, the component
// count of its last processed BOM and its last upload.
//

#ifndef SBOMOP_DtrackSim_StateDump_INCLUDED
#define SBOMOP_DtrackSim_StateDump_INCLUDED

#include "dtrack/ProjectStore.h"
#include <Poco/JSON/Object.h>

namespace sbomop {
namespace dtracksim {

class StateDump
	/// Stateless; thread-safe as the store is.
{
public:
	static Poco::JSON::Object::Ptr toJson(const ProjectStore& store);
		/// {"projects":[{"uuid","name","version","active","isLatest",
		/// "tags":[...],"parent":{"uuid","name","version"}|null,
		/// "lastBomImport":ISO-8601|null,"components":N|null,
		/// "lastUpload":{"token","format","specVersion","components",
		/// "transport","processing"}|null}],"uploads":N}
};

} } // namespace sbomop::dtracksim

#endif // SBOMOP_DtrackSim_StateDump_INCLUDED
