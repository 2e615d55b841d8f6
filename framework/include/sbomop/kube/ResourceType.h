//
// ResourceType.h
//
// Describes a Kubernetes resource (API group, version, plural, kind, scope)
// and builds its REST paths.
//

#ifndef SBOMOP_Kube_ResourceType_INCLUDED
#define SBOMOP_Kube_ResourceType_INCLUDED

#include "sbomop/Sbomop.h"
#include <string>

namespace sbomop {
namespace kube {

class SBOMOP_API ResourceType
	/// A resource of the Kubernetes API: `group` ("" for the core group),
	/// `version`, `plural` (the URL segment, e.g. "pods"), `kind` (e.g. "Pod")
	/// and whether it is namespaced. Immutable value; safe to share.
	///
	/// Paths follow the API layout: the core group lives under `/api/v1`,
	/// named groups under `/apis/<group>/<version>`. Namespaced resources get
	/// `/namespaces/<ns>` unless `ns` is empty (cluster-wide list/watch).
{
public:
	ResourceType(const std::string& group, const std::string& version, const std::string& plural,
		const std::string& kind, bool namespaced);

	const std::string& group() const;
	const std::string& version() const;
	const std::string& plural() const;
	const std::string& kind() const;
	bool namespaced() const;

	std::string apiVersion() const;
		/// "v1" for the core group, "<group>/<version>" otherwise.

	std::string qualifiedName() const;
		/// "pods" for the core group, "jobs.batch" otherwise (the resource
		/// name the API server uses in messages and RBAC).

	std::string collectionPath(const std::string& ns) const;
		/// The collection URL path, e.g. "/api/v1/namespaces/x/pods", or
		/// "/api/v1/pods" when `ns` is empty. The namespace is ignored for
		/// cluster-scoped resources. Path segments are percent-encoded.

	std::string objectPath(const std::string& ns, const std::string& name, const std::string& subresource = "") const;
		/// The URL path of one object (optionally of its subresource, e.g.
		/// "status"). Throws Poco::InvalidArgumentException if `name` is empty,
		/// or if the resource is namespaced and `ns` is empty.

	bool operator == (const ResourceType& other) const;
	bool operator != (const ResourceType& other) const;

	static const ResourceType PODS;        /// v1 Pod
	static const ResourceType NAMESPACES;  /// v1 Namespace (cluster-scoped)
	static const ResourceType SECRETS;     /// v1 Secret
	static const ResourceType CONFIGMAPS;  /// v1 ConfigMap
	static const ResourceType JOBS;        /// batch/v1 Job
	static const ResourceType LEASES;      /// coordination.k8s.io/v1 Lease

private:
	std::string _group;
	std::string _version;
	std::string _plural;
	std::string _kind;
	bool _namespaced;
};

//
// inlines
//
inline const std::string& ResourceType::group() const
{
	return _group;
}

inline const std::string& ResourceType::version() const
{
	return _version;
}

inline const std::string& ResourceType::plural() const
{
	return _plural;
}

inline const std::string& ResourceType::kind() const
{
	return _kind;
}

inline bool ResourceType::namespaced() const
{
	return _namespaced;
}

} } // namespace sbomop::kube

#endif // SBOMOP_Kube_ResourceType_INCLUDED
