//
// ReflectorOptions.cpp
//

#include "sbomop/runtime/ReflectorOptions.h"
#include <Poco/Exception.h>

namespace sbomop {
namespace runtime {

void ReflectorOptions::validate() const
{
	if (pageSize < 0)
		throw Poco::InvalidArgumentException("reflector page size must not be negative", std::to_string(pageSize));
	if (minWatchTimeoutSeconds <= 0 || maxWatchTimeoutSeconds <= minWatchTimeoutSeconds)
	{
		throw Poco::InvalidArgumentException("reflector watch timeout range must be positive and not empty",
			"[" + std::to_string(minWatchTimeoutSeconds) + ", " + std::to_string(maxWatchTimeoutSeconds) + ")");
	}
	if (backoffBase.totalMicroseconds() <= 0 || backoffBase > backoffCap)
		throw Poco::InvalidArgumentException("reflector backoff base must be positive and not above the cap");
}

} } // namespace sbomop::runtime
