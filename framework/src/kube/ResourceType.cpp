//
// ResourceType.cpp
//

#include "sbomop/kube/ResourceType.h"
#include <Poco/Exception.h>
#include <Poco/URI.h>

namespace sbomop {
namespace kube {

namespace
{
	std::string segment(const std::string& value)
	{
		// Names are DNS subdomains in practice; encoding keeps a stray "/" or
		// "?" from changing the meaning of the URL.
		std::string encoded;
		Poco::URI::encode(value, "/?#%", encoded);
		return encoded;
	}
}

const ResourceType ResourceType::PODS("", "v1", "pods", "Pod", true);
const ResourceType ResourceType::NAMESPACES("", "v1", "namespaces", "Namespace", false);
const ResourceType ResourceType::SECRETS("", "v1", "secrets", "Secret", true);
const ResourceType ResourceType::CONFIGMAPS("", "v1", "configmaps", "ConfigMap", true);
const ResourceType ResourceType::JOBS("batch", "v1", "jobs", "Job", true);
const ResourceType ResourceType::LEASES("coordination.k8s.io", "v1", "leases", "Lease", true);

ResourceType::ResourceType(const std::string& group, const std::string& version, const std::string& plural,
	const std::string& kind, bool namespaced):
	_group(group),
	_version(version),
	_plural(plural),
	_kind(kind),
	_namespaced(namespaced)
{
}

std::string ResourceType::apiVersion() const
{
	return _group.empty() ? _version : _group + "/" + _version;
}

std::string ResourceType::qualifiedName() const
{
	return _group.empty() ? _plural : _plural + "." + _group;
}

std::string ResourceType::collectionPath(const std::string& ns) const
{
	std::string path = _group.empty() ? "/api/" + _version : "/apis/" + _group + "/" + _version;
	if (_namespaced && !ns.empty())
	{
		path += "/namespaces/" + segment(ns);
	}
	path += "/" + _plural;
	return path;
}

std::string ResourceType::objectPath(const std::string& ns, const std::string& name, const std::string& subresource) const
{
	if (name.empty())
	{
		throw Poco::InvalidArgumentException("a " + _kind + " name is required");
	}
	if (_namespaced && ns.empty())
	{
		throw Poco::InvalidArgumentException(_kind + " \"" + name + "\" is namespaced: a namespace is required");
	}
	std::string path = collectionPath(ns) + "/" + segment(name);
	if (!subresource.empty())
	{
		path += "/" + segment(subresource);
	}
	return path;
}

bool ResourceType::operator == (const ResourceType& other) const
{
	return _group == other._group && _version == other._version && _plural == other._plural
		&& _kind == other._kind && _namespaced == other._namespaced;
}

bool ResourceType::operator != (const ResourceType& other) const
{
	return !(*this == other);
}

} } // namespace sbomop::kube
