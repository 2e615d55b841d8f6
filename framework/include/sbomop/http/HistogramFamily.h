//
// HistogramFamily.h
//
// A family of histograms distinguished by label values.
//

#ifndef SBOMOP_Http_HistogramFamily_INCLUDED
#define SBOMOP_Http_HistogramFamily_INCLUDED

#include "sbomop/http/Histogram.h"
#include "sbomop/http/MetricFamily.h"

namespace sbomop {
namespace http {

class SBOMOP_API HistogramFamily: public MetricFamily
	/// Histograms sharing a name, label names and bucket bounds; obtained
	/// from MetricsRegistry::histogram(). Thread-safe.
{
public:
	HistogramFamily(const std::string& name, const std::string& help, const std::vector<std::string>& labelNames = {},
		const std::vector<double>& upperBounds = Histogram::defaultBuckets());
		/// Throws Poco::InvalidArgumentException for an invalid metric or
		/// label name, the label name "le" (reserved for buckets) or invalid
		/// bounds (see Histogram::checkBounds).

	~HistogramFamily() override;

	Histogram& labels(const std::vector<std::string>& labelValues = {});
		/// Returns the histogram for the label values, e.g.
		/// `durations.labels({"git"}).observe(0.25)`; see MetricFamily::child().

	const std::vector<double>& upperBounds() const;
		/// Returns the finite bucket bounds shared by all children.

	bool isCompatible(const MetricFamily& other) const override;
		/// Also requires equal bucket bounds.

protected:
	std::unique_ptr<Metric> createChild() const override;

private:
	const std::vector<double> _upperBounds;
};

} } // namespace sbomop::http

#endif // SBOMOP_Http_HistogramFamily_INCLUDED
