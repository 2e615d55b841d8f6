//
// JobRunner.h
//
// Runs one scan Job from start to end: Secret, Job, owner reference, wait,
// cleanup; or takes over a Job that is already running.
//

#ifndef SBOMOP_JobImage_JobRunner_INCLUDED
#define SBOMOP_JobImage_JobRunner_INCLUDED

#include "sbomop/jobimage/JobApi.h"
#include "sbomop/jobimage/JobMetrics.h"
#include "sbomop/jobimage/JobSpecBuilder.h"
#include "sbomop/jobimage/JobWatcher.h"
#include "sbomop/jobimage/LeftoverJobs.h"
#include "sbomop/plugin/BackendTypes.h"
#include <string>
#include <vector>

namespace Poco { class Logger; }

namespace sbomop {

class StopToken;

namespace jobimage {

class JobRunner
	/// Not thread-safe: one Job at a time (the backend's host thread). The
	/// API, metrics and logger must outlive it.
{
public:
	struct Outcome
		/// How a Job ended for the images it covered.
	{
		JobWatcher::Result::Outcome result = JobWatcher::Result::ERROR;
		std::string message;
			/// "" on success; otherwise names the Job and why (the reason and
			/// message of its Failed condition, "deleted before it finished",
			/// ...). Never contains credentials.
		std::vector<std::string> imageIds;
			/// The images the Job covered (for run(): those that fit into its
			/// image-config.json, in batch order).

		bool succeeded() const;
	};

	struct Settings
	{
		JobSettings job;
		JobEnvironment environment;
		std::string clusterId;
		std::size_t maxConfigBytes = 1000 * 1024;
			/// Limit for image-config.json (see ImageConfig::MAX_BYTES).
		kube::Backoff watchBackoff;
	};

	JobRunner(JobApi& api, const Settings& settings, JobMetrics& metrics, Poco::Logger& logger);

	Outcome run(const std::string& cycleId, const std::vector<const plugin::ImageTask*>& images, StopToken& cancel);
		/// Creates the Secret and the Job for as many of `images` as fit into
		/// one image-config.json, makes the Job own the Secret, waits for it
		/// (JobWatcher) and cleans up (see finish()). Images that did not fit
		/// are not in the outcome's imageIds. When creating the Secret or the
		/// Job fails the outcome is ERROR and nothing is left behind. Starts
		/// nothing for an empty `images` (SUCCEEDED, no images) or when
		/// `cancel` is already requested (CANCELLED, no images). Never throws
		/// Poco exceptions.

	Outcome adopt(const LeftoverJobs::RunningJob& job, StopToken& cancel);
		/// Waits for a Job found running and cleans up like run().

private:
	Outcome finish(const std::string& name, const std::string& uid, const std::string& secretName,
		const std::vector<std::string>& imageIds, StopToken& cancel);
		/// Waits, then: on CANCELLED leaves Job and Secret alone (the Job
		/// keeps running and the next process adopts it); otherwise deletes
		/// the Secret and, unless job-ttl-seconds is set, the Job
		/// (propagation Background). Logs the end and records the metrics.

	Outcome error(const std::string& message, const std::vector<std::string>& imageIds);
	std::string qualified(const std::string& name) const;

	JobApi& _api;
	Settings _settings;
	JobSpecBuilder _jobs;
	JobMetrics& _metrics;
	Poco::Logger& _logger;
};

} } // namespace sbomop::jobimage

#endif // SBOMOP_JobImage_JobRunner_INCLUDED
