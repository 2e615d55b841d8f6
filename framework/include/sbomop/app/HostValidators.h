//
// HostValidators.h
//
// Grammar checks of the framework's own keys that need more than a type:
// label selectors, cron expressions, registry proxies. Registered on the
// schema before the configuration is resolved, so a bad value is a startup
// error naming the key (exit code 78).
//

#ifndef SBOMOP_App_HostValidators_INCLUDED
#define SBOMOP_App_HostValidators_INCLUDED

#include "sbomop/Sbomop.h"

namespace sbomop {
namespace config { class ConfigSchema; }

namespace app {

class SBOMOP_API HostValidators
{
public:
	static void addTo(config::ConfigSchema& schema);
		/// Adds the validators for pod-label-selector, namespace-label-selector,
		/// cron, exclude-images and registry-proxy.
};

} } // namespace sbomop::app

#endif // SBOMOP_App_HostValidators_INCLUDED
