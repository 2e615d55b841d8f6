//
// OperatorApplication.h
//
// The host process `sbom-operator`: a Poco ServerApplication that validates
// its configuration and backend plugin before anything starts (exit code 78
// on any configuration error), then serves /health, /readyz and /metrics,
// starts the backend and runs the operator until SIGTERM/SIGINT.
//
// With leader election on, only the replica holding the Lease starts the
// backend, the reflectors and cycles; /health answers 200 on every replica,
// /readyz 503 until this replica leads and has synced (a follower cannot
// serve: it does no work). A leader that loses the Lease stops all work and
// exits with 75 (EX_TEMPFAIL) so that Kubernetes restarts it clean; if the
// work does not stop within 3/4 of (lease duration - renew deadline) it ends
// the process at once, still before another replica may take over.
//

#ifndef SBOMOP_App_OperatorApplication_INCLUDED
#define SBOMOP_App_OperatorApplication_INCLUDED

#include "sbomop/Sbomop.h"
#include "sbomop/app/OperatorSetup.h"
#include "sbomop/core/StopToken.h"
#include "sbomop/election/LeaderElector.h"
#include "sbomop/kube/KubeClientSettings.h"
#include <Poco/Util/ServerApplication.h>
#include <memory>

namespace sbomop {
namespace http { class HealthServer; class MetricsRegistry; }
namespace app {

class SBOMOP_API OperatorApplication: public Poco::Util::ServerApplication
{
public:
	static int run(int argc, char** argv);
		/// The whole program: parses and validates the configuration (prints
		/// help or version when asked), then runs the application. Returns
		/// the process exit code: 0 after a clean stop, 78 (EX_CONFIG) for
		/// configuration and plugin errors, 70 (EX_SOFTWARE) when a required
		/// service cannot start, 75 (EX_TEMPFAIL) after lost leadership.

	explicit OperatorApplication(std::unique_ptr<OperatorSetup> setup);
	~OperatorApplication() override;

protected:
	int main(const std::vector<std::string>& args) override;

private:
	std::unique_ptr<election::LeaderElector> startElection(const std::string& operatorNamespace,
		const kube::KubeClientSettings& clientSettings, http::MetricsRegistry& metrics, http::HealthServer& health, StopToken& work);
		/// Starts competing for the Lease in `operatorNamespace`; lost
		/// leadership stops `work`, makes /readyz 503 and arms the exit timer.

	std::unique_ptr<OperatorSetup> _setup;
};

} } // namespace sbomop::app

#endif // SBOMOP_App_OperatorApplication_INCLUDED
