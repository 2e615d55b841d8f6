//
// Gauge.cpp
//

#include "sbomop/http/Gauge.h"

namespace sbomop {
namespace http {


Gauge::Gauge():
	_value(0)
{
}


Gauge::~Gauge() = default;


void Gauge::set(double value)
{
	_value.store(value, std::memory_order_relaxed);
}


void Gauge::inc(double amount)
{
	add(_value, amount);
}


void Gauge::dec(double amount)
{
	add(_value, -amount);
}


double Gauge::value() const
{
	return _value.load(std::memory_order_relaxed);
}


void Gauge::appendSamples(const std::string& familyName, const MetricSnapshot::Labels& labels, std::vector<MetricSnapshot::Sample>& samples) const
{
	samples.push_back({familyName, labels, value()});
}


} } // namespace sbomop::http
