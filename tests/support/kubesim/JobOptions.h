//
// JobOptions.h
//
// How kube-sim runs batch/v1 Jobs: which container images run a real
// entrypoint in a bubblewrap sandbox, what happens to all other images, and
// which Job condition sequence (before or since Kubernetes 1.31) is written.
//

#ifndef SBOMOP_KubeSim_JobOptions_INCLUDED
#define SBOMOP_KubeSim_JobOptions_INCLUDED

#include <Poco/Timespan.h>
#include <map>
#include <string>
#include <utility>

namespace sbomop {
namespace kubesim {

enum class JobOutcome
	/// What a container of an image without a registered runner does.
{
	Succeed,   ///< exits 0 after the default duration
	Fail,      ///< exits 1 after the default duration
	Hang       ///< runs until it is killed (activeDeadlineSeconds, deletion, stop)
};

enum class JobConditionStyle
	/// The terminal condition sequence the Job controller writes.
{
	Legacy,   ///< up to 1.30: Complete / Failed as soon as the outcome is known
	V1_31     ///< 1.31+: SuccessCriteriaMet / FailureTarget first, then Complete / Failed
};

struct JobOptions
	/// Value type. The defaults run every image as "succeed after 1 s".
{
	bool enabled = false;
		///< run the Job controller and the kubelet (in-process default off: tests
		///< that write Job status themselves keep working; the executable turns it on)
	std::map<std::string, std::string> runners;
		///< image reference -> directory whose entrypoint.sh a Job with that image runs
	JobOutcome defaultOutcome = JobOutcome::Succeed;
	Poco::Timespan defaultDuration = Poco::Timespan(1, 0);
	JobConditionStyle conditions = JobConditionStyle::V1_31;
	Poco::Timespan killGracePeriod = Poco::Timespan(2, 0);
		///< between SIGTERM and SIGKILL when a container is stopped
	std::string bubblewrap = "bwrap";
		///< the bubblewrap executable: a path, or a name looked up on PATH

	static JobOutcome parseOutcome(const std::string& text);
		/// "succeed", "fail" or "hang". Throws Poco::InvalidArgumentException.

	static JobConditionStyle parseConditions(const std::string& text);
		/// "legacy" or "1.31". Throws Poco::InvalidArgumentException.

	static std::pair<std::string, std::string> parseRunner(const std::string& text);
		/// "IMAGE=DIR" split at the first '='. Throws Poco::InvalidArgumentException
		/// when either side is empty.

	static Poco::Timespan parseSeconds(const std::string& text);
		/// A non-negative number of seconds, fractions allowed ("0.2").
		/// Throws Poco::InvalidArgumentException.

	static std::string outcomeName(JobOutcome outcome);
		/// "succeed", "fail" or "hang".
};

} } // namespace sbomop::kubesim

#endif // SBOMOP_KubeSim_JobOptions_INCLUDED
