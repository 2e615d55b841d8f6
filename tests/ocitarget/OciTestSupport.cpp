//
// OciTestSupport.cpp
//

#include "OciTestSupport.h"
#include <Poco/Logger.h>

namespace sbomop {
namespace testing {

Poco::AutoPtr<Poco::Util::MapConfiguration> ociConfiguration(const std::map<std::string, std::string>& values)
{
	Poco::AutoPtr<Poco::Util::MapConfiguration> config = new Poco::Util::MapConfiguration;
	for (const auto& entry: values) config->setString(entry.first, entry.second);
	return config;
}

ContextHolder::ContextHolder(const std::map<std::string, std::string>& values):
	_config(ociConfiguration(values))
{
	_context.reset(new plugin::BackendContext(*_config, Poco::Logger::get("sbomop.test.oci"), _metrics, nullptr,
		"sbom-system", "test-cluster", _shutdown));
}

plugin::ImageTask imageTask(const std::string& repository, const std::string& hexSeed)
{
	std::string hex;
	while (hex.size() < 64) hex += hexSeed;
	hex.resize(64);
	plugin::ImageTask task;
	task.digest = "sha256:" + hex;
	task.imageId = "docker.io/" + repository + "@" + task.digest;
	task.originalReference = "docker.io/" + repository + ":1.0";
	task.pullReference = task.imageId;
	return task;
}

} } // namespace sbomop::testing
