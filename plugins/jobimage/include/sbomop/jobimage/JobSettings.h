//
// JobSettings.h
//
// The job-* configuration keys of the jobimage backend, read and checked in
// one place.
//

#ifndef SBOMOP_JobImage_JobSettings_INCLUDED
#define SBOMOP_JobImage_JobSettings_INCLUDED

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/Types.h>
#include <string>

namespace Poco {
namespace Util { class AbstractConfiguration; }
}

namespace sbomop {
namespace jobimage {

struct JobSettings
	/// How the backend's Jobs look. A value; the JSON members are shared
	/// between copies and must be treated as read-only.
{
	std::string image;
		/// `job-image`: the job image, as configured.
	std::string imagePullSecret;
		/// `job-image-pull-secret`: Secret name in the operator's namespace; "" = none.
	std::string serviceAccount;
		/// `job-service-account`: ServiceAccount of the Job's pod; "" = the
		/// namespace's default account, without a mounted token.
	Poco::Int64 timeoutSeconds = 3600;
		/// `job-timeout`: activeDeadlineSeconds, > 0.
	Poco::Int64 ttlSecondsAfterFinished = -1;
		/// `job-ttl-seconds`: ttlSecondsAfterFinished; -1 = not set (the
		/// operator deletes the Job itself when it ends).
	bool privileged = false;
		/// `job-privileged`: run the container privileged (container daemons).
	Poco::JSON::Object::Ptr resources;
		/// `job-resources`: {"requests":{..},"limits":{..}}; null = none.
	Poco::JSON::Object::Ptr nodeSelector;
		/// `job-node-selector`; null = none.
	Poco::JSON::Array::Ptr tolerations;
		/// `job-tolerations`; null = none.

	static JobSettings fromConfig(const Poco::Util::AbstractConfiguration& config);
		/// Reads the job keys; absent keys take the built-in defaults.
		/// Throws config::ConfigException naming the key for: a missing or
		/// blank job-image, a job-image that is no valid image reference, a
		/// non-positive or non-numeric job-timeout, a job-ttl-seconds below
		/// -1, a job-privileged that is no boolean, pull-secret or
		/// service-account names that are no valid object names, and
		/// malformed job-resources, job-node-selector or job-tolerations (see
		/// JobValueParser).
};

} } // namespace sbomop::jobimage

#endif // SBOMOP_JobImage_JobSettings_INCLUDED
