//
// ControllerTestSupport.cpp
//

#include "ControllerTestSupport.h"
#include "sbomop/kube/KubeException.h"
#include <Poco/DigestEngine.h>
#include <Poco/Exception.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <Poco/SHA2Engine.h>
#include <Poco/UUIDGenerator.h>
#include <sstream>
#include <stdexcept>

namespace sbomop {
namespace controller {
namespace test {

std::string digestOf(const std::string& seed)
{
	Poco::SHA2Engine engine(Poco::SHA2Engine::SHA_256);
	engine.update(seed);
	return "sha256:" + Poco::DigestEngine::digestToHex(engine.digest());
}

const std::string NGINX_DIGEST = digestOf("nginx:1.25.3");
const std::string REDIS_DIGEST = digestOf("bitnami/redis:7.2.4");
const std::string BUSYBOX_DIGEST = digestOf("busybox:1.36");
const std::string API_DIGEST = digestOf("registry.example.com/team/api:2.3.1");
const std::string PAUSE_DIGEST = digestOf("registry.k8s.io/pause:3.9");


namespace {

ContainerDef containerOfKind(kube::ContainerKind kind, const std::string& name, const std::string& specImage, const std::string& imageID)
{
	ContainerDef def;
	def.name = name;
	def.specImage = specImage;
	def.imageID = imageID;
	def.kind = kind;
	return def;
}

std::string podKey(const std::string& ns, const std::string& name)
{
	return ns + "/" + name;
}

} // namespace


ContainerDef container(const std::string& name, const std::string& specImage, const std::string& imageID)
{
	return containerOfKind(kube::ContainerKind::Container, name, specImage, imageID);
}


ContainerDef initContainer(const std::string& name, const std::string& specImage, const std::string& imageID)
{
	return containerOfKind(kube::ContainerKind::Init, name, specImage, imageID);
}


ContainerDef ephemeralContainer(const std::string& name, const std::string& specImage, const std::string& imageID)
{
	return containerOfKind(kube::ContainerKind::Ephemeral, name, specImage, imageID);
}


kube::PodInfo makePod(const std::string& ns, const std::string& name, const std::vector<ContainerDef>& containers,
	const std::vector<std::string>& pullSecrets)
{
	kube::PodInfo pod;
	pod.name = name;
	pod.namespaceName = ns;
	pod.uid = Poco::UUIDGenerator::defaultGenerator().createFromName(Poco::UUID::dns(), podKey(ns, name)).toString();
	pod.resourceVersion = "48213";
	pod.labels["app.kubernetes.io/name"] = name.substr(0, name.find('-'));
	pod.labels["pod-template-hash"] = "7d4b9c6f5";
	pod.imagePullSecrets = pullSecrets;
	pod.phase = "Running";
	pod.nodeName = "worker-1";
	for (const auto& def: containers)
	{
		kube::ContainerStatusInfo status;
		status.kind = def.kind;
		status.name = def.name;
		status.image = def.statusImage.empty() ? def.specImage : def.statusImage;
		status.imageID = def.imageID;
		pod.containerStatuses.push_back(status);
		if (!def.specImage.empty()) pod.specImages[def.name] = def.specImage;
	}
	return pod;
}


kube::PodInfo annotated(kube::PodInfo pod, const std::string& containerName, const std::string& value)
{
	pod.annotations["ckotzbauer.sbom-operator.io/" + containerName] = value;
	return pod;
}


CycleRunner::PodSnapshot snapshot(const std::vector<kube::PodInfo>& pods)
{
	CycleRunner::PodSnapshot result;
	for (const auto& pod: pods) result.push_back(std::make_shared<const kube::PodInfo>(pod));
	return result;
}


//
// RecordingChannel
//

void RecordingChannel::log(const Poco::Message& msg)
{
	Poco::FastMutex::ScopedLock lock(_mutex);
	_messages.emplace_back(msg.getPriority(), msg.getText());
}


std::vector<std::string> RecordingChannel::texts() const
{
	Poco::FastMutex::ScopedLock lock(_mutex);
	std::vector<std::string> result;
	for (const auto& message: _messages) result.push_back(message.second);
	return result;
}


std::vector<std::string> RecordingChannel::texts(Poco::Message::Priority priority) const
{
	Poco::FastMutex::ScopedLock lock(_mutex);
	std::vector<std::string> result;
	for (const auto& message: _messages)
	{
		if (message.first == priority) result.push_back(message.second);
	}
	return result;
}


std::string RecordingChannel::all() const
{
	std::string result;
	for (const auto& text: texts()) result += text + "\n";
	return result;
}


bool RecordingChannel::contains(const std::string& fragment) const
{
	return all().find(fragment) != std::string::npos;
}


//
// CapturedLogger
//

CapturedLogger::CapturedLogger():
	_logger(Poco::Logger::get("sbomop.test.controller")),
	_channel(new RecordingChannel)
{
	_logger.setChannel(_channel);
	_logger.setLevel(Poco::Message::PRIO_DEBUG);
}


CapturedLogger::~CapturedLogger()
{
	_logger.setChannel(nullptr);
}


Poco::Logger& CapturedLogger::logger() const
{
	return _logger;
}


RecordingChannel& CapturedLogger::channel() const
{
	return *_channel;
}


//
// RecordingBackend
//

namespace {

void throwAs(RecordingBackend::Throw kind, const std::string& what)
{
	if (kind == RecordingBackend::Throw::POCO) throw Poco::IOException(what);
	if (kind == RecordingBackend::Throw::STD) throw std::runtime_error(what);
}

} // namespace


std::string RecordingBackend::name() const
{
	return "recording";
}


std::string RecordingBackend::description() const
{
	return "records the batches it receives";
}


void RecordingBackend::validate(const Poco::Util::AbstractConfiguration&) const
{
}


void RecordingBackend::start(plugin::BackendContext&)
{
}


void RecordingBackend::stop()
{
}


std::vector<plugin::ImageResult> RecordingBackend::process(const plugin::ImageBatch& batch, StopToken&)
{
	batches.push_back(batch);
	throwAs(processThrows, "scanner crashed");
	std::vector<plugin::ImageResult> results;
	for (const auto& task: batch.images)
	{
		if (_omitted.count(task.imageId)) continue;
		plugin::ImageResult result;
		result.imageId = task.imageId;
		auto failure = _failures.find(task.imageId);
		result.succeeded = failure == _failures.end();
		if (!result.succeeded) result.message = failure->second;
		results.push_back(result);
	}
	return results;
}


bool RecordingBackend::supportsOrphans() const
{
	return orphans;
}


std::vector<plugin::StoredImage> RecordingBackend::storedImages()
{
	++listCalls;
	throwAs(listThrows, "storage unreachable");
	std::vector<plugin::StoredImage> result;
	for (const auto& id: stored) result.push_back({ id, "git:sboms/" + id });
	return result;
}


std::vector<plugin::ImageResult> RecordingBackend::removeImages(const std::vector<std::string>& imageIds)
{
	removals.push_back(imageIds);
	std::vector<plugin::ImageResult> results;
	for (const auto& id: imageIds)
	{
		plugin::ImageResult result;
		result.imageId = id;
		result.succeeded = removalFails.count(id) == 0;
		if (!result.succeeded) result.message = "permission denied";
		results.push_back(result);
	}
	return results;
}


void RecordingBackend::fail(const std::string& imageId, const std::string& message)
{
	_failures[imageId] = message;
	_omitted.erase(imageId);
}


void RecordingBackend::succeed(const std::string& imageId)
{
	_failures.erase(imageId);
	_omitted.erase(imageId);
}


void RecordingBackend::omit(const std::string& imageId)
{
	_failures.erase(imageId);
	_omitted.insert(imageId);
}


//
// RecordingPatcher
//

PodAnnotator::Patch RecordingPatcher::function()
{
	return [this](const std::string& ns, const std::string& name, const std::string& body)
	{
		calls.push_back({ ns, name, body });
		const std::string key = podKey(ns, name);
		if (gone.count(key)) throw kube::NotFoundException(404, "NotFound", "pods \"" + name + "\" not found");
		if (failing.count(key)) throw kube::ServerErrorException(500, "InternalError", "etcdserver: request timed out");
		if (failingStd.count(key)) throw std::runtime_error("connection reset");
	};
}


const PatchCall* RecordingPatcher::find(const std::string& ns, const std::string& name) const
{
	const PatchCall* found = nullptr;
	for (const auto& call: calls)
	{
		if (call.ns == ns && call.name == name) found = &call;
	}
	return found;
}


std::map<std::string, std::string> RecordingPatcher::annotationsOf(const std::string& ns, const std::string& name) const
{
	std::map<std::string, std::string> result;
	const PatchCall* call = find(ns, name);
	if (!call) return result;
	Poco::JSON::Parser parser;
	auto root = parser.parse(call->body).extract<Poco::JSON::Object::Ptr>();
	auto annotations = root->getObject("metadata")->getObject("annotations");
	for (const auto& entry: *annotations) result[entry.first] = entry.second.toString();
	return result;
}


//
// ScriptedSecrets
//

PullCredentials::Fetch ScriptedSecrets::function()
{
	return [this](const std::string& ns, const std::string& name) -> std::optional<SecretData>
	{
		const auto key = std::make_pair(ns, name);
		++_reads[key];
		if (forbidden.count(key)) throw kube::ForbiddenException(403, "Forbidden", "secrets \"" + name + "\" is forbidden");
		if (failingStd.count(key)) throw std::runtime_error("connection reset by peer");
		auto it = _secrets.find(key);
		if (it == _secrets.end()) return std::nullopt;
		return it->second;
	};
}


void ScriptedSecrets::add(const std::string& ns, const std::string& name, const SecretData& secret)
{
	_secrets[{ ns, name }] = secret;
}


std::size_t ScriptedSecrets::reads(const std::string& ns, const std::string& name) const
{
	auto it = _reads.find({ ns, name });
	return it == _reads.end() ? 0 : it->second;
}


std::size_t ScriptedSecrets::totalReads() const
{
	std::size_t total = 0;
	for (const auto& entry: _reads) total += entry.second;
	return total;
}


//
// Secrets and metrics
//

SecretData rawDockerConfigSecret(const std::string& json)
{
	SecretData secret;
	secret.type = "kubernetes.io/dockerconfigjson";
	secret.data[".dockerconfigjson"] = base64(json);
	return secret;
}


SecretData dockerConfigSecret(const std::vector<std::vector<std::string>>& entries)
{
	Poco::JSON::Object::Ptr auths = new Poco::JSON::Object;
	for (const auto& entry: entries)
	{
		Poco::JSON::Object::Ptr credentials = new Poco::JSON::Object;
		credentials->set("username", entry.at(1));
		credentials->set("password", entry.at(2));
		auths->set(entry.at(0), credentials);
	}
	Poco::JSON::Object root;
	root.set("auths", auths);
	std::ostringstream json;
	root.stringify(json);
	return rawDockerConfigSecret(json.str());
}


std::string metricLine(const http::MetricsRegistry& registry, const std::string& series)
{
	std::istringstream lines(registry.render());
	std::string line;
	while (std::getline(lines, line))
	{
		if (line.size() > series.size() && line.compare(0, series.size(), series) == 0 && line[series.size()] == ' ')
		{
			return line.substr(series.size() + 1);
		}
	}
	return "<absent>";
}

} } } // namespace sbomop::controller::test
