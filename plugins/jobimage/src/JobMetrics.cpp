//
// JobMetrics.cpp
//

#include "sbomop/jobimage/JobMetrics.h"

namespace sbomop {
namespace jobimage {

const char* const JobMetrics::RESULTS[] = {"succeeded", "failed", "deleted", "cancelled", "error", nullptr};


JobMetrics::JobMetrics(http::MetricsRegistry& registry):
	_runs(registry.counter("sbomop_job_runs_total",
		"Scan Jobs that ended, by result (succeeded, failed, deleted, cancelled, error).", {"result"})),
	_duration(registry.histogram("sbomop_job_duration_seconds",
		"Time from starting or adopting a scan Job until it ended.", {},
		{5, 15, 30, 60, 120, 300, 600, 1200, 1800, 3600, 7200, 14400})),
	_images(registry.histogram("sbomop_job_images",
		"Images handed to one scan Job.", {},
		{1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000}))
{
	// Every result is exported from the start, also before its first run.
	for (const char* const* result = RESULTS; *result; ++result) _runs.labels({*result});
}


void JobMetrics::countRun(const std::string& result)
{
	_runs.labels({result}).inc();
}


void JobMetrics::observeDuration(double seconds)
{
	_duration.labels().observe(seconds);
}


void JobMetrics::observeImages(std::size_t images)
{
	_images.labels().observe(static_cast<double>(images));
}

} } // namespace sbomop::jobimage
