//
// ListReader.h
//
// LIST semantics: selectors, `limit`/`continue` paging over a consistent
// snapshot, and the resourceVersion / resourceVersionMatch rules (exact and
// not-older-than reads, 410 Expired for compacted snapshots or aged continue
// tokens, 504 for resourceVersions from the future).
//

#ifndef SBOMOP_KubeSim_ListReader_INCLUDED
#define SBOMOP_KubeSim_ListReader_INCLUDED

#include "kubesim/ListOptions.h"
#include "kubesim/ObjectStore.h"
#include <Poco/Timespan.h>
#include <atomic>
#include <mutex>
#include <string>
#include <vector>

namespace sbomop {
namespace kubesim {

class ListReader
	/// Thread-safe; the settings may change while lists run.
{
public:
	struct Page
	{
		std::vector<StoredObjectPtr> items;
		std::uint64_t resourceVersion = 0;
		std::string continueToken;
		std::int64_t remaining = -1;   ///< remainingItemCount; -1 when not known
	};

	explicit ListReader(const ObjectStore& store);

	Page list(const ResourceInfo& resource, const std::string& ns, const ListOptions& options) const;
		/// Throws StatusError: 400 (bad continue token, resourceVersion with
		/// continue), 410 Expired, 422 (ListOptions), 504 (too large RV).

	void setContinueTokenTtl(const Poco::Timespan& ttl);
	void setFreshnessWait(const Poco::Timespan& wait);
		/// Continue tokens older than the TTL answer 410 (default 5 min); a
		/// list for a future resourceVersion waits this long before 504 (default 3 s).
	void setWatchListEnabled(bool enabled);
	bool watchListEnabled() const;
		/// The WatchList feature gate (sendInitialEvents on watches); default on.

private:
	void waitForResourceVersion(std::uint64_t resourceVersion) const;

	const ObjectStore& _store;
	mutable std::mutex _mutex;
	Poco::Timespan _continueTtl;
	Poco::Timespan _freshnessWait;
	std::atomic<bool> _watchListEnabled;
};

} } // namespace sbomop::kubesim

#endif // SBOMOP_KubeSim_ListReader_INCLUDED
