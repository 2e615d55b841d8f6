//
// JobImageTestSupport.cpp
//

#include "JobImageTestSupport.h"
#include "common/Polling.h"
#include "kubesim/DeleteOptions.h"
#include "kubesim/ResourceCatalog.h"
#include "sbomop/jobimage/JobSpecBuilder.h"
#include "sbomop/jobimage/ImageConfig.h"
#include "sbomop/jobimage/SecretSpecBuilder.h"
#include "sbomop/kube/ClusterConnection.h"
#include "sbomop/kube/KubeClientSettings.h"
#include <Poco/Exception.h>
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Parser.h>
#include <sstream>

namespace sbomop {
namespace jobimage {
namespace test {

using Poco::JSON::Array;
using Poco::JSON::Object;

const std::string OPERATOR_NAMESPACE("sbom-system");


std::string digest(char hex)
{
	return "sha256:" + std::string(64, hex);
}


plugin::ImageTask imageTask(const std::string& repository, char hex, const std::vector<std::pair<std::string, std::string>>& pods)
{
	plugin::ImageTask task;
	task.digest = digest(hex);
	task.imageId = repository + "@" + task.digest;
	task.originalReference = repository + ":1.0";
	task.pullReference = task.imageId;
	for (const auto& pod: pods)
	{
		plugin::ContainerRef container;
		container.namespaceName = pod.first;
		container.podName = pod.second;
		container.podUid = pod.second + "-uid";
		container.containerName = "app";
		container.kind = "container";
		container.specImage = task.originalReference;
		task.containers.push_back(container);
	}
	return task;
}


Poco::AutoPtr<Poco::Util::MapConfiguration> configuration(const std::map<std::string, std::string>& values)
{
	Poco::AutoPtr<Poco::Util::MapConfiguration> config = new Poco::Util::MapConfiguration;
	config->setString("job-image", "registry.example.com/scanner:1.0");
	for (const auto& value: values) config->setString(value.first, value.second);
	return config;
}


Object::Ptr parse(const std::string& json)
{
	Poco::JSON::Parser parser;
	return parser.parse(json).extract<Object::Ptr>();
}


std::string stringify(const Object::Ptr& object)
{
	std::ostringstream out;
	object->stringify(out);
	return out.str();
}


bool waitUntil(const std::function<bool()>& condition, long timeoutMilliseconds)
{
	return testcommon::waitUntil(condition, timeoutMilliseconds);
}


namespace
{
	kubesim::KubeSimServer::Options simOptions()
	{
		kubesim::KubeSimServer::Options options;
		options.namespaces = {"default", "kube-system", OPERATOR_NAMESPACE};
		options.gcDelay = Poco::Timespan(20 * Poco::Timespan::MILLISECONDS);
		return options;
	}

	Object::Ptr condition(const std::vector<std::string>& fields)
	{
		Object::Ptr condition = new Object;
		condition->set("type", fields.at(0));
		condition->set("status", "True");
		if (fields.size() > 1) condition->set("reason", fields[1]);
		if (fields.size() > 2) condition->set("message", fields[2]);
		condition->set("lastProbeTime", "2024-01-01T00:00:00Z");
		condition->set("lastTransitionTime", "2024-01-01T00:00:00Z");
		return condition;
	}
}


JobSim::JobSim():
	_server(simOptions())
{
	_server.start();
	kube::ClusterConnection connection;
	connection.server = _server.url();
	connection.defaultNamespace = OPERATOR_NAMESPACE;
	connection.source = "test";
	kube::KubeClientSettings settings;
	settings.qps = 0;
	settings.backoffBase = Poco::Timespan(1000);
	settings.backoffCap = Poco::Timespan(10000);
	_client = std::make_shared<kube::KubeClient>(connection, settings);
}


JobSim::~JobSim()
{
	_client.reset();
	_server.stop();
}


kubesim::KubeSimServer& JobSim::server()
{
	return _server;
}


kube::KubeClient& JobSim::client()
{
	return *_client;
}


std::vector<Object::Ptr> JobSim::list(const std::string& plural) const
{
	std::vector<Object::Ptr> objects;
	kubesim::ObjectStore::ListRequest request;
	const auto result = _server.store().list(kubesim::ResourceCatalog::get(plural), OPERATOR_NAMESPACE, request);
	for (const auto& item: result.items) objects.push_back(parse(item->json));
	return objects;
}


Object::Ptr JobSim::get(const std::string& plural, const std::string& name) const
{
	const auto stored = _server.store().get(kubesim::ResourceCatalog::get(plural), OPERATOR_NAMESPACE, name);
	return stored ? parse(stored->json) : nullptr;
}


std::vector<Object::Ptr> JobSim::jobs() const
{
	return list("jobs");
}


std::vector<Object::Ptr> JobSim::secrets() const
{
	return list("secrets");
}


Object::Ptr JobSim::job(const std::string& name) const
{
	return get("jobs", name);
}


Object::Ptr JobSim::secret(const std::string& name) const
{
	return get("secrets", name);
}


Object::Ptr JobSim::waitForJob(const std::function<bool(const Object::Ptr&)>& match) const
{
	Object::Ptr found;
	const bool ok = waitUntil([&]()
		{
			for (const auto& job: jobs())
			{
				if (!match || match(job))
				{
					found = job;
					return true;
				}
			}
			return false;
		});
	if (!ok) throw Poco::TimeoutException("no matching Job appeared");
	return found;
}


std::vector<std::string> JobSim::imageIdsOf(const Object::Ptr& job) const
{
	return ImageConfig::imageIds(SecretSpecBuilder::imageConfig(secret(JobSpecBuilder::secretNameOf(job))));
}


void JobSim::setStatus(const std::string& name, const std::vector<std::vector<std::string>>& conditions)
{
	Array::Ptr list = new Array;
	for (const auto& fields: conditions) list->add(condition(fields));
	Object::Ptr status = new Object;
	status->set("startTime", "2024-01-01T00:00:00Z");
	status->set("conditions", list);
	Object::Ptr patch = new Object;
	patch->set("status", status);
	_server.registry().patch(kubesim::ResourceCatalog::get("jobs"), OPERATOR_NAMESPACE, name,
		"application/merge-patch+json", stringify(patch), true, kubesim::ResourceRegistry::WriteOptions());
}


void JobSim::complete(const std::string& name)
{
	setStatus(name, {{"SuccessCriteriaMet", "CompletionsReached", "Reached expected number of succeeded pods"}});
	setStatus(name, {{"SuccessCriteriaMet", "CompletionsReached", "Reached expected number of succeeded pods"},
		{"Complete", "CompletionsReached", "Reached expected number of succeeded pods"}});
}


void JobSim::fail(const std::string& name, const std::string& reason, const std::string& message)
{
	setStatus(name, {{"FailureTarget", reason, message}});
	setStatus(name, {{"FailureTarget", reason, message}, {"Failed", reason, message}});
}


void JobSim::deleteJob(const std::string& name)
{
	kubesim::DeleteOptions options;
	options.propagationPolicy = "Background";
	_server.registry().remove(kubesim::ResourceCatalog::get("jobs"), OPERATOR_NAMESPACE, name, options);
}


Object::Ptr JobSim::create(const std::string& plural, const Object::Ptr& object)
{
	const auto result = _server.registry().create(kubesim::ResourceCatalog::get(plural), OPERATOR_NAMESPACE, object,
		kubesim::ResourceRegistry::WriteOptions());
	return parse(result.object->json);
}


Object::Ptr JobSim::createPod(const std::string& ns, const std::string& name)
{
	Object::Ptr pod = parse("{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{},"
		"\"spec\":{\"containers\":[{\"name\":\"operator\",\"image\":\"registry.example.com/sbom-operator:1\"}]}}");
	pod->getObject("metadata")->set("name", name);
	pod->getObject("metadata")->set("namespace", ns);
	const auto result = _server.registry().create(kubesim::ResourceCatalog::get("pods"), ns, pod, kubesim::ResourceRegistry::WriteOptions());
	return parse(result.object->json);
}

} } } // namespace sbomop::jobimage::test
