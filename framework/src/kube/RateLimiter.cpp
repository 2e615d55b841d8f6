//
// RateLimiter.cpp
//

#include "sbomop/kube/RateLimiter.h"
#include <algorithm>
#include <cmath>

namespace sbomop {
namespace kube {

RateLimiter::RateLimiter(double qps, int burst, KubeClientClock::Ptr clock):
	_qps(qps),
	_burst(std::max(1, burst)),
	_clock(clock ? clock : KubeClientClock::system()),
	_tokens(_burst),
	_last(_clock->now())
{
}

void RateLimiter::refill(Poco::Timespan::TimeDiff now)
{
	if (now > _last)
	{
		_tokens = std::min<double>(_burst, _tokens + (now - _last) * _qps / 1e6);
		_last = now;
	}
}

Poco::Timespan RateLimiter::reserve()
{
	if (_qps <= 0) return Poco::Timespan(0);
	std::lock_guard<std::mutex> lock(_mutex);
	refill(_clock->now());
	// The balance may go negative: each waiting caller owns one future token,
	// so concurrent callers queue up at 1/qps intervals instead of racing.
	_tokens -= 1.0;
	if (_tokens >= 0) return Poco::Timespan(0);
	return Poco::Timespan(static_cast<Poco::Timespan::TimeDiff>(std::ceil(-_tokens * 1e6 / _qps)));
}

bool RateLimiter::tryAcquire()
{
	if (_qps <= 0) return true;
	std::lock_guard<std::mutex> lock(_mutex);
	refill(_clock->now());
	if (_tokens < 1.0) return false;
	_tokens -= 1.0;
	return true;
}

void RateLimiter::acquire()
{
	const Poco::Timespan wait = reserve();
	if (wait.totalMicroseconds() > 0) _clock->sleep(wait);
}

double RateLimiter::qps() const
{
	return _qps;
}

int RateLimiter::burst() const
{
	return _burst;
}

} } // namespace sbomop::kube
