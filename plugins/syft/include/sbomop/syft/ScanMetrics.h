//
// ScanMetrics.h
//
// The syft backend's metrics.
//

#ifndef SBOMOP_Syft_ScanMetrics_INCLUDED
#define SBOMOP_Syft_ScanMetrics_INCLUDED

#include "sbomop/http/MetricsRegistry.h"
#include "sbomop/syft/ScanResult.h"

namespace sbomop {
namespace syft {

class ScanMetrics
	/// Registers and updates
	///
	///     sbomop_syft_scans_total{result}       counter; result = succeeded, failed, timeout, cancelled
	///     sbomop_syft_scan_duration_seconds     histogram of the run time of every scan
	///
	/// Every result label exists (at 0) from the start. Thread-safe; the
	/// registry must outlive this object.
{
public:
	explicit ScanMetrics(http::MetricsRegistry& registry);
		/// Registers the families (or reuses them when already registered).

	void record(const ScanResult& result);
		/// Counts one scan and observes its duration.

	static const char* SCANS_TOTAL;
	static const char* SCAN_DURATION_SECONDS;

private:
	http::CounterFamily& _scans;
	http::HistogramFamily& _durations;
};


} } // namespace sbomop::syft

#endif // SBOMOP_Syft_ScanMetrics_INCLUDED
