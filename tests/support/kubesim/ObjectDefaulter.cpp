//
// ObjectDefaulter.cpp
//

#include "kubesim/ObjectDefaulter.h"
#include "kubesim/Json.h"

using Poco::JSON::Array;
using Poco::JSON::Object;

namespace sbomop {
namespace kubesim {

namespace
{
	void setDefault(Object::Ptr object, const std::string& key, const Poco::Dynamic::Var& value)
	{
		if (!object->has(key) || object->isNull(key)) object->set(key, value);
	}

	std::string pullPolicyFor(const std::string& image)
	{
		if (image.find('@') != std::string::npos) return "IfNotPresent";
		std::size_t slash = image.rfind('/');
		std::size_t colon = image.rfind(':');
		bool hasTag = colon != std::string::npos && (slash == std::string::npos || colon > slash);
		if (!hasTag || image.substr(colon + 1) == "latest") return "Always";
		return "IfNotPresent";
	}

	void defaultContainers(const Array::Ptr& containers)
	{
		for (unsigned i = 0; containers && i < containers->size(); ++i)
		{
			Object::Ptr container = containers->getObject(i);
			if (!container) continue;
			setDefault(container, "imagePullPolicy", pullPolicyFor(Json::string(container, "image")));
			setDefault(container, "terminationMessagePath", std::string("/dev/termination-log"));
			setDefault(container, "terminationMessagePolicy", std::string("File"));
			setDefault(container, "resources", Object::Ptr(new Object));
		}
	}
}

void ObjectDefaulter::defaultPodSpec(Object::Ptr spec, bool template_)
{
	if (!spec) return;
	// A Job's pod template keeps an empty restartPolicy so that validation can
	// ask for OnFailure/Never, as the real server does.
	if (!template_) setDefault(spec, "restartPolicy", std::string("Always"));
	setDefault(spec, "dnsPolicy", std::string("ClusterFirst"));
	setDefault(spec, "schedulerName", std::string("default-scheduler"));
	setDefault(spec, "terminationGracePeriodSeconds", 30);
	setDefault(spec, "securityContext", Object::Ptr(new Object));
	if (!template_)
	{
		setDefault(spec, "serviceAccountName", std::string("default"));
		setDefault(spec, "serviceAccount", Json::string(spec, "serviceAccountName"));
		setDefault(spec, "enableServiceLinks", true);
		setDefault(spec, "preemptionPolicy", std::string("PreemptLowerPriority"));
		setDefault(spec, "priority", 0);
	}
	defaultContainers(Json::array(spec, "containers"));
	defaultContainers(Json::array(spec, "initContainers"));
}

std::string ObjectDefaulter::qosClass(const Object::Ptr& spec)
{
	Array::Ptr containers = Json::array(spec, "containers");
	bool any = false;
	bool guaranteed = containers && containers->size() > 0;
	for (unsigned i = 0; containers && i < containers->size(); ++i)
	{
		Object::Ptr resources = Json::object(containers->getObject(i), "resources");
		Object::Ptr limits = Json::object(resources, "limits");
		Object::Ptr requests = Json::object(resources, "requests");
		if ((limits && limits->size() > 0) || (requests && requests->size() > 0)) any = true;
		if (!limits || !limits->has("cpu") || !limits->has("memory")) guaranteed = false;
		else if (requests && !Json::equals(Poco::Dynamic::Var(limits), Poco::Dynamic::Var(requests))) guaranteed = false;
	}
	if (!any) return "BestEffort";
	return guaranteed ? "Guaranteed" : "Burstable";
}

void ObjectDefaulter::applyDefaults(const ResourceInfo& resource, Object::Ptr object)
{
	if (resource.kind == "Pod")
	{
		defaultPodSpec(Json::object(object, "spec"), false);
	}
	else if (resource.kind == "Job")
	{
		Object::Ptr spec = Json::ensureObject(object, "spec");
		setDefault(spec, "backoffLimit", 6);
		setDefault(spec, "completions", 1);
		setDefault(spec, "parallelism", 1);
		setDefault(spec, "completionMode", std::string("NonIndexed"));
		setDefault(spec, "suspend", false);
		Object::Ptr podTemplate = Json::ensureObject(spec, "template");
		defaultPodSpec(Json::object(podTemplate, "spec"), true);
	}
	else if (resource.kind == "Secret")
	{
		setDefault(object, "type", std::string("Opaque"));
	}
	else if (resource.kind == "Namespace")
	{
		Object::Ptr metadata = Json::metadata(object);
		Json::ensureObject(metadata, "labels")->set("kubernetes.io/metadata.name", Json::string(metadata, "name"));
		Object::Ptr spec = Json::ensureObject(object, "spec");
		if (!Json::array(spec, "finalizers"))
		{
			Array::Ptr finalizers = new Array;
			finalizers->add(std::string("kubernetes"));
			spec->set("finalizers", finalizers);
		}
	}
}

void ObjectDefaulter::prepareForCreate(const ResourceInfo& resource, Object::Ptr object)
{
	if (resource.kind == "Pod")
	{
		Object::Ptr status = new Object;
		status->set("phase", std::string("Pending"));
		status->set("qosClass", qosClass(Json::object(object, "spec")));
		object->set("status", status);
	}
	else if (resource.kind == "Job")
	{
		object->set("status", Object::Ptr(new Object));
		const std::string uid = Json::string(Json::metadata(object), "uid");
		const std::string name = Json::string(Json::metadata(object), "name");
		Object::Ptr spec = Json::ensureObject(object, "spec");
		if (Json::string(spec, "manualSelector") != "true")
		{
			Object::Ptr selector = new Object;
			Object::Ptr matchLabels = new Object;
			matchLabels->set("batch.kubernetes.io/controller-uid", uid);
			selector->set("matchLabels", matchLabels);
			spec->set("selector", selector);
			Object::Ptr labels = Json::ensureObject(Json::metadata(Json::ensureObject(spec, "template")), "labels");
			labels->set("batch.kubernetes.io/controller-uid", uid);
			labels->set("batch.kubernetes.io/job-name", name);
			labels->set("controller-uid", uid);
			labels->set("job-name", name);
		}
	}
	else if (resource.kind == "Namespace")
	{
		Object::Ptr status = new Object;
		status->set("phase", std::string("Active"));
		object->set("status", status);
	}
}

} } // namespace sbomop::kubesim
