//
// ResourceCatalog.cpp
//

#include "kubesim/ResourceCatalog.h"
#include <Poco/Exception.h>

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
	std::vector<ResourceInfo> buildCatalog()
	{
		// Field labels follow the v1.28 conversion functions
		// (pkg/apis/core/v1/conversion.go, pkg/apis/batch/v1/conversion.go).
		std::vector<ResourceInfo> types;

		ResourceInfo configMaps;
		configMaps.version = "v1";
		configMaps.plural = "configmaps";
		configMaps.singular = "configmap";
		configMaps.kind = "ConfigMap";
		configMaps.shortNames = {"cm"};
		configMaps.storageVersionHash = "qFsyl6wFWjQ=";
		configMaps.fieldLabels = {"metadata.name", "metadata.namespace"};
		types.push_back(configMaps);

		ResourceInfo namespaces;
		namespaces.version = "v1";
		namespaces.plural = "namespaces";
		namespaces.singular = "namespace";
		namespaces.kind = "Namespace";
		namespaces.namespaced = false;
		namespaces.shortNames = {"ns"};
		namespaces.storageVersionHash = "Q3oi5N2YM8M=";
		namespaces.hasStatus = true;
		namespaces.returnDeletedObject = true;
		namespaces.fieldLabels = {"metadata.name", "status.phase"};
		namespaces.fieldErrorStyle = ResourceInfo::FieldErrorStyle::Plain;
		types.push_back(namespaces);

		ResourceInfo pods;
		pods.version = "v1";
		pods.plural = "pods";
		pods.singular = "pod";
		pods.kind = "Pod";
		pods.shortNames = {"po"};
		pods.categories = {"all"};
		pods.storageVersionHash = "xPOwRZ+Yhw8=";
		pods.hasStatus = true;
		pods.hasGeneration = true;
		pods.returnDeletedObject = true;
		pods.fieldLabels = {"metadata.name", "metadata.namespace", "spec.nodeName", "spec.restartPolicy",
			"spec.schedulerName", "spec.serviceAccountName", "spec.hostNetwork", "status.phase", "status.podIP",
			"status.podIPs", "status.nominatedNodeName", "spec.host"};
		pods.fieldErrorStyle = ResourceInfo::FieldErrorStyle::Plain;
		types.push_back(pods);

		ResourceInfo secrets;
		secrets.version = "v1";
		secrets.plural = "secrets";
		secrets.singular = "secret";
		secrets.kind = "Secret";
		secrets.storageVersionHash = "S6u1pOWzb84=";
		secrets.fieldLabels = {"metadata.name", "metadata.namespace", "type"};
		secrets.fieldErrorStyle = ResourceInfo::FieldErrorStyle::Plain;
		types.push_back(secrets);

		ResourceInfo jobs;
		jobs.group = "batch";
		jobs.version = "v1";
		jobs.plural = "jobs";
		jobs.singular = "job";
		jobs.kind = "Job";
		jobs.categories = {"all"};
		jobs.storageVersionHash = "mudhfqk/qZY=";
		jobs.hasStatus = true;
		jobs.hasGeneration = true;
		jobs.orphanByDefault = true;
		jobs.fieldLabels = {"metadata.name", "metadata.namespace", "status.successful"};
		jobs.fieldErrorStyle = ResourceInfo::FieldErrorStyle::KindQuoted;
		types.push_back(jobs);

		ResourceInfo leases;
		leases.group = "coordination.k8s.io";
		leases.version = "v1";
		leases.plural = "leases";
		leases.singular = "lease";
		leases.kind = "Lease";
		leases.storageVersionHash = "gqkMMb/YqFM=";
		leases.allowUnconditionalUpdate = false;
		leases.allowCreateOnUpdate = true;
		leases.fieldLabels = {"metadata.name", "metadata.namespace"};
		types.push_back(leases);

		return types;
	}
}

const std::vector<ResourceInfo>& ResourceCatalog::all()
{
	static const std::vector<ResourceInfo> catalog = buildCatalog();
	return catalog;
}

const ResourceInfo* ResourceCatalog::find(const std::string& group, const std::string& version, const std::string& plural)
{
	for (const auto& info: all())
	{
		if (info.group == group && info.version == version && info.plural == plural) return &info;
	}
	return nullptr;
}

const ResourceInfo* ResourceCatalog::findByKind(const std::string& apiVersion, const std::string& kind)
{
	for (const auto& info: all())
	{
		if (info.apiVersion() == apiVersion && info.kind == kind) return &info;
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
		if (info.group.empty()) continue;
		bool seen = false;
		for (const auto& group: result) seen = seen || group == info.group;
		if (!seen) result.push_back(info.group);
	}
	return result;
}

} } // namespace sbomop::kubesim
