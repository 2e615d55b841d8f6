//
// ObjectStore.h
//
// The versioned in-memory storage behind kube-sim, modelled on etcd: one
// cluster-wide resourceVersion counter, objects kept per type in key order
// ("<namespace>/<name>"), a bounded per-type event history that feeds
// watches and lets paged lists read a consistent snapshot.
//

#ifndef SBOMOP_KubeSim_ObjectStore_INCLUDED
#define SBOMOP_KubeSim_ObjectStore_INCLUDED

#include "kubesim/ResourceCatalog.h"
#include <Poco/JSON/Object.h>
#include <Poco/Timestamp.h>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace sbomop {
namespace kubesim {

struct StoredObject
	/// One stored version of an object. Never mutated once stored: `object`
	/// must be treated as read-only (deep-copy it before changing anything).
{
	Poco::JSON::Object::Ptr object;   ///< full object with kind/apiVersion
	std::string json;                 ///< `object` serialised
	std::string itemJson;             ///< serialised without kind/apiVersion (list items)
	std::string key;
	std::string ns;
	std::string name;
	std::string uid;
	std::uint64_t resourceVersion = 0;
	std::map<std::string, std::string> labels;
};

using StoredObjectPtr = std::shared_ptr<const StoredObject>;

enum class EventType { Added, Modified, Deleted };

struct StoreEvent
	/// One change of one object. For Deleted, `object` is the last state
	/// carrying the deletion's resourceVersion.
{
	EventType type;
	std::uint64_t resourceVersion;
	StoredObjectPtr object;
	StoredObjectPtr previous;   ///< state before the change (null for Added)
};

class ObjectStore
	/// Thread-safe. Writes are serialised by one mutex; watchers block on a
	/// condition variable that every write signals.
{
public:
	struct Change
		/// What a mutation decided to do with the object.
	{
		enum Kind { None, Put, Remove };
		Kind kind = None;
		Poco::JSON::Object::Ptr object;   ///< the new state for Put

		static Change none();
		static Change put(Poco::JSON::Object::Ptr object);
		static Change remove();
	};

	using Mutation = std::function<Change(const StoredObjectPtr& current)>;
		/// Runs under the store lock; may read the store (the lock is
		/// recursive) but must not write to it. May throw; nothing is written then.

	struct WriteResult
	{
		Change::Kind applied = Change::None;
		StoredObjectPtr object;     ///< the new state (Put), the removed state (Remove) or current (None)
		StoredObjectPtr previous;
	};

	struct ListRequest
	{
		std::uint64_t snapshot = 0;   ///< resourceVersion to read at; 0 = current
		std::string startKey;          ///< first key to consider (inclusive)
		std::size_t limit = 0;         ///< 0 = no limit
		std::function<bool(const StoredObject&)> filter;
		bool countRemaining = false;
	};

	struct ListResult
	{
		std::vector<StoredObjectPtr> items;
		std::uint64_t resourceVersion = 0;
		std::string lastKey;           ///< key of the last returned item when more remain, else ""
		std::int64_t remaining = -1;   ///< objects after the page (only when requested)
	};

	struct WatchBatch
	{
		std::vector<StoreEvent> events;
		bool expired = false;          ///< the requested start is older than the history
		std::uint64_t oldest = 0;      ///< oldest resourceVersion a watch may start from
		std::uint64_t current = 0;     ///< cluster resourceVersion the batch is complete up to
	};

	explicit ObjectStore(std::size_t historyLimit = 10000);
	~ObjectStore();

	WriteResult write(const ResourceInfo& resource, const std::string& ns, const std::string& name, const Mutation& mutation, bool dryRun = false);
		/// Atomically reads the current object and applies what `mutation`
		/// returns: Put stores a new version with the next resourceVersion (a Put
		/// equal to the current object is a no-op), Remove deletes. Records the
		/// event and wakes watchers. With dryRun nothing is stored.

	StoredObjectPtr get(const ResourceInfo& resource, const std::string& ns, const std::string& name) const;
		/// The current object or null.

	ListResult list(const ResourceInfo& resource, const std::string& ns, const ListRequest& request) const;
		/// Objects in key order (`ns` empty = all namespaces). With a snapshot
		/// older than the current resourceVersion the state is reconstructed
		/// from the history; throws StatusError 410 Expired when it no longer
		/// reaches back that far.

	std::vector<StoredObjectPtr> snapshot(const ResourceInfo& resource, const std::string& ns, std::uint64_t& resourceVersion) const;
		/// All objects in `ns` and the resourceVersion they are current at.

	WatchBatch waitForEvents(const ResourceInfo& resource, std::uint64_t after, const Poco::Timestamp& deadline, const std::function<bool()>& cancelled) const;
		/// Events of the type with resourceVersion > after, in order; waits until
		/// there is at least one, the deadline passes or `cancelled` returns true.

	bool canServeFrom(const ResourceInfo& resource, std::uint64_t resourceVersion) const;
		/// True when every event after resourceVersion is still in the history.

	std::uint64_t oldestResourceVersion(const ResourceInfo& resource) const;
		/// The oldest resourceVersion a watch or snapshot may start from.

	std::uint64_t currentResourceVersion() const;
		/// The cluster-wide resourceVersion of the latest write.

	std::size_t count(const ResourceInfo& resource) const;
		/// Objects of the type currently stored.

	void compact();
		/// Drops every type's history (like an etcd compaction at the current
		/// revision): older watch starts and continue tokens then get 410.

	void setHistoryLimit(std::size_t limit);
		/// Events kept per type (oldest dropped first).

	void wakeAll() const;
		/// Wakes every waiting watcher (used on shutdown).

	static std::string keyOf(const std::string& ns, const std::string& name);
		/// "<ns>/<name>", or "<name>" for cluster-scoped objects.

private:
	using ObjectMap = std::map<std::string, StoredObjectPtr>;

	StoredObjectPtr makeStored(Poco::JSON::Object::Ptr object, const std::string& key, const std::string& ns, const std::string& name, std::uint64_t resourceVersion) const;
	void record(const ResourceInfo& resource, StoreEvent event);
	ObjectMap reconstruct(const ResourceInfo& resource, const std::string& low, const std::string& high, std::uint64_t snapshot) const;

	mutable std::recursive_mutex _mutex;
	mutable std::condition_variable_any _changed;
	std::uint64_t _resourceVersion;
	std::size_t _historyLimit;
	std::map<const ResourceInfo*, ObjectMap> _objects;
	std::map<const ResourceInfo*, std::deque<StoreEvent>> _history;
	std::map<const ResourceInfo*, std::uint64_t> _compacted;
};

} } // namespace sbomop::kubesim

#endif // SBOMOP_KubeSim_ObjectStore_INCLUDED
