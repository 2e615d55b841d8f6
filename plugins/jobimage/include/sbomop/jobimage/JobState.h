//
// JobState.h
//
// What a Job's status conditions say about its outcome, by the rule that
// holds on every Kubernetes version (API-SEMANTICS §8.2).
//

#ifndef SBOMOP_JobImage_JobState_INCLUDED
#define SBOMOP_JobImage_JobState_INCLUDED

#include <Poco/JSON/Object.h>
#include <string>

namespace sbomop {
namespace jobimage {

class JobState
	/// The decision rule, applied to conditions with status "True":
	///   1. `Complete`            -> SUCCEEDED (finished)
	///   2. `Failed`              -> FAILED (finished; BackoffLimitExceeded,
	///                               DeadlineExceeded, PodFailurePolicy, ...)
	///   3. `SuccessCriteriaMet`  -> SUCCEEDING (outcome known, pods terminating)
	///      `FailureTarget`       -> FAILING (outcome known, pods terminating)
	///   4. `Suspended`           -> SUSPENDED, else RUNNING.
	/// Counters such as `succeeded` or `active` are never used. A value type.
{
public:
	enum Phase
	{
		RUNNING,
		SUSPENDED,
		SUCCEEDING,
		FAILING,
		SUCCEEDED,
		FAILED
	};

	JobState();
		/// RUNNING, without reason.

	static JobState of(const Poco::JSON::Object::Ptr& job);
		/// The state of a Job object (as read from the API or a watch event);
		/// RUNNING when it has no status or no conditions. Never throws for
		/// malformed input: what cannot be read counts as absent.

	Phase phase() const;

	bool finished() const;
		/// True for SUCCEEDED and FAILED.

	const std::string& reason() const;
		/// `reason` of the deciding condition (may be empty).

	const std::string& message() const;
		/// `message` of the deciding condition (may be empty).

	std::string describe() const;
		/// E.g. "Failed (DeadlineExceeded: Job was active longer than specified
		/// deadline)", "Complete", "running".

	static const char* phaseName(Phase phase);
		/// "running", "suspended", "succeeding", "failing", "succeeded", "failed".

private:
	JobState(Phase phase, const std::string& condition, const std::string& reason, const std::string& message);

	Phase _phase;
	std::string _condition;
	std::string _reason;
	std::string _message;
};


//
// inlines
//
inline JobState::Phase JobState::phase() const
{
	return _phase;
}


inline bool JobState::finished() const
{
	return _phase == SUCCEEDED || _phase == FAILED;
}


inline const std::string& JobState::reason() const
{
	return _reason;
}


inline const std::string& JobState::message() const
{
	return _message;
}

} } // namespace sbomop::jobimage

#endif // SBOMOP_JobImage_JobState_INCLUDED
