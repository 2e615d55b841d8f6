//
// WatchEvent.h
//
// One event of a watch stream: its type, and the object (ADDED, MODIFIED,
// DELETED, BOOKMARK) or the Status (ERROR) it carries.
//

#ifndef SBOMOP_Kube_WatchEvent_INCLUDED
#define SBOMOP_Kube_WatchEvent_INCLUDED

#include "sbomop/Sbomop.h"
#include <string>

namespace sbomop {
namespace kube {

enum class WatchEventType { Added, Modified, Deleted, Bookmark, Error };

SBOMOP_API const char* watchEventTypeName(WatchEventType type);
	/// The wire name: "ADDED", "MODIFIED", "DELETED", "BOOKMARK" or "ERROR".

SBOMOP_API bool parseWatchEventType(const std::string& name, WatchEventType& type);
	/// The reverse of watchEventTypeName(); false for an unknown name.

struct SBOMOP_API ApiStatus
	/// The fields of a metav1.Status that a client acts on.
{
	std::string status;  ///< "Failure" or "Success".
	int code = 0;        ///< HTTP-like code, e.g. 410 for an expired resourceVersion.
	std::string reason;  ///< e.g. "Expired", "Gone", "InternalError".
	std::string message;
};

struct SBOMOP_API WatchEventInfo
	/// Everything about an event except the object itself.
{
	WatchEventType type = WatchEventType::Added;
	ApiStatus status;              ///< Only for Error.
	bool initialEventsEnd = false; ///< Bookmark annotated k8s.io/initial-events-end=true.
};

template <class T>
struct WatchEvent: WatchEventInfo
	/// For Added, Modified and Deleted, `object` is the object (for Deleted
	/// its last state). For Bookmark only `object.resourceVersion` is
	/// meaningful: remember it, do not touch the cache. For Error `object` is
	/// empty and `status` says what went wrong.
{
	T object;
};

} } // namespace sbomop::kube

#endif // SBOMOP_Kube_WatchEvent_INCLUDED
