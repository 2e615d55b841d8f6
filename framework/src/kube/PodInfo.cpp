//
// PodInfo.cpp
//

#include "sbomop/kube/PodInfo.h"
#include <tuple>

namespace sbomop {
namespace kube {


const char* containerKindName(ContainerKind kind)
{
	switch (kind)
	{
	case ContainerKind::Init: return "init";
	case ContainerKind::Ephemeral: return "ephemeral";
	case ContainerKind::Container: break;
	}
	return "container";
}


bool ContainerStatusInfo::operator == (const ContainerStatusInfo& other) const
{
	return std::tie(kind, name, image, imageID) == std::tie(other.kind, other.name, other.image, other.imageID);
}


bool ContainerStatusInfo::operator != (const ContainerStatusInfo& other) const
{
	return !(*this == other);
}


bool PodInfo::deleting() const
{
	return !deletionTimestamp.empty();
}


std::string PodInfo::specImage(const std::string& containerName) const
{
	const auto it = specImages.find(containerName);
	return it == specImages.end() ? std::string() : it->second;
}


bool PodInfo::operator == (const PodInfo& other) const
{
	return std::tie(name, namespaceName, uid, resourceVersion, labels, annotations, imagePullSecrets,
			phase, nodeName, deletionTimestamp, containerStatuses, specImages) ==
		std::tie(other.name, other.namespaceName, other.uid, other.resourceVersion, other.labels, other.annotations,
			other.imagePullSecrets, other.phase, other.nodeName, other.deletionTimestamp, other.containerStatuses,
			other.specImages);
}


bool PodInfo::operator != (const PodInfo& other) const
{
	return !(*this == other);
}


} } // namespace sbomop::kube
