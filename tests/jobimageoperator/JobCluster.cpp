//
// JobCluster.cpp
//

#include "JobCluster.h"
#include "common/Base64Text.h"
#include "common/Polling.h"
#include "kubesim/ResourceCatalog.h"
#include <Poco/Exception.h>
#include <Poco/File.h>
#include <Poco/FileStream.h>
#include <Poco/JSON/Parser.h>
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/StreamCopier.h>
#include <Poco/Timestamp.h>
#include <sstream>

using Poco::JSON::Array;
using Poco::JSON::Object;

namespace sbomop {
namespace testing {

const std::string JobCluster::OPERATOR_NAMESPACE = "sbom-system";
const std::string JobCluster::TRIVY_JOB = "sbom-e2e/trivy-job:1.0";
const std::string JobCluster::GATED_JOB = "sbom-e2e/gated-trivy-job:1.0";
const std::string JobCluster::HANGING_JOB = "sbom-e2e/hanging-job:1.0";
const std::string JobCluster::CLUSTER_ID = "e2e-cluster";

namespace {

const std::string OPERATOR = std::string(SBOMOP_BINARY_DIR) + "/bin/sbom-operator";
const std::string TRIVY_JOB_DIR = std::string(SBOMOP_SOURCE_DIR) + "/job-images/trivy";
const std::string ANNOTATION_PREFIX = "ckotzbauer.sbom-operator.io/";
const std::string JOB_PREFIX = "sbom-operator-job-";
const std::string SECRET_PREFIX = "sbom-operator-job-config-";

using sbomop::testcommon::base64;
using sbomop::testcommon::unbase64;

Object::Ptr object(const std::map<std::string, Poco::Dynamic::Var>& fields)
{
	Object::Ptr result = new Object;
	for (const auto& field: fields) result->set(field.first, field.second);
	return result;
}

Object::Ptr metadata(const std::string& ns, const std::string& name)
{
	return ns.empty() ? object({ { "name", name } }) : object({ { "name", name }, { "namespace", ns } });
}

bool hasAnnotation(const Object::Ptr& pod, const std::string& key)
{
	Object::Ptr annotations = pod ? pod->getObject("metadata")->getObject("annotations") : nullptr;
	return annotations && annotations->has(key);
}

bool isComplete(const Object::Ptr& job)
{
	Object::Ptr status = job ? job->getObject("status") : nullptr;
	Array::Ptr conditions = status ? status->getArray("conditions") : nullptr;
	for (std::size_t i = 0; conditions && i < conditions->size(); ++i)
	{
		Object::Ptr condition = conditions->getObject(static_cast<unsigned>(i));
		if (condition->optValue<std::string>("type", "") == "Complete" && condition->optValue<std::string>("status", "") == "True") return true;
	}
	return false;
}

std::string mountedSecret(const Object::Ptr& job)
{
	Array::Ptr volumes = job->getObject("spec")->getObject("template")->getObject("spec")->getArray("volumes");
	for (std::size_t i = 0; volumes && i < volumes->size(); ++i)
	{
		Object::Ptr secret = volumes->getObject(static_cast<unsigned>(i))->getObject("secret");
		if (secret) return secret->optValue<std::string>("secretName", "");
	}
	return "";
}

std::vector<std::string> namesWithPrefix(kubesim::KubeSimServer& sim, const std::string& plural, const std::string& prefix)
{
	std::vector<std::string> names;
	const auto list = sim.store().list(kubesim::ResourceCatalog::get(plural), JobCluster::OPERATOR_NAMESPACE, {});
	for (const auto& item: list.items)
	{
		if (item->name.compare(0, prefix.size(), prefix) == 0) names.push_back(item->name);
	}
	return names;
}

} // namespace

JobCluster::JobCluster(const std::string& name)
{
	SuiteEnvironment& environment = SuiteEnvironment::instance();
	_dir = environment.workDir() + "/" + name;
	if (Poco::File(_dir).exists()) Poco::File(_dir).remove(true);
	Poco::File(_dir).createDirectories();
	_gateFile = _dir + "/gate-open";

	// The gated job: blocks (visibly "running") until the test opens the gate.
	const std::string gatedDir = _dir + "/gated-job";
	Poco::File(gatedDir).createDirectories();
	{
		Poco::FileOutputStream script(gatedDir + "/entrypoint.sh");
		script << "#!/bin/sh\n"
			"trap 'exit 143' TERM\n"
			"while [ ! -e \"$GATE_FILE\" ]; do sleep 0.1; done\n"
			"exec /bin/sh " << TRIVY_JOB_DIR << "/entrypoint.sh\n";
	}
	Poco::File(gatedDir + "/entrypoint.sh").setExecutable(true);

	kubesim::KubeSimServer::Options options;
	options.tls = true;
	options.token = "e2e-token-" + name;
	options.jobs.enabled = true;
	options.jobs.runners[TRIVY_JOB] = TRIVY_JOB_DIR;
	options.jobs.runners[GATED_JOB] = gatedDir;
	options.jobs.defaultOutcome = kubesim::JobOutcome::Hang;
	// Every object the operator writes is checked against the real schemas.
	// The project's copy of the v1.28 OpenAPI v3 schemas.
	options.openApiDir = std::string(SBOMOP_SOURCE_DIR) + "/tests/fixtures/openapi";
	_sim.reset(new kubesim::KubeSimServer(options));
	_sim->start();
	_sim->writeKubeconfig(_dir + "/kubeconfig", OPERATOR_NAMESPACE);
	addNamespace(OPERATOR_NAMESPACE);

	dtracksim::DtrackSimServer::Options dtrackOptions;
	_apiKey = "odt_e2e" + name;
	dtrackOptions.apiKey = _apiKey;
	_dtrack.reset(new dtracksim::DtrackSimServer(dtrackOptions));
	_dtrack->start();
}

JobCluster::~JobCluster()
{
	_sim->stop();
	_dtrack->stop();
}

SuiteEnvironment& JobCluster::env()
{
	return SuiteEnvironment::instance();
}

kubesim::KubeSimServer& JobCluster::sim()
{
	return *_sim;
}

dtracksim::DtrackSimServer& JobCluster::dtrack()
{
	return *_dtrack;
}

void JobCluster::addNamespace(const std::string& name)
{
	_sim->seed(object({ { "apiVersion", "v1" }, { "kind", "Namespace" }, { "metadata", metadata("", name) } }));
}

void JobCluster::addPullSecret(const std::string& ns, const std::string& name, const std::string& password)
{
	const std::string config = "{\"auths\":{\"" + env().registryHost() + "\":{\"auth\":\""
		+ base64(env().registryUser() + ":" + password) + "\"}}}";
	_sim->seed(object({ { "apiVersion", "v1" }, { "kind", "Secret" }, { "type", "kubernetes.io/dockerconfigjson" },
		{ "metadata", metadata(ns, name) }, { "data", object({ { ".dockerconfigjson", base64(config) } }) } }));
}

void JobCluster::addPod(const std::string& ns, const std::string& name, const std::vector<Container>& containers,
	const std::string& pullSecret)
{
	Array::Ptr specs = new Array;
	Array::Ptr statuses = new Array;
	for (const auto& container: containers)
	{
		const std::string image = env().reference(container.repository);
		specs->add(object({ { "name", container.name }, { "image", image } }));
		statuses->add(object({ { "name", container.name }, { "image", image }, { "imageID", env().imageId(container.repository) },
			{ "ready", true }, { "restartCount", 0 } }));
	}
	Array::Ptr pullSecrets = new Array;
	if (!pullSecret.empty()) pullSecrets->add(object({ { "name", pullSecret } }));
	_sim->seed(object({ { "apiVersion", "v1" }, { "kind", "Pod" }, { "metadata", metadata(ns, name) },
		{ "spec", object({ { "containers", specs }, { "imagePullSecrets", pullSecrets } }) },
		{ "status", object({ { "phase", "Running" }, { "containerStatuses", statuses } }) } }));
}

std::unique_ptr<ChildProcess> JobCluster::startOperator(const std::vector<std::string>& args)
{
	std::vector<std::string> all = { "--kubeconfig=" + _dir + "/kubeconfig", "--health-port=0", "--verbosity=debug",
		"--kubernetes-cluster-id=" + CLUSTER_ID };
	all.insert(all.end(), args.begin(), args.end());
	const std::map<std::string, std::string> environment = {
		{ "POD_NAMESPACE", OPERATOR_NAMESPACE },
		{ "SBOM_JOB_DTRACK_URL", _dtrack->url() },
		{ "SBOM_JOB_DTRACK_API_KEY", _apiKey },
		{ "SBOM_JOB_REGISTRY_CA_FILE", env().caFile() },
		{ "SBOM_JOB_TRIVY_BIN", env().trivy() },
		{ "SBOM_JOB_GATE_FILE", _gateFile },
	};
	return std::unique_ptr<ChildProcess>(new ChildProcess(OPERATOR, all, environment));
}

int JobCluster::runOnce(const std::vector<std::string>& args, std::string& log)
{
	std::vector<std::string> all = args;
	all.push_back("--once");
	auto op = startOperator(all);
	const int code = op->wait(120000);
	log = op->err();
	return code;
}

void JobCluster::openGate()
{
	Poco::FileOutputStream(_gateFile) << "open\n";
}

std::string JobCluster::annotation(const std::string& ns, const std::string& pod, const std::string& container)
{
	auto stored = _sim->store().get(kubesim::ResourceCatalog::get("pods"), ns, pod);
	if (!stored || !hasAnnotation(stored->object, ANNOTATION_PREFIX + container)) return "";
	return stored->object->getObject("metadata")->getObject("annotations")->getValue<std::string>(ANNOTATION_PREFIX + container);
}

std::vector<std::string> JobCluster::jobs()
{
	return namesWithPrefix(*_sim, "jobs", JOB_PREFIX);
}

std::vector<std::string> JobCluster::secrets()
{
	return namesWithPrefix(*_sim, "secrets", SECRET_PREFIX);
}

std::size_t JobCluster::operatorNamespacePods()
{
	return _sim->store().list(kubesim::ResourceCatalog::get("pods"), OPERATOR_NAMESPACE, {}).items.size();
}

Object::Ptr JobCluster::job(const std::string& name)
{
	auto stored = _sim->store().get(kubesim::ResourceCatalog::get("jobs"), OPERATOR_NAMESPACE, name);
	return stored ? stored->object : nullptr;
}

std::uint64_t JobCluster::jobsCreated()
{
	return _sim->stats().count("create", "jobs");
}

std::vector<kubesim::StoreEvent> JobCluster::history(const std::string& plural)
{
	const auto batch = _sim->store().waitForEvents(kubesim::ResourceCatalog::get(plural), 0, Poco::Timestamp(), [] { return true; });
	if (batch.expired) throw Poco::IllegalStateException("kube-sim's history of " + plural + " no longer reaches back to the start");
	return batch.events;
}

std::vector<std::string> JobCluster::jobsEverCreated()
{
	std::vector<std::string> names;
	for (const auto& event: history("jobs"))
	{
		if (event.type == kubesim::EventType::Added) names.push_back(event.object->name);
	}
	return names;
}

Array::Ptr JobCluster::imageConfigOf(const std::string& jobName)
{
	std::string secretName;
	for (const auto& event: history("jobs"))
	{
		if (event.object->name == jobName) secretName = mountedSecret(event.object->object);
	}
	for (const auto& event: history("secrets"))
	{
		if (event.type != kubesim::EventType::Added || event.object->name != secretName || event.object->ns != OPERATOR_NAMESPACE) continue;
		const std::string json = unbase64(event.object->object->getObject("data")->getValue<std::string>("image-config.json"));
		return Poco::JSON::Parser().parse(json).extract<Array::Ptr>();
	}
	return nullptr;
}

std::string JobCluster::waitForRunningJob(long timeoutMilliseconds)
{
	std::string running;
	waitFor([&]
	{
		for (const std::string& name: jobs())
		{
			Object::Ptr current = job(name);
			Object::Ptr status = current ? current->getObject("status") : nullptr;
			if (status && status->optValue<int>("active", 0) > 0)
			{
				running = name;
				return true;
			}
		}
		return false;
	}, timeoutMilliseconds);
	return running;
}

std::uint64_t JobCluster::completedAt(const std::string& jobName)
{
	for (const auto& event: history("jobs"))
	{
		if (event.object->name == jobName && isComplete(event.object->object)) return event.resourceVersion;
	}
	return 0;
}

std::uint64_t JobCluster::annotatedAt(const std::string& ns, const std::string& pod, const std::string& container)
{
	for (const auto& event: history("pods"))
	{
		if (event.object->ns == ns && event.object->name == pod && hasAnnotation(event.object->object, ANNOTATION_PREFIX + container))
			return event.resourceVersion;
	}
	return 0;
}

double JobCluster::metric(const ChildProcess& op, const std::string& series)
{
	const std::string log = op.err();
	const std::string marker = "serving /health, /readyz and /metrics on port ";
	const auto at = log.find(marker);
	if (at == std::string::npos) throw Poco::NotFoundException("the operator logged no metrics port");
	Poco::Net::HTTPClientSession session("127.0.0.1", static_cast<Poco::UInt16>(std::stoi(log.substr(at + marker.size()))));
	Poco::Net::HTTPRequest request(Poco::Net::HTTPRequest::HTTP_GET, "/metrics");
	session.sendRequest(request);
	Poco::Net::HTTPResponse response;
	std::string body;
	Poco::StreamCopier::copyToString(session.receiveResponse(response), body);
	std::istringstream lines(body);
	std::string line;
	while (std::getline(lines, line))
	{
		if (line.compare(0, series.size() + 1, series + " ") == 0) return std::stod(line.substr(series.size() + 1));
	}
	throw Poco::NotFoundException("no metric " + series + " in /metrics");
}

bool JobCluster::waitFor(const std::function<bool()>& condition, long timeoutMilliseconds)
{
	return testcommon::waitUntil(condition, timeoutMilliseconds, 100);
}

} } // namespace sbomop::testing
