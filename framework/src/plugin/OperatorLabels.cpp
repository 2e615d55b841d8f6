//
// OperatorLabels.cpp
//

#include "sbomop/plugin/OperatorLabels.h"

namespace sbomop {
namespace plugin {

bool OperatorLabels::managedByOperator(const std::map<std::string, std::string>& labels)
{
	const auto it = labels.find(MANAGED_BY_LABEL);
	return it != labels.end() && it->second == MANAGED_BY_VALUE;
}

} } // namespace sbomop::plugin
