//
// JobNaming.h
//
// Names and labels of the objects the jobimage backend creates per cycle: the
// Secret `sbom-operator-job-config-<suffix>` holding image-config.json and the
// Job `sbom-operator-job-<suffix>` that mounts it.
//

#ifndef SBOMOP_JobImage_JobNaming_INCLUDED
#define SBOMOP_JobImage_JobNaming_INCLUDED

#include "sbomop/plugin/OperatorLabels.h"
#include <Poco/JSON/Object.h>
#include <map>
#include <string>

namespace sbomop {
namespace jobimage {

class JobNaming
	/// Stateless; safe to use from any thread.
	///
	/// Both objects carry the labels
	///     app.kubernetes.io/managed-by: sbom-operator
	///     app.kubernetes.io/component:  scan-job | job-config
	///     sbom-operator.io/cycle:       <suffix>
	/// so that a restarted operator finds its own leftovers by label.
{
public:
	static constexpr const char* MANAGED_BY_LABEL = plugin::OperatorLabels::MANAGED_BY_LABEL;
	static constexpr const char* MANAGED_BY_VALUE = plugin::OperatorLabels::MANAGED_BY_VALUE;
		/// The operator never inventories pods with this label, so the scan
		/// Jobs' pods are not scanned in turn.
	static constexpr const char* COMPONENT_LABEL = "app.kubernetes.io/component";
	static constexpr const char* JOB_COMPONENT = "scan-job";
	static constexpr const char* CONFIG_COMPONENT = "job-config";
	static constexpr const char* CYCLE_LABEL = "sbom-operator.io/cycle";

	static constexpr const char* JOB_PREFIX = "sbom-operator-job-";
	static constexpr const char* SECRET_PREFIX = "sbom-operator-job-config-";
	static constexpr const char* CONFIG_KEY = "image-config.json";
		/// The Secret key, and so the file name below MOUNT_PATH.
	static constexpr const char* MOUNT_PATH = "/sbom";
	static constexpr const char* CONTAINER_NAME = "sbom";
	static constexpr const char* VOLUME_NAME = "image-config";

	static constexpr std::size_t MAX_SUFFIX_LENGTH = 38;
		/// 63 (the longest Job name that still fits the `job-name` label the
		/// API server adds to its pods) minus the length of SECRET_PREFIX.

	static std::string suffix(const std::string& cycleId);
		/// The cycle id as a name suffix and label value: lower case,
		/// characters other than [a-z0-9-] replaced by '-', no leading or
		/// trailing '-', at most MAX_SUFFIX_LENGTH characters (a longer id is
		/// cut and ends in 8 hex digits of its hash, so distinct ids stay
		/// distinct). "cycle" for an id without any usable character.

	static std::string jobName(const std::string& cycleId);
		/// JOB_PREFIX + suffix(cycleId); at most 56 characters.

	static std::string secretName(const std::string& cycleId);
		/// SECRET_PREFIX + suffix(cycleId); at most 63 characters.

	static Poco::JSON::Object::Ptr labels(const std::string& component, const std::string& cycleId);
		/// The three labels above for `component` (JOB_COMPONENT or
		/// CONFIG_COMPONENT); a new object on every call.

	static std::string selector(const std::string& component);
		/// The label selector of all objects of `component` that an operator
		/// created: "app.kubernetes.io/managed-by=sbom-operator,app.kubernetes.io/component=<component>".
};

} } // namespace sbomop::jobimage

#endif // SBOMOP_JobImage_JobNaming_INCLUDED
