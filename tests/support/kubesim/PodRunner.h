//
// PodRunner.h
//
// What kube-sim's kubelet hands a container runtime (PodLaunch: image,
// environment, mounts) and the interface of the runtimes: a bubblewrap
// sandbox for registered images, a simulated outcome for all others.
//

#ifndef SBOMOP_KubeSim_PodRunner_INCLUDED
#define SBOMOP_KubeSim_PodRunner_INCLUDED

#include "sbomop/core/Exception.h"
#include "sbomop/core/StopToken.h"
#include <functional>
#include <string>
#include <utility>
#include <vector>

namespace sbomop {
namespace kubesim {

POCO_DECLARE_EXCEPTION(, ContainerStartException, sbomop::SbomopException)
	/// The container cannot start (an unsupported spec, a missing Secret, a
	/// sandbox that fails to set up). The message says why; the pod fails
	/// with container reason StartError.

struct Mount
	/// One filesystem the container sees.
{
	std::string source;      ///< host path; "" for an empty writable tmpfs
	std::string target;      ///< absolute path in the container
	bool readOnly = true;
};

struct PodLaunch
	/// Everything a runner needs to start the first container of a pod. Value type.
{
	std::string ns;
	std::string pod;
	std::string container;
	std::string image;
	std::string imageDirectory;   ///< directory with entrypoint.sh ("" for a simulated outcome)
	std::vector<std::pair<std::string, std::string>> environment;   ///< the container's env, in order
	std::vector<Mount> mounts;
	std::string workingDir = "/";
};

class PodRunner
	/// Implementations are thread-safe: the kubelet runs several pods at once.
{
public:
	using Output = std::function<void(const std::string&)>;

	virtual ~PodRunner();

	virtual int run(const PodLaunch& launch, const StopToken& stop, const Output& output) = 0;
		/// Runs the container until it exits or `stop` is requested, which
		/// terminates it. Passes stdout and stderr to `output` as they come.
		/// Returns the exit code, 128 + the signal number when a signal ended
		/// it. Throws ContainerStartException when it cannot start.
};

} } // namespace sbomop::kubesim

#endif // SBOMOP_KubeSim_PodRunner_INCLUDED
