//
// WatchStreamer.h
//
// Serves one watch request: a chunked stream of `{"type":...,"object":...}`
// lines (ADDED/MODIFIED/DELETED/BOOKMARK/ERROR) with the API server's start
// semantics (synthetic ADDED for unset/"0", only later changes for "N",
// streaming lists with sendInitialEvents), selector transitions (an object
// leaving the selection is DELETED, one entering it ADDED), bookmarks,
// timeoutSeconds, in-stream 410 for too-old resourceVersions and the watch
// faults of the FaultInjector.
//

#ifndef SBOMOP_KubeSim_WatchStreamer_INCLUDED
#define SBOMOP_KubeSim_WatchStreamer_INCLUDED

#include "kubesim/FaultInjector.h"
#include "kubesim/ListOptions.h"
#include "kubesim/ObjectStore.h"
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>
#include <Poco/Timespan.h>
#include <atomic>
#include <mutex>
#include <ostream>

namespace sbomop {
namespace kubesim {

class WatchStreamer
	/// Shared by all watch requests; each serve() call runs on its request
	/// thread until the watch ends. Thread-safe.
{
public:
	WatchStreamer(const ObjectStore& store, FaultInjector& faults, const std::atomic<bool>& stopping);

	void setBookmarkInterval(const Poco::Timespan& interval);
		/// How often BOOKMARK events are sent when allowed (default 60 s).

	void serve(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response,
		const ResourceInfo& resource, const std::string& ns, const std::string& name, const ListOptions& options,
		bool watchListEnabled, bool resetAfterFirstEvent = false);
		/// Validates first (throws StatusError before anything is sent), then
		/// streams until timeoutSeconds, server stop, a fault, or the client
		/// going away; never throws once the stream started. With
		/// resetAfterFirstEvent the connection is reset right after the first
		/// event (a fault).

private:
	class Stream;

	Poco::Timespan bookmarkInterval() const;

	const ObjectStore& _store;
	FaultInjector& _faults;
	const std::atomic<bool>& _stopping;
	mutable std::mutex _mutex;
	Poco::Timespan _bookmarkInterval;
};

} } // namespace sbomop::kubesim

#endif // SBOMOP_KubeSim_WatchStreamer_INCLUDED
