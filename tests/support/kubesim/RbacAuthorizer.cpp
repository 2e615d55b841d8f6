//
// RbacAuthorizer.cpp
//

#include "kubesim/RbacAuthorizer.h"
#include "kubesim/Json.h"
#include "kubesim/ObjectStore.h"
#include "kubesim/ResourceCatalog.h"
#include <Poco/JSON/Array.h>
#include <Poco/String.h>

using Poco::JSON::Array;
using Poco::JSON::Object;

namespace sbomop {
namespace kubesim {

namespace
{
	const std::string SERVICE_ACCOUNT_PREFIX = "system:serviceaccount:";

	// A rule field lists `value` itself or the wildcard.
	bool lists(const Array::Ptr& values, const std::string& value)
	{
		if (!values) return false;
		for (std::size_t i = 0; i < values->size(); ++i)
		{
			const std::string entry = values->get(static_cast<unsigned>(i)).toString();
			if (entry == "*" || entry == value) return true;
		}
		return false;
	}

	// rbac/v1 ResourceMatches: "pods/status", "*", or "*/status" for any
	// resource's status subresource.
	bool resourceListed(const Array::Ptr& resources, const std::string& resource, const std::string& subresource)
	{
		if (!resources) return false;
		const std::string combined = subresource.empty() ? resource : resource + "/" + subresource;
		for (std::size_t i = 0; i < resources->size(); ++i)
		{
			const std::string entry = resources->get(static_cast<unsigned>(i)).toString();
			if (entry == "*" || entry == combined) return true;
			if (!subresource.empty() && entry == "*/" + subresource) return true;
		}
		return false;
	}
}

RbacRequest RbacRequest::forServiceAccount(const std::string& user)
{
	RbacRequest request;
	request.user = user;
	request.groups = {"system:serviceaccounts"};
	if (Poco::startsWith(user, SERVICE_ACCOUNT_PREFIX))
	{
		const std::string rest = user.substr(SERVICE_ACCOUNT_PREFIX.size());
		request.groups.push_back("system:serviceaccounts:" + rest.substr(0, rest.find(':')));
	}
	request.groups.push_back("system:authenticated");
	return request;
}

RbacAuthorizer::RbacAuthorizer(const ObjectStore& store):
	_store(store)
{
}

bool RbacAuthorizer::allows(const RbacRequest& request) const
{
	std::uint64_t resourceVersion = 0;
	for (const auto& binding: _store.snapshot(ResourceCatalog::get("clusterrolebindings"), "", resourceVersion))
	{
		if (bindingGrants(binding->object, "", request)) return true;
	}
	if (request.ns.empty()) return false;
	for (const auto& binding: _store.snapshot(ResourceCatalog::get("rolebindings"), request.ns, resourceVersion))
	{
		if (bindingGrants(binding->object, request.ns, request)) return true;
	}
	return false;
}

bool RbacAuthorizer::bindingGrants(const Object::Ptr& binding, const std::string& bindingNamespace, const RbacRequest& request) const
{
	bool bound = false;
	const Array::Ptr subjects = Json::array(binding, "subjects");
	for (std::size_t i = 0; subjects && !bound && i < subjects->size(); ++i)
	{
		bound = subjectMatches(subjects->getObject(static_cast<unsigned>(i)), bindingNamespace, request);
	}
	if (!bound) return false;

	const Object::Ptr roleRef = Json::object(binding, "roleRef");
	const std::string kind = Json::string(roleRef, "kind");
	StoredObjectPtr role;
	// A RoleBinding may reference a Role of its own namespace or a ClusterRole.
	if (kind == "ClusterRole") role = _store.get(ResourceCatalog::get("clusterroles"), "", Json::string(roleRef, "name"));
	else if (kind == "Role" && !bindingNamespace.empty()) role = _store.get(ResourceCatalog::get("roles"), bindingNamespace, Json::string(roleRef, "name"));
	if (!role) return false;

	const Array::Ptr rules = Json::array(role->object, "rules");
	for (std::size_t i = 0; rules && i < rules->size(); ++i)
	{
		if (ruleGrants(rules->getObject(static_cast<unsigned>(i)), request)) return true;
	}
	return false;
}

bool RbacAuthorizer::subjectMatches(const Object::Ptr& subject, const std::string& bindingNamespace, const RbacRequest& request)
{
	if (!subject) return false;
	const std::string kind = Json::string(subject, "kind");
	const std::string name = Json::string(subject, "name");
	if (kind == "ServiceAccount")
	{
		const std::string ns = Json::string(subject, "namespace", bindingNamespace);
		return !ns.empty() && request.user == SERVICE_ACCOUNT_PREFIX + ns + ":" + name;
	}
	if (kind == "User") return request.user == name;
	if (kind == "Group")
	{
		for (const auto& group: request.groups)
		{
			if (group == name) return true;
		}
	}
	return false;
}

bool RbacAuthorizer::ruleGrants(const Object::Ptr& rule, const RbacRequest& request)
{
	if (!rule) return false;
	if (!lists(Json::array(rule, "verbs"), request.verb)) return false;
	if (!lists(Json::array(rule, "apiGroups"), request.apiGroup)) return false;
	if (!resourceListed(Json::array(rule, "resources"), request.resource, request.subresource)) return false;
	const Array::Ptr names = Json::array(rule, "resourceNames");
	if (!names || names->size() == 0) return true;
	// Named rules never grant requests without a name (list, create, ...).
	for (std::size_t i = 0; !request.name.empty() && i < names->size(); ++i)
	{
		if (names->get(static_cast<unsigned>(i)).toString() == request.name) return true;
	}
	return false;
}

StatusError RbacAuthorizer::forbidden(const RbacRequest& request)
{
	const std::string resource = request.subresource.empty() ? request.resource : request.resource + "/" + request.subresource;
	std::string reason = "User " + StatusError::quote(request.user) + " cannot " + request.verb + " resource " + StatusError::quote(resource)
		+ " in API group " + StatusError::quote(request.apiGroup);
	reason += request.ns.empty() ? std::string(" at the cluster scope") : " in the namespace " + StatusError::quote(request.ns);
	const std::string qualified = request.apiGroup.empty() ? request.resource : request.resource + "." + request.apiGroup;
	const std::string subject = request.name.empty() ? qualified : qualified + " " + StatusError::quote(request.name);
	Object::Ptr details = new Object;
	if (!request.name.empty()) details->set("name", request.name);
	if (!request.apiGroup.empty()) details->set("group", request.apiGroup);
	details->set("kind", request.resource);
	return StatusError(403, "Forbidden", subject + " is forbidden: " + reason, details);
}

StatusError RbacAuthorizer::forbiddenPath(const std::string& user, const std::string& verb, const std::string& path)
{
	return StatusError(403, "Forbidden", "forbidden: User " + StatusError::quote(user) + " cannot " + verb + " path " + StatusError::quote(path),
		new Object);
}

} } // namespace sbomop::kubesim
