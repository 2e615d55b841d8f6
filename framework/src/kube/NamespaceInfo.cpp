//
// NamespaceInfo.cpp
//

#include "sbomop/kube/NamespaceInfo.h"
#include <tuple>

namespace sbomop {
namespace kube {


bool NamespaceInfo::operator == (const NamespaceInfo& other) const
{
	return std::tie(name, uid, resourceVersion, labels) == std::tie(other.name, other.uid, other.resourceVersion, other.labels);
}


bool NamespaceInfo::operator != (const NamespaceInfo& other) const
{
	return !(*this == other);
}


} } // namespace sbomop::kube
