//
// Polling.h
//
// Waiting in tests for a condition that another thread or process makes true.
//

#ifndef SBOMOP_TestCommon_Polling_INCLUDED
#define SBOMOP_TestCommon_Polling_INCLUDED

#include <Poco/Thread.h>
#include <Poco/Timestamp.h>
#include <functional>

namespace sbomop {
namespace testcommon {

bool waitUntil(const std::function<bool()>& condition, long timeoutMilliseconds, long pollMilliseconds = 10);
	/// Calls `condition` every `pollMilliseconds` until it returns true
	/// (returns true) or `timeoutMilliseconds` have passed (returns false,
	/// after one last call). Sleeps on the calling thread; propagates what
	/// `condition` throws.

//
// Inline implementation: header-only, so that sources compiled into other
// targets (benchmarks, other suites) need no extra library.
//
inline bool waitUntil(const std::function<bool()>& condition, long timeoutMilliseconds, long pollMilliseconds)
{
	// Elapsed wall time, not a sum of sleeps: a slow condition must not stretch the timeout.
	const Poco::Timestamp start;
	while (!condition())
	{
		if (start.isElapsed(static_cast<Poco::Timestamp::TimeDiff>(timeoutMilliseconds) * 1000)) return condition();
		Poco::Thread::sleep(pollMilliseconds);
	}
	return true;
}

} } // namespace sbomop::testcommon

#endif // SBOMOP_TestCommon_Polling_INCLUDED
