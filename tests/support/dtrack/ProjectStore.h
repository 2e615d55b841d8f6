//
// ProjectStore.h
//
// The portfolio of dtrack-sim: projects with their tags, parents, active and
// isLatest flags, and the BOM uploads made to them. Implements the rules of
// Dependency-Track 4.14's ProjectQueryManager that an uploader can observe:
// name+version unique, isLatest unique per name, no inactive or circular
// parents, no deactivation while active children exist, recursive delete.
// BOM processing completes `processingDelay` after an upload; until then the
// token reports processing=true and the project keeps its previous
// lastBomImport.
//

#ifndef SBOMOP_DtrackSim_ProjectStore_INCLUDED
#define SBOMOP_DtrackSim_ProjectStore_INCLUDED

#include "dtrack/BomUpload.h"
#include "dtrack/Project.h"
#include <Poco/Timespan.h>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace sbomop {
namespace dtracksim {

class ProjectStore
	/// Thread-safe; every accessor returns copies.
{
public:
	using Listener = std::function<void()>;

	ProjectStore();

	void setProcessingDelay(const Poco::Timespan& delay);
		/// Applies to uploads recorded afterwards. Default: zero (done at once).
	Poco::Timespan processingDelay() const;

	void setListener(Listener listener);
		/// Called after every change, outside the store's lock, from the
		/// thread that made the change. Pass an empty function to remove it.

	std::vector<Project> projects() const;
		/// Every project in creation order.

	std::optional<Project> find(const std::string& uuid) const;

	std::optional<Project> find(const std::string& name, const std::optional<std::string>& version) const;
		/// Exact name; an empty `version` matches only versionless projects
		/// (QueryManager.getProject(name, null)).

	std::optional<Project> latest(const std::string& name) const;
		/// The project of that name with isLatest set.

	Project create(Project draft);
		/// Stores a new project with a fresh UUIDv4; `uuid`, `sequence` and
		/// the BOM fields of `draft` are ignored, tags are normalized. With
		/// isLatest the flag moves from the previous latest version.
		/// Throws ProjectConflictException "A project with the specified name
		/// already exists." or "An inactive Parent cannot be selected as
		/// parent", Poco::NotFoundException for an unknown parentUuid.

	Project update(const Project& next);
		/// Replaces every writable field of project `next.uuid` (the
		/// full-update semantics of POST /api/v1/project; callers merge
		/// first for PATCH). Throws Poco::NotFoundException for an unknown
		/// project or parent and ProjectConflictException with DT's message
		/// for a duplicate name+version, deactivation with active children,
		/// a self, inactive or descendant parent. Nothing changes on error.

	bool replaceTags(const std::string& uuid, const std::vector<std::string>& tags);
		/// False for an unknown project.

	bool remove(const std::string& uuid);
		/// Deletes the project and, recursively, its children. False when
		/// unknown.

	std::string recordUpload(BomUpload upload);
		/// Stores an accepted upload for an existing project and returns its
		/// new token; `token`, `received` and `completesAt` are filled in.
		/// Throws Poco::NotFoundException for an unknown project.

	bool isProcessing(const std::string& token) const;
		/// True until the upload's processing completes; false for unknown
		/// tokens (as Dependency-Track).

	std::vector<BomUpload> uploads() const;
		/// Every accepted upload, oldest first.

	std::optional<BomUpload> lastUpload(const std::string& projectUuid) const;
		/// The newest upload to the project, processed or not.

	void clear();
		/// Removes every project and upload.

private:
	ProjectStore(const ProjectStore&) = delete;
	ProjectStore& operator = (const ProjectStore&) = delete;

	void settleLocked() const;
	const Project* findLocked(const std::string& uuid) const;
	const Project* findLocked(const std::string& name, const std::optional<std::string>& version) const;
	bool hasActiveChildLocked(const std::string& uuid) const;
	bool isDescendantLocked(const std::string& candidate, const std::string& ancestor) const;
	void clearLatestLocked(const std::string& name, const std::string& exceptUuid);
	void removeLocked(const std::string& uuid);
	void notify() const;

	mutable std::mutex _mutex;
	mutable std::map<std::string, Project> _projects;
	std::vector<BomUpload> _uploads;
	mutable std::vector<std::size_t> _pending;   // indexes into _uploads not yet applied to their project
	Poco::UInt64 _nextSequence;
	Poco::Timespan _delay;
	Listener _listener;
};

} } // namespace sbomop::dtracksim

#endif // SBOMOP_DtrackSim_ProjectStore_INCLUDED
