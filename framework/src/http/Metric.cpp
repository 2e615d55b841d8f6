//
// Metric.cpp
//

#include "sbomop/http/Metric.h"

namespace sbomop {
namespace http {


Metric::Metric() = default;


Metric::~Metric() = default;


void Metric::add(std::atomic<double>& target, double amount)
{
	double current = target.load(std::memory_order_relaxed);
	while (!target.compare_exchange_weak(current, current + amount, std::memory_order_relaxed))
	{
	}
}


} } // namespace sbomop::http
