//
// ChurnPods.cpp
//

#include "ChurnPods.h"
#include "../seed/ClusterSeed.h"
#include <Poco/JSON/Array.h>
#include <sstream>

using Poco::JSON::Array;
using Poco::JSON::Object;

namespace sbomop {
namespace bench {

namespace {

std::string compact(const Object::Ptr& object)
{
	std::ostringstream out;
	object->stringify(out);
	return out.str();
}

// Points the container named `container` of `containers` at `specImage`
// (spec) or also `imageId` (status).
void retarget(const Array::Ptr& containers, const std::string& container, const std::string& specImage, const std::string& imageId)
{
	if (!containers) return;
	for (std::size_t i = 0; i < containers->size(); ++i)
	{
		Object::Ptr entry = containers->getObject(static_cast<unsigned>(i));
		if (!entry || entry->getValue<std::string>("name") != container) continue;
		entry->set("image", specImage);
		if (!imageId.empty()) entry->set("imageID", imageId);
	}
}

}

ChurnPods::ChurnPods(std::size_t images, std::size_t namespaces, std::size_t newImageEvery):
	_catalog(images, ClusterSeed::namespaceNames(namespaces)),
	_generator(_catalog),
	_newImageEvery(newImageEvery)
{
}

std::string ChurnPods::name(std::size_t index, std::string& ns) const
{
	Object::Ptr metadata = _generator.pod(index)->getObject("metadata");
	ns = metadata->getValue<std::string>("namespace");
	return metadata->getValue<std::string>("name");
}

ChurnPods::Pod ChurnPods::pod(std::size_t index) const
{
	Object::Ptr running = _generator.pod(index);
	Object::Ptr metadata = running->getObject("metadata");
	metadata->remove("managedFields");
	metadata->remove("resourceVersion");
	Pod pod;
	pod.ns = metadata->getValue<std::string>("namespace");
	pod.name = metadata->getValue<std::string>("name");
	pod.newImage = _newImageEvery > 0 && index % _newImageEvery == 0;
	if (pod.newImage)
	{
		SeedImage image = _catalog.app(index % _catalog.appCount());
		image.tag = "churn-" + std::to_string(index);
		image.digest = "sha256:" + ImageCatalog::sha256Hex("churn/" + std::to_string(index));
		retarget(running->getObject("spec")->getArray("containers"), "app", image.specImage(), "");
		retarget(running->getObject("status")->getArray("containerStatuses"), "app", image.specImage(), image.imageId());
	}
	pod.running = compact(running);

	// What the API server holds between scheduling and the kubelet's first status.
	Object::Ptr scheduled = new Object;
	scheduled->set("lastTransitionTime", running->getObject("status")->getValue<std::string>("startTime"));
	scheduled->set("status", "True");
	scheduled->set("type", "PodScheduled");
	Array::Ptr conditions = new Array;
	conditions->add(scheduled);
	Object::Ptr status = new Object;
	status->set("phase", "Pending");
	status->set("qosClass", "Burstable");
	status->set("conditions", conditions);
	running->set("status", status);
	pod.pending = compact(running);
	return pod;
}

} } // namespace sbomop::bench
