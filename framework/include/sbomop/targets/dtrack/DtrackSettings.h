//
// DtrackSettings.h
//
// The configuration of the Dependency-Track target: the dtrack-* keys and
// kubernetes-cluster-id.
//

#ifndef SBOMOP_Targets_DtrackSettings_INCLUDED
#define SBOMOP_Targets_DtrackSettings_INCLUDED

#include "sbomop/Sbomop.h"
#include "sbomop/targets/dtrack/DtrackClient.h"
#include "sbomop/targets/dtrack/DtrackProjectNaming.h"
#include <Poco/Util/AbstractConfiguration.h>
#include <string>

namespace sbomop {
namespace targets {

struct SBOMOP_API DtrackSettings
	/// A plain value.
{
	DtrackClient::Options client;
	DtrackProjectNaming::Settings naming;
	bool manageActiveStatus = false;   ///< dtrack-manage-project-active-status

	static void validate(const Poco::Util::AbstractConfiguration& config);
		/// Checks the keys without network access: `format` is CycloneDX
		/// (same message as the syft backend's target check), base URL and
		/// API key present, the URL is http(s)://host[:port][/path], the mTLS
		/// files come as a set (a CA file needs the client certificate and key,
		/// as in the Go operator; certificate and key need each other) and are
		/// readable, the default parent project is a UUID, the label matcher
		/// is a regular expression. Throws config::ConfigException naming the key.

	static DtrackSettings fromConfig(const Poco::Util::AbstractConfiguration& config, const std::string& clusterId);
		/// Reads the keys; `clusterId` "" means the value of
		/// kubernetes-cluster-id (default `default`). Does not validate.
};


} } // namespace sbomop::targets

#endif // SBOMOP_Targets_DtrackSettings_INCLUDED
