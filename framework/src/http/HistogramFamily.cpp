//
// HistogramFamily.cpp
//

#include "sbomop/http/HistogramFamily.h"

namespace sbomop {
namespace http {


HistogramFamily::HistogramFamily(const std::string& name, const std::string& help, const std::vector<std::string>& labelNames,
		const std::vector<double>& upperBounds):
	MetricFamily(name, help, MetricSnapshot::HISTOGRAM, labelNames, "le"),
	_upperBounds(Histogram::checkBounds(upperBounds))
{
}


HistogramFamily::~HistogramFamily() = default;


Histogram& HistogramFamily::labels(const std::vector<std::string>& labelValues)
{
	// createChild() only ever makes Histograms.
	return static_cast<Histogram&>(child(labelValues));
}


const std::vector<double>& HistogramFamily::upperBounds() const
{
	return _upperBounds;
}


bool HistogramFamily::isCompatible(const MetricFamily& other) const
{
	const auto* pOther = dynamic_cast<const HistogramFamily*>(&other);
	return pOther && MetricFamily::isCompatible(other) && _upperBounds == pOther->_upperBounds;
}


std::unique_ptr<Metric> HistogramFamily::createChild() const
{
	return std::make_unique<Histogram>(_upperBounds);
}


} } // namespace sbomop::http
