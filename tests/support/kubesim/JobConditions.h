//
// JobConditions.h
//
// The vocabulary of a batch/v1 Job status as the Job controller writes it:
// conditions (type, reason, message, times), the reasons and messages of
// success and failure, and counters that are omitted while zero.
//

#ifndef SBOMOP_KubeSim_JobConditions_INCLUDED
#define SBOMOP_KubeSim_JobConditions_INCLUDED

#include <Poco/JSON/Object.h>
#include <string>

namespace sbomop {
namespace kubesim {

class JobConditions
	/// Stateless, thread-safe. Functions change the status object passed in.
{
public:
	static const std::string COMPLETIONS_REACHED;      ///< reason of SuccessCriteriaMet/Complete (1.31+)
	static const std::string BACKOFF_LIMIT_EXCEEDED;
	static const std::string DEADLINE_EXCEEDED;

	static std::string message(const std::string& reason);
		/// The controller's message for a reason: "Reached expected number of
		/// succeeded pods", "Job has reached the specified backoff limit",
		/// "Job was active longer than specified deadline".

	static bool has(const Poco::JSON::Object::Ptr& status, const std::string& type);
		/// True when status.conditions holds a condition of that type.

	static void add(Poco::JSON::Object::Ptr status, const std::string& type, const std::string& reason);
		/// Appends a True condition stamped now, with `reason` and its
		/// message ("" reason: neither, like Complete before 1.31). Does
		/// nothing when the type is there already.

	static void setCount(Poco::JSON::Object::Ptr status, const std::string& field, int value);
		/// Sets a counter, or removes it when 0 (the API omits empty counters).
};

} } // namespace sbomop::kubesim

#endif // SBOMOP_KubeSim_JobConditions_INCLUDED
