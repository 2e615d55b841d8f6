//
// Controller.cpp
//

#include "sbomop/controller/Controller.h"
#include "sbomop/config/BuiltinKeys.h"
#include "sbomop/controller/Inventory.h"
#include "sbomop/controller/PendingPlanner.h"
#include "sbomop/kube/KubeException.h"
#include "sbomop/kube/ResourceType.h"
#include <Poco/Logger.h>
#include <Poco/Util/AbstractConfiguration.h>

namespace sbomop {
namespace controller {

using config::BuiltinKeys;

namespace {

const std::string FIELD_MANAGER = "sbom-operator";

std::optional<SecretData> readSecret(kube::KubeClient& client, const std::string& ns, const std::string& name)
{
	Poco::JSON::Object::Ptr secret;
	try
	{
		secret = client.get(kube::ResourceType::SECRETS, ns, name);
	}
	catch (kube::NotFoundException&)
	{
		return std::nullopt;
	}
	SecretData data;
	data.type = secret->optValue<std::string>("type", "");
	if (auto values = secret->getObject("data"))
	{
		for (const auto& entry: *values) data.data[entry.first] = entry.second.toString();
	}
	return data;
}

} // namespace

Controller::Controller(kube::KubeClient::Ptr client, plugin::Backend& backend, const Poco::Util::AbstractConfiguration& config,
	const std::string& operatorNamespace, OperatorMetrics& metrics, ReadyCallback ready, StopToken& stop):
	_client(std::move(client)),
	_backend(backend),
	_config(config),
	_metrics(metrics),
	_ready(std::move(ready)),
	_stop(stop),
	_logger(Poco::Logger::get("sbomop.controller")),
	_trigger(stop)
{
	_cycleSettings.ignoreAnnotations = config.getBool(BuiltinKeys::IGNORE_ANNOTATIONS, false);
	_cycleSettings.deleteOrphans = config.getBool(BuiltinKeys::DELETE_ORPHAN_IMAGES, true);
	_cycleSettings.exclude = image::ImageFilter::parse(config.getString(BuiltinKeys::EXCLUDE_IMAGES, ""));
	_cycleSettings.proxies = registry::RegistryProxyMap::parse(config.getString(BuiltinKeys::REGISTRY_PROXY, ""));
	_cycleSettings.operatorNamespace = operatorNamespace;
	_cycleSettings.fallbackPullSecret = config.getString(BuiltinKeys::FALLBACK_PULL_SECRET, "");

	const std::string cron = config.getString(BuiltinKeys::CRON, "");
	if (config.getBool(BuiltinKeys::ONCE, false))
	{
		_loopSettings.mode = LoopSettings::ONCE;
	}
	else if (!cron.empty())
	{
		_loopSettings.mode = LoopSettings::CRON;
		_loopSettings.cron = std::make_shared<schedule::CronSchedule>(schedule::CronSchedule::parse(cron));
	}

	kube::KubeClient& kube = *_client;
	_runner.reset(new CycleRunner(backend, _cycleSettings,
		[&kube](const std::string& ns, const std::string& name) { return readSecret(kube, ns, name); },
		[&kube](const std::string& ns, const std::string& name, const std::string& patch)
		{
			kube::WriteOptions options;
			options.fieldManager = FIELD_MANAGER;
			options.idempotent = true;
			kube.patch(kube::ResourceType::PODS, ns, name, kube::PatchType::Merge, patch, options);
		},
		metrics, _logger));
	watchPods();
	if (!config.getString(BuiltinKeys::NAMESPACE_LABEL_SELECTOR, "").empty()) watchNamespaces();
}

Controller::~Controller()
{
	if (_pods) _pods->stop();
	if (_namespaces) _namespaces->stop();
}

CycleTrigger& Controller::trigger()
{
	return _trigger;
}

void Controller::watchPods()
{
	runtime::ReflectorOptions options;
	options.labelSelector = _config.getString(BuiltinKeys::POD_LABEL_SELECTOR, "");
	_pods.reset(new runtime::Reflector<kube::PodInfo>(_client, options));
	// Cron and once modes look at the pods only at their own times.
	if (_loopSettings.mode != LoopSettings::INFORMER) return;
	runtime::ResourceEventHandler<kube::PodInfo> handler;
	handler.onAdd = [this](const kube::PodInfo& pod)
	{
		if (needsWork(pod)) _trigger.fire("pod " + pod.namespaceName + "/" + pod.name + " added");
	};
	handler.onUpdate = [this](const kube::PodInfo&, const kube::PodInfo& pod)
	{
		if (needsWork(pod)) _trigger.fire("pod " + pod.namespaceName + "/" + pod.name + " changed");
	};
	handler.onDelete = [this](const kube::PodInfo& pod)
	{
		// Its images may have become orphans.
		if (_cycleSettings.deleteOrphans && _backend.supportsOrphans()) _trigger.fire("pod " + pod.namespaceName + "/" + pod.name + " deleted");
	};
	_pods->addHandler(handler);
}

void Controller::watchNamespaces()
{
	runtime::ReflectorOptions options;
	options.labelSelector = _config.getString(BuiltinKeys::NAMESPACE_LABEL_SELECTOR, "");
	_namespaces.reset(new runtime::Reflector<kube::NamespaceInfo>(_client, options));
	if (_loopSettings.mode != LoopSettings::INFORMER) return;
	// A namespace that starts or stops matching the selector changes the pods in scope.
	runtime::ResourceEventHandler<kube::NamespaceInfo> handler;
	handler.onAdd = [this](const kube::NamespaceInfo& ns) { _trigger.fire("namespace " + ns.name + " in scope"); };
	handler.onDelete = [this](const kube::NamespaceInfo& ns) { _trigger.fire("namespace " + ns.name + " out of scope"); };
	_namespaces->addHandler(handler);
}

bool Controller::needsWork(const kube::PodInfo& pod) const
{
	Inventory inventory(_logger);
	inventory.addPod(pod);
	const Plan plan = PendingPlanner(_cycleSettings.ignoreAnnotations, _cycleSettings.exclude).plan(inventory, {});
	return !plan.pending.empty() || !plan.annotateOnly.empty();
}

CycleRunner::PodSnapshot Controller::podsInScope() const
{
	CycleRunner::PodSnapshot pods = _pods->store()->list();
	if (!_namespaces) return pods;
	auto namespaces = _namespaces->store();
	CycleRunner::PodSnapshot inScope;
	inScope.reserve(pods.size());
	for (auto& pod: pods)
	{
		if (namespaces->get(pod->namespaceName)) inScope.push_back(std::move(pod));
	}
	return inScope;
}

int Controller::run()
{
	_ready(false, "waiting for the first list of pods");
	_pods->start();
	if (_namespaces) _namespaces->start();
	_logger.information("waiting for the first full list of pods%s", std::string(_namespaces ? " and namespaces" : ""));
	const bool synced = _pods->store()->waitForSync(_stop) && (!_namespaces || _namespaces->store()->waitForSync(_stop));
	int exitCode = 0;
	if (synced)
	{
		_ready(true, "");
		_logger.information("synced %z pods; mode %s", _pods->store()->size(),
			std::string(_loopSettings.mode == LoopSettings::ONCE ? "once" : _loopSettings.mode == LoopSettings::CRON ? "cron" : "informer"));
		CycleLoop loop(_loopSettings, [this] { return _runner->run(podsInScope(), _stop); }, _trigger, _stop, _logger);
		exitCode = loop.run();
	}
	_pods->stop();
	if (_namespaces) _namespaces->stop();
	return exitCode;
}

} } // namespace sbomop::controller
