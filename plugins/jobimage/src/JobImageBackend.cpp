//
// JobImageBackend.cpp
//

#include "sbomop/jobimage/JobImageBackend.h"
#include "sbomop/config/BuiltinKeys.h"
#include "sbomop/config/ConfigException.h"
#include "sbomop/plugin/PluginApi.h"
#include <Poco/Logger.h>
#include <Poco/Util/AbstractConfiguration.h>

namespace sbomop {
namespace jobimage {

using config::BuiltinKeys;

std::string JobImageBackend::name() const
{
	return "jobimage";
}

std::string JobImageBackend::description() const
{
	return "jobimage backend (minimal build: configuration is validated, but no Job is created yet; "
		"every image is reported as failed and no pod is annotated)";
}

void JobImageBackend::validate(const Poco::Util::AbstractConfiguration& config) const
{
	if (config.getString(BuiltinKeys::JOB_IMAGE, "").empty())
	{
		throw config::ConfigException::missingValue(BuiltinKeys::JOB_IMAGE, "required by backend jobimage");
	}
}

void JobImageBackend::start(plugin::BackendContext& context)
{
	context.logger().warning("%s", description());
}

std::vector<plugin::ImageResult> JobImageBackend::process(const plugin::ImageBatch& batch, StopToken&)
{
	std::vector<plugin::ImageResult> results;
	results.reserve(batch.images.size());
	for (const auto& image: batch.images)
	{
		results.push_back({ image.imageId, false, "job-image processing is not available in this build" });
	}
	return results;
}

void JobImageBackend::stop()
{
}

} } // namespace sbomop::jobimage

SBOMOP_EXPORT_BACKEND(sbomop::jobimage::JobImageBackend)
