//
// Kubelet.h
//
// kube-sim's node agent for the pods of Jobs: reports a pod Running, runs its
// first container (a registered image's entrypoint in a bubblewrap sandbox,
// any other image as the configured default outcome), keeps the output as
// the pod log, stops the container when asked, and reports the pod
// Succeeded or Failed with the exit code.
//

#ifndef SBOMOP_KubeSim_Kubelet_INCLUDED
#define SBOMOP_KubeSim_Kubelet_INCLUDED

#include "kubesim/BubblewrapRunner.h"
#include "kubesim/DefaultOutcomeRunner.h"
#include "kubesim/JobOptions.h"
#include "kubesim/ObjectUpdater.h"
#include "kubesim/PodLogs.h"
#include "kubesim/PodStatus.h"
#include "kubesim/ResourceRegistry.h"
#include "sbomop/core/StopToken.h"
#include <atomic>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace sbomop {
namespace kubesim {

class Kubelet
	/// One thread per running pod. Thread-safe.
{
public:
	class Listener
		/// Called on the pod's thread after the status was written.
	{
	public:
		virtual ~Listener();
		virtual void podRunning(const std::string& ns, const std::string& pod, const std::string& ownerUid) = 0;
		virtual void podFinished(const std::string& ns, const std::string& pod, const std::string& podUid, const std::string& ownerUid) = 0;
			/// `ownerUid`: the uid of the pod's controller (ownerReference), or "".
	};

	Kubelet(ResourceRegistry& registry, PodLogs& logs, const JobOptions& options);
	~Kubelet();
		/// stop().

	void setListener(Listener* listener);
		/// Set before the first run(); not owned.

	void start();
		/// Accepts pods again after stop() (a new kubelet accepts them at once).

	void run(const StoredObjectPtr& pod);
		/// Starts the pod. Ignored when it runs already or the kubelet stopped.

	bool kill(const std::string& ns, const std::string& pod, const std::string& reason = "", const std::string& message = "");
		/// Stops the pod's container: SIGTERM, SIGKILL after the grace period.
		/// The pod then fails; a non-empty `reason` becomes its status.reason.
		/// Returns false when the pod does not run here.

	std::size_t running() const;
		/// Pods whose container has not finished yet.

	void stop();
		/// Stops every container and waits until each pod thread has cleaned
		/// up (sandbox ended, volume files removed, status written).

	static bool sameImage(const std::string& image, const std::string& registered);
		/// True when the references are equal as written or once normalised
		/// (`busybox` = `docker.io/library/busybox:latest`).

private:
	struct Run
	{
		StoredObjectPtr pod;
		sbomop::StopToken stop;
		std::string reason;
		std::string message;
		std::thread thread;
	};

	void execute(const std::shared_ptr<Run>& run);
	Termination runContainer(const std::shared_ptr<Run>& run);
	std::string runnerDirectory(const std::string& image) const;
	bool writeStatus(const StoredObject& pod, const std::function<Poco::JSON::Object::Ptr(const Poco::JSON::Object::Ptr&)>& status);
	void joinFinished();

	ResourceRegistry& _registry;
	PodLogs& _logs;
	JobOptions _options;
	ObjectUpdater _updater;
	BubblewrapRunner _sandbox;
	DefaultOutcomeRunner _simulated;
	Listener* _listener;
	mutable std::mutex _mutex;
	std::map<std::string, std::shared_ptr<Run>> _runs;   ///< by "<ns>/<pod>"
	std::vector<std::shared_ptr<Run>> _finished;         ///< threads to join
	bool _stopped;
	std::atomic<unsigned> _nextIp;
};

} } // namespace sbomop::kubesim

#endif // SBOMOP_KubeSim_Kubelet_INCLUDED
