//
// TargetRequirements.h
//
// Which configuration keys each storage target of the syft backend needs, and
// the checks between keys (e.g. Dependency-Track accepts CycloneDX only).
//

#ifndef SBOMOP_Syft_TargetRequirements_INCLUDED
#define SBOMOP_Syft_TargetRequirements_INCLUDED

#include <Poco/Util/AbstractConfiguration.h>

namespace sbomop {
namespace syft {

class TargetRequirements
{
public:
	static void check(const Poco::Util::AbstractConfiguration& config);
		/// Throws config::ConfigException naming the first missing or
		/// conflicting key of a configured target.
};

} } // namespace sbomop::syft

#endif // SBOMOP_Syft_TargetRequirements_INCLUDED
