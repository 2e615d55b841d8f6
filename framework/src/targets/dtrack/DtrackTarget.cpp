//
// DtrackTarget.cpp
//

#include "sbomop/targets/dtrack/DtrackTarget.h"
#include "sbomop/plugin/BackendContext.h"
#include "sbomop/targets/dtrack/DtrackException.h"
#include <Poco/Exception.h>
#include <Poco/JSON/Array.h>
#include <Poco/Logger.h>
#include <algorithm>

namespace sbomop {
namespace targets {

namespace
{
	const std::string TAG_RAW = DtrackProjectNaming::TAG_KEY_RAW_IMAGE_ID;

	std::set<std::string> asSet(const std::vector<std::string>& items)
	{
		return std::set<std::string>(items.begin(), items.end());
	}

	Poco::JSON::Array::Ptr tagArray(const std::vector<std::string>& tags)
	{
		Poco::JSON::Array::Ptr array = new Poco::JSON::Array;
		for (const auto& tag: tags)
		{
			Poco::JSON::Object::Ptr entry = new Poco::JSON::Object;
			entry->set("name", tag);
			array->add(entry);
		}
		return array;
	}
}


DtrackTarget::DtrackTarget():
	_maxAttempts(DtrackClient::Options().maxAttempts),
	_retryBase(DtrackClient::Options().retryBase),
	_retryCap(DtrackClient::Options().retryCap),
	_pLogger(&Poco::Logger::get("sbomop.targets.dtrack")),
	_inventoryLoaded(false)
{
}


DtrackTarget::~DtrackTarget()
{
}


void DtrackTarget::setRetryPolicy(int maxAttempts, const Poco::Timespan& base, const Poco::Timespan& cap)
{
	_maxAttempts = maxAttempts;
	_retryBase = base;
	_retryCap = cap;
}


std::string DtrackTarget::name() const
{
	return "dtrack";
}


void DtrackTarget::validate(const Poco::Util::AbstractConfiguration& config) const
{
	DtrackSettings::validate(config);
}


void DtrackTarget::initialise(plugin::BackendContext& context)
{
	_pLogger = &context.logger();
	_settings = DtrackSettings::fromConfig(context.config(), context.clusterId());
	_settings.client.maxAttempts = _maxAttempts;
	_settings.client.retryBase = _retryBase;
	_settings.client.retryCap = _retryCap;
	_settings.client.stop = &context.shutdown();
	_naming.reset(new DtrackProjectNaming(_settings.naming));
	_client.reset(new DtrackClient(_settings.client));
	if (_settings.client.insecureSkipTlsVerify)
	{
		_pLogger->warning("dtrack: dtrack-insecure-skip-tls-verify is set: the certificate of the Dependency-Track server "
			+ _client->baseUrl() + " is NOT verified; anyone on the network path can read the SBOMs and the API key");
	}
	try
	{
		_pLogger->information("dtrack: Dependency-Track " + _client->baseUrl() + " runs version " + _client->serverVersion().string());
	}
	catch (Poco::Exception& e)
	{
		_pLogger->warning("dtrack: cannot ask the server version yet (uploads fail until it answers): " + _client->mask(e.displayText()));
	}
}


Target::StoreResult DtrackTarget::store(const plugin::ImageTask& image, const std::string& document, const SbomFormat& format)
{
	StoreResult result;
	if (!_client)
	{
		result.message = "target dtrack is not initialised";
		return result;
	}
	if (!format.isCycloneDx())
	{
		result.message = "format " + format.name() + " is not CycloneDX; Dependency-Track accepts CycloneDX only";
		return result;
	}
	if (document.empty())
	{
		result.message = "empty SBOM";
		return result;
	}
	try
	{
		const DtrackProjectNaming::Description description = _naming->describe(image);
		const std::string parentUuid = resolveParent(description);
		const DtrackProject project = uploadAndReconcile(image, document, format, description, parentUuid);
		if (_settings.manageActiveStatus) deactivateSiblings(project);
		std::vector<std::string>& uuids = _projectsByImage[image.imageId];
		if (std::find(uuids.begin(), uuids.end(), project.uuid) == uuids.end()) uuids.push_back(project.uuid);
		result.stored = true;
		result.location = location(project);
	}
	catch (Poco::Exception& e)
	{
		result.message = _client->mask(e.displayText());
	}
	return result;
}


std::string DtrackTarget::resolveParent(const DtrackProjectNaming::Description& description)
{
	if (description.parentName.empty()) return description.parentUuid;
	for (const auto& candidate: _client->projectsByName(description.parentName, true))
	{
		if (!description.parentVersion || candidate.version == *description.parentVersion) return candidate.uuid;
	}
	_pLogger->warning("dtrack: parent project " + description.parentName
		+ (description.parentVersion ? ":" + *description.parentVersion : std::string())
		+ " named by a pod annotation does not exist; using the default parent"
		+ (_settings.naming.defaultParentProject.empty() ? std::string(" (none)") : " " + _settings.naming.defaultParentProject));
	return _settings.naming.defaultParentProject;
}


DtrackProject DtrackTarget::uploadAndReconcile(const plugin::ImageTask& image, const std::string& document, const SbomFormat& format,
	const DtrackProjectNaming::Description& description, const std::string& parentUuid)
{
	const DtrackServerVersion version = _client->serverVersion();
	const std::optional<DtrackProject> existing = _client->lookupProject(description.name, description.version);
	const std::vector<std::string> tags = _naming->mergeTags(existing ? existing->tags : std::vector<std::string>(), description.tags);
	const bool rollback = _settings.manageActiveStatus && existing && !existing->active
		&& existing->tagValue(TAG_RAW) == image.imageId;
	if (rollback)
	{
		_pLogger->information("dtrack: " + location(*existing) + " runs again; reactivating it without a new upload");
	}
	else
	{
		DtrackBomUpload upload;
		upload.projectName = description.name;
		upload.projectVersion = description.version;
		upload.autoCreate = true;
		upload.projectTags = tags;
		upload.parentUuid = parentUuid;
		if (_settings.manageActiveStatus) upload.isLatest = true;
		upload.bom = document;
		upload.bomMediaType = format.family() == SbomFormat::CYCLONEDX_XML ? "application/xml" : "application/json";
		upload.restrictTo(version);
		_client->uploadBom(upload);
	}
	// Dependency-Track creates the project inside the upload request, so it can be read back at once.
	const std::optional<DtrackProject> project = _client->lookupProject(description.name, description.version);
	if (!project)
	{
		throw DtrackException("project " + description.name + ":" + description.version + " not found after the upload");
	}
	reconcile(*project, tags, parentUuid);
	_batchProjects.insert(project->uuid);
	return *project;
}


void DtrackTarget::reconcile(const DtrackProject& project, const std::vector<std::string>& tags, const std::string& parentUuid)
{
	Poco::JSON::Object::Ptr changes = new Poco::JSON::Object;
	if (asSet(project.tags) != asSet(tags)) changes->set("tags", tagArray(tags));
	if (!parentUuid.empty() && project.parentUuid != parentUuid)
	{
		Poco::JSON::Object::Ptr parent = new Poco::JSON::Object;
		parent->set("uuid", parentUuid);
		changes->set("parent", parent);
	}
	if (_settings.manageActiveStatus)
	{
		if (!project.active) changes->set("active", true);
		if (!project.isLatest && _client->serverVersion().acceptsLatestInUpload()) changes->set("isLatest", true);
	}
	if (changes->size() > 0) _client->patchProject(project.uuid, changes);
}


void DtrackTarget::deactivateSiblings(const DtrackProject& project)
{
	for (const auto& sibling: _client->projectsByName(project.name, false))
	{
		if (sibling.uuid == project.uuid || !sibling.active || !sibling.hasTag(DtrackProjectNaming::TAG_SBOM_OPERATOR)) continue;
		if (sibling.parentUuid != project.parentUuid || _batchProjects.count(sibling.uuid) > 0) continue;
		// In tag mode a version another cluster still runs is not ours to retire.
		if (usedByOtherCluster(sibling)) continue;
		try
		{
			_client->patchProject(sibling.uuid, inactiveChanges());
			_pLogger->information("dtrack: deactivated " + location(sibling) + ", superseded by version " + project.version);
		}
		catch (DtrackException& e)
		{
			// The new version is stored; a sibling left active is retried with the next version.
			_pLogger->warning("dtrack: cannot deactivate " + location(sibling) + ": " + _client->mask(e.displayText()));
		}
	}
}


bool DtrackTarget::usedByOtherCluster(const DtrackProject& project) const
{
	if (_settings.naming.prefixMode) return false;
	for (const auto& cluster: project.tagValues(DtrackProjectNaming::TAG_KEY_CLUSTER))
	{
		if (cluster != _settings.naming.clusterId) return true;
	}
	return false;
}


void DtrackTarget::beginBatch(const std::string&)
{
	_batchProjects.clear();
}


std::vector<plugin::StoredImage> DtrackTarget::storedImages()
{
	if (!_client) throw DtrackException("target dtrack is not initialised");
	const bool excludeInactive = _settings.manageActiveStatus;
	std::vector<DtrackProject> projects;
	if (_settings.naming.prefixMode)
	{
		const std::string prefix = _settings.naming.clusterId + "-";
		for (auto& project: _client->projectsByTag(DtrackProjectNaming::TAG_SBOM_OPERATOR, excludeInactive))
		{
			if (project.name.compare(0, prefix.size(), prefix) == 0) projects.push_back(std::move(project));
		}
	}
	else
	{
		for (auto& project: _client->projectsByTag(_naming->clusterTag(), excludeInactive))
		{
			if (project.hasTag(DtrackProjectNaming::TAG_SBOM_OPERATOR)) projects.push_back(std::move(project));
		}
	}
	// Rebuilt from the server every time: stale entries would point removals at live projects.
	_projectsByImage.clear();
	std::map<std::string, std::string> locations;
	for (const auto& project: projects)
	{
		const std::string imageId = project.tagValue(TAG_RAW);
		if (imageId.empty()) continue;
		_projectsByImage[imageId].push_back(project.uuid);
		std::string& text = locations[imageId];
		text += (text.empty() ? "" : ", ") + location(project);
	}
	_inventoryLoaded = true;
	std::vector<plugin::StoredImage> images;
	for (const auto& entry: locations) images.push_back(plugin::StoredImage{entry.first, entry.second});
	return images;
}


std::vector<plugin::ImageResult> DtrackTarget::remove(const std::vector<std::string>& imageIds)
{
	return handleOrphans(imageIds, OrphanAction::REMOVE);
}


bool DtrackTarget::prefersDeactivation() const
{
	return _settings.manageActiveStatus;
}


std::vector<plugin::ImageResult> DtrackTarget::deactivate(const std::vector<std::string>& imageIds)
{
	return handleOrphans(imageIds, OrphanAction::DEACTIVATE);
}


const DtrackSettings& DtrackTarget::settings() const
{
	return _settings;
}


std::vector<plugin::ImageResult> DtrackTarget::handleOrphans(const std::vector<std::string>& imageIds, OrphanAction action)
{
	std::vector<plugin::ImageResult> results;
	std::string inventoryError;
	if (_client && !_inventoryLoaded)
	{
		try
		{
			storedImages();
		}
		catch (Poco::Exception& e)
		{
			inventoryError = _client->mask(e.displayText());
		}
	}
	for (const auto& imageId: imageIds)
	{
		plugin::ImageResult result;
		result.imageId = imageId;
		if (!_client) result.message = "target dtrack is not initialised";
		else if (!inventoryError.empty()) result.message = inventoryError;
		else
		{
			try
			{
				auto it = _projectsByImage.find(imageId);
				if (it != _projectsByImage.end())
				{
					for (const auto& uuid: it->second) handleOrphan(imageId, uuid, action);
					_projectsByImage.erase(it);
				}
				result.succeeded = true;
			}
			catch (Poco::Exception& e)
			{
				result.message = _client->mask(e.displayText());
			}
		}
		results.push_back(result);
	}
	return results;
}


void DtrackTarget::handleOrphan(const std::string& imageId, const std::string& uuid, OrphanAction action)
{
	const std::optional<DtrackProject> project = _client->project(uuid);
	if (!project || !project->hasTag(DtrackProjectNaming::TAG_SBOM_OPERATOR)) return;
	// The name and version may have moved to another digest since the inventory was taken.
	if (project->tagValue(TAG_RAW) != imageId) return;
	const bool otherClusters = usedByOtherCluster(*project);
	const bool hasOwnTag = !_settings.naming.prefixMode && project->hasTag(_naming->clusterTag());
	Poco::JSON::Object::Ptr changes = new Poco::JSON::Object;
	if (hasOwnTag) changes->set("tags", tagArray(withoutClusterTag(project->tags)));
	if (otherClusters)
	{
		if (changes->size() > 0) _client->patchProject(uuid, changes);
		_pLogger->information("dtrack: " + location(*project) + " still runs in another cluster; dropped this cluster's tag");
		return;
	}
	if (action == OrphanAction::REMOVE)
	{
		_client->deleteProject(uuid);
		_pLogger->information("dtrack: deleted " + location(*project) + ", its image runs no more");
		return;
	}
	Poco::JSON::Object::Ptr inactive = inactiveChanges();
	for (const auto& name: inactive->getNames()) changes->set(name, inactive->get(name));
	_client->patchProject(uuid, changes);
	_pLogger->information("dtrack: deactivated " + location(*project) + ", its image runs no more");
}


Poco::JSON::Object::Ptr DtrackTarget::inactiveChanges()
{
	Poco::JSON::Object::Ptr changes = new Poco::JSON::Object;
	changes->set("active", false);
	if (_client->serverVersion().acceptsLatestInUpload()) changes->set("isLatest", false);
	return changes;
}


std::vector<std::string> DtrackTarget::withoutClusterTag(const std::vector<std::string>& tags) const
{
	std::vector<std::string> result;
	const std::string own = _naming->clusterTag();
	for (const auto& tag: tags)
	{
		if (tag != own) result.push_back(tag);
	}
	return result;
}


std::string DtrackTarget::location(const DtrackProject& project)
{
	return "dtrack:" + project.name + ":" + project.version + " (" + project.uuid + ")";
}


} } // namespace sbomop::targets
