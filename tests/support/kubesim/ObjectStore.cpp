//
// ObjectStore.cpp
//

#include "kubesim/ObjectStore.h"
#include "kubesim/Json.h"
#include "kubesim/StatusError.h"
#include <algorithm>
#include <chrono>

using Poco::JSON::Object;

namespace sbomop {
namespace kubesim {

ObjectStore::Change ObjectStore::Change::none()
{
	return Change();
}

ObjectStore::Change ObjectStore::Change::put(Object::Ptr object)
{
	Change change;
	change.kind = Put;
	change.object = object;
	return change;
}

ObjectStore::Change ObjectStore::Change::remove()
{
	Change change;
	change.kind = Remove;
	return change;
}

ObjectStore::ObjectStore(std::size_t historyLimit):
	_resourceVersion(1),
	_historyLimit(std::max<std::size_t>(historyLimit, 1))
{
}

ObjectStore::~ObjectStore()
{
}

std::string ObjectStore::keyOf(const std::string& ns, const std::string& name)
{
	return ns.empty() ? name : ns + "/" + name;
}

StoredObjectPtr ObjectStore::makeStored(Object::Ptr object, const std::string& key, const std::string& ns, const std::string& name, std::uint64_t resourceVersion) const
{
	auto stored = std::make_shared<StoredObject>();
	Object::Ptr metadata = Json::metadata(object);
	if (resourceVersion > 0) metadata->set("resourceVersion", std::to_string(resourceVersion));
	else metadata->remove("resourceVersion");
	stored->object = object;
	stored->key = key;
	stored->ns = ns;
	stored->name = name;
	stored->uid = Json::string(metadata, "uid");
	stored->resourceVersion = resourceVersion;
	stored->labels = Json::stringMap(metadata, "labels");
	stored->json = Json::stringify(object);
	// List items carry neither kind nor apiVersion; share the (immutable) children.
	Object::Ptr item = new Object;
	for (const auto& entry: *object)
	{
		if (entry.first != "kind" && entry.first != "apiVersion") item->set(entry.first, entry.second);
	}
	stored->itemJson = Json::stringify(item);
	return stored;
}

ObjectStore::WriteResult ObjectStore::write(const ResourceInfo& resource, const std::string& ns, const std::string& name, const Mutation& mutation, bool dryRun)
{
	std::unique_lock<std::recursive_mutex> lock(_mutex);
	ObjectMap& objects = _objects[&resource];
	const std::string key = keyOf(ns, name);
	auto it = objects.find(key);
	StoredObjectPtr current = it == objects.end() ? nullptr : it->second;

	Change change = mutation(current);
	WriteResult result;
	result.previous = current;
	result.object = current;
	if (change.kind == Change::None) return result;

	if (change.kind == Change::Put)
	{
		Object::Ptr object = change.object;
		if (current)
		{
			Json::metadata(object)->set("resourceVersion", std::to_string(current->resourceVersion));
			if (Json::equals(object, current->object)) return result;
		}
		result.applied = Change::Put;
		if (dryRun)
		{
			result.object = makeStored(object, key, ns, name, current ? current->resourceVersion : 0);
			return result;
		}
		const std::uint64_t rv = ++_resourceVersion;
		StoredObjectPtr stored = makeStored(object, key, ns, name, rv);
		objects[key] = stored;
		result.object = stored;
		record(resource, StoreEvent{current ? EventType::Modified : EventType::Added, rv, stored, current});
	}
	else
	{
		if (!current) return result;
		result.applied = Change::Remove;
		if (dryRun) return result;
		const std::uint64_t rv = ++_resourceVersion;
		StoredObjectPtr last = makeStored(Json::deepCopy(current->object), key, ns, name, rv);
		objects.erase(it);
		record(resource, StoreEvent{EventType::Deleted, rv, last, current});
	}
	lock.unlock();
	_changed.notify_all();
	return result;
}

void ObjectStore::record(const ResourceInfo& resource, StoreEvent event)
{
	auto& history = _history[&resource];
	history.push_back(std::move(event));
	while (history.size() > _historyLimit)
	{
		_compacted[&resource] = history.front().resourceVersion;
		history.pop_front();
	}
}

StoredObjectPtr ObjectStore::get(const ResourceInfo& resource, const std::string& ns, const std::string& name) const
{
	std::lock_guard<std::recursive_mutex> lock(_mutex);
	auto objects = _objects.find(&resource);
	if (objects == _objects.end()) return nullptr;
	auto it = objects->second.find(keyOf(ns, name));
	return it == objects->second.end() ? nullptr : it->second;
}

namespace
{
	// The half-open key range [low, high) of one namespace ("" = everything).
	void namespaceRange(const std::string& ns, std::string& low, std::string& high)
	{
		if (ns.empty())
		{
			low.clear();
			high.clear();
		}
		else
		{
			low = ns + "/";
			high = ns + "0";   // '0' follows '/' in ASCII
		}
	}

	bool belowHigh(const std::string& key, const std::string& high)
	{
		return high.empty() || key < high;
	}
}

ObjectStore::ObjectMap ObjectStore::reconstruct(const ResourceInfo& resource, const std::string& low, const std::string& high, std::uint64_t snapshot) const
{
	ObjectMap state;
	auto objects = _objects.find(&resource);
	if (objects != _objects.end())
	{
		for (auto it = objects->second.lower_bound(low); it != objects->second.end() && belowHigh(it->first, high); ++it)
			state.insert(*it);
	}
	auto history = _history.find(&resource);
	if (history == _history.end()) return state;
	// Undo every newer change, newest first.
	for (auto it = history->second.rbegin(); it != history->second.rend() && it->resourceVersion > snapshot; ++it)
	{
		const std::string& key = it->object->key;
		if (key < low || !belowHigh(key, high)) continue;
		if (it->previous) state[key] = it->previous;
		else state.erase(key);
	}
	return state;
}

ObjectStore::ListResult ObjectStore::list(const ResourceInfo& resource, const std::string& ns, const ListRequest& request) const
{
	std::lock_guard<std::recursive_mutex> lock(_mutex);
	ListResult result;
	result.resourceVersion = _resourceVersion;
	std::string low;
	std::string high;
	namespaceRange(ns, low, high);
	if (request.startKey > low) low = request.startKey;

	static const ObjectMap EMPTY;
	const ObjectMap* source = &EMPTY;
	auto objects = _objects.find(&resource);
	if (objects != _objects.end()) source = &objects->second;

	ObjectMap rebuilt;
	if (request.snapshot != 0 && request.snapshot < _resourceVersion)
	{
		if (!canServeFrom(resource, request.snapshot)) throw StatusError::expired("too old resource version");
		auto history = _history.find(&resource);
		if (history != _history.end() && !history->second.empty() && history->second.back().resourceVersion > request.snapshot)
		{
			rebuilt = reconstruct(resource, low, high, request.snapshot);
			source = &rebuilt;
		}
		result.resourceVersion = request.snapshot;
	}

	auto it = source->lower_bound(low);
	for (; it != source->end() && belowHigh(it->first, high); ++it)
	{
		if (request.limit > 0 && result.items.size() >= request.limit) break;
		if (request.filter && !request.filter(*it->second)) continue;
		result.items.push_back(it->second);
	}
	// Stopping early (limit reached) with keys left in range means another page.
	if (it != source->end() && belowHigh(it->first, high))
	{
		result.lastKey = result.items.back()->key;
		if (request.countRemaining)
		{
			std::int64_t remaining = 0;
			for (; it != source->end() && belowHigh(it->first, high); ++it) ++remaining;
			result.remaining = remaining;
		}
	}
	return result;
}

std::vector<StoredObjectPtr> ObjectStore::snapshot(const ResourceInfo& resource, const std::string& ns, std::uint64_t& resourceVersion) const
{
	ListRequest request;
	ListResult result = list(resource, ns, request);
	resourceVersion = result.resourceVersion;
	return result.items;
}

ObjectStore::WatchBatch ObjectStore::waitForEvents(const ResourceInfo& resource, std::uint64_t after, const Poco::Timestamp& deadline, const std::function<bool()>& cancelled) const
{
	std::unique_lock<std::recursive_mutex> lock(_mutex);
	WatchBatch batch;
	for (;;)
	{
		batch.current = _resourceVersion;
		batch.oldest = oldestResourceVersion(resource);
		if (after < batch.oldest)
		{
			batch.expired = true;
			return batch;
		}
		auto history = _history.find(&resource);
		if (history != _history.end() && !history->second.empty() && history->second.back().resourceVersion > after)
		{
			const auto& events = history->second;
			auto first = std::upper_bound(events.begin(), events.end(), after,
				[](std::uint64_t rv, const StoreEvent& event) { return rv < event.resourceVersion; });
			batch.events.assign(first, events.end());
			return batch;
		}
		if (cancelled()) return batch;
		Poco::Timestamp now;
		if (now >= deadline) return batch;
		_changed.wait_for(lock, std::chrono::microseconds(deadline - now));
	}
}

bool ObjectStore::canServeFrom(const ResourceInfo& resource, std::uint64_t resourceVersion) const
{
	return resourceVersion >= oldestResourceVersion(resource);
}

std::uint64_t ObjectStore::oldestResourceVersion(const ResourceInfo& resource) const
{
	std::lock_guard<std::recursive_mutex> lock(_mutex);
	auto it = _compacted.find(&resource);
	return it == _compacted.end() ? 0 : it->second;
}

std::uint64_t ObjectStore::currentResourceVersion() const
{
	std::lock_guard<std::recursive_mutex> lock(_mutex);
	return _resourceVersion;
}

std::size_t ObjectStore::count(const ResourceInfo& resource) const
{
	std::lock_guard<std::recursive_mutex> lock(_mutex);
	auto it = _objects.find(&resource);
	return it == _objects.end() ? 0 : it->second.size();
}

void ObjectStore::compact()
{
	{
		std::lock_guard<std::recursive_mutex> lock(_mutex);
		for (const auto& info: ResourceCatalog::all())
		{
			_history[&info].clear();
			_compacted[&info] = _resourceVersion;
		}
	}
	_changed.notify_all();
}

void ObjectStore::setHistoryLimit(std::size_t limit)
{
	std::lock_guard<std::recursive_mutex> lock(_mutex);
	_historyLimit = std::max<std::size_t>(limit, 1);
}

void ObjectStore::wakeAll() const
{
	std::lock_guard<std::recursive_mutex> lock(_mutex);
	_changed.notify_all();
}

} } // namespace sbomop::kubesim
