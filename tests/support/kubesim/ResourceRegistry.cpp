//
// ResourceRegistry.cpp
//

#include "kubesim/ResourceRegistry.h"
#include "kubesim/Json.h"
#include "kubesim/JsonPatch.h"
#include "kubesim/MergePatch.h"
#include "kubesim/ObjectPreparer.h"
#include "kubesim/ObjectValidator.h"
#include "kubesim/SchemaValidator.h"
#include "kubesim/StatusError.h"
#include "kubesim/StrategicMergePatch.h"
#include <random>

using Poco::Dynamic::Var;
using Poco::JSON::Array;
using Poco::JSON::Object;

namespace sbomop {
namespace kubesim {

namespace
{
	const ResourceInfo& namespaces()
	{
		return ResourceCatalog::get("namespaces");
	}
}

ResourceRegistry::ResourceRegistry(ObjectStore& store):
	_store(store),
	_lister(store),
	_schema(nullptr)
{
}

ResourceRegistry::~ResourceRegistry()
{
}

void ResourceRegistry::setObserver(RegistryObserver* observer)
{
	_observers.set(observer);
}

void ResourceRegistry::addObserver(RegistryObserver* observer)
{
	_observers.add(observer);
}

void ResourceRegistry::removeObserver(RegistryObserver* observer)
{
	_observers.remove(observer);
}

void ResourceRegistry::setSchemaValidator(const SchemaValidator* schema)
{
	_schema = schema;
}

void ResourceRegistry::validate(const ResourceInfo& resource, const Object::Ptr& object, const Object::Ptr& old) const
{
	ObjectValidator::validate(resource, object, old);
	FieldValidation::requireFields(_schema, resource, object);
}

ListReader& ResourceRegistry::lister()
{
	return _lister;
}

ObjectStore& ResourceRegistry::store()
{
	return _store;
}

std::string ResourceRegistry::generateName(const std::string& prefix)
{
	static const char ALPHABET[] = "bcdfghjklmnpqrstvwxz2456789";
	static std::mutex mutex;
	static std::mt19937 random{std::random_device{}()};
	std::string name = prefix.size() > 58 ? prefix.substr(0, 58) : prefix;
	std::lock_guard<std::mutex> lock(mutex);
	std::uniform_int_distribution<int> pick(0, static_cast<int>(sizeof(ALPHABET)) - 2);
	for (int i = 0; i < 5; ++i) name += ALPHABET[pick(random)];
	return name;
}

void ResourceRegistry::checkNamespace(const ResourceInfo& resource, const std::string& ns, const std::string& name) const
{
	if (!resource.namespaced) return;
	StoredObjectPtr nsObject = _store.get(namespaces(), "", ns);
	if (!nsObject) throw StatusError::notFound(namespaces(), ns);
	if (ObjectPreparer::beingDeleted(nsObject->object))
		throw StatusError::forbidden(resource, name, "unable to create new content in namespace " + ns + " because it is being terminated");
}

ResourceRegistry::WriteResult ResourceRegistry::create(const ResourceInfo& resource, const std::string& ns, const Object::Ptr& body, const WriteOptions& options)
{
	Object::Ptr object = ObjectPreparer::normalize(resource, ns, body);
	std::vector<std::string> warnings;
	FieldValidation::decode(_schema, resource, object, options.fieldValidation, FieldValidation::Source::Body, warnings);
	Object::Ptr metadata = Json::metadata(object);
	const std::string generatePrefix = Json::string(metadata, "generateName");
	const bool generated = Json::string(metadata, "name").empty() && !generatePrefix.empty();
	checkNamespace(resource, ns, Json::string(metadata, "name"));
	// Newer servers retry a generated name up to 8 times before giving up.
	for (int attempt = 0;; ++attempt)
	{
		Object::Ptr candidate = Json::deepCopy(object);
		if (generated) Json::metadata(candidate)->set("name", generateName(generatePrefix));
		ObjectPreparer::prepareCreate(resource, candidate);
		validate(resource, candidate, nullptr);
		const std::string name = Json::string(Json::metadata(candidate), "name");
		try
		{
			ObjectStore::WriteResult result = _store.write(resource, ns, name, [&](const StoredObjectPtr& current)
			{
				if (current) throw StatusError::alreadyExists(resource, name);
				checkNamespace(resource, ns, name);
				return ObjectStore::Change::put(candidate);
			}, options.dryRun);
			if (!options.dryRun) notifyWritten(resource, result, true);
			return WriteResult{result.object, true, warnings};
		}
		catch (StatusError& e)
		{
			if (!generated || e.reason() != "AlreadyExists") throw;
			if (attempt >= 7)
			{
				e.setRetryAfter(1);
				throw;
			}
		}
	}
}

ResourceRegistry::ListPage ResourceRegistry::list(const ResourceInfo& resource, const std::string& ns, const ListOptions& options) const
{
	return _lister.list(resource, ns, options);
}

StoredObjectPtr ResourceRegistry::get(const ResourceInfo& resource, const std::string& ns, const std::string& name) const
{
	StoredObjectPtr object = _store.get(resource, ns, name);
	if (!object) throw StatusError::notFound(resource, name);
	return object;
}

ObjectStore::Change ResourceRegistry::finishUpdate(const ResourceInfo& resource, const StoredObjectPtr& current, const Object::Ptr& object) const
{
	validate(resource, object, current->object);
	// An object waiting for deletion goes once its last finalizer is removed;
	// a namespace also waits for its spec.finalizers (the namespace controller).
	if (ObjectPreparer::beingDeleted(object) && !ObjectPreparer::hasFinalizers(object))
	{
		Array::Ptr specFinalizers = Json::array(Json::object(object, "spec"), "finalizers");
		if (resource.kind != "Namespace" || !specFinalizers || specFinalizers->size() == 0) return ObjectStore::Change::remove();
	}
	return ObjectStore::Change::put(object);
}

ResourceRegistry::WriteResult ResourceRegistry::writeExisting(const ResourceInfo& resource, const std::string& ns, const std::string& name,
	const Object::Ptr& createBody, const std::function<Object::Ptr(const StoredObject&)>& change, const WriteOptions& options)
{
	bool created = false;
	ObjectStore::WriteResult result = _store.write(resource, ns, name, [&](const StoredObjectPtr& current)
	{
		if (!current)
		{
			if (!createBody) throw StatusError::notFound(resource, name);
			checkNamespace(resource, ns, name);
			Object::Ptr object = Json::deepCopy(createBody);
			if (Json::string(Json::metadata(object), "name").empty()) Json::metadata(object)->set("name", name);
			ObjectPreparer::prepareCreate(resource, object);
			validate(resource, object, nullptr);
			created = true;
			return ObjectStore::Change::put(object);
		}
		return finishUpdate(resource, current, change(*current));
	}, options.dryRun);
	if (!options.dryRun) notifyWritten(resource, result, created);
	return WriteResult{result.object, created, {}};
}

ResourceRegistry::WriteResult ResourceRegistry::update(const ResourceInfo& resource, const std::string& ns, const std::string& name,
	const Object::Ptr& body, bool statusOnly, const WriteOptions& options)
{
	Object::Ptr object = ObjectPreparer::normalize(resource, ns, body);
	Object::Ptr metadata = Json::metadata(object);
	const std::string bodyName = Json::string(metadata, "name");
	if (bodyName != name)
		throw StatusError::badRequest("the name of the object (" + bodyName + ") does not match the name on the URL (" + name + ")");
	const std::string requested = Json::string(metadata, "resourceVersion");
	std::vector<std::string> warnings;
	FieldValidation::decode(_schema, resource, object, options.fieldValidation, FieldValidation::Source::Body, warnings);
	Object::Ptr createBody = resource.allowCreateOnUpdate && !statusOnly ? object : nullptr;
	WriteResult result = writeExisting(resource, ns, name, createBody, [&](const StoredObject& current)
	{
		if (requested.empty())
		{
			if (!resource.allowUnconditionalUpdate)
			{
				throw StatusError::invalid(resource, name, {{"FieldValueInvalid",
					StatusError::causeBody("FieldValueInvalid", "0x0: must be specified for an update"), "metadata.resourceVersion"}});
			}
		}
		else if (requested != std::to_string(current.resourceVersion))
		{
			throw StatusError::staleConflict(resource, name);
		}
		return ObjectPreparer::prepareUpdate(resource, current, Json::deepCopy(object), statusOnly);
	}, options);
	result.warnings = warnings;
	return result;
}

ResourceRegistry::WriteResult ResourceRegistry::patch(const ResourceInfo& resource, const std::string& ns, const std::string& name,
	const std::string& contentType, const std::string& body, bool statusOnly, const WriteOptions& options)
{
	const std::string type = contentType.substr(0, contentType.find(';'));
	const bool apply = type == "application/apply-patch+yaml";
	if (type != "application/json-patch+json" && type != "application/merge-patch+json"
		&& type != "application/strategic-merge-patch+json" && !apply)
	{
		throw StatusError::unsupportedMediaType("the body of the request was in an unknown format - accepted media types include: "
			"application/json-patch+json, application/merge-patch+json, application/apply-patch+yaml, application/strategic-merge-patch+json");
	}
	if (apply && options.fieldManager.empty())
		throw StatusError::invalidOptions("PatchOptions", {{"FieldValueRequired", StatusError::causeBody("FieldValueRequired", "is required for apply patch"), "fieldManager"}});
	if (!apply && options.hasForce)
		throw StatusError::invalidOptions("PatchOptions", {{"FieldValueForbidden", StatusError::causeBody("FieldValueForbidden", "may not be specified for non-apply patch"), "force"}});

	Object::Ptr patchObject;
	if (type != "application/json-patch+json")
	{
		try
		{
			patchObject = Json::parseObject(body);
		}
		catch (Poco::Exception& e)
		{
			throw StatusError::badRequest(e.message());
		}
	}
	std::vector<std::string> warnings;
	Object::Ptr createBody;
	if (apply)
	{
		Object::Ptr configuration = ObjectPreparer::normalize(resource, ns, patchObject);
		FieldValidation::decode(_schema, resource, configuration, options.fieldValidation, FieldValidation::Source::Apply, warnings);
		if (!statusOnly) createBody = configuration;
	}
	WriteResult result = writeExisting(resource, ns, name, createBody, [&](const StoredObject& current)
	{
		Var patched;
		if (type == "application/json-patch+json") patched = JsonPatch::apply(current.object, body);
		else if (type == "application/merge-patch+json") patched = MergePatch::apply(current.object, patchObject);
		else patched = StrategicMergePatch::apply(current.object, patchObject);
		if (!Json::isObject(patched)) throw StatusError(422, "Invalid", "the server rejected our request due to an error in our request", new Object);
		Object::Ptr object = patched.extract<Object::Ptr>();
		object->set("kind", resource.kind);
		object->set("apiVersion", resource.apiVersion());
		Object::Ptr metadata = Json::metadata(object);
		const std::string requested = Json::string(metadata, "resourceVersion");
		if (!requested.empty() && requested != std::to_string(current.resourceVersion)) throw StatusError::staleConflict(resource, name);
		if (resource.namespaced) metadata->set("namespace", ns);
		if (resource.kind == "Secret") ObjectPreparer::mergeStringData(object);
		if (!apply) FieldValidation::decode(_schema, resource, object, options.fieldValidation, FieldValidation::Source::Patch, warnings);
		return ObjectPreparer::prepareUpdate(resource, current, object, statusOnly);
	}, options);
	result.warnings = warnings;
	return result;
}

void ResourceRegistry::notifyWritten(const ResourceInfo& resource, const ObjectStore::WriteResult& result, bool created) const
{
	_observers.notify(resource, result, created);
}

namespace
{
	void addFinalizer(Object::Ptr metadata, const std::string& finalizer)
	{
		Array::Ptr finalizers = Json::array(metadata, "finalizers");
		if (!finalizers)
		{
			finalizers = new Array;
			metadata->set("finalizers", finalizers);
		}
		for (unsigned i = 0; i < finalizers->size(); ++i)
		{
			if (finalizers->get(i).convert<std::string>() == finalizer) return;
		}
		finalizers->add(finalizer);
	}
}

ResourceRegistry::DeleteResult ResourceRegistry::remove(const ResourceInfo& resource, const std::string& ns, const std::string& name, const DeleteOptions& options)
{
	DeleteResult outcome;
	const std::string policy = options.effectivePolicy(resource.orphanByDefault);
	if (resource.orphanByDefault && !options.policyGiven())
	{
		outcome.warnings.push_back("child pods are preserved by default when jobs are deleted; set propagationPolicy=Background "
			"to remove them or set propagationPolicy=Orphan to suppress this warning");
	}
	ObjectStore::WriteResult result = _store.write(resource, ns, name, [&](const StoredObjectPtr& current)
	{
		if (!current) throw StatusError::notFound(resource, name);
		if (!options.preconditionUid.empty() && options.preconditionUid != current->uid)
		{
			throw StatusError::conflict(resource, name, "Precondition failed: UID in precondition: " + options.preconditionUid
				+ ", UID in object meta: " + current->uid);
		}
		if (!options.preconditionResourceVersion.empty() && options.preconditionResourceVersion != std::to_string(current->resourceVersion))
		{
			throw StatusError::conflict(resource, name, "Precondition failed: ResourceVersion in precondition: "
				+ options.preconditionResourceVersion + ", ResourceVersion in object meta: " + std::to_string(current->resourceVersion));
		}
		if (ObjectPreparer::beingDeleted(current->object)) return ObjectStore::Change::none();
		const std::string finalizer = policy == "Foreground" ? "foregroundDeletion" : policy == "Orphan" ? "orphan" : "";
		if (resource.kind != "Namespace" && finalizer.empty() && !ObjectPreparer::hasFinalizers(current->object)) return ObjectStore::Change::remove();
		// Deletion waits: for finalizers, for the garbage collector
		// (orphan/foregroundDeletion) or for the namespace controller.
		Object::Ptr object = Json::deepCopy(current->object);
		Object::Ptr metadata = Json::metadata(object);
		metadata->set("deletionTimestamp", Json::nowRfc3339());
		metadata->set("deletionGracePeriodSeconds", 0);
		if (resource.kind == "Namespace") Json::ensureObject(object, "status")->set("phase", "Terminating");
		else if (!finalizer.empty()) addFinalizer(metadata, finalizer);
		return ObjectStore::Change::put(object);
	}, options.dryRun);
	outcome.object = result.object;
	outcome.removed = result.applied == ObjectStore::Change::Remove;
	if (!options.dryRun) notifyWritten(resource, result, false);
	return outcome;
}

std::vector<StoredObjectPtr> ResourceRegistry::removeCollection(const ResourceInfo& resource, const std::string& ns,
	const ListOptions& selection, const DeleteOptions& options, std::vector<std::string>& warnings)
{
	ListOptions current = selection;
	current.limit = 0;
	current.continueToken.clear();
	current.resourceVersion.clear();
	current.hasResourceVersion = false;
	ListPage page = list(resource, ns, current);
	std::vector<StoredObjectPtr> deleted;
	for (const auto& item: page.items)
	{
		try
		{
			DeleteResult result = remove(resource, item->ns, item->name, options);
			deleted.push_back(result.object);
			if (warnings.empty()) warnings = result.warnings;
		}
		catch (StatusError& e)
		{
			if (e.httpCode() != 404) throw;
		}
	}
	return deleted;
}

StoredObjectPtr ResourceRegistry::seed(const Object::Ptr& fixture)
{
	const ResourceInfo* resource = ResourceCatalog::findByKind(Json::string(fixture, "apiVersion"), Json::string(fixture, "kind"));
	if (!resource)
	{
		throw Poco::InvalidArgumentException("kind not served by kube-sim",
			Json::string(fixture, "apiVersion") + " " + Json::string(fixture, "kind"));
	}
	Object::Ptr object = Json::deepCopy(fixture);
	Object::Ptr metadata = Json::metadata(object);
	std::string ns = resource->namespaced ? Json::string(metadata, "namespace", "default") : "";
	if (ns.empty() && resource->namespaced) ns = "default";
	if (resource->namespaced && !_store.get(namespaces(), "", ns))
	{
		Object::Ptr nsObject = new Object;
		nsObject->set("apiVersion", "v1");
		nsObject->set("kind", "Namespace");
		Json::metadata(nsObject)->set("name", ns);
		seed(nsObject);
	}
	object = ObjectPreparer::normalize(*resource, ns, object);
	metadata = Json::metadata(object);
	const std::string name = Json::string(metadata, "name");
	// Keep what the fixture says the server owns; fill in what it lacks.
	const std::string uid = Json::string(metadata, "uid");
	const std::string created = Json::string(metadata, "creationTimestamp");
	Var status = object->has("status") ? object->get("status") : Var();
	ObjectPreparer::prepareCreate(*resource, object);
	metadata = Json::metadata(object);
	if (!uid.empty()) metadata->set("uid", uid);
	if (!created.empty()) metadata->set("creationTimestamp", created);
	if (!status.isEmpty()) object->set("status", status);
	if (Json::isObject(fixture->get("metadata")))
	{
		Object::Ptr original = fixture->getObject("metadata");
		for (const char* field: {"generation", "deletionTimestamp", "deletionGracePeriodSeconds"})
		{
			if (original->has(field)) metadata->set(field, original->get(field));
		}
	}
	ObjectValidator::validate(*resource, object, nullptr);
	ObjectStore::WriteResult result = _store.write(*resource, ns, name, [&](const StoredObjectPtr&)
	{
		return ObjectStore::Change::put(object);
	});
	notifyWritten(*resource, result, false);
	return result.object;
}

void ResourceRegistry::seedList(const Object::Ptr& list)
{
	Array::Ptr items = Json::array(list, "items");
	if (!items)
	{
		seed(list);
		return;
	}
	for (int pass = 0; pass < 2; ++pass)
	{
		for (unsigned i = 0; i < items->size(); ++i)
		{
			Object::Ptr item = items->getObject(i);
			if (!item) continue;
			const bool isNamespace = Json::string(item, "kind") == "Namespace";
			if ((pass == 0) == isNamespace) seed(item);
		}
	}
}

} } // namespace sbomop::kubesim
