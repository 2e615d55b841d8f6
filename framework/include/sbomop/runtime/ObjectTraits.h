//
// ObjectTraits.h
//
// What the runtime needs to know about a cached object type: the resource it
// is listed and watched from, and the key it is stored under.
//

#ifndef SBOMOP_Runtime_ObjectTraits_INCLUDED
#define SBOMOP_Runtime_ObjectTraits_INCLUDED

#include "sbomop/Sbomop.h"
#include "sbomop/kube/NamespaceInfo.h"
#include "sbomop/kube/PodInfo.h"
#include "sbomop/kube/ResourceType.h"
#include <string>

namespace sbomop {
namespace runtime {

inline std::string objectKey(const std::string& ns, const std::string& name)
	/// The cache key of an object: "<namespace>/<name>", or just "<name>"
	/// for cluster-scoped objects (client-go's MetaNamespaceKeyFunc).
{
	return ns.empty() ? name : ns + "/" + name;
}


template <class T>
struct ObjectTraits;
	/// Specialised for every type the runtime caches (PodInfo and
	/// NamespaceInfo). A specialisation provides:
	///
	///     static const kube::ResourceType& resourceType();
	///     static std::string key(const T& object);


template <>
struct ObjectTraits<kube::PodInfo>
{
	static const kube::ResourceType& resourceType()
	{
		return kube::ResourceType::PODS;
	}

	static std::string key(const kube::PodInfo& pod)
	{
		return objectKey(pod.namespaceName, pod.name);
	}
};


template <>
struct ObjectTraits<kube::NamespaceInfo>
{
	static const kube::ResourceType& resourceType()
	{
		return kube::ResourceType::NAMESPACES;
	}

	static std::string key(const kube::NamespaceInfo& ns)
	{
		return ns.name;
	}
};

} } // namespace sbomop::runtime

#endif // SBOMOP_Runtime_ObjectTraits_INCLUDED
