//
// GarbageCollector.cpp
//

#include "kubesim/GarbageCollector.h"
#include "kubesim/Json.h"
#include "kubesim/ObjectPreparer.h"
#include "kubesim/ResourceRegistry.h"
#include "kubesim/StatusError.h"

using Poco::JSON::Array;
using Poco::JSON::Object;

namespace sbomop {
namespace kubesim {

namespace
{
	const std::string ORPHAN = "orphan";
	const std::string FOREGROUND = "foregroundDeletion";

	Array::Ptr ownerReferences(const StoredObject& object)
	{
		return Json::array(Json::object(object.object, "metadata"), "ownerReferences");
	}

	bool hasFinalizer(const StoredObject& object, const std::string& finalizer)
	{
		Array::Ptr finalizers = Json::array(Json::object(object.object, "metadata"), "finalizers");
		for (unsigned i = 0; finalizers && i < finalizers->size(); ++i)
		{
			if (finalizers->get(i).convert<std::string>() == finalizer) return true;
		}
		return false;
	}
}

GarbageCollector::GarbageCollector(ResourceRegistry& registry):
	_registry(registry),
	_verifyOwners(true),
	_delay(100 * Poco::Timespan::MILLISECONDS)
{
}

GarbageCollector::~GarbageCollector()
{
	stop();
}

void GarbageCollector::start()
{
	_scheduler.start();
}

void GarbageCollector::stop()
{
	_scheduler.stop();
}

void GarbageCollector::setDelay(const Poco::Timespan& delay)
{
	std::lock_guard<std::mutex> lock(_mutex);
	_delay = delay;
}

void GarbageCollector::setVerifyOwners(bool verify)
{
	std::lock_guard<std::mutex> lock(_mutex);
	_verifyOwners = verify;
}

bool GarbageCollector::waitIdle(const Poco::Timespan& timeout)
{
	return _scheduler.waitIdle(timeout);
}

void GarbageCollector::objectRemoved(const ResourceInfo& resource, const StoredObjectPtr& object)
{
	enqueue(Task{Task::Dependents, &resource, object->ns, object->name, object->uid});
}

void GarbageCollector::deletionRequested(const ResourceInfo& resource, const StoredObjectPtr& object)
{
	enqueue(Task{Task::Finalize, &resource, object->ns, object->name, object->uid});
}

void GarbageCollector::ownerReferencesWritten(const ResourceInfo& resource, const StoredObjectPtr& object)
{
	{
		std::lock_guard<std::mutex> lock(_mutex);
		if (!_verifyOwners) return;
	}
	enqueue(Task{Task::VerifyOwners, &resource, object->ns, object->name, object->uid});
}

void GarbageCollector::enqueue(const Task& task)
{
	Poco::Timespan delay;
	{
		std::lock_guard<std::mutex> lock(_mutex);
		delay = _delay;
	}
	_scheduler.schedule(delay, [this, task] { process(task); });
}

void GarbageCollector::process(const Task& task)
{
	if (task.kind == Task::Dependents)
	{
		for (const auto& dependent: dependentsOf(task.uid, task.resource->namespaced ? task.ns : ""))
			handleDependent(*dependent.first, *dependent.second, task.uid, false);
	}
	else if (task.kind == Task::Finalize)
	{
		if (task.resource->kind == "Namespace") finalizeNamespace(task);
		else finalize(task);
	}
	else
	{
		StoredObjectPtr object = _registry.store().get(*task.resource, task.ns, task.name);
		if (object && object->uid == task.uid && !ObjectPreparer::beingDeleted(object->object))
			handleDependent(*task.resource, *object, "", false);
	}
}

std::vector<std::pair<const ResourceInfo*, StoredObjectPtr>> GarbageCollector::dependentsOf(const std::string& ownerUid, const std::string& ownerNs) const
{
	std::vector<std::pair<const ResourceInfo*, StoredObjectPtr>> result;
	for (const auto& info: ResourceCatalog::all())
	{
		// A namespaced owner only owns objects of its own namespace.
		if (!ownerNs.empty() && !info.namespaced) continue;
		std::uint64_t rv = 0;
		for (const auto& object: _registry.store().snapshot(info, ownerNs, rv))
		{
			Array::Ptr references = ownerReferences(*object);
			for (unsigned i = 0; references && i < references->size(); ++i)
			{
				if (Json::string(references->getObject(i), "uid") == ownerUid)
				{
					result.emplace_back(&info, object);
					break;
				}
			}
		}
	}
	return result;
}

bool GarbageCollector::ownerAlive(const Object::Ptr& reference, const std::string& ns) const
{
	const ResourceInfo* info = ResourceCatalog::findByKind(Json::string(reference, "apiVersion"), Json::string(reference, "kind"));
	if (!info) return true;   // kinds kube-sim does not serve cannot be verified
	if (info->namespaced && ns.empty()) return false;
	StoredObjectPtr owner = _registry.store().get(*info, info->namespaced ? ns : "", Json::string(reference, "name"));
	return owner && owner->uid == Json::string(reference, "uid");
}

void GarbageCollector::handleDependent(const ResourceInfo& resource, const StoredObject& dependent, const std::string& ownerUid, bool orphan)
{
	Array::Ptr references = ownerReferences(dependent);
	if (!references || references->size() == 0) return;
	Array::Ptr kept = new Array;
	for (unsigned i = 0; i < references->size(); ++i)
	{
		Object::Ptr reference = references->getObject(i);
		const bool isOwner = !ownerUid.empty() && Json::string(reference, "uid") == ownerUid;
		if (orphan ? !isOwner : (!isOwner && ownerAlive(reference, dependent.ns))) kept->add(reference);
	}
	if (kept->size() == references->size()) return;
	if (kept->size() == 0 && !orphan)
	{
		deleteObject(resource, dependent.ns, dependent.name);
		return;
	}
	if (!patchMetadata(resource, dependent, "ownerReferences", kept))
		enqueue(Task{Task::VerifyOwners, &resource, dependent.ns, dependent.name, dependent.uid});
}

void GarbageCollector::finalize(const Task& task)
{
	StoredObjectPtr object = _registry.store().get(*task.resource, task.ns, task.name);
	if (!object || object->uid != task.uid) return;
	const std::string ownerNs = task.resource->namespaced ? task.ns : "";
	std::string finalizer;
	if (hasFinalizer(*object, ORPHAN))
	{
		for (const auto& dependent: dependentsOf(task.uid, ownerNs))
			handleDependent(*dependent.first, *dependent.second, task.uid, true);
		finalizer = ORPHAN;
	}
	else if (hasFinalizer(*object, FOREGROUND))
	{
		auto dependents = dependentsOf(task.uid, ownerNs);
		for (const auto& dependent: dependents)
		{
			if (!ObjectPreparer::beingDeleted(dependent.second->object))
				handleDependent(*dependent.first, *dependent.second, task.uid, false);
		}
		// Dependents with blockOwnerDeletion hold the owner until they are gone.
		for (const auto& dependent: dependentsOf(task.uid, ownerNs))
		{
			Array::Ptr references = ownerReferences(*dependent.second);
			for (unsigned i = 0; references && i < references->size(); ++i)
			{
				Object::Ptr reference = references->getObject(i);
				if (Json::string(reference, "uid") == task.uid && Json::string(reference, "blockOwnerDeletion") == "true")
				{
					enqueue(task);
					return;
				}
			}
		}
		finalizer = FOREGROUND;
	}
	if (finalizer.empty()) return;
	object = _registry.store().get(*task.resource, task.ns, task.name);
	if (!object) return;
	Array::Ptr remaining = new Array;
	Array::Ptr finalizers = Json::array(Json::object(object->object, "metadata"), "finalizers");
	for (unsigned i = 0; finalizers && i < finalizers->size(); ++i)
	{
		if (finalizers->get(i).convert<std::string>() != finalizer) remaining->add(finalizers->get(i));
	}
	if (!patchMetadata(*task.resource, *object, "finalizers", remaining)) enqueue(task);
}

void GarbageCollector::finalizeNamespace(const Task& task)
{
	bool remaining = false;
	for (const auto& info: ResourceCatalog::all())
	{
		if (!info.namespaced) continue;
		std::uint64_t rv = 0;
		for (const auto& object: _registry.store().snapshot(info, task.ns.empty() ? task.name : task.ns, rv))
		{
			remaining = true;
			if (!ObjectPreparer::beingDeleted(object->object)) deleteObject(info, object->ns, object->name);
		}
	}
	if (remaining)
	{
		enqueue(task);
		return;
	}
	// Empty: clear spec.finalizers ("kubernetes"), which lets the namespace go.
	StoredObjectPtr ns = _registry.store().get(*task.resource, "", task.name);
	if (!ns || ns->uid != task.uid) return;
	Object::Ptr patch = new Object;
	Object::Ptr spec = new Object;
	spec->set("finalizers", Array::Ptr(new Array));
	patch->set("spec", spec);
	try
	{
		_registry.patch(*task.resource, "", task.name, "application/merge-patch+json", Json::stringify(patch), false, ResourceRegistry::WriteOptions());
	}
	catch (StatusError&)
	{
		enqueue(task);
	}
}

bool GarbageCollector::patchMetadata(const ResourceInfo& resource, const StoredObject& object, const std::string& field, const Array::Ptr& values)
{
	// The resourceVersion makes the patch conditional: a concurrent writer wins
	// and the task is retried against the new state.
	Object::Ptr metadata = new Object;
	metadata->set("resourceVersion", std::to_string(object.resourceVersion));
	if (values->size() > 0) metadata->set(field, values);
	else metadata->set(field, Poco::Dynamic::Var());
	Object::Ptr patch = new Object;
	patch->set("metadata", metadata);
	try
	{
		_registry.patch(resource, object.ns, object.name, "application/merge-patch+json", Json::stringify(patch), false, ResourceRegistry::WriteOptions());
		return true;
	}
	catch (StatusError& e)
	{
		return e.httpCode() == 404;
	}
}

void GarbageCollector::deleteObject(const ResourceInfo& resource, const std::string& ns, const std::string& name)
{
	DeleteOptions options;
	options.propagationPolicy = "Background";
	try
	{
		_registry.remove(resource, ns, name, options);
	}
	catch (StatusError&)
	{
		// Already gone or changed concurrently: nothing left to collect.
	}
}

} } // namespace sbomop::kubesim
