//
// BackendContext.cpp
//

#include "sbomop/plugin/BackendContext.h"

namespace sbomop {
namespace plugin {

BackendContext::BackendContext(const Poco::Util::AbstractConfiguration& config,
	Poco::Logger& logger,
	http::MetricsRegistry& metrics,
	kube::KubeClient* kubeClient,
	const std::string& operatorNamespace,
	const std::string& clusterId,
	StopToken& shutdown):
	_config(config),
	_logger(logger),
	_metrics(metrics),
	_kubeClient(kubeClient),
	_operatorNamespace(operatorNamespace),
	_clusterId(clusterId),
	_shutdown(shutdown)
{
}

} } // namespace sbomop::plugin
