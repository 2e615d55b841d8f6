//
// OperatorMetrics.h
//
// The operator's own metrics on /metrics: what it knows, what is pending, how
// cycles, the backend, annotations and API requests went.
//

#ifndef SBOMOP_Controller_OperatorMetrics_INCLUDED
#define SBOMOP_Controller_OperatorMetrics_INCLUDED

#include "sbomop/Sbomop.h"
#include "sbomop/http/MetricsRegistry.h"
#include <string>

namespace sbomop {
namespace controller {

class SBOMOP_API OperatorMetrics
	/// Registers its families in the registry given, which must outlive it.
	/// Thread-safe.
{
public:
	explicit OperatorMetrics(http::MetricsRegistry& registry);

	http::GaugeFamily& imagesKnown;          ///< sbomop_images_known
	http::GaugeFamily& imagesPending;        ///< sbomop_images_pending
	http::CounterFamily& cycles;             ///< sbomop_cycles_total{result}
	http::HistogramFamily& cycleDuration;    ///< sbomop_cycle_duration_seconds
	http::CounterFamily& backendImages;      ///< sbomop_backend_images_total{backend,result}
	http::CounterFamily& podsAnnotated;      ///< sbomop_pods_annotated_total
	http::CounterFamily& annotationFailures; ///< sbomop_annotation_failures_total
	http::CounterFamily& orphans;            ///< sbomop_orphan_images_total{result}
	http::CounterFamily& apiRequests;        ///< sbomop_kube_api_requests_total{verb,resource,code}
	http::GaugeFamily& lastSuccess;          ///< sbomop_last_successful_cycle_timestamp_seconds

	void countApiRequest(const std::string& verb, const std::string& resource, int code);
		/// The Kubernetes client's request observer.
};

} } // namespace sbomop::controller

#endif // SBOMOP_Controller_OperatorMetrics_INCLUDED
