//
// SyftBackend.h
//
// The built-in default backend: generates SBOMs with the Syft CLI and stores
// them in the configured targets (git, dtrack, oci, configmap).
//

#ifndef SBOMOP_Syft_SyftBackend_INCLUDED
#define SBOMOP_Syft_SyftBackend_INCLUDED

#include "sbomop/plugin/Backend.h"

namespace sbomop {
namespace syft {

class SyftBackend: public plugin::Backend
	/// This build validates the syft backend's configuration (targets and
	/// their required keys) but does not yet run Syft or store SBOMs: every
	/// image is reported as failed, so nothing is ever annotated by mistake.
{
public:
	std::string name() const override;
	std::string description() const override;
	void validate(const Poco::Util::AbstractConfiguration& config) const override;
	void start(plugin::BackendContext& context) override;
	std::vector<plugin::ImageResult> process(const plugin::ImageBatch& batch, StopToken& cancel) override;
	void stop() override;

private:
	plugin::BackendContext* _context = nullptr;
};

} } // namespace sbomop::syft

#endif // SBOMOP_Syft_SyftBackend_INCLUDED
