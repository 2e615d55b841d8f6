//
// KubeClientClock.cpp
//

#include "sbomop/kube/KubeClientClock.h"
#include <chrono>
#include <thread>

namespace sbomop {
namespace kube {

KubeClientClock::~KubeClientClock() = default;

Poco::Timespan::TimeDiff KubeClientClock::now()
{
	return std::chrono::duration_cast<std::chrono::microseconds>(
		std::chrono::steady_clock::now().time_since_epoch()).count();
}

void KubeClientClock::sleep(const Poco::Timespan& duration)
{
	if (duration.totalMicroseconds() > 0)
	{
		std::this_thread::sleep_for(std::chrono::microseconds(duration.totalMicroseconds()));
	}
}

KubeClientClock::Ptr KubeClientClock::system()
{
	static const Ptr clock = std::make_shared<KubeClientClock>();
	return clock;
}

} } // namespace sbomop::kube
