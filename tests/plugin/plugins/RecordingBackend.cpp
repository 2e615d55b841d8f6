//
// RecordingBackend.cpp
//
// A backend plugin for the plugin-host tests: it records the calls it receives
// and succeeds for every image, except images whose reference contains "fail".
//

#include "sbomop/plugin/PluginApi.h"
#include <Poco/Logger.h>

namespace {

class RecordingBackend: public sbomop::plugin::Backend
{
public:
	std::string name() const override { return "recording"; }
	std::string description() const override { return "test backend that records its calls"; }
	void validate(const Poco::Util::AbstractConfiguration&) const override {}
	void start(sbomop::plugin::BackendContext& context) override
	{
		context.logger().information("recording backend started");
		_started = true;
	}
	std::vector<sbomop::plugin::ImageResult> process(const sbomop::plugin::ImageBatch& batch, sbomop::StopToken&) override
	{
		std::vector<sbomop::plugin::ImageResult> results;
		for (const auto& image: batch.images)
		{
			sbomop::plugin::ImageResult result;
			result.imageId = image.imageId;
			result.succeeded = _started && image.imageId.find("fail") == std::string::npos;
			result.message = result.succeeded ? "" : "asked to fail";
			results.push_back(result);
		}
		return results;
	}
	void stop() override { _started = false; }

private:
	bool _started = false;
};

} // namespace

SBOMOP_EXPORT_BACKEND(RecordingBackend)
