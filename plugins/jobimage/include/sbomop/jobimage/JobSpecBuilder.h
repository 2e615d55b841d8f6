//
// JobSpecBuilder.h
//
// The batch/v1 Job that runs the job image over one image-config.json.
//

#ifndef SBOMOP_JobImage_JobSpecBuilder_INCLUDED
#define SBOMOP_JobImage_JobSpecBuilder_INCLUDED

#include "sbomop/jobimage/JobEnvironment.h"
#include "sbomop/jobimage/JobSettings.h"
#include <Poco/JSON/Object.h>
#include <string>

namespace sbomop {
namespace jobimage {

class JobSpecBuilder
	/// Builds the Job object sent to the API server. Keeps copies of the
	/// settings and the environment; const and thread-safe after
	/// construction.
	///
	/// The Job `JobNaming::jobName(cycleId)`:
	///   - labels JobNaming::labels(JOB_COMPONENT, cycleId) on the Job and its
	///     pod template; owned by the operator pod when POD_NAME/POD_UID are
	///     known (controller: false, no blockOwnerDeletion);
	///   - `backoffLimit: 0` (a job image retries internally or not at all),
	///     `activeDeadlineSeconds` = job-timeout, `ttlSecondsAfterFinished`
	///     = job-ttl-seconds when set;
	///   - pod: `restartPolicy: Never`, `imagePullSecrets` = job-image-pull-secret,
	///     `serviceAccountName` = job-service-account (without one, the API
	///     token is not mounted: job images do not talk to the cluster),
	///     `nodeSelector`, `tolerations`;
	///   - one container `sbom` running job-image with no command or args
	///     (the image's entrypoint), env = JobEnvironment::variables(), the
	///     Secret mounted read-only at /sbom, `resources` = job-resources;
	///   - security: with job-privileged, `privileged: true` and nothing else.
	///     Otherwise `allowPrivilegeEscalation: false`, `capabilities.drop:
	///     [ALL]` and a pod-level `seccompProfile: RuntimeDefault`. The root
	///     filesystem stays writable (scanners unpack image layers to temp
	///     space) and runAsNonRoot is not forced (many scanner images run as
	///     root), so the pod meets the Pod Security "baseline" level and
	///     "restricted" except for runAsNonRoot.
{
public:
	JobSpecBuilder(const JobSettings& settings, const JobEnvironment& environment);

	Poco::JSON::Object::Ptr build(const std::string& ns, const std::string& cycleId) const;
		/// A new Job object for the cycle; its Secret is
		/// JobNaming::secretName(cycleId).

	static std::string secretNameOf(const Poco::JSON::Object::Ptr& job);
		/// The Secret a Job read from the API mounts at /sbom (the
		/// secretName of its volume JobNaming::VOLUME_NAME), or "" when the Job
		/// has none.

private:
	Poco::JSON::Object::Ptr podSpec(const std::string& cycleId) const;
	Poco::JSON::Object::Ptr container() const;

	JobSettings _settings;
	JobEnvironment _environment;
};

} } // namespace sbomop::jobimage

#endif // SBOMOP_JobImage_JobSpecBuilder_INCLUDED
