//
// JobEnvironment.h
//
// What the operator's own environment contributes to its Jobs: the
// `SBOM_JOB_<NAME>` variables passed on as `<NAME>`, and the operator pod
// (POD_NAME, POD_UID from the downward API) that owns the Jobs.
//

#ifndef SBOMOP_JobImage_JobEnvironment_INCLUDED
#define SBOMOP_JobImage_JobEnvironment_INCLUDED

#include <Poco/JSON/Object.h>
#include <map>
#include <string>
#include <utility>
#include <vector>

namespace sbomop {
namespace jobimage {

class JobEnvironment
	/// Built once from an environment map (normally
	/// config::ConfigLoader::processEnvironment(); tests pass their own).
	/// Immutable afterwards; thread-safe.
	///
	/// Every variable named `SBOM_JOB_<NAME>` becomes `<NAME>` in the Job,
	/// with its value unchanged byte for byte (any characters: '=', '/',
	/// ':', '+', blanks, line breaks, non-ASCII). This includes the
	/// operator's own job-* settings given as variables (SBOM_JOB_TIMEOUT
	/// becomes TIMEOUT), as in ckotzbauer/sbom-operator. Skipped, and listed
	/// in skipped(): names Kubernetes rejects (empty, or not matching
	/// `[-._a-zA-Z][-._a-zA-Z0-9]*`) and values that are not valid UTF-8
	/// (JSON, and so the API, cannot carry them unchanged).
{
public:
	static constexpr const char* PREFIX = "SBOM_JOB_";

	using Variables = std::vector<std::pair<std::string, std::string>>;

	JobEnvironment();
		/// An empty environment: no variables, no owner pod.

	explicit JobEnvironment(const std::map<std::string, std::string>& environment);

	const Variables& variables() const;
		/// The Job's variables (name without the prefix, value), sorted by name.

	const std::vector<std::string>& skipped() const;
		/// Full names of the SBOM_JOB_ variables left out (never their values).

	bool hasOwnerPod() const;
		/// True when both POD_NAME and POD_UID are set.

	Poco::JSON::Object::Ptr ownerPodReference() const;
		/// An ownerReference to the operator pod
		/// `{"apiVersion":"v1","kind":"Pod","name","uid","controller":false}`,
		/// or null without an owner pod. `blockOwnerDeletion` is left out on
		/// purpose: setting it needs delete permission on pods (admission
		/// plugin OwnerReferencesPermissionEnforcement), which the operator
		/// does not otherwise need, and it matters only for foreground
		/// deletion of the pod.

	static bool isValidName(const std::string& name);
		/// True for a name the Kubernetes API accepts for an environment variable.

	static bool isValidUtf8(const std::string& text);
		/// True when `text` is well-formed UTF-8.

private:
	Variables _variables;
	std::vector<std::string> _skipped;
	std::string _podName;
	std::string _podUid;
};

} } // namespace sbomop::jobimage

#endif // SBOMOP_JobImage_JobEnvironment_INCLUDED
