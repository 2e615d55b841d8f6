//
// Counter.h
//
// A monotonically increasing value.
//

#ifndef SBOMOP_Http_Counter_INCLUDED
#define SBOMOP_Http_Counter_INCLUDED

#include "sbomop/http/Metric.h"

namespace sbomop {
namespace http {

class SBOMOP_API Counter: public Metric
	/// A value that only goes up (requests served, errors seen). Starts at
	/// zero. Lock-free and thread-safe.
{
public:
	Counter();
	~Counter() override;

	void inc(double amount = 1);
		/// Adds amount. Throws Poco::InvalidArgumentException if amount is
		/// negative or NaN (a counter never decreases).

	double value() const;
		/// Returns the current value.

	void appendSamples(const std::string& familyName, const MetricSnapshot::Labels& labels, std::vector<MetricSnapshot::Sample>& samples) const override;

private:
	std::atomic<double> _value;
};

} } // namespace sbomop::http

#endif // SBOMOP_Http_Counter_INCLUDED
