//
// Histogram.h
//
// Observations counted in cumulative buckets.
//

#ifndef SBOMOP_Http_Histogram_INCLUDED
#define SBOMOP_Http_Histogram_INCLUDED

#include "sbomop/http/Metric.h"
#include <Poco/Mutex.h>
#include <cstdint>

namespace sbomop {
namespace http {

class SBOMOP_API Histogram: public Metric
	/// Counts observations (durations, sizes) in buckets with fixed upper
	/// bounds and keeps their sum and count. Rendered as cumulative
	/// `<name>_bucket{le="<bound>"}` samples ending with `le="+Inf"`, then
	/// `<name>_sum` and `<name>_count`. Thread-safe; a scrape sees a
	/// consistent state.
{
public:
	explicit Histogram(const std::vector<double>& upperBounds);
		/// Creates a histogram with the given bucket upper bounds (see
		/// checkBounds). Throws Poco::InvalidArgumentException for invalid
		/// bounds.

	~Histogram() override;

	void observe(double value);
		/// Records one observation: it falls into the first bucket whose
		/// upper bound is >= value (or only into +Inf).

	std::uint64_t count() const;
		/// Returns the number of observations.

	double sum() const;
		/// Returns the sum of all observations.

	const std::vector<double>& upperBounds() const;
		/// Returns the finite bucket upper bounds, ascending.

	void appendSamples(const std::string& familyName, const MetricSnapshot::Labels& labels, std::vector<MetricSnapshot::Sample>& samples) const override;

	static std::vector<double> checkBounds(const std::vector<double>& upperBounds);
		/// Returns upperBounds without a trailing +Inf (the +Inf bucket is
		/// always there). Throws Poco::InvalidArgumentException unless the
		/// bounds are strictly ascending and free of NaN.

	static const std::vector<double>& defaultBuckets();
		/// Returns the Prometheus client default buckets, meant for durations
		/// in seconds: .005, .01, .025, .05, .1, .25, .5, 1, 2.5, 5, 10.

private:
	const std::vector<double> _upperBounds;
	std::vector<std::uint64_t> _bucketCounts;  // per bucket, not cumulative; last one is +Inf
	double _sum;
	std::uint64_t _count;
	mutable Poco::FastMutex _mutex;
};

} } // namespace sbomop::http

#endif // SBOMOP_Http_Histogram_INCLUDED
