//
// KubeClientSettings.cpp
//

#include "sbomop/kube/KubeClientSettings.h"
#include "sbomop/core/BuildInfo.h"

namespace sbomop {
namespace kube {

std::string KubeClientSettings::defaultUserAgent()
{
	return std::string("sbom-operator/") + SBOMOP_VERSION;
}

} } // namespace sbomop::kube
