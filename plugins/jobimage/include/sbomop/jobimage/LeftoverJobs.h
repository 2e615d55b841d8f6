//
// LeftoverJobs.h
//
// Restart safety: finds the scan Jobs and job-config Secrets that an earlier
// operator process (or an earlier cycle whose wait was cancelled) left
// behind, cleans up what is finished and reports what still runs.
//

#ifndef SBOMOP_JobImage_LeftoverJobs_INCLUDED
#define SBOMOP_JobImage_LeftoverJobs_INCLUDED

#include "sbomop/jobimage/JobApi.h"
#include <set>
#include <string>
#include <vector>

namespace Poco { class Logger; }

namespace sbomop {
namespace jobimage {

class LeftoverJobs
	/// Not thread-safe (the backend calls it from its one host thread).
{
public:
	struct RunningJob
		/// A scan Job that has not finished: adopt it instead of starting a
		/// second Job for its images.
	{
		std::string name;
		std::string uid;
		std::string secretName;
		std::vector<std::string> imageIds;
			/// The images its image-config.json lists.
		bool coverageKnown = false;
			/// False when its Secret could not be read: it then covers no
			/// image of ours for certain, but still runs.
	};

	struct Findings
	{
		std::vector<RunningJob> running;
			/// Ordered by name (= by cycle, oldest first).
		std::set<std::string> succeededImages;
			/// Images of Jobs that completed (Complete=True) while nobody
			/// waited for them: their SBOMs exist.
		std::size_t deletedJobs = 0;
		std::size_t deletedSecrets = 0;
	};

	LeftoverJobs(JobApi& api, bool keepFinishedJobs, Poco::Logger& logger);
		/// With `keepFinishedJobs` (job-ttl-seconds is set) finished Jobs are
		/// left to the TTL controller; their Secrets are deleted anyway.

	Findings scan();
		/// Lists the scan Jobs and job-config Secrets of the namespace, then:
		///   - a Job that is still running (also suspended, or with its outcome
		///     known but pods still terminating) is reported with the images
		///     its Secret lists;
		///   - a finished Job (or one being deleted) is deleted with its Secret;
		///     when it completed, the images it listed go to succeededImages;
		///   - a Secret that no listed Job mounts is deleted.
		/// Throws the client's exceptions when a list request fails; failed
		/// deletions are only logged.

private:
	void collectFinished(const Poco::JSON::Object::Ptr& job, const std::string& secretName, Findings& findings);
		/// `secretName` is "" when the Job's Secret is already gone.

	JobApi& _api;
	bool _keepFinishedJobs;
	Poco::Logger& _logger;
};

} } // namespace sbomop::jobimage

#endif // SBOMOP_JobImage_LeftoverJobs_INCLUDED
