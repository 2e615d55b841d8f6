//
// ProcessMetrics.h
//
// The standard process_* metrics and sbomop_build_info, read at scrape time.
//

#ifndef SBOMOP_Http_ProcessMetrics_INCLUDED
#define SBOMOP_Http_ProcessMetrics_INCLUDED

#include "sbomop/Sbomop.h"
#include "sbomop/http/MetricSnapshot.h"
#include <string>
#include <vector>

namespace sbomop {
namespace http {

class MetricsRegistry;

class SBOMOP_API ProcessMetrics
	/// A MetricsRegistry collector for the metrics every Prometheus client
	/// exports about its process, with the same names and meaning:
	///
	///   * process_cpu_seconds_total (counter): user plus system CPU time
	///   * process_resident_memory_bytes, process_virtual_memory_bytes
	///   * process_open_fds, process_max_fds (soft limit; +Inf if unlimited)
	///   * process_start_time_seconds (Unix time)
	///   * process_threads
	///
	/// read from /proc/self/stat, /proc/self/status, /proc/self/fd,
	/// /proc/self/limits and /proc/stat on every scrape, plus the constant
	/// `sbomop_build_info{version,compiler,build_type} 1`. A /proc file that
	/// cannot be read or parsed only drops the metrics taken from it (logged
	/// at debug level, logger "sbomop.http.metrics"). Stateless and
	/// thread-safe.
{
public:
	static void collect(std::vector<MetricSnapshot>& families, const std::string& procRoot = "/proc");
		/// Appends the metrics of the current process. procRoot replaces
		/// "/proc" (tests point it at a prepared directory tree).

	static std::size_t registerWith(MetricsRegistry& registry);
		/// Adds collect() as a collector of registry and returns the
		/// collector id (see MetricsRegistry::removeCollector).

	ProcessMetrics() = delete;
};

} } // namespace sbomop::http

#endif // SBOMOP_Http_ProcessMetrics_INCLUDED
