//
// Controller.h
//
// Wires the operator together: reflectors keep pods (and, with a namespace
// selector, namespaces) in memory; pod changes trigger cycles; the CycleLoop
// decides when a cycle runs and the CycleRunner runs it with the backend.
//
// Configuration keys read: pod-label-selector, namespace-label-selector, cron,
// once, ignore-annotations, exclude-images, registry-proxy,
// fallback-pull-secret, delete-orphan-images.
//

#ifndef SBOMOP_Controller_Controller_INCLUDED
#define SBOMOP_Controller_Controller_INCLUDED

#include "sbomop/Sbomop.h"
#include "sbomop/controller/CycleLoop.h"
#include "sbomop/controller/CycleRunner.h"
#include "sbomop/controller/CycleTrigger.h"
#include "sbomop/controller/OperatorMetrics.h"
#include "sbomop/core/StopToken.h"
#include "sbomop/kube/KubeClient.h"
#include "sbomop/plugin/Backend.h"
#include "sbomop/runtime/Reflector.h"
#include <functional>
#include <memory>
#include <string>

namespace Poco { namespace Util { class AbstractConfiguration; } }

namespace sbomop {
namespace controller {

class SBOMOP_API Controller
{
public:
	using ReadyCallback = std::function<void(bool ready, const std::string& reason)>;

	Controller(kube::KubeClient::Ptr client, plugin::Backend& backend, const Poco::Util::AbstractConfiguration& config,
		const std::string& operatorNamespace, OperatorMetrics& metrics, ReadyCallback ready, StopToken& stop);
		/// Throws config::ConfigException for invalid selectors, cron
		/// expressions, proxies or exclusion patterns (normally caught by
		/// the configuration check before).
	~Controller();

	int run();
		/// Starts the reflectors, waits for the first full sync (readiness
		/// turns true then), and runs cycles until stopped; in once mode runs
		/// one cycle. Returns the exit code (0, or 1 when once mode had
		/// failures). Stops the reflectors before returning.

	CycleTrigger& trigger();

private:
	CycleRunner::PodSnapshot podsInScope() const;
	bool needsWork(const kube::PodInfo& pod) const;
	void watchPods();
	void watchNamespaces();

	kube::KubeClient::Ptr _client;
	plugin::Backend& _backend;
	const Poco::Util::AbstractConfiguration& _config;
	OperatorMetrics& _metrics;
	ReadyCallback _ready;
	StopToken& _stop;
	Poco::Logger& _logger;
	CycleSettings _cycleSettings;
	LoopSettings _loopSettings;
	CycleTrigger _trigger;
	std::unique_ptr<runtime::Reflector<kube::PodInfo>> _pods;
	std::unique_ptr<runtime::Reflector<kube::NamespaceInfo>> _namespaces;
	std::unique_ptr<CycleRunner> _runner;
};

} } // namespace sbomop::controller

#endif // SBOMOP_Controller_Controller_INCLUDED
