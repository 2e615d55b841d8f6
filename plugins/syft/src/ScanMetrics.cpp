//
// ScanMetrics.cpp
//

#include "sbomop/syft/ScanMetrics.h"

namespace sbomop {
namespace syft {

const char* ScanMetrics::SCANS_TOTAL = "sbomop_syft_scans_total";
const char* ScanMetrics::SCAN_DURATION_SECONDS = "sbomop_syft_scan_duration_seconds";


ScanMetrics::ScanMetrics(http::MetricsRegistry& registry):
	_scans(registry.counter(SCANS_TOTAL, "Syft scans by result (succeeded, failed, timeout, cancelled).", {"result"})),
	// Scans take seconds for small images and many minutes for large ones.
	_durations(registry.histogram(SCAN_DURATION_SECONDS, "Run time of Syft scans.", {},
		{1, 2.5, 5, 10, 30, 60, 120, 300, 600, 1800, 3600}))
{
	for (ScanResult::Status status: {ScanResult::SUCCEEDED, ScanResult::FAILED, ScanResult::TIMED_OUT, ScanResult::CANCELLED})
	{
		_scans.labels({ScanResult::statusName(status)});
	}
	_durations.labels();
}


void ScanMetrics::record(const ScanResult& result)
{
	_scans.labels({ScanResult::statusName(result.status)}).inc();
	_durations.labels().observe(result.seconds);
}


} } // namespace sbomop::syft
