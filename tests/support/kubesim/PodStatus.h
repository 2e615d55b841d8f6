//
// PodStatus.h
//
// The pod status kube-sim's kubelet reports for the pods it runs: Running
// with Ready conditions and running containers, then Succeeded or Failed with
// terminated containers, exit code and reason.
//

#ifndef SBOMOP_KubeSim_PodStatus_INCLUDED
#define SBOMOP_KubeSim_PodStatus_INCLUDED

#include <Poco/JSON/Object.h>
#include <string>

namespace sbomop {
namespace kubesim {

struct Termination
	/// How a pod's container ended. Value type.
{
	int exitCode = 0;
	std::string reason;       ///< container reason; "" = Completed (0) or Error
	std::string message;      ///< container message ("" = none)
	std::string podReason;    ///< status.reason of the pod ("" = none), e.g. DeadlineExceeded
	std::string podMessage;
};

class PodStatus
	/// Stateless, thread-safe. Every container of the pod is reported with
	/// the state of the one that runs (the first).
{
public:
	static const std::string NODE_NAME;
		///< spec.nodeName of the pods kube-sim runs
	static const std::string HOST_IP;

	static Poco::JSON::Object::Ptr running(const Poco::JSON::Object::Ptr& pod, const std::string& startedAt, const std::string& podIp);
		/// Phase Running, Ready, containers running since `startedAt`.

	static Poco::JSON::Object::Ptr terminated(const Poco::JSON::Object::Ptr& pod, const std::string& startedAt, const Termination& termination);
		/// Phase Succeeded (exit code 0) or Failed, containers terminated now.
		/// Keeps the pod's IPs and startTime.

	static std::string imageId(const std::string& image);
		/// "sha256:" + the SHA-256 of the image reference (hex): a stable fake digest.

	static std::string containerId(const std::string& podUid, const std::string& container);
		/// "containerd://" + 64 hex digits derived from pod uid and container name.
};

} } // namespace sbomop::kubesim

#endif // SBOMOP_KubeSim_PodStatus_INCLUDED
