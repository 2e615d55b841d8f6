//
// Store.h
//
// The in-memory cache that a Reflector keeps in step with the API server:
// the current objects of one resource type by key, with consistent snapshots
// for readers and a readiness flag set by the first complete list.
//

#ifndef SBOMOP_Runtime_Store_INCLUDED
#define SBOMOP_Runtime_Store_INCLUDED

#include "sbomop/Sbomop.h"
#include "sbomop/core/StopToken.h"
#include "sbomop/kube/NamespaceInfo.h"
#include "sbomop/kube/PodInfo.h"
#include "sbomop/runtime/StoreChange.h"
#include <Poco/Event.h>
#include <Poco/RWLock.h>
#include <atomic>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace sbomop {
namespace runtime {

template <class T>
class Store
	/// Objects of type T (kube::PodInfo or kube::NamespaceInfo) keyed by
	/// ObjectTraits<T>::key() ("<namespace>/<name>", or the name for
	/// cluster-scoped objects).
	///
	/// Readers (any number of threads) get immutable objects through
	/// shared pointers: an object handed out never changes, and a snapshot
	/// from list() stays valid while the store moves on. A reader never
	/// observes half of a relist: replace() swaps the whole content at once.
	/// Objects are shared between the store and its snapshots, so a
	/// snapshot costs one pointer per object.
	///
	/// Writers: exactly one (the Reflector feeding the store) may call
	/// replace(), upsert() and remove(); they compute the differences they
	/// make and return them for event handlers. The store is a possibly
	/// stale view of the cluster, not a source of truth: read the API server
	/// when a decision cannot tolerate that.
	///
	/// All read members are thread-safe.
{
public:
	using Ptr = std::shared_ptr<Store>;
	using ObjectPtr = std::shared_ptr<const T>;
	using ObjectMap = std::map<std::string, ObjectPtr>;
	using Change = StoreChange<T>;
	using Changes = std::vector<Change>;

	static constexpr long SYNC_POLL_MILLISECONDS = 50;
		/// How often waitForSync() looks at its StopToken.

	Store();
	~Store();

	Store(const Store&) = delete;
	Store& operator = (const Store&) = delete;

	ObjectPtr get(const std::string& key) const;
		/// The object stored under `key`, or null.

	std::vector<ObjectPtr> list() const;
		/// A consistent snapshot of every object, in key order.

	std::vector<std::string> keys() const;
		/// The keys of list(), in order.

	std::size_t size() const;

	bool synced() const;
		/// True once the writer called markSynced(): the first complete list
		/// is stored and its changes were handed to the event handlers.
		/// Stays true afterwards, also while the reflector recovers from errors.

	bool waitForSync(const StopToken& stop, long timeoutMilliseconds = -1) const;
		/// Blocks until synced(), `stop` is requested, or the timeout (-1 = none)
		/// expires. Returns synced(). A stop is noticed within
		/// SYNC_POLL_MILLISECONDS.

	Changes replace(ObjectMap objects);
		/// Writer only. Makes `objects` the whole content in one step and
		/// returns exactly the differences from the
		/// previous content: Added for new keys, Updated for keys whose object
		/// differs (an unchanged object keeps its old pointer), Deleted for
		/// keys no longer present. An object with the same key but another
		/// non-empty uid was deleted and re-created: Deleted, then Added.
		/// Keys of `objects` must match ObjectTraits<T>::key().

	void markSynced();
		/// Writer only. Sets synced() and wakes waitForSync(). Idempotent.

	Changes upsert(ObjectPtr object);
		/// Writer only. Stores `object` under its key. Returns nothing when an
		/// equal object is already stored, else the change (Added, Updated, or
		/// Deleted + Added when the uid differs). Throws
		/// Poco::InvalidArgumentException for a null object or an empty key.

	Changes remove(const ObjectPtr& lastState);
		/// Writer only. Removes the object with the key of `lastState`. Returns
		/// Deleted carrying `lastState` (the final state reported by the
		/// server), or nothing when the key is not stored. Throws
		/// Poco::InvalidArgumentException for a null object.

private:
	static void addChange(Changes& changes, const ObjectPtr& oldObject, const ObjectPtr& newObject);

	mutable Poco::RWLock _lock;
	ObjectMap _objects;
	std::atomic<bool> _synced;
	mutable Poco::Event _syncedEvent;
};

extern template class Store<kube::PodInfo>;
extern template class Store<kube::NamespaceInfo>;

using PodStore = Store<kube::PodInfo>;
using NamespaceStore = Store<kube::NamespaceInfo>;

} } // namespace sbomop::runtime

#endif // SBOMOP_Runtime_Store_INCLUDED
