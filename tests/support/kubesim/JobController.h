//
// JobController.h
//
// The batch/v1 Job controller (with the TTL-after-finished controller) for
// Jobs created through kube-sim's API: it creates the pods, counts their
// outcomes, writes the Job status the way Kubernetes does (counters,
// startTime, completionTime, conditions in the <=1.30 or 1.31+ order),
// enforces activeDeadlineSeconds and backoffLimit, deletes finished Jobs
// after ttlSecondsAfterFinished, and has its Kubelet run the pods.
//

#ifndef SBOMOP_KubeSim_JobController_INCLUDED
#define SBOMOP_KubeSim_JobController_INCLUDED

#include "kubesim/JobOptions.h"
#include "kubesim/Kubelet.h"
#include "kubesim/ObjectUpdater.h"
#include "kubesim/PodLogs.h"
#include "kubesim/RegistryObserver.h"
#include "kubesim/ResourceRegistry.h"
#include "kubesim/TaskScheduler.h"
#include <Poco/JSON/Object.h>
#include <functional>
#include <map>
#include <string>

namespace sbomop {
namespace kubesim {

class JobController: public RegistryObserver, private Kubelet::Listener
	/// One pod at a time per Job: a finished pod is replaced while
	/// completions are missing and failures stay within backoffLimit. Pods
	/// are named `<job>-<5 random>`, carry the template's labels and
	/// annotations, a controller ownerReference (blockOwnerDeletion) and the
	/// finalizer batch.kubernetes.io/job-tracking until counted. Suspended
	/// Jobs and seeded fixtures are left alone.
	///
	/// Every change is an API write through the registry (a new
	/// resourceVersion and a watch event each), made on the controller's own
	/// thread in the order the events happened. Thread-safe.
{
public:
	static const std::string TRACKING_FINALIZER;

	JobController(ResourceRegistry& registry, PodLogs& logs, const JobOptions& options);
	~JobController() override;
		/// stop().

	void start();
		/// Starts the worker thread (idempotent).

	void stop();
		/// Stops the worker, then every container (waiting for each).

	bool waitIdle(const Poco::Timespan& timeout);
		/// Waits until no work is pending (timers in the future count as pending).

	Kubelet& kubelet();

	void objectCreated(const ResourceInfo& resource, const StoredObjectPtr& object) override;
	void objectRemoved(const ResourceInfo& resource, const StoredObjectPtr& object) override;
	void deletionRequested(const ResourceInfo& resource, const StoredObjectPtr& object) override;
	void ownerReferencesWritten(const ResourceInfo& resource, const StoredObjectPtr& object) override;
		/// RegistryObserver: each schedules its work on the worker thread.

private:
	struct Record
		/// What the controller remembers of one running Job (worker thread only).
	{
		std::string ns;
		std::string name;
		std::string uid;
		int succeeded = 0;
		int failed = 0;
		std::string activePod;       ///< "" between pods and after the end
		std::string failureReason;   ///< decided (deadline) while a pod still terminates
		bool finished = false;
	};

	void podRunning(const std::string& ns, const std::string& pod, const std::string& ownerUid) override;
	void podFinished(const std::string& ns, const std::string& pod, const std::string& podUid, const std::string& ownerUid) override;

	void startJob(const std::string& ns, const std::string& name, const std::string& uid);
	void podReady(const std::string& jobUid, const std::string& pod);
	void podDone(const std::string& ns, const std::string& pod, const std::string& podUid, const std::string& jobUid);
	void deadlineReached(const std::string& jobUid);
	void forget(const std::string& jobUid);
	void podDeleting(const std::string& ns, const std::string& pod, const std::string& podUid);
	void expire(const std::string& ns, const std::string& name, const std::string& uid);

	Poco::JSON::Object::Ptr jobSpec(const Record& record) const;
	bool startPod(Record& record);
	void finish(Record& record, const std::string& failureReason);
	void writeStatus(const Record& record, const std::function<void(Poco::JSON::Object::Ptr status)>& change);
	void setCounters(Poco::JSON::Object::Ptr status, const Record& record) const;
	void after(const Poco::Timespan& delay, const std::function<void()>& work);

	ResourceRegistry& _registry;
	PodLogs& _logs;
	JobOptions _options;
	ObjectUpdater _updater;
	Kubelet _kubelet;
	TaskScheduler _scheduler;
	std::map<std::string, Record> _jobs;   ///< by Job uid; worker thread only
};

} } // namespace sbomop::kubesim

#endif // SBOMOP_KubeSim_JobController_INCLUDED
