//
// JobImageBackend.h
//
// The built-in backend that delegates SBOM generation and storage to a
// third-party job image, run as a Kubernetes Job per cycle (see
// job-images/SPEC.md).
//

#ifndef SBOMOP_JobImage_JobImageBackend_INCLUDED
#define SBOMOP_JobImage_JobImageBackend_INCLUDED

#include "sbomop/plugin/Backend.h"

namespace sbomop {
namespace jobimage {

class JobImageBackend: public plugin::Backend
	/// This build validates the job-image configuration but does not yet
	/// create the Secret and Job: every image is reported as failed, so no pod
	/// is annotated.
{
public:
	std::string name() const override;
	std::string description() const override;
	void validate(const Poco::Util::AbstractConfiguration& config) const override;
	void start(plugin::BackendContext& context) override;
	std::vector<plugin::ImageResult> process(const plugin::ImageBatch& batch, StopToken& cancel) override;
	void stop() override;
};

} } // namespace sbomop::jobimage

#endif // SBOMOP_JobImage_JobImageBackend_INCLUDED
