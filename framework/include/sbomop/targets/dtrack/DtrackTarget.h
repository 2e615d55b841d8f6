//
// DtrackTarget.h
//
// The `dtrack` storage target: uploads CycloneDX SBOMs to Dependency-Track,
// one project per image name and version.
//

#ifndef SBOMOP_Targets_DtrackTarget_INCLUDED
#define SBOMOP_Targets_DtrackTarget_INCLUDED

#include "sbomop/Sbomop.h"
#include "sbomop/targets/Target.h"
#include "sbomop/targets/dtrack/DtrackClient.h"
#include "sbomop/targets/dtrack/DtrackProjectNaming.h"
#include "sbomop/targets/dtrack/DtrackSettings.h"
#include <Poco/JSON/Object.h>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

namespace Poco { class Logger; }

namespace sbomop {
namespace targets {

class SBOMOP_API DtrackTarget: public Target
	/// store():
	///   1. names the project (DtrackProjectNaming) and resolves the parent
	///      (annotation: the root project of that name, of that version if
	///      given; else dtrack-default-parent-project);
	///   2. looks the project up by name and version; with managed active
	///      status, an inactive project that already records this image ID
	///      is only reactivated (a rollback), without a new upload;
	///   3. uploads with multipart `POST /api/v1/bom`: projectName,
	///      projectVersion, autoCreate, and, as far as the server version
	///      accepts them, projectTags (the project's tags merged with ours),
	///      parentUUID and (managed active status) isLatest;
	///   4. reads the project back and sends one minimal `PATCH` with only
	///      what still differs (tags, parent, active/isLatest): nothing on
	///      current servers, the rest on old ones;
	///   5. with managed active status, deactivates (PATCH active=false,
	///      isLatest=false) the other active versions of the same name and
	///      parent tagged sbom-operator, unless they were stored in the same
	///      batch or (tag mode) carry another cluster's tag.
	///
	/// storedImages() finds projects by tag (`kubernetes-cluster=<id>` in
	/// tag mode, `sbom-operator` with the `<id>-` name prefix in prefix mode;
	/// only active ones with managed active status) and reads the image from
	/// the `raw-image-id=` tag. remove() deletes a project, or in tag mode
	/// only drops this cluster's tag while other clusters' tags remain;
	/// deactivate() (preferred with managed active status) drops this
	/// cluster's tag and marks the project inactive. Projects whose
	/// raw-image-id has changed since are left alone.
	///
	/// Threads: one call at a time (TargetSet serialises them).
{
public:
	DtrackTarget();
	~DtrackTarget() override;

	void setRetryPolicy(int maxAttempts, const Poco::Timespan& base, const Poco::Timespan& cap);
		/// Replaces the client's retry defaults (5 attempts, 0.5 s doubling
		/// up to 15 s); call before initialise().

	std::string name() const override;
		/// "dtrack".

	void validate(const Poco::Util::AbstractConfiguration& config) const override;
		/// DtrackSettings::validate().

	void initialise(plugin::BackendContext& context) override;
		/// Reads the settings, builds the client (throws DtrackSetupException
		/// for unusable TLS files), warns loudly when the server certificate
		/// is not verified, and asks the server version; an unreachable
		/// server is only logged (stores fail and are retried next cycle).

	StoreResult store(const plugin::ImageTask& image, const std::string& document, const SbomFormat& format) override;
		/// Never throws for Dependency-Track errors: they become a failed
		/// result whose message names the server and request.

	void beginBatch(const std::string& batchId) override;

	std::vector<plugin::StoredImage> storedImages() override;
		/// Throws DtrackException when a look-up fails.

	std::vector<plugin::ImageResult> remove(const std::vector<std::string>& imageIds) override;

	bool prefersDeactivation() const override;
		/// dtrack-manage-project-active-status.

	std::vector<plugin::ImageResult> deactivate(const std::vector<std::string>& imageIds) override;

	const DtrackSettings& settings() const;
		/// Valid after initialise().

private:
	enum class OrphanAction { REMOVE, DEACTIVATE };

	std::string resolveParent(const DtrackProjectNaming::Description& description);
	DtrackProject uploadAndReconcile(const plugin::ImageTask& image, const std::string& document, const SbomFormat& format,
		const DtrackProjectNaming::Description& description, const std::string& parentUuid);
	void reconcile(const DtrackProject& project, const std::vector<std::string>& tags, const std::string& parentUuid);
	void deactivateSiblings(const DtrackProject& project);
	bool usedByOtherCluster(const DtrackProject& project) const;
	std::vector<plugin::ImageResult> handleOrphans(const std::vector<std::string>& imageIds, OrphanAction action);
	void handleOrphan(const std::string& imageId, const std::string& uuid, OrphanAction action);
	Poco::JSON::Object::Ptr inactiveChanges();
	std::vector<std::string> withoutClusterTag(const std::vector<std::string>& tags) const;
	static std::string location(const DtrackProject& project);

	DtrackSettings _settings;
	int _maxAttempts;
	Poco::Timespan _retryBase;
	Poco::Timespan _retryCap;
	std::unique_ptr<DtrackProjectNaming> _naming;
	std::unique_ptr<DtrackClient> _client;
	Poco::Logger* _pLogger;
	bool _inventoryLoaded;
	std::map<std::string, std::vector<std::string>> _projectsByImage;  ///< imageId -> project UUIDs, from storedImages()/store()
	std::set<std::string> _batchProjects;                             ///< UUIDs stored in the current batch
};


} } // namespace sbomop::targets

#endif // SBOMOP_Targets_DtrackTarget_INCLUDED
