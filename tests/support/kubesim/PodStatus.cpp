//
// PodStatus.cpp
//

#include "kubesim/PodStatus.h"
#include "kubesim/Json.h"
#include <Poco/DigestEngine.h>
#include <Poco/JSON/Array.h>
#include <Poco/SHA2Engine.h>

using Poco::JSON::Array;
using Poco::JSON::Object;

namespace sbomop {
namespace kubesim {

namespace
{
	std::string sha256(const std::string& text)
	{
		Poco::SHA2Engine engine(Poco::SHA2Engine::SHA_256);
		engine.update(text);
		return Poco::DigestEngine::digestToHex(engine.digest());
	}

	Object::Ptr condition(const std::string& type, bool status, const std::string& reason, const std::string& at)
	{
		Object::Ptr entry = new Object;
		entry->set("type", type);
		entry->set("status", status ? "True" : "False");
		entry->set("lastProbeTime", Poco::Dynamic::Var());
		entry->set("lastTransitionTime", at);
		if (!reason.empty()) entry->set("reason", reason);
		return entry;
	}

	Array::Ptr conditions(bool ready, const std::string& reason, const std::string& at)
	{
		Array::Ptr list = new Array;
		list->add(condition("Initialized", true, reason.empty() ? "" : "PodCompleted", at));
		list->add(condition("Ready", ready, reason, at));
		list->add(condition("ContainersReady", ready, reason, at));
		list->add(condition("PodScheduled", true, "", at));
		return list;
	}

	Array::Ptr ipList(const std::string& ip)
	{
		Array::Ptr list = new Array;
		Object::Ptr entry = new Object;
		entry->set("ip", ip);
		list->add(entry);
		return list;
	}

	// One status per container; `state` is shared by all of them.
	Array::Ptr containerStatuses(const Object::Ptr& pod, const Object::Ptr& state, bool running)
	{
		Array::Ptr statuses = new Array;
		Array::Ptr containers = Json::array(Json::object(pod, "spec"), "containers");
		const std::string uid = Json::string(Json::object(pod, "metadata"), "uid");
		for (unsigned i = 0; containers && i < containers->size(); ++i)
		{
			Object::Ptr container = containers->getObject(i);
			const std::string name = Json::string(container, "name");
			const std::string image = Json::string(container, "image");
			Object::Ptr status = new Object;
			status->set("name", name);
			status->set("image", image);
			status->set("imageID", PodStatus::imageId(image));
			status->set("containerID", PodStatus::containerId(uid, name));
			status->set("ready", running);
			status->set("started", running);
			status->set("restartCount", 0);
			status->set("lastState", Object::Ptr(new Object));
			status->set("state", Json::deepCopy(state));
			statuses->add(status);
		}
		return statuses;
	}

	Object::Ptr baseStatus(const Object::Ptr& pod)
	{
		Object::Ptr status = Json::deepCopy(Json::object(pod, "status"));
		return status ? status : Object::Ptr(new Object);
	}
}

const std::string PodStatus::NODE_NAME = "kube-sim";
const std::string PodStatus::HOST_IP = "127.0.0.1";

std::string PodStatus::imageId(const std::string& image)
{
	return "sha256:" + sha256(image);
}

std::string PodStatus::containerId(const std::string& podUid, const std::string& container)
{
	return "containerd://" + sha256(podUid + "/" + container);
}

Object::Ptr PodStatus::running(const Object::Ptr& pod, const std::string& startedAt, const std::string& podIp)
{
	Object::Ptr status = baseStatus(pod);
	status->set("phase", "Running");
	status->set("conditions", conditions(true, "", startedAt));
	status->set("hostIP", HOST_IP);
	status->set("hostIPs", ipList(HOST_IP));
	status->set("podIP", podIp);
	status->set("podIPs", ipList(podIp));
	status->set("startTime", startedAt);
	Object::Ptr runningState = new Object;
	runningState->set("startedAt", startedAt);
	Object::Ptr state = new Object;
	state->set("running", runningState);
	status->set("containerStatuses", containerStatuses(pod, state, true));
	return status;
}

Object::Ptr PodStatus::terminated(const Object::Ptr& pod, const std::string& startedAt, const Termination& termination)
{
	const std::string now = Json::nowRfc3339();
	const bool succeeded = termination.exitCode == 0;
	Object::Ptr status = baseStatus(pod);
	status->set("phase", succeeded ? "Succeeded" : "Failed");
	status->set("conditions", conditions(false, succeeded ? "PodCompleted" : "PodFailed", now));
	if (!termination.podReason.empty()) status->set("reason", termination.podReason);
	if (!termination.podMessage.empty()) status->set("message", termination.podMessage);
	if (!status->has("startTime")) status->set("startTime", startedAt);
	Object::Ptr terminatedState = new Object;
	terminatedState->set("exitCode", termination.exitCode);
	terminatedState->set("reason", !termination.reason.empty() ? termination.reason : succeeded ? "Completed" : "Error");
	if (!termination.message.empty()) terminatedState->set("message", termination.message);
	terminatedState->set("startedAt", startedAt);
	terminatedState->set("finishedAt", now);
	Object::Ptr state = new Object;
	state->set("terminated", terminatedState);
	Array::Ptr statuses = containerStatuses(pod, state, false);
	for (unsigned i = 0; i < statuses->size(); ++i)
	{
		Object::Ptr entry = statuses->getObject(i);
		Json::object(Json::object(entry, "state"), "terminated")->set("containerID", Json::string(entry, "containerID"));
	}
	status->set("containerStatuses", statuses);
	return status;
}

} } // namespace sbomop::kubesim
