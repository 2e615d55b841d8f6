//
// ProjectStore.cpp
//

#include "dtrack/ProjectStore.h"
#include "dtrack/DtrackSimException.h"
#include <Poco/Exception.h>
#include <Poco/UUIDGenerator.h>
#include <algorithm>

namespace sbomop {
namespace dtracksim {

namespace
{
	std::string newUuid()
	{
		return Poco::UUIDGenerator::defaultGenerator().createRandom().toString();
	}
}

ProjectStore::ProjectStore():
	_nextSequence(1)
{
}

void ProjectStore::setProcessingDelay(const Poco::Timespan& delay)
{
	std::lock_guard<std::mutex> lock(_mutex);
	_delay = delay;
}

Poco::Timespan ProjectStore::processingDelay() const
{
	std::lock_guard<std::mutex> lock(_mutex);
	return _delay;
}

void ProjectStore::setListener(Listener listener)
{
	std::lock_guard<std::mutex> lock(_mutex);
	_listener = std::move(listener);
}

std::vector<Project> ProjectStore::projects() const
{
	std::lock_guard<std::mutex> lock(_mutex);
	settleLocked();
	std::vector<Project> result;
	result.reserve(_projects.size());
	for (const auto& entry: _projects) result.push_back(entry.second);
	std::sort(result.begin(), result.end(), [](const Project& a, const Project& b) { return a.sequence < b.sequence; });
	return result;
}

std::optional<Project> ProjectStore::find(const std::string& uuid) const
{
	std::lock_guard<std::mutex> lock(_mutex);
	settleLocked();
	const Project* project = findLocked(uuid);
	if (!project) return std::nullopt;
	return *project;
}

std::optional<Project> ProjectStore::find(const std::string& name, const std::optional<std::string>& version) const
{
	std::lock_guard<std::mutex> lock(_mutex);
	settleLocked();
	const Project* project = findLocked(name, version);
	if (!project) return std::nullopt;
	return *project;
}

std::optional<Project> ProjectStore::latest(const std::string& name) const
{
	std::lock_guard<std::mutex> lock(_mutex);
	settleLocked();
	for (const auto& entry: _projects)
	{
		if (entry.second.name == name && entry.second.isLatest) return entry.second;
	}
	return std::nullopt;
}

Project ProjectStore::create(Project draft)
{
	Project created;
	{
		std::lock_guard<std::mutex> lock(_mutex);
		settleLocked();
		if (findLocked(draft.name, draft.version))
			throw ProjectConflictException("A project with the specified name already exists.");
		if (!draft.parentUuid.empty())
		{
			const Project* parent = findLocked(draft.parentUuid);
			if (!parent) throw Poco::NotFoundException("parent project", draft.parentUuid);
			if (!parent->active) throw ProjectConflictException("An inactive Parent cannot be selected as parent");
		}
		if (draft.isLatest) clearLatestLocked(draft.name, "");
		draft.uuid = newUuid();
		draft.sequence = _nextSequence++;
		draft.tags = Project::normalizeTags(draft.tags);
		draft.lastBomImport.reset();
		draft.lastBomImportFormat.clear();
		draft.componentCount.reset();
		created = draft;
		_projects[draft.uuid] = std::move(draft);
	}
	notify();
	return created;
}

Project ProjectStore::update(const Project& next)
{
	Project updated;
	{
		std::lock_guard<std::mutex> lock(_mutex);
		settleLocked();
		auto it = _projects.find(next.uuid);
		if (it == _projects.end()) throw Poco::NotFoundException("project", next.uuid);
		const Project& current = it->second;

		const Project* same = findLocked(next.name, next.version);
		if (same && same->uuid != next.uuid)
			throw ProjectConflictException("A project with the specified name and version already exists.");
		if (current.active && !next.active && hasActiveChildLocked(current.uuid))
			throw ProjectConflictException("Project cannot be set to inactive if active children are present.");
		if (!next.parentUuid.empty())
		{
			if (next.parentUuid == next.uuid) throw ProjectConflictException("A project cannot select itself as a parent");
			const Project* parent = findLocked(next.parentUuid);
			if (!parent) throw Poco::NotFoundException("parent project", next.parentUuid);
			if (!parent->active) throw ProjectConflictException("An inactive project cannot be selected as a parent");
			if (isDescendantLocked(parent->uuid, next.uuid))
				throw ProjectConflictException("The new parent project cannot be a child of the current project.");
		}
		if (next.isLatest && !current.isLatest) clearLatestLocked(next.name, next.uuid);

		Project merged = next;
		merged.sequence = current.sequence;
		merged.lastBomImport = current.lastBomImport;
		merged.lastBomImportFormat = current.lastBomImportFormat;
		merged.componentCount = current.componentCount;
		merged.tags = Project::normalizeTags(next.tags);
		it->second = merged;
		updated = merged;
	}
	notify();
	return updated;
}

bool ProjectStore::replaceTags(const std::string& uuid, const std::vector<std::string>& tags)
{
	{
		std::lock_guard<std::mutex> lock(_mutex);
		auto it = _projects.find(uuid);
		if (it == _projects.end()) return false;
		it->second.setTags(tags);
	}
	notify();
	return true;
}

bool ProjectStore::remove(const std::string& uuid)
{
	{
		std::lock_guard<std::mutex> lock(_mutex);
		settleLocked();
		if (!findLocked(uuid)) return false;
		removeLocked(uuid);
	}
	notify();
	return true;
}

std::string ProjectStore::recordUpload(BomUpload upload)
{
	std::string token;
	{
		std::lock_guard<std::mutex> lock(_mutex);
		settleLocked();
		if (!findLocked(upload.projectUuid)) throw Poco::NotFoundException("project", upload.projectUuid);
		upload.token = newUuid();
		upload.received.update();
		upload.completesAt = upload.received + _delay;
		token = upload.token;
		_uploads.push_back(std::move(upload));
		_pending.push_back(_uploads.size() - 1);
		settleLocked();
	}
	notify();
	return token;
}

bool ProjectStore::isProcessing(const std::string& token) const
{
	std::lock_guard<std::mutex> lock(_mutex);
	settleLocked();
	for (const auto& upload: _uploads)
	{
		if (upload.token == token) return upload.completesAt > Poco::Timestamp();
	}
	return false;
}

std::vector<BomUpload> ProjectStore::uploads() const
{
	std::lock_guard<std::mutex> lock(_mutex);
	return _uploads;
}

std::optional<BomUpload> ProjectStore::lastUpload(const std::string& projectUuid) const
{
	std::lock_guard<std::mutex> lock(_mutex);
	for (auto it = _uploads.rbegin(); it != _uploads.rend(); ++it)
	{
		if (it->projectUuid == projectUuid) return *it;
	}
	return std::nullopt;
}

void ProjectStore::clear()
{
	{
		std::lock_guard<std::mutex> lock(_mutex);
		_projects.clear();
		_uploads.clear();
		_pending.clear();
	}
	notify();
}

void ProjectStore::settleLocked() const
{
	// Processing is modelled lazily: an upload takes effect on its project
	// the first time anyone looks after its completion time.
	const Poco::Timestamp now;
	std::vector<std::size_t> stillPending;
	for (std::size_t index: _pending)
	{
		const BomUpload& upload = _uploads[index];
		if (upload.completesAt > now)
		{
			stillPending.push_back(index);
			continue;
		}
		auto it = _projects.find(upload.projectUuid);
		if (it == _projects.end()) continue;
		it->second.lastBomImport = upload.completesAt;
		it->second.lastBomImportFormat = "CycloneDX " + upload.specVersion;
		it->second.componentCount = upload.componentCount;
	}
	_pending.swap(stillPending);
}

const Project* ProjectStore::findLocked(const std::string& uuid) const
{
	auto it = _projects.find(uuid);
	return it == _projects.end() ? nullptr : &it->second;
}

const Project* ProjectStore::findLocked(const std::string& name, const std::optional<std::string>& version) const
{
	for (const auto& entry: _projects)
	{
		if (entry.second.name == name && entry.second.version == version) return &entry.second;
	}
	return nullptr;
}

bool ProjectStore::hasActiveChildLocked(const std::string& uuid) const
{
	for (const auto& entry: _projects)
	{
		if (entry.second.parentUuid == uuid && entry.second.active) return true;
	}
	return false;
}

bool ProjectStore::isDescendantLocked(const std::string& candidate, const std::string& ancestor) const
{
	const Project* current = findLocked(candidate);
	// Bounded by the number of projects so a corrupt cycle cannot hang us.
	for (std::size_t steps = 0; current && steps <= _projects.size(); ++steps)
	{
		if (current->parentUuid.empty()) return false;
		if (current->parentUuid == ancestor) return true;
		current = findLocked(current->parentUuid);
	}
	return false;
}

void ProjectStore::clearLatestLocked(const std::string& name, const std::string& exceptUuid)
{
	for (auto& entry: _projects)
	{
		if (entry.second.name == name && entry.first != exceptUuid) entry.second.isLatest = false;
	}
}

void ProjectStore::removeLocked(const std::string& uuid)
{
	std::vector<std::string> children;
	for (const auto& entry: _projects)
	{
		if (entry.second.parentUuid == uuid) children.push_back(entry.first);
	}
	for (const auto& child: children) removeLocked(child);
	_projects.erase(uuid);
}

void ProjectStore::notify() const
{
	Listener listener;
	{
		std::lock_guard<std::mutex> lock(_mutex);
		listener = _listener;
	}
	if (listener) listener();
}

} } // namespace sbomop::dtracksim
