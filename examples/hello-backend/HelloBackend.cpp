//
// HelloBackend.cpp
//
// The smallest useful backend: it declares its own configuration key and
// records every pending image (with the pods running it) as one JSON line in
// <hello-output-dir>/images.jsonl, reporting each image as done.
//

#include <sbomop/config/ConfigException.h>
#include <sbomop/config/ConfigSchema.h>
#include <sbomop/config/KeyDefinition.h>
#include <sbomop/plugin/PluginApi.h>
#include <Poco/File.h>
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/Logger.h>
#include <Poco/Util/AbstractConfiguration.h>
#include <fstream>

namespace {

const char* OUTPUT_DIR_KEY = "hello-output-dir";

class HelloBackend: public sbomop::plugin::Backend
{
public:
	std::string name() const override
	{
		return "hello";
	}

	std::string description() const override
	{
		return "hello backend: records pending images as JSON lines";
	}

	void declareConfigKeys(sbomop::config::ConfigSchema& schema) const override
	{
		schema.add(sbomop::config::KeyDefinition::stringKey(OUTPUT_DIR_KEY, "hello", "",
			"Directory where the hello backend writes images.jsonl."));
	}

	void validate(const Poco::Util::AbstractConfiguration& config) const override
	{
		if (config.getString(OUTPUT_DIR_KEY, "").empty())
		{
			throw sbomop::config::ConfigException::missingValue(OUTPUT_DIR_KEY, "required by backend hello");
		}
	}

	void start(sbomop::plugin::BackendContext& context) override
	{
		_outputDir = context.config().getString(OUTPUT_DIR_KEY);
		Poco::File(_outputDir).createDirectories();
		_logger = &context.logger();
		_logger->information("hello backend started, writing to %s", _outputDir);
	}

	std::vector<sbomop::plugin::ImageResult> process(const sbomop::plugin::ImageBatch& batch, sbomop::StopToken&) override
	{
		std::ofstream out(_outputDir + "/images.jsonl", std::ios::app);
		std::vector<sbomop::plugin::ImageResult> results;
		for (const auto& image: batch.images)
		{
			Poco::JSON::Object line;
			line.set("image", image.imageId);
			Poco::JSON::Array pods;
			for (const auto& container: image.containers)
			{
				pods.add(container.namespaceName + "/" + container.podName + "/" + container.containerName);
			}
			line.set("pods", pods);
			line.stringify(out);
			out << '\n';
			results.push_back({ image.imageId, static_cast<bool>(out), out ? "" : "cannot write images.jsonl" });
		}
		_logger->information("hello backend recorded %z images", batch.images.size());
		return results;
	}

	void stop() override
	{
	}

private:
	std::string _outputDir;
	Poco::Logger* _logger = nullptr;
};

} // namespace

SBOMOP_EXPORT_BACKEND(HelloBackend)
