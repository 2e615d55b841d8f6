//
// Store.cpp
//

#include "sbomop/runtime/Store.h"
#include "sbomop/runtime/ObjectTraits.h"
#include <Poco/Exception.h>
#include <algorithm>

namespace sbomop {
namespace runtime {

const char* changeTypeName(ChangeType type)
{
	switch (type)
	{
	case ChangeType::Updated: return "updated";
	case ChangeType::Deleted: return "deleted";
	case ChangeType::Added: break;
	}
	return "added";
}


template <class T>
Store<T>::Store():
	_synced(false),
	_syncedEvent(Poco::Event::EVENT_MANUALRESET)
{
}


template <class T>
Store<T>::~Store()
{
}


template <class T>
typename Store<T>::ObjectPtr Store<T>::get(const std::string& key) const
{
	Poco::ScopedReadRWLock lock(_lock);
	const auto it = _objects.find(key);
	return it == _objects.end() ? ObjectPtr() : it->second;
}


template <class T>
std::vector<typename Store<T>::ObjectPtr> Store<T>::list() const
{
	std::vector<ObjectPtr> result;
	Poco::ScopedReadRWLock lock(_lock);
	result.reserve(_objects.size());
	for (const auto& entry: _objects) result.push_back(entry.second);
	return result;
}


template <class T>
std::vector<std::string> Store<T>::keys() const
{
	std::vector<std::string> result;
	Poco::ScopedReadRWLock lock(_lock);
	result.reserve(_objects.size());
	for (const auto& entry: _objects) result.push_back(entry.first);
	return result;
}


template <class T>
std::size_t Store<T>::size() const
{
	Poco::ScopedReadRWLock lock(_lock);
	return _objects.size();
}


template <class T>
bool Store<T>::synced() const
{
	return _synced.load();
}


template <class T>
bool Store<T>::waitForSync(const StopToken& stop, long timeoutMilliseconds) const
{
	long waited = 0;
	while (!_synced.load() && !stop.stopRequested())
	{
		long slice = SYNC_POLL_MILLISECONDS;
		if (timeoutMilliseconds >= 0)
		{
			if (waited >= timeoutMilliseconds) break;
			slice = std::min(slice, timeoutMilliseconds - waited);
		}
		// The event wakes us at once on sync; the slice bounds how late a stop is seen.
		if (_syncedEvent.tryWait(slice)) break;
		waited += slice;
	}
	return _synced.load();
}


template <class T>
typename Store<T>::Changes Store<T>::replace(ObjectMap objects)
{
	Changes changes;
	{
		// Only the single writer modifies _objects, so the differences can be
		// computed under the read lock without blocking readers.
		Poco::ScopedReadRWLock lock(_lock);
		auto oldIt = _objects.begin();
		auto newIt = objects.begin();
		while (oldIt != _objects.end() || newIt != objects.end())
		{
			if (newIt == objects.end() || (oldIt != _objects.end() && oldIt->first < newIt->first))
			{
				addChange(changes, oldIt->second, ObjectPtr());
				++oldIt;
			}
			else if (oldIt == _objects.end() || newIt->first < oldIt->first)
			{
				addChange(changes, ObjectPtr(), newIt->second);
				++newIt;
			}
			else
			{
				// Keeping the old pointer for an unchanged object lets the
				// previous copy and the new one share memory.
				if (*oldIt->second == *newIt->second) newIt->second = oldIt->second;
				else addChange(changes, oldIt->second, newIt->second);
				++oldIt;
				++newIt;
			}
		}
	}
	{
		Poco::ScopedWriteRWLock lock(_lock);
		_objects.swap(objects);
	}
	// `objects` now holds the previous content; it is released here, outside the lock.
	return changes;
}


template <class T>
void Store<T>::markSynced()
{
	_synced = true;
	_syncedEvent.set();
}


template <class T>
typename Store<T>::Changes Store<T>::upsert(ObjectPtr object)
{
	if (!object) throw Poco::InvalidArgumentException("Store::upsert: null object");
	std::string key = ObjectTraits<T>::key(*object);
	if (key.empty()) throw Poco::InvalidArgumentException("Store::upsert: object without a name");
	Changes changes;
	Poco::ScopedWriteRWLock lock(_lock);
	ObjectPtr& slot = _objects[key];
	if (slot && *slot == *object) return changes;
	addChange(changes, slot, object);
	slot = std::move(object);
	return changes;
}


template <class T>
typename Store<T>::Changes Store<T>::remove(const ObjectPtr& lastState)
{
	if (!lastState) throw Poco::InvalidArgumentException("Store::remove: null object");
	Changes changes;
	ObjectPtr removed;
	{
		Poco::ScopedWriteRWLock lock(_lock);
		const auto it = _objects.find(ObjectTraits<T>::key(*lastState));
		if (it == _objects.end()) return changes;
		removed = std::move(it->second);
		_objects.erase(it);
	}
	changes.push_back(Change{ChangeType::Deleted, lastState, ObjectPtr()});
	return changes;
}


template <class T>
void Store<T>::addChange(Changes& changes, const ObjectPtr& oldObject, const ObjectPtr& newObject)
{
	if (!oldObject)
	{
		changes.push_back(Change{ChangeType::Added, ObjectPtr(), newObject});
	}
	else if (!newObject)
	{
		changes.push_back(Change{ChangeType::Deleted, oldObject, ObjectPtr()});
	}
	else if (!oldObject->uid.empty() && !newObject->uid.empty() && oldObject->uid != newObject->uid)
	{
		// Same name, new object: handlers must see the old one go away.
		changes.push_back(Change{ChangeType::Deleted, oldObject, ObjectPtr()});
		changes.push_back(Change{ChangeType::Added, ObjectPtr(), newObject});
	}
	else
	{
		changes.push_back(Change{ChangeType::Updated, oldObject, newObject});
	}
}


template class Store<kube::PodInfo>;
template class Store<kube::NamespaceInfo>;

} } // namespace sbomop::runtime
