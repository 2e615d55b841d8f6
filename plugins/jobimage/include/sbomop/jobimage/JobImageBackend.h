//
// JobImageBackend.h
//
// The built-in backend that delegates SBOM generation and storage to a
// third-party job image, run as a Kubernetes Job per cycle (see
// job-images/SPEC.md and ImageConfig.h for the document the Job receives).
//

#ifndef SBOMOP_JobImage_JobImageBackend_INCLUDED
#define SBOMOP_JobImage_JobImageBackend_INCLUDED

#include "sbomop/jobimage/JobApi.h"
#include "sbomop/jobimage/JobMetrics.h"
#include "sbomop/jobimage/JobRunner.h"
#include "sbomop/jobimage/LeftoverJobs.h"
#include "sbomop/plugin/Backend.h"
#include <map>
#include <memory>
#include <set>
#include <string>

namespace sbomop {
namespace jobimage {

class JobImageBackend: public plugin::Backend
	/// One cycle = one Job. process() first deals with leftovers (see
	/// LeftoverJobs): a scan Job still running from before is adopted and
	/// waited for, and its outcome applies to the images of the batch it
	/// covers; images of Jobs that completed while nobody waited count as
	/// succeeded. Then one new Job runs for the remaining images of the batch:
	/// its Secret holds image-config.json, the Job mounts it at /sbom, and
	/// process() blocks until the Job ends (watched, not polled), so cycles
	/// never overlap. Succeeded Job: every image it covered succeeded; any
	/// other end: every such image failed with a message naming the Job and
	/// the reason. The Secret (it holds registry passwords) is deleted when
	/// the Job ends, and the Job too unless job-ttl-seconds is set. On cancel
	/// the running Job is left alone so that a restarted operator adopts it.
	///
	/// Restart and garbage collection: the Secret is owned by the Job, the
	/// Job by the operator pod (POD_NAME/POD_UID). A restarted container of
	/// the same pod adopts the Job; when the operator pod itself is replaced,
	/// the garbage collector removes the Job and its Secret, and the new
	/// operator scans those images again.
	///
	/// Called from the host thread only (see Backend).
{
public:
	JobImageBackend();
		/// Reads the process environment in start() (SBOM_JOB_*, POD_NAME, POD_UID).

	explicit JobImageBackend(const std::map<std::string, std::string>& environment);
		/// Uses `environment` instead of the process environment.

	~JobImageBackend() override;

	std::string name() const override;
		/// "jobimage".

	std::string description() const override;

	void validate(const Poco::Util::AbstractConfiguration& config) const override;
		/// JobSettings::fromConfig(); throws config::ConfigException naming the key.

	void start(plugin::BackendContext& context) override;
		/// Reads the settings, registers the metrics and cleans up finished
		/// leftovers of an earlier run (failures there are logged only).

	std::vector<plugin::ImageResult> process(const plugin::ImageBatch& batch, StopToken& cancel) override;
		/// See the class description. Returns one result per image. Never
		/// creates a Job for an empty batch, or without a Kubernetes client
		/// (all images failed then). The scan Jobs' own pods never reach a
		/// batch: they carry plugin::OperatorLabels, which discovery skips.

	void stop() override;

private:
	using Results = std::map<std::string, plugin::ImageResult>;

	void adoptRunning(const std::vector<LeftoverJobs::RunningJob>& jobs, const std::set<std::string>& batchIds,
		Results& results, StopToken& cancel);
	static void record(Results& results, const std::set<std::string>& batchIds, const std::vector<std::string>& imageIds,
		bool succeeded, const std::string& message);
	static std::vector<plugin::ImageResult> allFailed(const plugin::ImageBatch& batch, const std::string& message);

	std::unique_ptr<std::map<std::string, std::string>> _environment;
	std::unique_ptr<JobApi> _api;
	std::unique_ptr<JobMetrics> _metrics;
	std::unique_ptr<JobRunner> _runner;
	std::unique_ptr<LeftoverJobs> _leftovers;
	std::set<std::string> _completedImages;
		/// Images of leftover Jobs that completed, not yet reported.
};

} } // namespace sbomop::jobimage

#endif // SBOMOP_JobImage_JobImageBackend_INCLUDED
