//
// Backend.cpp
//
// Out-of-line members so that Backend's vtable and typeinfo live in libsbomop,
// which the host and every plugin share.
//

#include "sbomop/plugin/Backend.h"

namespace sbomop {
namespace plugin {

Backend::Backend() = default;

Backend::~Backend() = default;

void Backend::declareConfigKeys(config::ConfigSchema&) const
{
}

bool Backend::supportsOrphans() const
{
	return false;
}

std::vector<StoredImage> Backend::storedImages()
{
	return {};
}

std::vector<ImageResult> Backend::removeImages(const std::vector<std::string>&)
{
	return {};
}

} } // namespace sbomop::plugin
