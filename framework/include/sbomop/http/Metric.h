//
// Metric.h
//
// The base of all metric children (one time series set per label values).
//

#ifndef SBOMOP_Http_Metric_INCLUDED
#define SBOMOP_Http_Metric_INCLUDED

#include "sbomop/Sbomop.h"
#include "sbomop/http/MetricSnapshot.h"
#include <atomic>
#include <string>
#include <vector>

namespace sbomop {
namespace http {

class SBOMOP_API Metric
	/// One child of a metric family: the value(s) for one combination of
	/// label values. Children are created and owned by their family
	/// (MetricFamily::child()) and live as long as it does. All subclasses
	/// are thread-safe.
{
public:
	virtual ~Metric();

	Metric(const Metric&) = delete;
	Metric& operator = (const Metric&) = delete;

	virtual void appendSamples(const std::string& familyName, const MetricSnapshot::Labels& labels, std::vector<MetricSnapshot::Sample>& samples) const = 0;
		/// Appends the current value(s) as samples named after familyName,
		/// each carrying labels (plus `le` for histogram buckets).

protected:
	Metric();

	static void add(std::atomic<double>& target, double amount);
		/// Atomically adds amount to target (std::atomic<double> has no
		/// fetch_add before C++20).
};

} } // namespace sbomop::http

#endif // SBOMOP_Http_Metric_INCLUDED
