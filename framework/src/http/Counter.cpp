//
// Counter.cpp
//

#include "sbomop/http/Counter.h"
#include <Poco/Exception.h>
#include <Poco/NumberFormatter.h>
#include <cmath>

namespace sbomop {
namespace http {


Counter::Counter():
	_value(0)
{
}


Counter::~Counter() = default;


void Counter::inc(double amount)
{
	if (!(amount >= 0))
		throw Poco::InvalidArgumentException("counter increment must not be negative or NaN", Poco::NumberFormatter::format(amount));
	add(_value, amount);
}


double Counter::value() const
{
	return _value.load(std::memory_order_relaxed);
}


void Counter::appendSamples(const std::string& familyName, const MetricSnapshot::Labels& labels, std::vector<MetricSnapshot::Sample>& samples) const
{
	samples.push_back({familyName, labels, value()});
}


} } // namespace sbomop::http
