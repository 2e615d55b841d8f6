//
// Polling.h
//
// Waiting in tests for a condition that another thread or process makes true.
//

#ifndef SBOMOP_TestCommon_Polling_INCLUDED
#define SBOMOP_TestCommon_Polling_INCLUDED

#include <functional>

namespace sbomop {
namespace testcommon {

bool waitUntil(const std::function<bool()>& condition, long timeoutMilliseconds, long pollMilliseconds = 10);
	/// Calls `condition` every `pollMilliseconds` until it returns true
	/// (returns true) or `timeoutMilliseconds` have passed (returns false,
	/// after one last call). Sleeps on the calling thread; propagates what
	/// `condition` throws.

} } // namespace sbomop::testcommon

#endif // SBOMOP_TestCommon_Polling_INCLUDED
