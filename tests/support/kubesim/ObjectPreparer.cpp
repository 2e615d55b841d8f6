//
// ObjectPreparer.cpp
//

#include "kubesim/ObjectPreparer.h"
#include "kubesim/Base64.h"
#include "kubesim/Json.h"
#include "kubesim/ObjectDefaulter.h"
#include "kubesim/StatusError.h"
#include <Poco/UUIDGenerator.h>
#include <vector>

using Poco::Dynamic::Var;
using Poco::JSON::Array;
using Poco::JSON::Object;

namespace sbomop {
namespace kubesim {

namespace
{
	const std::vector<std::string> SERVER_OWNED = {"uid", "resourceVersion", "creationTimestamp", "deletionTimestamp",
		"deletionGracePeriodSeconds", "generation", "managedFields", "selfLink"};
}

void ObjectPreparer::mergeStringData(Object::Ptr object)
{
	Object::Ptr stringData = Json::object(object, "stringData");
	object->remove("stringData");
	if (!stringData) return;
	Object::Ptr data = Json::ensureObject(object, "data");
	for (const auto& entry: *stringData)
	{
		data->set(entry.first, Base64::encode(entry.second.isEmpty() ? std::string() : entry.second.convert<std::string>()));
	}
}

bool ObjectPreparer::beingDeleted(const Object::Ptr& object)
{
	return !Json::string(Json::object(object, "metadata"), "deletionTimestamp").empty();
}

bool ObjectPreparer::hasFinalizers(const Object::Ptr& object)
{
	Array::Ptr finalizers = Json::array(Json::object(object, "metadata"), "finalizers");
	return finalizers && finalizers->size() > 0;
}

Object::Ptr ObjectPreparer::normalize(const ResourceInfo& resource, const std::string& ns, const Object::Ptr& body)
{
	const std::string kind = Json::string(body, "kind");
	const std::string apiVersion = Json::string(body, "apiVersion");
	if ((!kind.empty() && kind != resource.kind) || (!apiVersion.empty() && apiVersion != resource.apiVersion()))
	{
		throw StatusError::badRequest("the object provided is unrecognized (must be of type " + resource.kind + "): "
			+ "kind " + StatusError::quote(kind) + " in version " + StatusError::quote(apiVersion));
	}
	Object::Ptr object = Json::deepCopy(body);
	object->set("kind", resource.kind);
	object->set("apiVersion", resource.apiVersion());
	Object::Ptr metadata = Json::metadata(object);
	if (resource.namespaced)
	{
		const std::string bodyNs = Json::string(metadata, "namespace");
		if (!bodyNs.empty() && bodyNs != ns)
			throw StatusError::badRequest("the namespace of the provided object does not match the namespace sent on the request");
		metadata->set("namespace", ns);
	}
	else metadata->remove("namespace");
	if (resource.kind == "Secret") mergeStringData(object);
	return object;
}

void ObjectPreparer::prepareCreate(const ResourceInfo& resource, Object::Ptr object)
{
	Object::Ptr metadata = Json::metadata(object);
	for (const auto& field: SERVER_OWNED) metadata->remove(field);
	metadata->set("uid", Poco::UUIDGenerator::defaultGenerator().createRandom().toString());
	metadata->set("creationTimestamp", Json::nowRfc3339());
	if (resource.hasGeneration) metadata->set("generation", 1);
	ObjectDefaulter::applyDefaults(resource, object);
	ObjectDefaulter::prepareForCreate(resource, object);
}

Object::Ptr ObjectPreparer::prepareUpdate(const ResourceInfo& resource, const StoredObject& current, const Object::Ptr& incoming, bool statusOnly)
{
	Object::Ptr old = current.object;
	Object::Ptr result;
	if (statusOnly)
	{
		// Status writes change nothing but status (ResetObjectMetaForStatus).
		result = Json::deepCopy(old);
		if (incoming->has("status")) result->set("status", Json::deepCopy(incoming->get("status")));
		else result->remove("status");
		return result;
	}
	result = incoming;
	Object::Ptr metadata = Json::metadata(result);
	Object::Ptr oldMetadata = Json::metadata(old);
	for (const auto& field: SERVER_OWNED)
	{
		if (oldMetadata->has(field)) metadata->set(field, oldMetadata->get(field));
		else metadata->remove(field);
	}
	metadata->set("name", current.name);
	if (resource.hasStatus)
	{
		if (old->has("status")) result->set("status", Json::deepCopy(old->get("status")));
		else result->remove("status");
	}
	if (resource.kind == "Job")
	{
		// The selector is defaulted from the uid on create; keep it when omitted.
		Object::Ptr spec = Json::ensureObject(result, "spec");
		Object::Ptr oldSpec = Json::object(old, "spec");
		if (!spec->has("selector") && oldSpec && oldSpec->has("selector")) spec->set("selector", oldSpec->get("selector"));
	}
	ObjectDefaulter::applyDefaults(resource, result);
	if (resource.hasGeneration && !Json::equals(result->has("spec") ? result->get("spec") : Var(), old->has("spec") ? old->get("spec") : Var()))
	{
		const Poco::Int64 generation = oldMetadata->has("generation") ? oldMetadata->getValue<Poco::Int64>("generation") : 0;
		metadata->set("generation", generation + 1);
	}
	return result;
}

} } // namespace sbomop::kubesim
