//
// SimCluster.cpp
//

#include "SimCluster.h"
#include "common/Polling.h"
#include "common/TestLog.h"
#include "kubesim/DeleteOptions.h"
#include "kubesim/ResourceCatalog.h"
#include "sbomop/kube/ClusterConnection.h"
#include "sbomop/kube/KubeClientSettings.h"
#include "sbomop/runtime/ObjectTraits.h"
#include <Poco/JSON/Parser.h>
#include <algorithm>

namespace sbomop {
namespace runtime {
namespace test {

namespace {

const kubesim::ResourceInfo& podResource()
{
	return kubesim::ResourceCatalog::get("pods");
}

Poco::JSON::Object::Ptr labelObject(const Labels& labels)
{
	Poco::JSON::Object::Ptr object = new Poco::JSON::Object;
	for (const auto& label: labels) object->set(label.first, label.second);
	return object;
}

} // namespace


SimCluster::SimCluster()
{
	testcommon::enableTestLogFromEnvironment();
	_server.start();
}


SimCluster::~SimCluster()
{
	_server.stop();
}


kubesim::KubeSimServer& SimCluster::server()
{
	return _server;
}


kube::KubeClient::Ptr SimCluster::client() const
{
	return testClient(_server.url());
}


kube::KubeClient::Ptr testClient(const std::string& server)
{
	kube::ClusterConnection connection;
	connection.server = server;
	connection.source = "test";
	kube::KubeClientSettings settings;
	settings.maxAttempts = 1;
	settings.qps = 0;
	return std::make_shared<kube::KubeClient>(connection, settings);
}


void SimCluster::createNamespace(const std::string& name, const Labels& labels)
{
	Poco::JSON::Object::Ptr metadata = new Poco::JSON::Object;
	metadata->set("name", name);
	metadata->set("labels", labelObject(labels));
	Poco::JSON::Object::Ptr body = new Poco::JSON::Object;
	body->set("apiVersion", "v1");
	body->set("kind", "Namespace");
	body->set("metadata", metadata);
	_server.registry().create(kubesim::ResourceCatalog::get("namespaces"), "", body, kubesim::ResourceRegistry::WriteOptions());
}


void SimCluster::createPod(const std::string& ns, const std::string& name, const Labels& labels)
{
	Poco::JSON::Object::Ptr metadata = new Poco::JSON::Object;
	metadata->set("name", name);
	metadata->set("namespace", ns);
	metadata->set("labels", labelObject(labels));
	Poco::JSON::Object::Ptr container = new Poco::JSON::Object;
	container->set("name", "app");
	container->set("image", "registry.example/app:1.0");
	Poco::JSON::Array::Ptr containers = new Poco::JSON::Array;
	containers->add(container);
	Poco::JSON::Object::Ptr spec = new Poco::JSON::Object;
	spec->set("containers", containers);
	Poco::JSON::Object::Ptr body = new Poco::JSON::Object;
	body->set("apiVersion", "v1");
	body->set("kind", "Pod");
	body->set("metadata", metadata);
	body->set("spec", spec);
	_server.registry().create(podResource(), ns, body, kubesim::ResourceRegistry::WriteOptions());
}


void SimCluster::setPodLabel(const std::string& ns, const std::string& name, const std::string& key, const std::string& value)
{
	const std::string patch = "{\"metadata\":{\"labels\":{\"" + key + "\":\"" + value + "\"}}}";
	_server.registry().patch(podResource(), ns, name, "application/merge-patch+json", patch, false,
		kubesim::ResourceRegistry::WriteOptions());
}


void SimCluster::deletePod(const std::string& ns, const std::string& name)
{
	_server.registry().remove(podResource(), ns, name, kubesim::DeleteOptions());
}


VersionMap SimCluster::pods(const Labels& selector, const std::string& ns)
{
	std::uint64_t resourceVersion = 0;
	VersionMap result;
	for (const auto& object: _server.store().snapshot(podResource(), ns, resourceVersion))
	{
		const bool matches = std::all_of(selector.begin(), selector.end(), [&](const std::pair<const std::string, std::string>& label)
		{
			const auto it = object->labels.find(label.first);
			return it != object->labels.end() && it->second == label.second;
		});
		if (matches) result[objectKey(object->ns, object->name)] = std::to_string(object->resourceVersion);
	}
	return result;
}


VersionMap versions(const Store<kube::PodInfo>& store)
{
	VersionMap result;
	for (const auto& pod: store.list()) result[ObjectTraits<kube::PodInfo>::key(*pod)] = pod->resourceVersion;
	return result;
}


ResourceEventHandler<kube::PodInfo> EventRecorder::handler()
{
	ResourceEventHandler<kube::PodInfo> handler;
	handler.onAdd = [this](const kube::PodInfo& pod) { record("add " + ObjectTraits<kube::PodInfo>::key(pod)); };
	handler.onUpdate = [this](const kube::PodInfo&, const kube::PodInfo& pod) { record("update " + ObjectTraits<kube::PodInfo>::key(pod)); };
	handler.onDelete = [this](const kube::PodInfo& pod) { record("delete " + ObjectTraits<kube::PodInfo>::key(pod)); };
	return handler;
}


std::vector<std::string> EventRecorder::events() const
{
	std::lock_guard<std::mutex> lock(_mutex);
	return _events;
}


std::vector<std::string> EventRecorder::eventsFrom(std::size_t index) const
{
	std::lock_guard<std::mutex> lock(_mutex);
	if (index >= _events.size()) return {};
	return std::vector<std::string>(_events.begin() + static_cast<std::ptrdiff_t>(index), _events.end());
}


std::size_t EventRecorder::count() const
{
	std::lock_guard<std::mutex> lock(_mutex);
	return _events.size();
}


void EventRecorder::record(const std::string& event)
{
	std::lock_guard<std::mutex> lock(_mutex);
	_events.push_back(event);
}


ReflectorOptions::Sleeper RecordingSleeper::sleeper()
{
	return [this](const Poco::Timespan& delay, const StopToken& stop)
	{
		{
			std::lock_guard<std::mutex> lock(_mutex);
			_delays.push_back(delay);
		}
		return stop.waitFor(std::min<long>(5, static_cast<long>(delay.totalMilliseconds())));
	};
}


std::vector<Poco::Timespan> RecordingSleeper::delays() const
{
	std::lock_guard<std::mutex> lock(_mutex);
	return _delays;
}


bool waitUntil(const std::function<bool()>& condition, long timeoutMilliseconds)
{
	return testcommon::waitUntil(condition, timeoutMilliseconds);
}


std::vector<std::string> sorted(std::vector<std::string> values)
{
	std::sort(values.begin(), values.end());
	return values;
}


std::string join(const std::vector<std::string>& values)
{
	std::string result;
	for (const auto& value: values)
	{
		if (!result.empty()) result += ", ";
		result += value;
	}
	return result;
}

} } } // namespace sbomop::runtime::test
