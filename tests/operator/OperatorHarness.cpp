//
// OperatorHarness.cpp
//

#include "OperatorHarness.h"
#include "common/Base64Text.h"
#include "common/Polling.h"
#include "sbomop/kube/ClusterConnectionLoader.h"
#include "sbomop/kube/KubeException.h"
#include "sbomop/kube/ResourceType.h"
#include <Poco/File.h>
#include <Poco/FileStream.h>
#include <Poco/JSON/Parser.h>
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/TemporaryFile.h>
#include <Poco/Thread.h>
#include <fstream>
#include <sstream>

namespace sbomop {
namespace testing {

namespace {

const std::string OPERATOR = std::string(SBOMOP_BINARY_DIR) + "/bin/sbom-operator";
const std::string SCRIPTED = std::string(SBOMOP_TEST_PLUGIN_DIR) + "/libsbomop-test-scripted.so";

using testcommon::base64;

Poco::JSON::Object::Ptr labelsObject(const std::map<std::string, std::string>& values)
{
	Poco::JSON::Object::Ptr object = new Poco::JSON::Object;
	for (const auto& entry: values) object->set(entry.first, entry.second);
	return object;
}

} // namespace

OperatorHarness::OperatorHarness():
	_dir(Poco::TemporaryFile::tempName())
{
	Poco::File(_dir).createDirectories();
	kubesim::KubeSimServer::Options options;
	options.tls = true;
	options.token = "operator-test-token";
	_sim.reset(new kubesim::KubeSimServer(options));
	_sim->start();
	_sim->writeKubeconfig(_dir + "/kubeconfig", "sbom-system");
	addNamespace("sbom-system");
	_client = std::make_shared<kube::KubeClient>(kube::ClusterConnectionLoader::load(_dir + "/kubeconfig", "", {}));
}

OperatorHarness::~OperatorHarness()
{
	_client.reset();
	_sim->stop();
	Poco::File(_dir).remove(true);
}

kubesim::KubeSimServer& OperatorHarness::sim()
{
	return *_sim;
}

kube::KubeClient& OperatorHarness::client()
{
	return *_client;
}

void OperatorHarness::addNamespace(const std::string& name, const std::map<std::string, std::string>& labels)
{
	Poco::JSON::Object::Ptr metadata = new Poco::JSON::Object;
	metadata->set("name", name);
	metadata->set("labels", labelsObject(labels));
	Poco::JSON::Object::Ptr ns = new Poco::JSON::Object;
	ns->set("apiVersion", "v1");
	ns->set("kind", "Namespace");
	ns->set("metadata", metadata);
	_sim->seed(ns);
}

void OperatorHarness::addPod(const std::string& ns, const std::string& name, const std::vector<ContainerSpec>& containers,
	const std::map<std::string, std::string>& annotations, const std::vector<std::string>& pullSecrets,
	const std::map<std::string, std::string>& labels)
{
	Poco::JSON::Object::Ptr metadata = new Poco::JSON::Object;
	metadata->set("name", name);
	metadata->set("namespace", ns);
	metadata->set("labels", labelsObject(labels));
	metadata->set("annotations", labelsObject(annotations));

	Poco::JSON::Object::Ptr spec = new Poco::JSON::Object;
	Poco::JSON::Object::Ptr status = new Poco::JSON::Object;
	status->set("phase", "Running");
	const std::map<std::string, std::pair<std::string, std::string>> lists = {
		{ "container", { "containers", "containerStatuses" } },
		{ "init", { "initContainers", "initContainerStatuses" } },
		{ "ephemeral", { "ephemeralContainers", "ephemeralContainerStatuses" } },
	};
	for (const auto& container: containers)
	{
		const auto& names = lists.at(container.kind);
		if (!spec->has(names.first)) spec->set(names.first, Poco::JSON::Array::Ptr(new Poco::JSON::Array));
		if (!status->has(names.second)) status->set(names.second, Poco::JSON::Array::Ptr(new Poco::JSON::Array));
		Poco::JSON::Object::Ptr specEntry = new Poco::JSON::Object;
		specEntry->set("name", container.name);
		specEntry->set("image", container.specImage);
		spec->getArray(names.first)->add(specEntry);
		Poco::JSON::Object::Ptr statusEntry = new Poco::JSON::Object;
		statusEntry->set("name", container.name);
		statusEntry->set("image", container.specImage);
		statusEntry->set("imageID", container.imageID);
		statusEntry->set("ready", true);
		statusEntry->set("restartCount", 0);
		status->getArray(names.second)->add(statusEntry);
	}
	if (!spec->has("containers")) spec->set("containers", Poco::JSON::Array::Ptr(new Poco::JSON::Array));
	Poco::JSON::Array::Ptr secrets = new Poco::JSON::Array;
	for (const auto& secret: pullSecrets)
	{
		Poco::JSON::Object::Ptr ref = new Poco::JSON::Object;
		ref->set("name", secret);
		secrets->add(ref);
	}
	spec->set("imagePullSecrets", secrets);

	Poco::JSON::Object::Ptr pod = new Poco::JSON::Object;
	pod->set("apiVersion", "v1");
	pod->set("kind", "Pod");
	pod->set("metadata", metadata);
	pod->set("spec", spec);
	pod->set("status", status);
	_sim->seed(pod);
}

void OperatorHarness::addDockerConfigSecret(const std::string& ns, const std::string& name, const std::string& registry,
	const std::string& user, const std::string& password)
{
	const std::string config = "{\"auths\":{\"" + registry + "\":{\"auth\":\"" + base64(user + ":" + password) + "\"}}}";
	Poco::JSON::Object::Ptr metadata = new Poco::JSON::Object;
	metadata->set("name", name);
	metadata->set("namespace", ns);
	Poco::JSON::Object::Ptr data = new Poco::JSON::Object;
	data->set(".dockerconfigjson", base64(config));
	Poco::JSON::Object::Ptr secret = new Poco::JSON::Object;
	secret->set("apiVersion", "v1");
	secret->set("kind", "Secret");
	secret->set("type", "kubernetes.io/dockerconfigjson");
	secret->set("metadata", metadata);
	secret->set("data", data);
	_sim->seed(secret);
}

std::map<std::string, std::string> OperatorHarness::annotations(const std::string& ns, const std::string& pod)
{
	std::map<std::string, std::string> values;
	auto object = _client->get(kube::ResourceType::PODS, ns, pod);
	auto metadata = object->getObject("metadata");
	if (auto annotations = metadata->getObject("annotations"))
	{
		for (const auto& entry: *annotations) values[entry.first] = entry.second.toString();
	}
	return values;
}

std::string OperatorHarness::annotation(const std::string& ns, const std::string& pod, const std::string& container)
{
	auto values = annotations(ns, pod);
	auto it = values.find("ckotzbauer.sbom-operator.io/" + container);
	return it == values.end() ? "" : it->second;
}

std::unique_ptr<ChildProcess> OperatorHarness::start(const std::vector<std::string>& extraArgs)
{
	std::vector<std::string> args = { "--backend=" + SCRIPTED, "--scripted-output=" + _dir + "/batches.jsonl",
		"--kubeconfig=" + _dir + "/kubeconfig", "--health-port=0", "--verbosity=debug" };
	args.insert(args.end(), extraArgs.begin(), extraArgs.end());
	return std::unique_ptr<ChildProcess>(new ChildProcess(OPERATOR, args, { { "POD_NAMESPACE", "sbom-system" } }));
}

int OperatorHarness::runOnce(const std::vector<std::string>& extraArgs, std::string& log)
{
	std::vector<std::string> args = extraArgs;
	args.push_back("--once");
	auto child = start(args);
	const int code = child->wait(60000);
	log = child->err();
	return code;
}

int OperatorHarness::readyzStatus(const ChildProcess& op)
{
	const std::string log = op.err();
	const std::string marker = "serving /health, /readyz and /metrics on port ";
	const auto at = log.find(marker);
	if (at == std::string::npos) return -1;
	Poco::Net::HTTPClientSession session("127.0.0.1", static_cast<Poco::UInt16>(std::stoi(log.substr(at + marker.size()))));
	Poco::Net::HTTPRequest request(Poco::Net::HTTPRequest::HTTP_GET, "/readyz");
	session.sendRequest(request);
	Poco::Net::HTTPResponse response;
	session.receiveResponse(response).ignore(1 << 20);
	return response.getStatus();
}


std::vector<Poco::JSON::Object::Ptr> OperatorHarness::batches() const
{
	std::vector<Poco::JSON::Object::Ptr> result;
	std::ifstream in(_dir + "/batches.jsonl");
	std::string line;
	while (std::getline(in, line))
	{
		if (!line.empty()) result.push_back(Poco::JSON::Parser().parse(line).extract<Poco::JSON::Object::Ptr>());
	}
	return result;
}

std::size_t OperatorHarness::backendImages() const
{
	std::size_t count = 0;
	for (const auto& batch: batches()) count += batch->getArray("images")->size();
	return count;
}

std::string OperatorHarness::digest(char fill)
{
	return "sha256:" + std::string(64, fill);
}

bool OperatorHarness::waitFor(const std::function<bool()>& condition, long timeoutMilliseconds)
{
	return testcommon::waitUntil(condition, timeoutMilliseconds, 50);
}

} } // namespace sbomop::testing
