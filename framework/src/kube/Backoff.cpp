//
// Backoff.cpp
//

#include "sbomop/kube/Backoff.h"
#include <algorithm>
#include <random>

namespace sbomop {
namespace kube {

Backoff::Backoff(const Poco::Timespan& base, const Poco::Timespan& cap, const Poco::Timespan& retryAfterCap, Random random):
	_base(base),
	_cap(cap),
	_retryAfterCap(retryAfterCap),
	_random(std::move(random))
{
}

double Backoff::random() const
{
	if (_random) return std::clamp(_random(), 0.0, 1.0);
	thread_local std::mt19937_64 engine{std::random_device{}()};
	return std::uniform_real_distribution<double>(0.0, 1.0)(engine);
}

Poco::Timespan Backoff::delay(int retry) const
{
	// Doubling stops at the cap, which also keeps the shift from overflowing.
	Poco::Timespan::TimeDiff ceiling = _base.totalMicroseconds();
	for (int i = 0; i < retry && ceiling < _cap.totalMicroseconds(); ++i) ceiling *= 2;
	ceiling = std::min(ceiling, _cap.totalMicroseconds());
	return Poco::Timespan(static_cast<Poco::Timespan::TimeDiff>(random() * ceiling));
}

Poco::Timespan Backoff::delay(int retry, int retryAfterSeconds) const
{
	if (retryAfterSeconds < 0) return delay(retry);
	// Jitter spreads clients that were all told the same Retry-After.
	const Poco::Timespan::TimeDiff wanted = retryAfterSeconds * Poco::Timespan::SECONDS
		+ static_cast<Poco::Timespan::TimeDiff>(random() * _base.totalMicroseconds());
	return Poco::Timespan(std::min(wanted, _retryAfterCap.totalMicroseconds()));
}

const Poco::Timespan& Backoff::base() const
{
	return _base;
}

const Poco::Timespan& Backoff::cap() const
{
	return _cap;
}

const Poco::Timespan& Backoff::retryAfterCap() const
{
	return _retryAfterCap;
}

} } // namespace sbomop::kube
