//
// ResourceCatalog.h
//
// The resource types kube-sim serves and everything the server needs to know
// about each: group/version/kind, scope, subresources, supported field
// selector labels and the registry behaviour that differs per type.
//

#ifndef SBOMOP_KubeSim_ResourceCatalog_INCLUDED
#define SBOMOP_KubeSim_ResourceCatalog_INCLUDED

#include <string>
#include <vector>

namespace sbomop {
namespace kubesim {

struct ResourceInfo
	/// Static description of one served resource type.
{
	enum class FieldErrorStyle
		/// How the type words an unsupported field selector label.
	{
		Plain,       ///< `field label not supported: foo` (core types with their own conversion)
		KindQuoted,  ///< `field label "foo" not supported for Job`
		Default      ///< `"foo" is not a known field selector: only "metadata.name", "metadata.namespace"`
	};

	std::string group;            ///< "" for the core group
	std::string version;
	std::string plural;
	std::string singular;
	std::string kind;
	bool namespaced = true;
	std::vector<std::string> shortNames;
	std::vector<std::string> categories;
	std::string storageVersionHash;
	bool hasStatus = false;       ///< has a /status subresource; main writes keep status
	bool hasLog = false;          ///< has a /log subresource (Pods; read-only, text/plain)
	bool hasGeneration = false;   ///< metadata.generation maintained (bumped on spec change)
	bool returnDeletedObject = false;     ///< DELETE answers with the object, not a Status
	bool allowUnconditionalUpdate = true; ///< PUT without resourceVersion allowed
	bool allowCreateOnUpdate = false;     ///< PUT of a missing object creates it
	bool orphanByDefault = false;         ///< default propagation is Orphan (batch/v1 Jobs)
	std::vector<std::string> fieldLabels; ///< supported field selector labels
	FieldErrorStyle fieldErrorStyle = FieldErrorStyle::Default;
	bool manifestType = false;            ///< served only after ResourceCatalog::serveManifestTypes()

	std::string apiVersion() const;
		/// "v1" or "<group>/<version>".
	std::string qualifiedResource() const;
		/// "pods", "jobs.batch", "leases.coordination.k8s.io".
	std::string qualifiedKind() const;
		/// "Pod", "Job.batch", "Lease.coordination.k8s.io".
	std::string listKind() const;
		/// "PodList".
	std::string pathPrefix() const;
		/// "/api/v1" or "/apis/<group>/<version>".
};

class ResourceCatalog
	/// The fixed table of served types. Immutable; thread-safe.
{
public:
	static const std::vector<ResourceInfo>& all();
		/// Every known type, in discovery order, including the manifest types
		/// that may not be served (check served()).

	static void serveManifestTypes();
		/// From now on, in this process, also serve the types that only
		/// installing manifests needs: ServiceAccounts, apps/v1 Deployments and
		/// the rbac.authorization.k8s.io/v1 types (stored, no controller).
		/// Process-wide and irreversible (the type table is static); off by
		/// default so that a server keeps its original API surface.

	static bool served(const ResourceInfo& info);
		/// False for a manifest type while those are not served.

	static const ResourceInfo* find(const std::string& group, const std::string& version, const std::string& plural);
		/// The type, or null when not served.

	static const ResourceInfo* findByKind(const std::string& apiVersion, const std::string& kind);
		/// The type for an object's apiVersion/kind, or null when not served.

	static const ResourceInfo& get(const std::string& plural);
		/// The type by plural name (plurals are unique here), served or not.
		/// Throws Poco::NotFoundException for an unknown type.

	static std::vector<std::string> groups();
		/// The named groups served ("batch", "coordination.k8s.io", ...).
};

} } // namespace sbomop::kubesim

#endif // SBOMOP_KubeSim_ResourceCatalog_INCLUDED
