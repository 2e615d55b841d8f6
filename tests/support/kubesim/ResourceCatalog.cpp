//
// ResourceCatalog.cpp
//

#include "kubesim/ResourceCatalog.h"
#include <Poco/Exception.h>
#include <atomic>

namespace sbomop {
namespace kubesim {

std::string ResourceInfo::apiVersion() const
{
	return group.empty() ? version : group + "/" + version;
}

std::string ResourceInfo::qualifiedResource() const
{
	return group.empty() ? plural : plural + "." + group;
}

std::string ResourceInfo::qualifiedKind() const
{
	return group.empty() ? kind : kind + "." + group;
}

std::string ResourceInfo::listKind() const
{
	return kind + "List";
}

std::string ResourceInfo::pathPrefix() const
{
	return group.empty() ? "/api/" + version : "/apis/" + group + "/" + version;
}

namespace
{
	ResourceInfo describe(const std::string& group, const std::string& plural, const std::string& kind,
		const std::string& storageVersionHash, const std::vector<std::string>& fieldLabels, bool namespaced = true)
	{
		ResourceInfo info;
		info.group = group;
		info.version = "v1";
		info.plural = plural;
		info.singular = plural.substr(0, plural.size() - 1);
		info.kind = kind;
		info.storageVersionHash = storageVersionHash;
		info.fieldLabels = fieldLabels;
		info.namespaced = namespaced;
		return info;
	}

	std::vector<ResourceInfo> buildCatalog()
	{
		// Field labels follow the v1.28 conversion functions
		// (pkg/apis/core/v1/conversion.go, pkg/apis/batch/v1/conversion.go).
		const std::vector<std::string> nameAndNamespace = {"metadata.name", "metadata.namespace"};
		std::vector<ResourceInfo> types;

		ResourceInfo configMaps = describe("", "configmaps", "ConfigMap", "qFsyl6wFWjQ=", nameAndNamespace);
		configMaps.shortNames = {"cm"};
		types.push_back(configMaps);

		ResourceInfo namespaces = describe("", "namespaces", "Namespace", "Q3oi5N2YM8M=", {"metadata.name", "status.phase"});
		namespaces.namespaced = false;
		namespaces.shortNames = {"ns"};
		namespaces.hasStatus = true;
		namespaces.returnDeletedObject = true;
		namespaces.fieldErrorStyle = ResourceInfo::FieldErrorStyle::Plain;
		types.push_back(namespaces);

		ResourceInfo pods = describe("", "pods", "Pod", "xPOwRZ+Yhw8=", {"metadata.name", "metadata.namespace", "spec.nodeName",
			"spec.restartPolicy", "spec.schedulerName", "spec.serviceAccountName", "spec.hostNetwork", "status.phase", "status.podIP",
			"status.podIPs", "status.nominatedNodeName", "spec.host"});
		pods.shortNames = {"po"};
		pods.categories = {"all"};
		pods.hasStatus = true;
		pods.hasLog = true;
		pods.hasGeneration = true;
		pods.returnDeletedObject = true;
		pods.fieldErrorStyle = ResourceInfo::FieldErrorStyle::Plain;
		types.push_back(pods);

		ResourceInfo secrets = describe("", "secrets", "Secret", "S6u1pOWzb84=", {"metadata.name", "metadata.namespace", "type"});
		secrets.fieldErrorStyle = ResourceInfo::FieldErrorStyle::Plain;
		types.push_back(secrets);

		ResourceInfo jobs = describe("batch", "jobs", "Job", "mudhfqk/qZY=", {"metadata.name", "metadata.namespace", "status.successful"});
		jobs.categories = {"all"};
		jobs.hasStatus = true;
		jobs.hasGeneration = true;
		jobs.orphanByDefault = true;
		jobs.fieldErrorStyle = ResourceInfo::FieldErrorStyle::KindQuoted;
		types.push_back(jobs);

		ResourceInfo leases = describe("coordination.k8s.io", "leases", "Lease", "gqkMMb/YqFM=", nameAndNamespace);
		leases.allowUnconditionalUpdate = false;
		leases.allowCreateOnUpdate = true;
		types.push_back(leases);

		// Manifest types, served on demand: stored only, no controller acts on
		// them (enough for installing manifests and for the RBAC authoriser,
		// which reads the rbac types).
		const std::size_t firstManifestType = types.size();
		ResourceInfo serviceAccounts = describe("", "serviceaccounts", "ServiceAccount", "pbx9ZvyFpBE=", nameAndNamespace);
		serviceAccounts.shortNames = {"sa"};
		types.push_back(serviceAccounts);

		ResourceInfo deployments = describe("apps", "deployments", "Deployment", "8aSe+NMegvE=", nameAndNamespace);
		deployments.shortNames = {"deploy"};
		deployments.categories = {"all"};
		deployments.hasStatus = true;
		deployments.hasGeneration = true;
		types.push_back(deployments);

		const std::string rbac = "rbac.authorization.k8s.io";
		const std::vector<std::string> nameOnly = {"metadata.name"};
		types.push_back(describe(rbac, "clusterrolebindings", "ClusterRoleBinding", "48tpQ8gZHFc=", nameOnly, false));
		types.push_back(describe(rbac, "clusterroles", "ClusterRole", "bYE5ZWDrJ44=", nameOnly, false));
		types.push_back(describe(rbac, "rolebindings", "RoleBinding", "eGsCzGH6b1g=", nameAndNamespace));
		types.push_back(describe(rbac, "roles", "Role", "7FuwZcIIItM=", nameAndNamespace));
		for (std::size_t i = firstManifestType; i < types.size(); ++i) types[i].manifestType = true;

		return types;
	}
}

const std::vector<ResourceInfo>& ResourceCatalog::all()
{
	static const std::vector<ResourceInfo> catalog = buildCatalog();
	return catalog;
}

namespace
{
	std::atomic<bool> manifestTypesServed(false);
}

void ResourceCatalog::serveManifestTypes()
{
	manifestTypesServed = true;
}

bool ResourceCatalog::served(const ResourceInfo& info)
{
	return !info.manifestType || manifestTypesServed;
}

const ResourceInfo* ResourceCatalog::find(const std::string& group, const std::string& version, const std::string& plural)
{
	for (const auto& info: all())
	{
		if (info.group == group && info.version == version && info.plural == plural) return served(info) ? &info : nullptr;
	}
	return nullptr;
}

const ResourceInfo* ResourceCatalog::findByKind(const std::string& apiVersion, const std::string& kind)
{
	for (const auto& info: all())
	{
		if (info.apiVersion() == apiVersion && info.kind == kind) return served(info) ? &info : nullptr;
	}
	return nullptr;
}

const ResourceInfo& ResourceCatalog::get(const std::string& plural)
{
	for (const auto& info: all())
	{
		if (info.plural == plural) return info;
	}
	throw Poco::NotFoundException("resource type not served", plural);
}

std::vector<std::string> ResourceCatalog::groups()
{
	std::vector<std::string> result;
	for (const auto& info: all())
	{
		if (info.group.empty() || !served(info)) continue;
		bool seen = false;
		for (const auto& group: result) seen = seen || group == info.group;
		if (!seen) result.push_back(info.group);
	}
	return result;
}

} } // namespace sbomop::kubesim
