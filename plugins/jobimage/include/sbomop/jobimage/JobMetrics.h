//
// JobMetrics.h
//
// The jobimage backend's metrics.
//

#ifndef SBOMOP_JobImage_JobMetrics_INCLUDED
#define SBOMOP_JobImage_JobMetrics_INCLUDED

#include "sbomop/http/MetricsRegistry.h"
#include <string>

namespace sbomop {
namespace jobimage {

class JobMetrics
	/// Registers (or finds) in a MetricsRegistry:
	///   sbomop_job_runs_total{result}    Jobs that ended, by result:
	///                                    succeeded, failed, deleted,
	///                                    cancelled (waiting stopped, the Job
	///                                    kept running), error (not created or
	///                                    not observable)
	///   sbomop_job_duration_seconds      time from starting (or adopting) a
	///                                    Job until it ended
	///   sbomop_job_images                images per Job created
	/// Thread-safe like the registry; the registry must outlive it.
{
public:
	explicit JobMetrics(http::MetricsRegistry& registry);

	void countRun(const std::string& result);
		/// Counts a run with `result` (one of RESULTS).

	void observeDuration(double seconds);
		/// Observes how long a Job ran until it ended.

	void observeImages(std::size_t images);
		/// Observes the number of images of a new Job.

	static const char* const RESULTS[];
		/// The result label values, null-terminated.

private:
	http::CounterFamily& _runs;
	http::HistogramFamily& _duration;
	http::HistogramFamily& _images;
};

} } // namespace sbomop::jobimage

#endif // SBOMOP_JobImage_JobMetrics_INCLUDED
