//
// ScriptedBackend.cpp
//
// A backend plugin for the operator's integration tests. It appends every
// batch it receives as one JSON line to `scripted-output` (cycle id, and per
// image: id, digest, references, credentials' registry and user — never the
// password, only whether one was given — and the containers), waits
// `scripted-delay-ms` per batch (so tests can change the cluster mid-cycle),
// and fails every image whose reference matches the glob `scripted-fail`.
//

#include <sbomop/config/ConfigException.h>
#include <sbomop/config/ConfigSchema.h>
#include <sbomop/config/KeyDefinition.h>
#include <sbomop/core/StopToken.h>
#include <sbomop/plugin/PluginApi.h>
#include <Poco/Glob.h>
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/Logger.h>
#include <Poco/Util/AbstractConfiguration.h>
#include <fstream>

namespace {

const char* OUTPUT_KEY = "scripted-output";
const char* FAIL_KEY = "scripted-fail";
const char* DELAY_KEY = "scripted-delay-ms";

class ScriptedBackend: public sbomop::plugin::Backend
{
public:
	std::string name() const override
	{
		return "scripted";
	}

	std::string description() const override
	{
		return "scripted test backend: records batches, fails images matching scripted-fail";
	}

	void declareConfigKeys(sbomop::config::ConfigSchema& schema) const override
	{
		using K = sbomop::config::KeyDefinition;
		schema.add(K::stringKey(OUTPUT_KEY, "scripted", "", "File the scripted backend appends its batches to."));
		schema.add(K::stringKey(FAIL_KEY, "scripted", "", "Glob of image ids the scripted backend fails."));
		schema.add(K::integerKey(DELAY_KEY, "scripted", 0, 0, 600000, "Milliseconds the scripted backend takes per batch."));
	}

	void validate(const Poco::Util::AbstractConfiguration& config) const override
	{
		if (config.getString(OUTPUT_KEY, "").empty())
		{
			throw sbomop::config::ConfigException::missingValue(OUTPUT_KEY, "required by backend scripted");
		}
	}

	void start(sbomop::plugin::BackendContext& context) override
	{
		_output = context.config().getString(OUTPUT_KEY);
		_fail = context.config().getString(FAIL_KEY, "");
		_delay = context.config().getInt(DELAY_KEY, 0);
		context.logger().information("scripted backend started");
	}

	std::vector<sbomop::plugin::ImageResult> process(const sbomop::plugin::ImageBatch& batch, sbomop::StopToken& cancel) override
	{
		Poco::JSON::Object line;
		line.set("cycle", batch.cycleId);
		Poco::JSON::Array images;
		std::vector<sbomop::plugin::ImageResult> results;
		for (const auto& image: batch.images)
		{
			Poco::JSON::Object entry;
			entry.set("imageId", image.imageId);
			entry.set("digest", image.digest);
			entry.set("original", image.originalReference);
			entry.set("pull", image.pullReference);
			entry.set("registry", image.credentials.registry());
			entry.set("user", image.credentials.username());
			entry.set("hasPassword", !image.credentials.password().empty());
			Poco::JSON::Array containers;
			for (const auto& container: image.containers)
			{
				containers.add(container.namespaceName + "/" + container.podName + "/" + container.containerName + "/" + container.kind);
			}
			entry.set("containers", containers);
			images.add(entry);
			const bool fail = !_fail.empty() && Poco::Glob(_fail).match(image.imageId);
			results.push_back({ image.imageId, !fail, fail ? "scripted failure" : "" });
		}
		line.set("images", images);
		{
			std::ofstream out(_output, std::ios::app);
			line.stringify(out);
			out << '\n';
		}
		if (_delay > 0 && cancel.waitFor(_delay))
		{
			for (auto& result: results)
			{
				result.succeeded = false;
				result.message = "cancelled";
			}
		}
		return results;
	}

	void stop() override
	{
	}

private:
	std::string _output;
	std::string _fail;
	int _delay = 0;
};

} // namespace

SBOMOP_EXPORT_BACKEND(ScriptedBackend)
