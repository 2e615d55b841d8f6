//
// KubeClientOptions.h
//
// Per-request options of KubeClient: list, watch and write parameters, patch
// types and deletion propagation. Plain values mirroring the API's
// ListOptions, CreateOptions/UpdateOptions/PatchOptions and DeleteOptions.
//

#ifndef SBOMOP_Kube_KubeClientOptions_INCLUDED
#define SBOMOP_Kube_KubeClientOptions_INCLUDED

#include "sbomop/Sbomop.h"
#include <string>

namespace sbomop {
namespace kube {

struct SBOMOP_API ListOptions
	/// Query parameters of a list request; empty/zero fields are not sent.
{
	std::string labelSelector;
	std::string fieldSelector;
	int limit = 0;
		/// Page size (`limit`); 0 = no paging.
	std::string continueToken;
		/// `continue` token of the previous page.
	std::string resourceVersion;
		/// "" = most recent (consistent read), "0" = any (cache).
	std::string resourceVersionMatch;
		/// "Exact" or "NotOlderThan"; requires resourceVersion.
};

struct SBOMOP_API WatchOptions
	/// Query parameters of a watch request; empty/zero fields are not sent.
{
	std::string resourceVersion;
		/// Start after this version; "" = synthetic ADDED events for all objects first.
	bool allowWatchBookmarks = false;
	int timeoutSeconds = 0;
		/// The server ends the stream cleanly after this many seconds; 0 = server default.
	std::string labelSelector;
	std::string fieldSelector;
};

struct SBOMOP_API WriteOptions
	/// Options of create, update, patch and remove.
{
	std::string fieldManager;
		/// `fieldManager` query parameter; "" = not sent.
	bool dryRun = false;
		/// Sends `dryRun=All`: validated, not persisted.
	bool idempotent = false;
		/// The caller asserts that replaying the request is harmless (e.g. a
		/// merge patch setting an annotation), so it may be retried after a
		/// connection broke mid-request. PUT with metadata.resourceVersion is
		/// always treated as idempotent.
};

enum class PatchType
	/// Content type of a PATCH body.
{
	Merge,          /// application/merge-patch+json (RFC 7386)
	Json,           /// application/json-patch+json (RFC 6902)
	StrategicMerge  /// application/strategic-merge-patch+json
};

enum class PropagationPolicy
	/// DeleteOptions.propagationPolicy: what happens to dependents.
{
	Background,  /// owner goes at once, the garbage collector deletes dependents
	Foreground,  /// owner stays until dependents with blockOwnerDeletion are gone
	Orphan       /// dependents are kept, their ownerReferences removed
};

} } // namespace sbomop::kube

#endif // SBOMOP_Kube_KubeClientOptions_INCLUDED
