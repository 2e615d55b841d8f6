//
// OperatorLabels.h
//
// The label that marks objects the operator or one of its backends created
// (scan Jobs, their pods and Secrets, ...). Pods carrying it are the
// operator's own workers: discovery never treats them as workloads to scan,
// or every scan Job would schedule the next one.
//

#ifndef SBOMOP_Plugin_OperatorLabels_INCLUDED
#define SBOMOP_Plugin_OperatorLabels_INCLUDED

#include "sbomop/Sbomop.h"
#include <map>
#include <string>

namespace sbomop {
namespace plugin {

struct SBOMOP_API OperatorLabels
{
	static constexpr const char* MANAGED_BY_LABEL = "app.kubernetes.io/managed-by";
	static constexpr const char* MANAGED_BY_VALUE = "sbom-operator";

	static bool managedByOperator(const std::map<std::string, std::string>& labels);
		/// True when `labels` hold MANAGED_BY_LABEL = MANAGED_BY_VALUE.
};

} } // namespace sbomop::plugin

#endif // SBOMOP_Plugin_OperatorLabels_INCLUDED
