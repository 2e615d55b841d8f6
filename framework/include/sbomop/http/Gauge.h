//
// Gauge.h
//
// A value that goes up and down.
//

#ifndef SBOMOP_Http_Gauge_INCLUDED
#define SBOMOP_Http_Gauge_INCLUDED

#include "sbomop/http/Metric.h"

namespace sbomop {
namespace http {

class SBOMOP_API Gauge: public Metric
	/// A value that can be set, increased and decreased (queue length,
	/// images known). Starts at zero. Lock-free and thread-safe.
{
public:
	Gauge();
	~Gauge() override;

	void set(double value);
		/// Sets the value.

	void inc(double amount = 1);
		/// Adds amount (which may be negative).

	void dec(double amount = 1);
		/// Subtracts amount.

	double value() const;
		/// Returns the current value.

	void appendSamples(const std::string& familyName, const MetricSnapshot::Labels& labels, std::vector<MetricSnapshot::Sample>& samples) const override;

private:
	std::atomic<double> _value;
};

} } // namespace sbomop::http

#endif // SBOMOP_Http_Gauge_INCLUDED
