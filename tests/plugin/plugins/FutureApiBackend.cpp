//
// FutureApiBackend.cpp
//
// A plugin built for another plugin API version (999): the host must refuse it
// with a message naming both versions.
//

#include "sbomop/plugin/PluginApi.h"

namespace {

class FutureBackend: public sbomop::plugin::Backend
{
public:
	std::string name() const override { return "future"; }
	std::string description() const override { return "built for another API"; }
	void validate(const Poco::Util::AbstractConfiguration&) const override {}
	void start(sbomop::plugin::BackendContext&) override {}
	std::vector<sbomop::plugin::ImageResult> process(const sbomop::plugin::ImageBatch&, sbomop::StopToken&) override { return {}; }
	void stop() override {}
};

} // namespace

extern "C" POCO_LIBRARY_API const SbomopPluginInfo* sbomopPluginInfo()
{
	static const SbomopPluginInfo info = { 999, "9.9.0", "FutureBackend" };
	return &info;
}

POCO_BEGIN_NAMED_MANIFEST(SbomopBackendApi999, sbomop::plugin::Backend)
	POCO_EXPORT_CLASS(FutureBackend)
POCO_END_MANIFEST
