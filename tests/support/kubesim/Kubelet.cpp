//
// Kubelet.cpp
//

#include "kubesim/Kubelet.h"
#include "kubesim/Json.h"
#include "kubesim/PodVolumes.h"
#include "kubesim/StatusError.h"
#include "sbomop/image/ImageReference.h"
#include <Poco/JSON/Array.h>
#include <Poco/Path.h>

using Poco::JSON::Array;
using Poco::JSON::Object;

namespace sbomop {
namespace kubesim {

namespace
{
	std::string keyOf(const std::string& ns, const std::string& pod)
	{
		return ns + "/" + pod;
	}

	std::string controllerUid(const Object::Ptr& pod)
	{
		Array::Ptr owners = Json::array(Json::object(pod, "metadata"), "ownerReferences");
		for (unsigned i = 0; owners && i < owners->size(); ++i)
		{
			if (Json::string(owners->getObject(i), "controller") == "true") return Json::string(owners->getObject(i), "uid");
		}
		return "";
	}

	// Only literal values: the kubelet would resolve valueFrom/envFrom
	// against Secrets, ConfigMaps and the downward API; kube-sim does not.
	std::vector<std::pair<std::string, std::string>> environmentOf(const Object::Ptr& container)
	{
		if (Json::array(container, "envFrom")) throw ContainerStartException("envFrom is not supported by kube-sim");
		std::vector<std::pair<std::string, std::string>> environment;
		Array::Ptr env = Json::array(container, "env");
		for (unsigned i = 0; env && i < env->size(); ++i)
		{
			Object::Ptr variable = env->getObject(i);
			const std::string name = Json::string(variable, "name");
			if (variable && variable->has("valueFrom") && !Json::isNull(variable->get("valueFrom")))
				throw ContainerStartException("env " + name + ": valueFrom is not supported by kube-sim (use value)");
			environment.emplace_back(name, Json::string(variable, "value"));
		}
		return environment;
	}
}

Kubelet::Listener::~Listener()
{
}

Kubelet::Kubelet(ResourceRegistry& registry, PodLogs& logs, const JobOptions& options):
	_registry(registry),
	_logs(logs),
	_options(options),
	_updater(registry),
	_sandbox(options.bubblewrap, options.killGracePeriod),
	_simulated(options.defaultOutcome, options.defaultDuration),
	_listener(nullptr),
	_stopped(false),
	_nextIp(0)
{
}

Kubelet::~Kubelet()
{
	stop();
}

void Kubelet::setListener(Listener* listener)
{
	_listener = listener;
}

void Kubelet::start()
{
	std::lock_guard<std::mutex> lock(_mutex);
	_stopped = false;
}

bool Kubelet::sameImage(const std::string& image, const std::string& registered)
{
	if (image == registered) return true;
	try
	{
		return sbomop::image::ImageReference::parse(image).string() == sbomop::image::ImageReference::parse(registered).string();
	}
	catch (Poco::Exception&)
	{
		return false;
	}
}

std::string Kubelet::runnerDirectory(const std::string& image) const
{
	for (const auto& runner: _options.runners)
	{
		// Absolute: the sandbox binds it at the same path.
		if (sameImage(image, runner.first)) return Poco::Path(runner.second).absolute().toString();
	}
	return "";
}

void Kubelet::run(const StoredObjectPtr& pod)
{
	joinFinished();
	std::lock_guard<std::mutex> lock(_mutex);
	const std::string key = keyOf(pod->ns, pod->name);
	if (_stopped || _runs.count(key)) return;
	auto entry = std::make_shared<Run>();
	entry->pod = pod;
	_runs[key] = entry;
	entry->thread = std::thread([this, entry] { execute(entry); });
}

bool Kubelet::kill(const std::string& ns, const std::string& pod, const std::string& reason, const std::string& message)
{
	std::shared_ptr<Run> entry;
	{
		std::lock_guard<std::mutex> lock(_mutex);
		auto it = _runs.find(keyOf(ns, pod));
		if (it == _runs.end()) return false;
		entry = it->second;
		if (entry->reason.empty())
		{
			entry->reason = reason;
			entry->message = message;
		}
	}
	entry->stop.requestStop();
	return true;
}

std::size_t Kubelet::running() const
{
	std::lock_guard<std::mutex> lock(_mutex);
	return _runs.size();
}

void Kubelet::stop()
{
	std::vector<std::shared_ptr<Run>> active;
	{
		std::lock_guard<std::mutex> lock(_mutex);
		_stopped = true;
		for (const auto& run: _runs) active.push_back(run.second);
	}
	for (const auto& run: active) run->stop.requestStop();
	for (const auto& run: active)
	{
		if (run->thread.joinable()) run->thread.join();
	}
	joinFinished();
}

void Kubelet::joinFinished()
{
	std::vector<std::shared_ptr<Run>> finished;
	{
		std::lock_guard<std::mutex> lock(_mutex);
		finished.swap(_finished);
	}
	for (const auto& run: finished)
	{
		if (run->thread.joinable()) run->thread.join();
	}
}

bool Kubelet::writeStatus(const StoredObject& pod, const std::function<Object::Ptr(const Object::Ptr&)>& status)
{
	return _updater.update(ResourceCatalog::get("pods"), pod.ns, pod.name, pod.uid, [&](Object::Ptr object)
	{
		object->set("status", status(object));
		return true;
	}, true);
}

Termination Kubelet::runContainer(const std::shared_ptr<Run>& run)
{
	const StoredObject& pod = *run->pod;
	Termination termination;
	try
	{
		Object::Ptr spec = Json::object(pod.object, "spec");
		Array::Ptr containers = Json::array(spec, "containers");
		Object::Ptr container = containers && containers->size() > 0 ? containers->getObject(0) : nullptr;
		PodLaunch launch;
		launch.ns = pod.ns;
		launch.pod = pod.name;
		launch.container = Json::string(container, "name");
		launch.image = Json::string(container, "image");
		launch.environment = environmentOf(container);
		launch.workingDir = Json::string(container, "workingDir", "/");
		launch.imageDirectory = runnerDirectory(launch.image);
		PodVolumes volumes(_registry.store(), pod.ns, spec, container);
		launch.mounts = volumes.mounts();
		PodRunner& runner = launch.imageDirectory.empty() ? static_cast<PodRunner&>(_simulated) : static_cast<PodRunner&>(_sandbox);
		termination.exitCode = runner.run(launch, run->stop, [&](const std::string& data) { _logs.append(pod.ns, pod.name, data); });
	}
	catch (ContainerStartException& e)
	{
		termination.exitCode = 128;
		termination.reason = "StartError";
		termination.message = e.message();
		_logs.append(pod.ns, pod.name, "kube-sim: container cannot start: " + e.message() + "\n");
	}
	std::lock_guard<std::mutex> lock(_mutex);
	termination.podReason = run->reason;
	termination.podMessage = run->message;
	return termination;
}

void Kubelet::execute(const std::shared_ptr<Run>& run)
{
	const StoredObject& pod = *run->pod;
	const std::string ownerUid = controllerUid(pod.object);
	const std::string startedAt = Json::nowRfc3339();
	const unsigned number = _nextIp++;
	const std::string podIp = "10.244." + std::to_string(number / 250 % 250) + "." + std::to_string(number % 250 + 2);
	try
	{
		// A pod deleted before it started never runs.
		if (writeStatus(pod, [&](const Object::Ptr& current) { return PodStatus::running(current, startedAt, podIp); }))
		{
			_logs.open(pod.ns, pod.name);
			if (_listener) _listener->podRunning(pod.ns, pod.name, ownerUid);
			const Termination termination = runContainer(run);
			_logs.close(pod.ns, pod.name);
			writeStatus(pod, [&](const Object::Ptr& current) { return PodStatus::terminated(current, startedAt, termination); });
		}
	}
	catch (Poco::Exception&)
	{
		// The pod went away (or was changed beyond recognition) meanwhile.
		_logs.close(pod.ns, pod.name);
	}
	{
		std::lock_guard<std::mutex> lock(_mutex);
		_runs.erase(keyOf(pod.ns, pod.name));
		_finished.push_back(run);
	}
	if (_listener) _listener->podFinished(pod.ns, pod.name, pod.uid, ownerUid);
}

} } // namespace sbomop::kubesim
