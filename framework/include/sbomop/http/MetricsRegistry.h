//
// MetricsRegistry.h
//
// The set of metrics the operator exports on /metrics.
//

#ifndef SBOMOP_Http_MetricsRegistry_INCLUDED
#define SBOMOP_Http_MetricsRegistry_INCLUDED

#include "sbomop/Sbomop.h"
#include "sbomop/http/CounterFamily.h"
#include "sbomop/http/GaugeFamily.h"
#include "sbomop/http/HistogramFamily.h"
#include "sbomop/http/MetricSnapshot.h"
#include <Poco/Mutex.h>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace sbomop {
namespace http {

class SBOMOP_API MetricsRegistry
	/// Owns metric families and collectors and renders them for a scrape.
	///
	/// Families are registered once and updated by the code that owns the
	/// numbers:
	///
	///     auto& requests = registry.counter("sbomop_http_requests_total", "Requests served.", {"path", "code"});
	///     requests.labels({"/health", "200"}).inc();
	///
	/// Collectors are callbacks for values that are cheaper to compute when
	/// scraped than to keep up to date (see ProcessMetrics).
	///
	/// The operator uses defaultRegistry(); tests create their own. All member
	/// functions are thread-safe. Returned family references stay valid for
	/// the lifetime of the registry.
{
public:
	using Collector = std::function<void(std::vector<MetricSnapshot>& families)>;
		/// Appends metric families computed at scrape time. Runs on the
		/// scraping thread, outside the registry's lock (it may use the
		/// registry). An exception discards its output for that scrape.

	MetricsRegistry();
	~MetricsRegistry();

	MetricsRegistry(const MetricsRegistry&) = delete;
	MetricsRegistry& operator = (const MetricsRegistry&) = delete;

	static MetricsRegistry& defaultRegistry();
		/// Returns the process-wide registry served by the operator's
		/// /metrics endpoint. Never destroyed before the program exits.

	CounterFamily& counter(const std::string& name, const std::string& help, const std::vector<std::string>& labelNames = {});
		/// Registers a counter family, or returns the one registered earlier
		/// under the same name with the same help and label names. Throws
		/// Poco::InvalidArgumentException for invalid names and
		/// Poco::ExistsException if the name is taken by a different
		/// definition. A family without labels has its single child (value
		/// 0) from the start, so it is exported before its first update.

	GaugeFamily& gauge(const std::string& name, const std::string& help, const std::vector<std::string>& labelNames = {});
		/// Like counter(), for a gauge family.

	HistogramFamily& histogram(const std::string& name, const std::string& help, const std::vector<std::string>& labelNames = {},
		const std::vector<double>& upperBounds = Histogram::defaultBuckets());
		/// Like counter(), for a histogram family; bucket bounds must match
		/// too. Also throws Poco::InvalidArgumentException for invalid bounds
		/// or the label name "le".

	std::size_t addCollector(Collector collector);
		/// Registers a collector and returns an id for removeCollector().

	void removeCollector(std::size_t id);
		/// Unregisters a collector; unknown ids are ignored. A scrape that
		/// is already running may still call it once.

	std::vector<MetricSnapshot> collect() const;
		/// Returns the current state of all families and the output of all
		/// collectors, ordered by family name. Collector output with an
		/// invalid metric, sample or label name, or a name that is already
		/// taken, is left out and logged as a warning (logger
		/// "sbomop.http.metrics"), so one faulty collector cannot break the
		/// scrape.

	std::string render() const;
		/// Returns collect() in the Prometheus text format (TextExposition).

private:
	MetricFamily& add(std::unique_ptr<MetricFamily> pFamily);

	std::map<std::string, std::unique_ptr<MetricFamily>> _families;
	std::map<std::size_t, Collector> _collectors;
	std::size_t _nextCollectorId;
	mutable Poco::FastMutex _mutex;
};

} } // namespace sbomop::http

#endif // SBOMOP_Http_MetricsRegistry_INCLUDED
