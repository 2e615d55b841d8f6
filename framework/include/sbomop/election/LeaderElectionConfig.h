//
// LeaderElectionConfig.h
//
// The settings of leader election through a coordination.k8s.io/v1 Lease:
// whether it is on, the lease's name and namespace, this replica's identity
// and the three durations of client-go's algorithm.
//

#ifndef SBOMOP_Election_LeaderElectionConfig_INCLUDED
#define SBOMOP_Election_LeaderElectionConfig_INCLUDED

#include "sbomop/Sbomop.h"
#include <Poco/Timespan.h>
#include <string>

namespace sbomop {
namespace config { class Settings; }
namespace election {

struct SBOMOP_API LeaderElectionConfig
	/// A plain value; copy it freely. The defaults are client-go's
	/// (15 s / 10 s / 2 s).
{
	static constexpr double JITTER_FACTOR = 1.2;
		/// Failed acquisitions wait retryPeriod plus up to this factor of it
		/// (client-go's JitterFactor); the renew deadline must leave room for
		/// one such wait.

	bool enabled = false;
		/// Whether the operator elects a leader at all.
	std::string leaseName = "sbom-operator";
	std::string leaseNamespace = "default";
	std::string identity;
		/// The holderIdentity this replica writes; see defaultIdentity().
	Poco::Timespan leaseDuration{15, 0};
		/// How long followers wait, after they last saw the lease change,
		/// before taking it over. Written (rounded up to whole seconds) as
		/// spec.leaseDurationSeconds.
	Poco::Timespan renewDeadline{10, 0};
		/// How long the leader keeps trying to renew before it gives up.
	Poco::Timespan retryPeriod{2, 0};
		/// Time between two acquisition or renewal attempts.
	bool releaseOnCancel = true;
		/// Whether LeaderElector::stop() hands the lease back (holderIdentity
		/// cleared, leaseDurationSeconds 1) so that a successor takes over at
		/// once.

	void validate() const;
		/// Throws config::ConfigException when the durations break client-go's
		/// constraints: lease duration > renew deadline > JITTER_FACTOR x retry
		/// period, all positive, or when the lease name or identity is empty.
		/// The message names the configuration keys involved.

	int leaseDurationSeconds() const;
		/// leaseDuration rounded up to whole seconds (at least 1).

	static LeaderElectionConfig fromSettings(const config::Settings& settings, bool inCluster);
		/// Reads leader-elect (auto: enabled exactly when `inCluster`),
		/// leader-elect-lease-name and the three durations (seconds), sets
		/// identity to defaultIdentity() and validates the result (also when
		/// disabled, so a bad value is always a startup error). The namespace
		/// stays "default": the caller sets the operator's namespace. Throws
		/// config::ConfigException.

	static std::string defaultIdentity();
		/// The environment variable POD_NAME (set through the downward API),
		/// else "<hostname>_<random suffix>", unique per process.
};

} } // namespace sbomop::election

#endif // SBOMOP_Election_LeaderElectionConfig_INCLUDED
