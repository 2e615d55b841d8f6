//
// Histogram.cpp
//

#include "sbomop/http/Histogram.h"
#include "sbomop/http/TextExposition.h"
#include <Poco/Exception.h>
#include <algorithm>
#include <cmath>

namespace sbomop {
namespace http {


Histogram::Histogram(const std::vector<double>& upperBounds):
	_upperBounds(checkBounds(upperBounds)),
	_bucketCounts(_upperBounds.size() + 1, 0),
	_sum(0),
	_count(0)
{
}


Histogram::~Histogram() = default;


void Histogram::observe(double value)
{
	// NaN compares false with every bound and so belongs to +Inf only.
	const std::size_t bucket = std::isnan(value) ? _upperBounds.size()
		: static_cast<std::size_t>(std::lower_bound(_upperBounds.begin(), _upperBounds.end(), value) - _upperBounds.begin());
	Poco::FastMutex::ScopedLock lock(_mutex);
	++_bucketCounts[bucket];
	_sum += value;
	++_count;
}


std::uint64_t Histogram::count() const
{
	Poco::FastMutex::ScopedLock lock(_mutex);
	return _count;
}


double Histogram::sum() const
{
	Poco::FastMutex::ScopedLock lock(_mutex);
	return _sum;
}


const std::vector<double>& Histogram::upperBounds() const
{
	return _upperBounds;
}


void Histogram::appendSamples(const std::string& familyName, const MetricSnapshot::Labels& labels, std::vector<MetricSnapshot::Sample>& samples) const
{
	std::vector<std::uint64_t> bucketCounts;
	double sum;
	std::uint64_t count;
	{
		Poco::FastMutex::ScopedLock lock(_mutex);
		bucketCounts = _bucketCounts;
		sum = _sum;
		count = _count;
	}

	const std::string bucketName = familyName + "_bucket";
	std::uint64_t cumulative = 0;
	for (std::size_t i = 0; i < bucketCounts.size(); ++i)
	{
		cumulative += bucketCounts[i];
		MetricSnapshot::Labels bucketLabels(labels);
		const double bound = i < _upperBounds.size() ? _upperBounds[i] : HUGE_VAL;
		bucketLabels.emplace_back("le", TextExposition::formatValue(bound));
		samples.push_back({bucketName, std::move(bucketLabels), static_cast<double>(cumulative)});
	}
	samples.push_back({familyName + "_sum", labels, sum});
	samples.push_back({familyName + "_count", labels, static_cast<double>(count)});
}


std::vector<double> Histogram::checkBounds(const std::vector<double>& upperBounds)
{
	std::vector<double> bounds(upperBounds);
	if (!bounds.empty() && bounds.back() == HUGE_VAL) bounds.pop_back();
	for (std::size_t i = 0; i < bounds.size(); ++i)
	{
		if (std::isnan(bounds[i]))
			throw Poco::InvalidArgumentException("histogram bucket bound must not be NaN");
		if (bounds[i] == HUGE_VAL)
			throw Poco::InvalidArgumentException("histogram bucket bound +Inf is only allowed last");
		if (i > 0 && !(bounds[i - 1] < bounds[i]))
			throw Poco::InvalidArgumentException("histogram bucket bounds must be strictly ascending");
	}
	return bounds;
}


const std::vector<double>& Histogram::defaultBuckets()
{
	static const std::vector<double> BUCKETS{.005, .01, .025, .05, .1, .25, .5, 1, 2.5, 5, 10};
	return BUCKETS;
}


} } // namespace sbomop::http
