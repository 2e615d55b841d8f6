//
// ObjectUpdater.cpp
//

#include "kubesim/ObjectUpdater.h"
#include "kubesim/Json.h"
#include "kubesim/StatusError.h"
#include <Poco/JSON/Array.h>

using Poco::JSON::Array;
using Poco::JSON::Object;

namespace sbomop {
namespace kubesim {

namespace
{
	const int MAX_ATTEMPTS = 50;
}

ObjectUpdater::ObjectUpdater(ResourceRegistry& registry):
	_registry(registry)
{
}

bool ObjectUpdater::update(const ResourceInfo& resource, const std::string& ns, const std::string& name, const std::string& uid,
	const Change& change, bool statusOnly) const
{
	ResourceRegistry::WriteOptions options;
	options.fieldValidation = FieldValidation::Directive::Ignore;
	for (int attempt = 0; attempt < MAX_ATTEMPTS; ++attempt)
	{
		StoredObjectPtr current = _registry.store().get(resource, ns, name);
		if (!current || (!uid.empty() && current->uid != uid)) return false;
		Object::Ptr copy = Json::deepCopy(current->object);
		if (!change(copy)) return false;
		try
		{
			_registry.update(resource, ns, name, copy, statusOnly, options);
			return true;
		}
		catch (StatusError& e)
		{
			if (e.httpCode() == 404) return false;
			if (e.httpCode() != 409) throw;
			// Someone wrote in between: read again.
		}
	}
	throw StatusError::conflict(resource, name, "kept conflicting with other writers");
}

bool ObjectUpdater::removeFinalizer(const ResourceInfo& resource, const std::string& ns, const std::string& name, const std::string& uid,
	const std::string& finalizer) const
{
	return update(resource, ns, name, uid, [&](Object::Ptr object)
	{
		Object::Ptr metadata = Json::metadata(object);
		Array::Ptr finalizers = Json::array(metadata, "finalizers");
		if (!finalizers) return false;
		Array::Ptr kept = new Array;
		for (unsigned i = 0; i < finalizers->size(); ++i)
		{
			if (finalizers->get(i).convert<std::string>() != finalizer) kept->add(finalizers->get(i));
		}
		if (kept->size() == finalizers->size()) return false;
		if (kept->size() == 0) metadata->remove("finalizers");
		else metadata->set("finalizers", kept);
		return true;
	}, false);
}

} } // namespace sbomop::kubesim
