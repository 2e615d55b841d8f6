//
// RegistryObservers.cpp
//

#include "kubesim/RegistryObservers.h"
#include "kubesim/Json.h"
#include "kubesim/ObjectPreparer.h"
#include "kubesim/RegistryObserver.h"
#include <Poco/JSON/Array.h>
#include <algorithm>

using Poco::JSON::Array;
using Poco::JSON::Object;

namespace sbomop {
namespace kubesim {

RegistryObservers::RegistryObservers()
{
}

void RegistryObservers::set(RegistryObserver* observer)
{
	std::lock_guard<std::mutex> lock(_mutex);
	_observers.clear();
	if (observer) _observers.push_back(observer);
}

void RegistryObservers::add(RegistryObserver* observer)
{
	std::lock_guard<std::mutex> lock(_mutex);
	if (observer && std::find(_observers.begin(), _observers.end(), observer) == _observers.end()) _observers.push_back(observer);
}

void RegistryObservers::remove(RegistryObserver* observer)
{
	std::lock_guard<std::mutex> lock(_mutex);
	_observers.erase(std::remove(_observers.begin(), _observers.end(), observer), _observers.end());
}

void RegistryObservers::notify(const ResourceInfo& resource, const ObjectStore::WriteResult& result, bool created) const
{
	if (result.applied == ObjectStore::Change::None) return;
	std::vector<RegistryObserver*> observers;
	{
		std::lock_guard<std::mutex> lock(_mutex);
		observers = _observers;
	}
	for (RegistryObserver* observer: observers)
	{
		if (result.applied == ObjectStore::Change::Remove)
		{
			observer->objectRemoved(resource, result.object);
			continue;
		}
		Object::Ptr metadata = Json::object(result.object->object, "metadata");
		Array::Ptr owners = Json::array(metadata, "ownerReferences");
		if (owners && owners->size() > 0) observer->ownerReferencesWritten(resource, result.object);
		const bool wasDeleting = result.previous && ObjectPreparer::beingDeleted(result.previous->object);
		if (ObjectPreparer::beingDeleted(result.object->object) && !wasDeleting) observer->deletionRequested(resource, result.object);
		if (created) observer->objectCreated(resource, result.object);
	}
}

} } // namespace sbomop::kubesim
