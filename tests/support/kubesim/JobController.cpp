//
// JobController.cpp
//

#include "kubesim/JobController.h"
#include "kubesim/JobConditions.h"
#include "kubesim/Json.h"
#include "kubesim/ObjectPreparer.h"
#include "kubesim/PodStatus.h"
#include "kubesim/StatusError.h"
#include <Poco/JSON/Array.h>

using Poco::JSON::Array;
using Poco::JSON::Object;

namespace sbomop {
namespace kubesim {

namespace
{
	const ResourceInfo& jobs()
	{
		return ResourceCatalog::get("jobs");
	}

	const ResourceInfo& pods()
	{
		return ResourceCatalog::get("pods");
	}

	Poco::Int64 number(const Object::Ptr& spec, const std::string& field, Poco::Int64 fallback)
	{
		if (!spec || !spec->has(field) || !Json::isNumber(spec->get(field))) return fallback;
		return spec->get(field).convert<Poco::Int64>();
	}
}

const std::string JobController::TRACKING_FINALIZER = "batch.kubernetes.io/job-tracking";

JobController::JobController(ResourceRegistry& registry, PodLogs& logs, const JobOptions& options):
	_registry(registry),
	_logs(logs),
	_options(options),
	_updater(registry),
	_kubelet(registry, logs, options)
{
	_kubelet.setListener(this);
}

JobController::~JobController()
{
	stop();
}

void JobController::start()
{
	_kubelet.start();
	_scheduler.start();
}

void JobController::stop()
{
	_scheduler.stop();
	_kubelet.stop();
}

bool JobController::waitIdle(const Poco::Timespan& timeout)
{
	return _scheduler.waitIdle(timeout);
}

Kubelet& JobController::kubelet()
{
	return _kubelet;
}

void JobController::after(const Poco::Timespan& delay, const std::function<void()>& work)
{
	_scheduler.schedule(delay, work);
}

void JobController::objectCreated(const ResourceInfo& resource, const StoredObjectPtr& object)
{
	if (resource.kind != "Job") return;
	const std::string ns = object->ns;
	const std::string name = object->name;
	const std::string uid = object->uid;
	after(Poco::Timespan(), [this, ns, name, uid] { startJob(ns, name, uid); });
}

void JobController::objectRemoved(const ResourceInfo& resource, const StoredObjectPtr& object)
{
	if (resource.kind == "Job")
	{
		const std::string uid = object->uid;
		after(Poco::Timespan(), [this, uid] { forget(uid); });
	}
	else if (resource.kind == "Pod")
	{
		_kubelet.kill(object->ns, object->name);
		_logs.remove(object->ns, object->name);
	}
}

void JobController::deletionRequested(const ResourceInfo& resource, const StoredObjectPtr& object)
{
	const std::string ns = object->ns;
	const std::string name = object->name;
	const std::string uid = object->uid;
	if (resource.kind == "Job") after(Poco::Timespan(), [this, uid] { forget(uid); });
	else if (resource.kind == "Pod") after(Poco::Timespan(), [this, ns, name, uid] { podDeleting(ns, name, uid); });
}

void JobController::ownerReferencesWritten(const ResourceInfo&, const StoredObjectPtr&)
{
	// The garbage collector's business.
}

void JobController::podRunning(const std::string&, const std::string& pod, const std::string& ownerUid)
{
	after(Poco::Timespan(), [this, ownerUid, pod] { podReady(ownerUid, pod); });
}

void JobController::podFinished(const std::string& ns, const std::string& pod, const std::string& podUid, const std::string& ownerUid)
{
	after(Poco::Timespan(), [this, ns, pod, podUid, ownerUid] { podDone(ns, pod, podUid, ownerUid); });
}

Object::Ptr JobController::jobSpec(const Record& record) const
{
	StoredObjectPtr job = _registry.store().get(jobs(), record.ns, record.name);
	if (!job || job->uid != record.uid) return nullptr;
	return Json::object(job->object, "spec");
}

void JobController::writeStatus(const Record& record, const std::function<void(Object::Ptr status)>& change)
{
	try
	{
		_updater.update(jobs(), record.ns, record.name, record.uid, [&](Object::Ptr job)
		{
			change(Json::ensureObject(job, "status"));
			return true;
		}, true);
	}
	catch (StatusError&)
	{
		// The Job went away or changed beyond recognition: nobody to report to.
	}
}

void JobController::setCounters(Object::Ptr status, const Record& record) const
{
	JobConditions::setCount(status, "active", record.activePod.empty() ? 0 : 1);
	JobConditions::setCount(status, "succeeded", record.succeeded);
	JobConditions::setCount(status, "failed", record.failed);
	// `ready` is a pointer in the API type and shows when 0.
	status->set("ready", 0);
	if (_options.conditions == JobConditionStyle::V1_31) status->set("terminating", 0);
	status->set("uncountedTerminatedPods", Object::Ptr(new Object));
}

void JobController::startJob(const std::string& ns, const std::string& name, const std::string& uid)
{
	StoredObjectPtr job = _registry.store().get(jobs(), ns, name);
	if (!job || job->uid != uid || ObjectPreparer::beingDeleted(job->object) || _jobs.count(uid)) return;
	Object::Ptr spec = Json::object(job->object, "spec");
	if (Json::string(spec, "suspend") == "true") return;
	Record& record = _jobs[uid];
	record.ns = ns;
	record.name = name;
	record.uid = uid;
	const std::string startTime = Json::nowRfc3339();
	startPod(record);
	writeStatus(record, [&](Object::Ptr status)
	{
		status->set("startTime", startTime);
		setCounters(status, record);
	});
	const Poco::Int64 deadline = number(spec, "activeDeadlineSeconds", 0);
	if (deadline > 0) after(Poco::Timespan(static_cast<long>(deadline), 0), [this, uid] { deadlineReached(uid); });
}

bool JobController::startPod(Record& record)
{
	Object::Ptr spec = jobSpec(record);
	Object::Ptr podTemplate = Json::object(spec, "template");
	if (!podTemplate) return false;
	Object::Ptr templateMetadata = Json::object(podTemplate, "metadata");
	Object::Ptr pod = new Object;
	pod->set("apiVersion", "v1");
	pod->set("kind", "Pod");
	Object::Ptr metadata = Json::metadata(pod);
	metadata->set("generateName", record.name + "-");
	for (const char* field: {"labels", "annotations"})
	{
		if (Json::object(templateMetadata, field)) metadata->set(field, Json::deepCopy(Json::object(templateMetadata, field)));
	}
	Object::Ptr owner = new Object;
	owner->set("apiVersion", jobs().apiVersion());
	owner->set("kind", "Job");
	owner->set("name", record.name);
	owner->set("uid", record.uid);
	owner->set("controller", true);
	owner->set("blockOwnerDeletion", true);
	Array::Ptr owners = new Array;
	owners->add(owner);
	metadata->set("ownerReferences", owners);
	Array::Ptr finalizers = new Array;
	finalizers->add(TRACKING_FINALIZER);
	metadata->set("finalizers", finalizers);
	Object::Ptr podSpec = Json::deepCopy(Json::object(podTemplate, "spec"));
	if (!podSpec) podSpec = new Object;
	podSpec->set("nodeName", PodStatus::NODE_NAME);   // scheduled at once, onto kube-sim's one node
	pod->set("spec", podSpec);
	ResourceRegistry::WriteOptions options;
	options.fieldValidation = FieldValidation::Directive::Ignore;
	try
	{
		ResourceRegistry::WriteResult created = _registry.create(pods(), record.ns, pod, options);
		record.activePod = created.object->name;
		_kubelet.run(created.object);
		return true;
	}
	catch (StatusError&)
	{
		// E.g. the namespace terminates: the Job stays without an active pod.
		return false;
	}
}

void JobController::podReady(const std::string& jobUid, const std::string& pod)
{
	auto it = _jobs.find(jobUid);
	if (it == _jobs.end() || it->second.finished || it->second.activePod != pod) return;
	writeStatus(it->second, [](Object::Ptr status) { status->set("ready", 1); });
}

void JobController::podDone(const std::string& ns, const std::string& pod, const std::string& podUid, const std::string& jobUid)
{
	try
	{
		_updater.removeFinalizer(pods(), ns, pod, podUid, TRACKING_FINALIZER);
	}
	catch (StatusError&)
	{
		// Gone already.
	}
	auto it = _jobs.find(jobUid);
	if (it == _jobs.end() || it->second.finished || it->second.activePod != pod) return;
	Record& record = it->second;
	record.activePod.clear();
	StoredObjectPtr stored = _registry.store().get(pods(), ns, pod);
	const bool succeeded = stored && stored->uid == podUid && Json::string(Json::object(stored->object, "status"), "phase") == "Succeeded";
	Object::Ptr spec = jobSpec(record);
	if (!spec) return;
	if (succeeded && record.failureReason.empty())
	{
		if (++record.succeeded >= number(spec, "completions", 1))
		{
			finish(record, "");
			return;
		}
	}
	else if (++record.failed > number(spec, "backoffLimit", 6) || !record.failureReason.empty())
	{
		// A deadline decided before the pod ended wins over the backoff limit.
		finish(record, record.failureReason.empty() ? JobConditions::BACKOFF_LIMIT_EXCEEDED : record.failureReason);
		return;
	}
	startPod(record);
	writeStatus(record, [&](Object::Ptr status) { setCounters(status, record); });
}

void JobController::finish(Record& record, const std::string& failureReason)
{
	record.finished = true;
	record.activePod.clear();
	const bool succeeded = failureReason.empty();
	// 1.31+ first decides (SuccessCriteriaMet / FailureTarget), then ends.
	if (_options.conditions == JobConditionStyle::V1_31)
	{
		writeStatus(record, [&](Object::Ptr status)
		{
			setCounters(status, record);
			if (succeeded) JobConditions::add(status, "SuccessCriteriaMet", JobConditions::COMPLETIONS_REACHED);
			else JobConditions::add(status, "FailureTarget", failureReason);
		});
	}
	writeStatus(record, [&](Object::Ptr status)
	{
		setCounters(status, record);
		if (!succeeded)
		{
			JobConditions::add(status, "Failed", failureReason);
			return;
		}
		// Before 1.31 Complete carries neither reason nor message.
		const bool legacy = _options.conditions == JobConditionStyle::Legacy;
		JobConditions::add(status, "Complete", legacy ? std::string() : JobConditions::COMPLETIONS_REACHED);
		status->set("completionTime", Json::nowRfc3339());
	});
	const Poco::Int64 ttl = number(jobSpec(record), "ttlSecondsAfterFinished", -1);
	if (ttl < 0) return;
	const std::string ns = record.ns;
	const std::string name = record.name;
	const std::string uid = record.uid;
	after(Poco::Timespan(static_cast<long>(ttl), 0), [this, ns, name, uid] { expire(ns, name, uid); });
}

void JobController::deadlineReached(const std::string& jobUid)
{
	auto it = _jobs.find(jobUid);
	if (it == _jobs.end() || it->second.finished) return;
	Record& record = it->second;
	const std::string& reason = JobConditions::DEADLINE_EXCEEDED;
	record.failureReason = reason;
	if (record.activePod.empty())
	{
		finish(record, reason);
		return;
	}
	// 1.31+: the failure is decided now; Failed follows once the pod is gone.
	if (_options.conditions == JobConditionStyle::V1_31)
		writeStatus(record, [&](Object::Ptr status) { JobConditions::add(status, "FailureTarget", reason); });
	_kubelet.kill(record.ns, record.activePod, reason, JobConditions::message(reason));
}

void JobController::forget(const std::string& jobUid)
{
	auto it = _jobs.find(jobUid);
	if (it == _jobs.end()) return;
	if (!it->second.activePod.empty()) _kubelet.kill(it->second.ns, it->second.activePod);
	_jobs.erase(it);
}

void JobController::podDeleting(const std::string& ns, const std::string& pod, const std::string& podUid)
{
	// A running pod is released once its container has stopped (podDone).
	if (_kubelet.kill(ns, pod)) return;
	try
	{
		_updater.removeFinalizer(pods(), ns, pod, podUid, TRACKING_FINALIZER);
	}
	catch (StatusError&)
	{
		// Gone already.
	}
}

void JobController::expire(const std::string& ns, const std::string& name, const std::string& uid)
{
	// The TTL-after-finished controller deletes with Foreground propagation.
	DeleteOptions options;
	options.propagationPolicy = "Foreground";
	options.preconditionUid = uid;
	try
	{
		_registry.remove(jobs(), ns, name, options);
	}
	catch (StatusError&)
	{
		// Deleted or replaced meanwhile.
	}
}

} } // namespace sbomop::kubesim
