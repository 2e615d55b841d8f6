//
// Inventory.cpp
//

#include "sbomop/controller/Inventory.h"
#include "sbomop/image/ImageException.h"
#include "sbomop/plugin/OperatorLabels.h"
#include <Poco/Logger.h>

namespace sbomop {
namespace controller {

Inventory::Inventory(Poco::Logger& logger):
	_logger(logger)
{
}

void Inventory::addPod(const kube::PodInfo& pod)
{
	if (!pod.deletionTimestamp.empty()) return;
	// The operator's own workers (scan Jobs' pods) are not workloads.
	if (plugin::OperatorLabels::managedByOperator(pod.labels)) return;
	for (const auto& status: pod.containerStatuses)
	{
		if (status.imageID.empty()) continue;
		// The spec image carries the tag the user asked for; the status image
		// is the runtime's (possibly rewritten) view and only a fallback.
		auto spec = pod.specImages.find(status.name);
		const std::string& specText = spec != pod.specImages.end() ? spec->second : status.image;
		try
		{
			ContainerUsage usage;
			usage.pod = &pod;
			usage.containerName = status.name;
			usage.kind = status.kind;
			usage.specImage = image::ImageReference::parse(specText);
			auto id = image::ImageId::parse(status.imageID, usage.specImage);
			if (!id) continue;
			auto it = _images.find(id->string());
			if (it == _images.end())
			{
				it = _images.emplace(id->string(), InventoryImage{ *id, {} }).first;
			}
			it->second.usages.push_back(std::move(usage));
			++_containers;
		}
		catch (image::ImageException& exc)
		{
			++_malformed;
			_logger.warning("skipping container %s of pod %s/%s: %s",
				status.name, pod.namespaceName, pod.name, exc.message());
		}
	}
}

const std::map<std::string, InventoryImage>& Inventory::images() const
{
	return _images;
}

std::size_t Inventory::containerCount() const
{
	return _containers;
}

std::size_t Inventory::malformedCount() const
{
	return _malformed;
}

} } // namespace sbomop::controller
