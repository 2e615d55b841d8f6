//
// Discovery.cpp
//

#include "kubesim/Discovery.h"
#include "kubesim/ResourceCatalog.h"
#include <Poco/Exception.h>
#include <Poco/JSON/Array.h>
#include <Poco/StringTokenizer.h>
#include <vector>

using Poco::JSON::Array;
using Poco::JSON::Object;

namespace sbomop {
namespace kubesim {

namespace
{
	Array::Ptr strings(const std::vector<std::string>& values)
	{
		Array::Ptr array = new Array;
		for (const auto& value: values) array->add(value);
		return array;
	}

	Object::Ptr groupVersion(const std::string& group, const std::string& version)
	{
		Object::Ptr entry = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
		entry->set("groupVersion", group + "/" + version);
		entry->set("version", version);
		return entry;
	}

	Object::Ptr apiGroup(const std::string& group)
	{
		std::string version;
		for (const auto& info: ResourceCatalog::all())
		{
			if (info.group == group) version = info.version;
		}
		Object::Ptr document = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
		document->set("name", group);
		Array::Ptr versions = new Array;
		versions->add(groupVersion(group, version));
		document->set("versions", versions);
		document->set("preferredVersion", groupVersion(group, version));
		return document;
	}

	Object::Ptr subresource(const ResourceInfo& info, const std::string& name, const std::vector<std::string>& verbs)
	{
		Object::Ptr entry = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
		entry->set("name", info.plural + "/" + name);
		entry->set("singularName", "");
		entry->set("namespaced", info.namespaced);
		entry->set("kind", info.kind);
		entry->set("verbs", strings(verbs));
		return entry;
	}

	Object::Ptr resourceList(const std::string& group, const std::string& version)
	{
		Object::Ptr document = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
		document->set("kind", "APIResourceList");
		document->set("apiVersion", "v1");
		document->set("groupVersion", group.empty() ? version : group + "/" + version);
		Array::Ptr resources = new Array;
		for (const auto& info: ResourceCatalog::all())
		{
			if (info.group != group || info.version != version || !ResourceCatalog::served(info)) continue;
			Object::Ptr entry = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
			entry->set("name", info.plural);
			entry->set("singularName", info.singular);
			entry->set("namespaced", info.namespaced);
			entry->set("kind", info.kind);
			std::vector<std::string> verbs = {"create", "delete", "deletecollection", "get", "list", "patch", "update", "watch"};
			if (!info.namespaced) verbs.erase(verbs.begin() + 2);
			entry->set("verbs", strings(verbs));
			if (!info.shortNames.empty()) entry->set("shortNames", strings(info.shortNames));
			if (!info.categories.empty()) entry->set("categories", strings(info.categories));
			entry->set("storageVersionHash", info.storageVersionHash);
			resources->add(entry);
			if (info.hasLog) resources->add(subresource(info, "log", {"get"}));
			if (info.hasStatus) resources->add(subresource(info, "status", {"get", "patch", "update"}));
		}
		document->set("resources", resources);
		return document;
	}
}

Object::Ptr Discovery::document(const std::string& path, const std::string& serverAddress)
{
	if (path == "/api")
	{
		Object::Ptr document = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
		document->set("kind", "APIVersions");
		document->set("versions", strings({"v1"}));
		Array::Ptr addresses = new Array;
		Object::Ptr address = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
		address->set("clientCIDR", "0.0.0.0/0");
		address->set("serverAddress", serverAddress);
		addresses->add(address);
		document->set("serverAddressByClientCIDRs", addresses);
		return document;
	}
	if (path == "/api/v1") return resourceList("", "v1");
	if (path == "/apis")
	{
		Object::Ptr document = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
		document->set("kind", "APIGroupList");
		document->set("apiVersion", "v1");
		Array::Ptr groups = new Array;
		for (const auto& group: ResourceCatalog::groups()) groups->add(apiGroup(group));
		document->set("groups", groups);
		return document;
	}
	for (const auto& group: ResourceCatalog::groups())
	{
		if (path == "/apis/" + group)
		{
			Object::Ptr document = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
			document->set("kind", "APIGroup");
			document->set("apiVersion", "v1");
			Object::Ptr body = apiGroup(group);
			for (const auto& key: {"name", "versions", "preferredVersion"}) document->set(key, body->get(key));
			return document;
		}
		for (const auto& info: ResourceCatalog::all())
		{
			if (info.group == group && ResourceCatalog::served(info) && path == "/apis/" + group + "/" + info.version) return resourceList(group, info.version);
		}
	}
	return nullptr;
}

Object::Ptr Discovery::version(const std::string& version)
{
	Poco::StringTokenizer parts(version, ".");
	if (parts.count() != 3) throw Poco::SyntaxException("server version must be major.minor.patch", version);
	Object::Ptr document = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
	document->set("major", parts[0]);
	document->set("minor", parts[1]);
	document->set("gitVersion", "v" + version);
	document->set("gitCommit", "0000000000000000000000000000000000000000");
	document->set("gitTreeState", "clean");
	document->set("buildDate", "2024-01-01T00:00:00Z");
	document->set("goVersion", "go1.21.7");
	document->set("compiler", "gc");
	document->set("platform", "linux/amd64");
	return document;
}

} } // namespace sbomop::kubesim
