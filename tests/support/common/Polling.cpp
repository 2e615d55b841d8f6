//
// Polling.cpp
//

#include "common/Polling.h"
#include <Poco/Thread.h>
#include <Poco/Timestamp.h>

namespace sbomop {
namespace testcommon {

bool waitUntil(const std::function<bool()>& condition, long timeoutMilliseconds, long pollMilliseconds)
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
