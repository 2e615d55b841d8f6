//
// BubblewrapRunner.h
//
// Runs the entrypoint of a registered job image (`<dir>/entrypoint.sh`) in a
// bubblewrap sandbox that looks like a container: the host's top-level
// folders read-only, fresh /dev, /proc, /tmp and /run, the pod's volumes at
// their mount paths, the container's environment and nothing else, its own
// PID, IPC and UTS namespaces, the host's (loopback) network.
//

#ifndef SBOMOP_KubeSim_BubblewrapRunner_INCLUDED
#define SBOMOP_KubeSim_BubblewrapRunner_INCLUDED

#include "kubesim/PodRunner.h"
#include <Poco/Timespan.h>
#include <string>
#include <vector>

namespace sbomop {
namespace kubesim {

class BubblewrapRunner: public PodRunner
	/// bwrap's root is a tmpfs, so a mount point such as /sbom never touches
	/// the host: every top-level host folder is bound read-only and every
	/// top-level symlink (/bin -> usr/bin) re-created. Thread-safe.
{
public:
	static const std::string DEFAULT_PATH;
		///< PATH in the container unless its env sets one
	static const std::string DEFAULT_HOME;
		///< HOME in the container unless its env sets one

	BubblewrapRunner(const std::string& bubblewrap, const Poco::Timespan& killGrace);
		/// `bubblewrap`: the bwrap executable, a path or a name looked up on PATH.

	int run(const PodLaunch& launch, const StopToken& stop, const Output& output) override;
		/// Throws ContainerStartException when bwrap or entrypoint.sh is
		/// missing or bwrap cannot be started.

	std::vector<std::string> arguments(const PodLaunch& launch) const;
		/// The bwrap command line for `launch` (argv[0] is bwrap). The
		/// environment is not part of it: it is handed over as bwrap's own
		/// environment, so no value ever shows in a command line.

	static std::vector<std::string> environment(const PodLaunch& launch);
		/// "NAME=value" entries: PATH and HOME defaults, then the container's env
		/// (a later entry of the same name wins).

private:
	std::string executable() const;

	std::string _bubblewrap;
	Poco::Timespan _killGrace;
};

} } // namespace sbomop::kubesim

#endif // SBOMOP_KubeSim_BubblewrapRunner_INCLUDED
