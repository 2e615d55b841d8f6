//
// PodGenerator.cpp
//

#include "PodGenerator.h"
#include <Poco/DateTime.h>
#include <Poco/DateTimeFormat.h>
#include <Poco/DateTimeFormatter.h>
#include <Poco/JSON/Array.h>
#include <Poco/Timespan.h>
#include <initializer_list>
#include <utility>

using Poco::Dynamic::Var;
using Poco::JSON::Array;
using Poco::JSON::Object;

namespace sbomop {
namespace bench {

namespace {

using Fields = std::initializer_list<std::pair<const char*, Var>>;

Object::Ptr object(Fields fields)
{
	Object::Ptr result = new Object;
	for (const auto& field: fields) result->set(field.first, field.second);
	return result;
}

Array::Ptr array(std::initializer_list<Var> values)
{
	Array::Ptr result = new Array;
	for (const auto& value: values) result->add(value);
	return result;
}

// Kubernetes' random-name alphabet, indexed by hash bytes: stable names that look generated.
std::string kubeSuffix(const std::string& seed, std::size_t length)
{
	static const std::string ALPHABET = "bcdfghjklmnpqrstvwxz2456789";
	const std::string hex = ImageCatalog::sha256Hex(seed);
	std::string result;
	for (std::size_t i = 0; i < length; ++i) result += ALPHABET[std::stoul(hex.substr(2 * i, 2), nullptr, 16) % ALPHABET.size()];
	return result;
}

std::string uid(const std::string& seed)
{
	const std::string hex = ImageCatalog::sha256Hex(seed);
	return hex.substr(0, 8) + "-" + hex.substr(8, 4) + "-" + hex.substr(12, 4) + "-" + hex.substr(16, 4) + "-" + hex.substr(20, 12);
}

// Creation times spread over the hour after 2024-05-14T08:00:00Z; offsets order the pod's events.
std::string timestamp(std::size_t index, int offsetSeconds)
{
	Poco::DateTime time(2024, 5, 14, 8);
	time += Poco::Timespan(static_cast<long>(index % 3000) + offsetSeconds, 0);
	return Poco::DateTimeFormatter::format(time, Poco::DateTimeFormat::ISO8601_FORMAT);
}

std::string podIp(std::size_t index)
{
	return "10.42." + std::to_string(index / 250 % 250) + "." + std::to_string(index % 250 + 2);
}

std::string nodeName(std::size_t index)
{
	return "ip-172-16-0-" + std::to_string(index % 50 + 10) + ".eu-central-1.compute.internal";
}

std::string hostIp(std::size_t index)
{
	return "172.16.0." + std::to_string(index % 50 + 10);
}

Object::Ptr fieldRef(const char* path)
{
	return object({ { "fieldRef", object({ { "apiVersion", "v1" }, { "fieldPath", path } }) } });
}

Object::Ptr httpProbe(const char* path, const Var& port, int initialDelay)
{
	return object({ { "httpGet", object({ { "path", path }, { "port", port }, { "scheme", "HTTP" } }) },
		{ "failureThreshold", 3 }, { "initialDelaySeconds", initialDelay }, { "periodSeconds", 10 },
		{ "successThreshold", 1 }, { "timeoutSeconds", 1 } });
}

Object::Ptr resources(const char* cpuLimit, const char* memoryLimit, const char* cpuRequest, const char* memoryRequest)
{
	return object({ { "limits", object({ { "cpu", cpuLimit }, { "memory", memoryLimit } }) },
		{ "requests", object({ { "cpu", cpuRequest }, { "memory", memoryRequest } }) } });
}

Object::Ptr restrictedSecurityContext()
{
	return object({ { "allowPrivilegeEscalation", false }, { "capabilities", object({ { "drop", array({ "ALL" }) } }) },
		{ "readOnlyRootFilesystem", true }, { "runAsNonRoot", true }, { "runAsUser", 10001 } });
}

Object::Ptr mount(const std::string& name, const char* path)
{
	return object({ { "mountPath", path }, { "name", name }, { "readOnly", true } });
}

Object::Ptr container(const std::string& name, const SeedImage& image, Array::Ptr args, Array::Ptr env, Array::Ptr mounts)
{
	return object({ { "name", name }, { "image", image.specImage() }, { "imagePullPolicy", "IfNotPresent" },
		{ "args", args }, { "env", env }, { "volumeMounts", mounts },
		{ "terminationMessagePath", "/dev/termination-log" }, { "terminationMessagePolicy", "File" },
		{ "securityContext", restrictedSecurityContext() } });
}

// The shape of a managedFields entry's fieldsV1: every field a manager set,
// list items keyed by their merge key (name, type or ip) as the API server does.
Object::Ptr fieldSet(const Object::Ptr& source)
{
	Object::Ptr result = new Object;
	for (const auto& entry: *source)
	{
		const Var& value = entry.second;
		if (value.type() == typeid(Object::Ptr))
		{
			Object::Ptr nested = fieldSet(value.extract<Object::Ptr>());
			nested->set(".", Object::Ptr(new Object));
			result->set("f:" + entry.first, nested);
		}
		else if (value.type() == typeid(Array::Ptr))
		{
			Object::Ptr items = new Object;
			for (const auto& item: *value.extract<Array::Ptr>())
			{
				if (item.type() != typeid(Object::Ptr)) continue;
				Object::Ptr element = item.extract<Object::Ptr>();
				std::string key = "v:" + std::to_string(items->size());
				for (const char* field: { "name", "type", "ip" })
				{
					if (!element->has(field)) continue;
					key = std::string("k:{\"") + field + "\":\"" + element->getValue<std::string>(field) + "\"}";
					break;
				}
				Object::Ptr nested = fieldSet(element);
				nested->set(".", Object::Ptr(new Object));
				items->set(key, nested);
			}
			result->set("f:" + entry.first, items);
		}
		else result->set("f:" + entry.first, Object::Ptr(new Object));
	}
	return result;
}

Object::Ptr managedEntry(const char* manager, const char* subresource, const std::string& time, const Object::Ptr& fields)
{
	Object::Ptr entry = object({ { "apiVersion", "v1" }, { "fieldsType", "FieldsV1" }, { "fieldsV1", fields },
		{ "manager", manager }, { "operation", "Update" }, { "time", time } });
	if (subresource) entry->set("subresource", subresource);
	return entry;
}

} // namespace

const std::string PodGenerator::PULL_SECRET = "regcred";

PodGenerator::PodGenerator(const ImageCatalog& catalog):
	_catalog(catalog)
{
}

std::vector<const SeedImage*> PodGenerator::images(std::size_t index) const
{
	std::vector<const SeedImage*> result;
	if (index % 5 == 0) result.push_back(&_catalog.init(index / 5 % _catalog.initCount()));
	result.push_back(&_catalog.app(index % _catalog.appCount()));
	if (index % 3 == 0) result.push_back(&_catalog.sidecar(index / 3 % _catalog.sidecarCount()));
	return result;
}

Object::Ptr PodGenerator::pod(std::size_t index) const
{
	const std::size_t appIndex = index % _catalog.appCount();
	const std::string& ns = _catalog.appNamespace(appIndex);
	const std::string& app = _catalog.appName(appIndex);
	const std::string replicaSet = app + "-" + kubeSuffix("rs/" + app, 10);
	const std::string podName = replicaSet + "-" + kubeSuffix("pod/" + std::to_string(index), 5);
	const auto podImages = images(index);
	const bool init = index % 5 == 0;

	Object::Ptr spec = this->spec(index, app, podImages, init);
	Object::Ptr status = this->status(index, podName, podImages, init);
	Object::Ptr metadata = this->metadata(index, ns, app, podName, replicaSet, index % 3 == 0);
	Object::Ptr specFields = fieldSet(object({ { "metadata", object({ { "labels", metadata->getObject("labels") },
		{ "annotations", metadata->getObject("annotations") } }) }, { "spec", spec } }));
	metadata->set("managedFields", array({
		managedEntry("kube-controller-manager", nullptr, timestamp(index, 0), specFields),
		managedEntry("kubelet", "status", timestamp(index, 30), fieldSet(object({ { "status", status } }))) }));
	return object({ { "apiVersion", "v1" }, { "kind", "Pod" }, { "metadata", metadata }, { "spec", spec }, { "status", status } });
}

Object::Ptr PodGenerator::metadata(std::size_t index, const std::string& ns, const std::string& app,
	const std::string& podName, const std::string& replicaSet, bool sidecar) const
{
	const SeedImage& image = _catalog.app(index % _catalog.appCount());
	const std::string ip = podIp(index);
	Object::Ptr labels = object({ { "app.kubernetes.io/name", app }, { "app.kubernetes.io/instance", app + "-production" },
		{ "app.kubernetes.io/version", image.tag }, { "app.kubernetes.io/part-of", ns },
		{ "app.kubernetes.io/managed-by", "Helm" }, { "helm.sh/chart", app + "-" + image.tag },
		{ "pod-template-hash", replicaSet.substr(replicaSet.size() - 10) }, { "team", ns }, { "environment", "production" } });
	Object::Ptr annotations = object({
		{ "checksum/config", ImageCatalog::sha256Hex("config/" + app) },
		{ "checksum/secrets", ImageCatalog::sha256Hex("secrets/" + app) },
		{ "prometheus.io/scrape", "true" }, { "prometheus.io/port", "9090" }, { "prometheus.io/path", "/metrics" },
		{ "kubectl.kubernetes.io/restartedAt", timestamp(index, -600) },
		{ "cni.projectcalico.org/containerID", ImageCatalog::sha256Hex("sandbox/" + podName) },
		{ "cni.projectcalico.org/podIP", ip + "/32" }, { "cni.projectcalico.org/podIPs", ip + "/32" },
		{ "k8s.v1.cni.cncf.io/network-status", "[{\n    \"name\": \"k8s-pod-network\",\n    \"ips\": [\n        \"" + ip
			+ "\"\n    ],\n    \"default\": true,\n    \"dns\": {}\n}]" } });
	if (sidecar)
	{
		labels->set("security.istio.io/tlsMode", "istio");
		labels->set("service.istio.io/canonical-name", app);
		labels->set("service.istio.io/canonical-revision", image.tag);
		annotations->set("kubectl.kubernetes.io/default-container", "app");
		annotations->set("sidecar.istio.io/status", "{\"initContainers\":null,\"containers\":[\"istio-proxy\"],"
			"\"volumes\":[\"workload-socket\",\"credential-socket\",\"workload-certs\",\"istio-envoy\",\"istio-data\","
			"\"istio-podinfo\",\"istio-token\",\"istiod-ca-cert\"],\"imagePullSecrets\":null,\"revision\":\"default\"}");
	}
	return object({ { "name", podName }, { "generateName", replicaSet + "-" }, { "namespace", ns },
		{ "uid", uid("pod/" + std::to_string(index)) }, { "resourceVersion", std::to_string(1000000 + index) },
		{ "creationTimestamp", timestamp(index, 0) }, { "labels", labels }, { "annotations", annotations },
		{ "ownerReferences", array({ object({ { "apiVersion", "apps/v1" }, { "kind", "ReplicaSet" }, { "name", replicaSet },
			{ "uid", uid("rs/" + app) }, { "controller", true }, { "blockOwnerDeletion", true } }) }) } });
}

Object::Ptr PodGenerator::spec(std::size_t index, const std::string& app, const std::vector<const SeedImage*>& images, bool init) const
{
	const std::string tokenVolume = "kube-api-access-" + kubeSuffix("token/" + std::to_string(index), 5);
	const char* tokenPath = "/var/run/secrets/kubernetes.io/serviceaccount";
	Array::Ptr containers = new Array;
	Array::Ptr initContainers = new Array;
	for (const SeedImage* image: images)
	{
		const bool isApp = image == &_catalog.app(index % _catalog.appCount());
		if (init && image == images.front())
		{
			Object::Ptr wait = container("wait-for-deps", *image, array({ "sh", "-c", "until nc -z " + app + "-db 5432; do sleep 1; done" }),
				array({}), array({ mount(tokenVolume, tokenPath) }));
			wait->set("resources", resources("100m", "64Mi", "10m", "16Mi"));
			initContainers->add(wait);
		}
		else if (isApp)
		{
			Object::Ptr main = container("app", *image, array({ "--config=/etc/app/config.yaml", "--log-level=info", "--metrics-port=9090" }),
				array({ object({ { "name", "POD_NAME" }, { "valueFrom", fieldRef("metadata.name") } }),
					object({ { "name", "POD_NAMESPACE" }, { "valueFrom", fieldRef("metadata.namespace") } }),
					object({ { "name", "POD_IP" }, { "valueFrom", fieldRef("status.podIP") } }),
					object({ { "name", "NODE_NAME" }, { "valueFrom", fieldRef("spec.nodeName") } }),
					object({ { "name", "GOMAXPROCS" }, { "valueFrom", object({ { "resourceFieldRef",
						object({ { "containerName", "app" }, { "divisor", "0" }, { "resource", "limits.cpu" } }) } }) } }),
					object({ { "name", "OTEL_EXPORTER_OTLP_ENDPOINT" }, { "value", "http://otel-collector.observability:4317" } }),
					object({ { "name", "OTEL_SERVICE_NAME" }, { "value", app } }),
					object({ { "name", "LOG_FORMAT" }, { "value", "json" } }),
					object({ { "name", "APP_ENV" }, { "value", "production" } }) }),
				array({ mount("config", "/etc/app"), mount(tokenVolume, tokenPath) }));
			main->set("ports", array({ object({ { "containerPort", 8080 }, { "name", "http" }, { "protocol", "TCP" } }),
				object({ { "containerPort", 9090 }, { "name", "metrics" }, { "protocol", "TCP" } }) }));
			main->set("resources", resources("1", "512Mi", "100m", "256Mi"));
			main->set("livenessProbe", httpProbe("/healthz", "http", 10));
			main->set("readinessProbe", httpProbe("/readyz", "http", 5));
			containers->add(main);
		}
		else
		{
			Object::Ptr proxy = container("istio-proxy", *image,
				array({ "proxy", "sidecar", "--domain", "$(POD_NAMESPACE).svc.cluster.local", "--proxyLogLevel=warning",
					"--proxyComponentLogLevel=misc:error", "--log_output_level=default:info" }),
				array({ object({ { "name", "POD_NAME" }, { "valueFrom", fieldRef("metadata.name") } }),
					object({ { "name", "POD_NAMESPACE" }, { "valueFrom", fieldRef("metadata.namespace") } }),
					object({ { "name", "INSTANCE_IP" }, { "valueFrom", fieldRef("status.podIP") } }),
					object({ { "name", "ISTIO_META_WORKLOAD_NAME" }, { "value", app } }),
					object({ { "name", "ISTIO_META_CLUSTER_ID" }, { "value", "Kubernetes" } }) }),
				array({ mount(tokenVolume, tokenPath) }));
			proxy->set("ports", array({ object({ { "containerPort", 15090 }, { "name", "http-envoy-prom" }, { "protocol", "TCP" } }) }));
			proxy->set("resources", resources("2", "1Gi", "100m", "128Mi"));
			proxy->set("readinessProbe", httpProbe("/healthz/ready", 15021, 1));
			containers->add(proxy);
		}
	}
	Object::Ptr projected = object({ { "defaultMode", 420 }, { "sources", array({
		object({ { "serviceAccountToken", object({ { "expirationSeconds", 3607 }, { "path", "token" } }) } }),
		object({ { "configMap", object({ { "name", "kube-root-ca.crt" },
			{ "items", array({ object({ { "key", "ca.crt" }, { "path", "ca.crt" } }) }) } }) } }),
		object({ { "downwardAPI", object({ { "items", array({ object({ { "path", "namespace" },
			{ "fieldRef", object({ { "apiVersion", "v1" }, { "fieldPath", "metadata.namespace" } }) } }) }) } }) } }) }) } });
	Object::Ptr spec = object({ { "containers", containers }, { "dnsPolicy", "ClusterFirst" }, { "enableServiceLinks", true },
		{ "imagePullSecrets", array({ object({ { "name", PULL_SECRET } }) }) }, { "nodeName", nodeName(index) },
		{ "preemptionPolicy", "PreemptLowerPriority" }, { "priority", 0 }, { "restartPolicy", "Always" },
		{ "schedulerName", "default-scheduler" },
		{ "securityContext", object({ { "fsGroup", 10001 }, { "seccompProfile", object({ { "type", "RuntimeDefault" } }) } }) },
		{ "serviceAccount", app }, { "serviceAccountName", app }, { "terminationGracePeriodSeconds", 30 },
		{ "tolerations", array({
			object({ { "effect", "NoExecute" }, { "key", "node.kubernetes.io/not-ready" }, { "operator", "Exists" }, { "tolerationSeconds", 300 } }),
			object({ { "effect", "NoExecute" }, { "key", "node.kubernetes.io/unreachable" }, { "operator", "Exists" }, { "tolerationSeconds", 300 } }) }) },
		{ "volumes", array({ object({ { "name", "config" }, { "configMap", object({ { "defaultMode", 420 }, { "name", app + "-config" } }) } }),
			object({ { "name", tokenVolume }, { "projected", projected } }) }) } });
	if (init) spec->set("initContainers", initContainers);
	return spec;
}

Object::Ptr PodGenerator::status(std::size_t index, const std::string& podName, const std::vector<const SeedImage*>& images, bool init) const
{
	Array::Ptr conditions = new Array;
	for (const char* type: { "PodReadyToStartContainers", "Initialized", "Ready", "ContainersReady", "PodScheduled" })
	{
		conditions->add(object({ { "lastProbeTime", Var() }, { "lastTransitionTime", timestamp(index, 5) }, { "status", "True" }, { "type", type } }));
	}
	Array::Ptr statuses = new Array;
	Array::Ptr initStatuses = new Array;
	for (const SeedImage* image: images)
	{
		const bool isInit = init && image == images.front();
		const bool isApp = image == &_catalog.app(index % _catalog.appCount());
		const std::string name = isInit ? "wait-for-deps" : isApp ? "app" : "istio-proxy";
		const std::string containerId = "containerd://" + ImageCatalog::sha256Hex("container/" + podName + "/" + name);
		Object::Ptr state = isInit
			? object({ { "terminated", object({ { "containerID", containerId }, { "exitCode", 0 }, { "finishedAt", timestamp(index, 8) },
				{ "reason", "Completed" }, { "startedAt", timestamp(index, 6) } }) } })
			: object({ { "running", object({ { "startedAt", timestamp(index, 10) } }) } });
		Object::Ptr entry = object({ { "containerID", containerId }, { "image", image->specImage() }, { "imageID", image->imageId() },
			{ "lastState", Object::Ptr(new Object) }, { "name", name }, { "ready", true }, { "restartCount", 0 },
			{ "started", !isInit }, { "state", state } });
		(isInit ? initStatuses : statuses)->add(entry);
	}
	const std::string ip = podIp(index);
	Object::Ptr status = object({ { "conditions", conditions }, { "containerStatuses", statuses },
		{ "hostIP", hostIp(index) }, { "hostIPs", array({ object({ { "ip", hostIp(index) } }) }) }, { "phase", "Running" },
		{ "podIP", ip }, { "podIPs", array({ object({ { "ip", ip } }) }) }, { "qosClass", "Burstable" },
		{ "startTime", timestamp(index, 2) } });
	if (init) status->set("initContainerStatuses", initStatuses);
	return status;
}

} } // namespace sbomop::bench
