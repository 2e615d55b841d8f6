//
// BasicMetricFamily.h
//
// A metric family whose children need no parameters (counters, gauges).
//

#ifndef SBOMOP_Http_BasicMetricFamily_INCLUDED
#define SBOMOP_Http_BasicMetricFamily_INCLUDED

#include "sbomop/http/MetricFamily.h"

namespace sbomop {
namespace http {

template <class C, MetricSnapshot::Type TYPE>
class BasicMetricFamily: public MetricFamily
	/// Children of type C sharing a name and label names; see CounterFamily
	/// and GaugeFamily, obtained from MetricsRegistry. Thread-safe.
{
public:
	BasicMetricFamily(const std::string& name, const std::string& help, const std::vector<std::string>& labelNames = {});
		/// Throws Poco::InvalidArgumentException for an invalid metric or
		/// label name.

	C& labels(const std::vector<std::string>& labelValues = {});
		/// Returns the child for the label values, e.g.
		/// `requests.labels({"GET", "200"}).inc()`; see MetricFamily::child().

protected:
	std::unique_ptr<Metric> createChild() const override;
};


//
// inlines
//
template <class C, MetricSnapshot::Type TYPE>
inline BasicMetricFamily<C, TYPE>::BasicMetricFamily(const std::string& name, const std::string& help, const std::vector<std::string>& labelNames):
	MetricFamily(name, help, TYPE, labelNames)
{
}


template <class C, MetricSnapshot::Type TYPE>
inline C& BasicMetricFamily<C, TYPE>::labels(const std::vector<std::string>& labelValues)
{
	// createChild() only ever makes a C.
	return static_cast<C&>(child(labelValues));
}


template <class C, MetricSnapshot::Type TYPE>
inline std::unique_ptr<Metric> BasicMetricFamily<C, TYPE>::createChild() const
{
	return std::make_unique<C>();
}


} } // namespace sbomop::http

#endif // SBOMOP_Http_BasicMetricFamily_INCLUDED
