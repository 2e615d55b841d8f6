//
// OperatorMetrics.cpp
//

#include "sbomop/controller/OperatorMetrics.h"

namespace sbomop {
namespace controller {

OperatorMetrics::OperatorMetrics(http::MetricsRegistry& registry):
	imagesKnown(registry.gauge("sbomop_images_known", "Unique image digests running in the pods in scope.")),
	imagesPending(registry.gauge("sbomop_images_pending", "Unique image digests waiting for the backend in the current cycle.")),
	cycles(registry.counter("sbomop_cycles_total", "Cycles run, by result (success, failure).", { "result" })),
	cycleDuration(registry.histogram("sbomop_cycle_duration_seconds", "Duration of a cycle, from planning to the last annotation.", {},
		{ 0.1, 0.5, 1, 5, 15, 60, 300, 900, 3600 })),
	backendImages(registry.counter("sbomop_backend_images_total", "Images handed to the backend, by result (succeeded, failed).", { "backend", "result" })),
	podsAnnotated(registry.counter("sbomop_pods_annotated_total", "Pods whose annotations recorded a processed image.")),
	annotationFailures(registry.counter("sbomop_annotation_failures_total", "Pod annotation patches that failed (retried next cycle).")),
	orphans(registry.counter("sbomop_orphan_images_total", "Stored images no longer running, by removal result (removed, failed).", { "result" })),
	apiRequests(registry.counter("sbomop_kube_api_requests_total", "Kubernetes API requests, by verb, resource and HTTP code (0: no response).", { "verb", "resource", "code" })),
	lastSuccess(registry.gauge("sbomop_last_successful_cycle_timestamp_seconds", "Unix time of the end of the last cycle without failures."))
{
}

void OperatorMetrics::countApiRequest(const std::string& verb, const std::string& resource, int code)
{
	apiRequests.labels({ verb, resource, std::to_string(code) }).inc();
}

} } // namespace sbomop::controller
