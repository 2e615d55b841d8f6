//
// OperatorApplication.h
//
// The host process `sbom-operator`: a Poco ServerApplication that validates
// its configuration and backend plugin before anything starts (exit code 78
// on any configuration error), then serves /health, /readyz and /metrics,
// starts the backend and runs the operator until SIGTERM/SIGINT.
//

#ifndef SBOMOP_App_OperatorApplication_INCLUDED
#define SBOMOP_App_OperatorApplication_INCLUDED

#include "sbomop/Sbomop.h"
#include "sbomop/app/OperatorSetup.h"
#include <Poco/Util/ServerApplication.h>
#include <memory>

namespace sbomop {
namespace app {

class SBOMOP_API OperatorApplication: public Poco::Util::ServerApplication
{
public:
	static int run(int argc, char** argv);
		/// The whole program: parses and validates the configuration (prints
		/// help or version when asked), then runs the application. Returns
		/// the process exit code: 0 after a clean stop, 78 (EX_CONFIG) for
		/// configuration and plugin errors, 70 (EX_SOFTWARE) when a required
		/// service cannot start.

	explicit OperatorApplication(std::unique_ptr<OperatorSetup> setup);
	~OperatorApplication() override;

protected:
	int main(const std::vector<std::string>& args) override;

private:
	std::unique_ptr<OperatorSetup> _setup;
};

} } // namespace sbomop::app

#endif // SBOMOP_App_OperatorApplication_INCLUDED
