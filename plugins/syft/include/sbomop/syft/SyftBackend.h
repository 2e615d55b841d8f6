//
// SyftBackend.h
//
// The built-in default backend: generates SBOMs with the Syft CLI and stores
// them in the configured targets (git, dtrack, oci, configmap).
//

#ifndef SBOMOP_Syft_SyftBackend_INCLUDED
#define SBOMOP_Syft_SyftBackend_INCLUDED

#include "sbomop/plugin/Backend.h"
#include "sbomop/syft/ScanMetrics.h"
#include "sbomop/syft/SyftRunner.h"
#include "sbomop/syft/SyftSettings.h"
#include "sbomop/targets/TargetSet.h"
#include <memory>

namespace sbomop {
namespace syft {

class SyftBackend: public plugin::Backend
	/// For every pending image, runs Syft (SyftRunner) with at most
	/// `scan-concurrency` scans at a time and hands each SBOM to the
	/// configured targets (targets::TargetSet); an image succeeds when every target
	/// stored its SBOM.
	///
	/// This build has no target implementations yet: every scanned image is
	/// reported as failed ("SBOM generated (<n> bytes) but no storage target
	/// is implemented in this build"), so no pod is ever annotated for an
	/// SBOM that was not stored. description() says so.
	///
	/// Scan workspaces are created in the system's temporary directory
	/// (TMPDIR of the operator): point it at a volume with room for the
	/// largest image, times scan-concurrency.
	///
	/// Called from one host thread as Backend.h describes; process() uses
	/// its own worker threads and joins them before it returns.
{
public:
	SyftBackend();
		/// The backend with this build's targets (none).

	explicit SyftBackend(const targets::TargetSet::Factory& targetFactory, const std::string& workRoot = std::string());
		/// A backend whose targets come from `targetFactory` and whose scan
		/// workspaces go to `workRoot` (empty: the system's temporary directory).

	~SyftBackend() override;

	std::string name() const override;
	std::string description() const override;
	void validate(const Poco::Util::AbstractConfiguration& config) const override;
		/// TargetRequirements, the syft keys (SyftSettings::load(), which also
		/// looks for the Syft executable) and every available target's own
		/// validate(). Throws config::ConfigException.

	void start(plugin::BackendContext& context) override;
		/// Loads the settings, logs what the backend will do and any
		/// warnings (e.g. CycloneDX 1.7 for Dependency-Track), registers the
		/// metrics and initialises the targets.

	std::vector<plugin::ImageResult> process(const plugin::ImageBatch& batch, StopToken& cancel) override;
		/// Scans every image of the batch and stores each SBOM; one result
		/// per image, in batch order. Images not yet started when `cancel` is
		/// requested, and running scans (which are killed), fail as cancelled.
		/// Throws Poco::IllegalStateException before start().

	bool supportsOrphans() const override;
		/// True when at least one target is available.

	std::vector<plugin::StoredImage> storedImages() override;
	std::vector<plugin::ImageResult> removeImages(const std::vector<std::string>& imageIds) override;
	void stop() override;

private:
	plugin::ImageResult processImage(const plugin::ImageTask& image, const StopToken& cancel);

	targets::TargetSet::Factory _targetFactory;
	std::string _workRoot;
	plugin::BackendContext* _context = nullptr;
	std::unique_ptr<SyftSettings> _settings;
	std::unique_ptr<SyftRunner> _runner;
	std::unique_ptr<ScanMetrics> _metrics;
	targets::TargetSet _targets;
};


} } // namespace sbomop::syft

#endif // SBOMOP_Syft_SyftBackend_INCLUDED
