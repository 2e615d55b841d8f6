//
// SyftBackend.cpp
//

#include "sbomop/syft/SyftBackend.h"
#include "sbomop/plugin/PluginApi.h"
#include "sbomop/syft/TargetRequirements.h"
#include <Poco/Logger.h>

namespace sbomop {
namespace syft {

std::string SyftBackend::name() const
{
	return "syft";
}

std::string SyftBackend::description() const
{
	return "syft backend (minimal build: configuration is validated, but Syft is not run and no target "
		"stores SBOMs yet; every image is reported as failed and no pod is annotated)";
}

void SyftBackend::validate(const Poco::Util::AbstractConfiguration& config) const
{
	TargetRequirements::check(config);
}

void SyftBackend::start(plugin::BackendContext& context)
{
	_context = &context;
	context.logger().warning("%s", description());
}

std::vector<plugin::ImageResult> SyftBackend::process(const plugin::ImageBatch& batch, StopToken&)
{
	std::vector<plugin::ImageResult> results;
	results.reserve(batch.images.size());
	for (const auto& image: batch.images)
	{
		results.push_back({ image.imageId, false, "SBOM generation with Syft is not available in this build" });
	}
	return results;
}

void SyftBackend::stop()
{
	_context = nullptr;
}

} } // namespace sbomop::syft

SBOMOP_EXPORT_BACKEND(sbomop::syft::SyftBackend)
