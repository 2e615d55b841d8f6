//
// BackendContext.h
//
// What the host gives a backend when it starts it.
//

#ifndef SBOMOP_Plugin_BackendContext_INCLUDED
#define SBOMOP_Plugin_BackendContext_INCLUDED

#include "sbomop/Sbomop.h"
#include <string>

namespace Poco {
class Logger;
namespace Util { class AbstractConfiguration; }
}

namespace sbomop {

class StopToken;
namespace kube { class KubeClient; }
namespace http { class MetricsRegistry; }

namespace plugin {

class SBOMOP_API BackendContext
	/// Services of the host that a backend may use. The host owns every object
	/// referenced here and keeps it alive from Backend::start() until after
	/// Backend::stop() has returned. All referenced objects are thread-safe.
{
public:
	BackendContext(const Poco::Util::AbstractConfiguration& config,
		Poco::Logger& logger,
		http::MetricsRegistry& metrics,
		kube::KubeClient* kubeClient,
		const std::string& operatorNamespace,
		const std::string& clusterId,
		StopToken& shutdown);

	const Poco::Util::AbstractConfiguration& config() const { return _config; }
		/// The validated operator configuration (all layers resolved).
	Poco::Logger& logger() const { return _logger; }
		/// The backend's logger, `sbomop.backend.<name>`.
	http::MetricsRegistry& metrics() const { return _metrics; }
		/// Register backend metrics here (prefix them `sbomop_<backend>_`).
	kube::KubeClient* kubeClient() const { return _kubeClient; }
		/// The operator's Kubernetes client; null when the host runs without a
		/// cluster (unit tests).
	const std::string& operatorNamespace() const { return _operatorNamespace; }
		/// Namespace the operator runs in (POD_NAMESPACE or the kubeconfig context's).
	const std::string& clusterId() const { return _clusterId; }
		/// Value of `kubernetes-cluster-id`.
	StopToken& shutdown() const { return _shutdown; }
		/// Requested when the process shuts down or loses leadership.

private:
	const Poco::Util::AbstractConfiguration& _config;
	Poco::Logger& _logger;
	http::MetricsRegistry& _metrics;
	kube::KubeClient* _kubeClient;
	std::string _operatorNamespace;
	std::string _clusterId;
	StopToken& _shutdown;
};

} } // namespace sbomop::plugin

#endif // SBOMOP_Plugin_BackendContext_INCLUDED
