//
// CountingTarget.cpp
//

#include "CountingTarget.h"

namespace sbomop {
namespace bench {

CountingTarget::CountingTarget(const std::string& name, Counts& counts):
	_name(name),
	_counts(counts)
{
}

std::string CountingTarget::name() const
{
	return _name;
}

void CountingTarget::validate(const Poco::Util::AbstractConfiguration&) const
{
}

void CountingTarget::initialise(plugin::BackendContext&)
{
}

targets::Target::StoreResult CountingTarget::store(const plugin::ImageTask& image, const std::string& document, const targets::SbomFormat&)
{
	++_counts.stored;
	_counts.bytes += document.size();
	StoreResult result;
	result.stored = true;
	result.location = _name + ":" + image.imageId;
	return result;
}

std::vector<plugin::StoredImage> CountingTarget::storedImages()
{
	return {};
}

std::vector<plugin::ImageResult> CountingTarget::remove(const std::vector<std::string>& imageIds)
{
	std::vector<plugin::ImageResult> results;
	for (const std::string& id: imageIds)
	{
		plugin::ImageResult result;
		result.imageId = id;
		result.succeeded = true;
		results.push_back(result);
	}
	return results;
}

} } // namespace sbomop::bench
