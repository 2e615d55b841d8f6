//
// PodInfo.h
//
// The slim view of a Pod that the operator keeps: identity, labels and
// annotations, pull secrets, phase, and which image each container runs.
//

#ifndef SBOMOP_Kube_PodInfo_INCLUDED
#define SBOMOP_Kube_PodInfo_INCLUDED

#include "sbomop/Sbomop.h"
#include <map>
#include <string>
#include <vector>

namespace sbomop {
namespace kube {

class PodBuilder;

enum class ContainerKind
	/// Which list of the pod a container belongs to.
{
	Container, ///< spec.containers / status.containerStatuses
	Init,      ///< spec.initContainers / status.initContainerStatuses
	Ephemeral  ///< spec.ephemeralContainers / status.ephemeralContainerStatuses
};

SBOMOP_API const char* containerKindName(ContainerKind kind);
	/// "container", "init" or "ephemeral".

struct SBOMOP_API ContainerStatusInfo
	/// One entry of a pod's container status lists.
{
	ContainerKind kind = ContainerKind::Container;
	std::string name;
	std::string image;   ///< As reported by the runtime; may be a digest only.
	std::string imageID; ///< e.g. "docker-pullable://repo@sha256:..", "repo@sha256:..",
	                     ///< "sha256:<hex>" (no repository), or "" while pulling.

	bool operator == (const ContainerStatusInfo& other) const;
	bool operator != (const ContainerStatusInfo& other) const;
};

struct SBOMOP_API PodInfo
	/// Plain value type; copy and compare freely.
{
	using Builder = PodBuilder;

	std::string name;
	std::string namespaceName;
	std::string uid;
	std::string resourceVersion;
	std::map<std::string, std::string> labels;
	std::map<std::string, std::string> annotations;
	std::vector<std::string> imagePullSecrets; ///< spec.imagePullSecrets[].name, in order.
	std::string phase;                          ///< status.phase ("Pending", "Running", ...).
	std::string nodeName;
	std::string deletionTimestamp;              ///< Empty unless deletion was requested.
	std::vector<ContainerStatusInfo> containerStatuses;
		///< All three status lists, in document order, each entry tagged with its kind.
	std::map<std::string, std::string> specImages;
		///< Container name -> spec image, over containers, init and ephemeral
		///< containers (names are unique across the three lists in a pod).

	bool deleting() const;
		/// True if metadata.deletionTimestamp is set.

	std::string specImage(const std::string& containerName) const;
		/// The image the spec asks for, or "" if the pod has no such container.
		/// Needed when a status imageID is only "sha256:<hex>".

	bool operator == (const PodInfo& other) const;
	bool operator != (const PodInfo& other) const;
};

} } // namespace sbomop::kube

#endif // SBOMOP_Kube_PodInfo_INCLUDED
