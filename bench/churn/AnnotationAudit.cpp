//
// AnnotationAudit.cpp
//

#include "AnnotationAudit.h"
#include "sbomop/controller/AnnotationKeys.h"
#include "sbomop/image/ImageException.h"
#include "sbomop/image/ImageId.h"
#include "sbomop/image/ImageReference.h"
#include "sbomop/kube/ResourceType.h"
#include <Poco/JSON/Array.h>
#include <map>

using Poco::JSON::Array;
using Poco::JSON::Object;

namespace sbomop {
namespace bench {

namespace {

std::string field(const Object::Ptr& object, const std::string& name)
{
	return object && object->has(name) && !object->isNull(name) ? object->getValue<std::string>(name) : std::string();
}

void checkStatuses(const std::string& pod, const std::map<std::string, std::string>& annotations, const Array::Ptr& statuses,
	AnnotationAudit::Result& result)
{
	if (!statuses) return;
	for (unsigned i = 0; i < statuses->size(); ++i)
	{
		Object::Ptr status = statuses->getObject(i);
		const std::string imageId = field(status, "imageID");
		if (imageId.empty()) continue;
		const std::string container = field(status, "name");
		++result.containers;
		bool done = false;
		try
		{
			const image::ImageReference spec = image::ImageReference::parse(field(status, "image"));
			const auto parsed = image::ImageId::parse(imageId, spec);
			done = parsed && controller::AnnotationKeys::isDone(annotations, container, *parsed, spec);
		}
		catch (image::ImageException&)
		{
			done = false;
		}
		if (done) continue;
		const auto it = annotations.find(controller::AnnotationKeys::keyFor(container));
		result.missed.push_back(pod + " " + container + " " + imageId + ": " + (it == annotations.end() ? "(none)" : it->second));
	}
}

}

AnnotationAudit::Result AnnotationAudit::run(kube::KubeClient& client)
{
	Result result;
	kube::ListOptions options;
	options.limit = 500;
	do
	{
		Object::Ptr page = client.listObjects(kube::ResourceType::PODS, "", options);
		options.continueToken = field(page->getObject("metadata"), "continue");
		Array::Ptr items = page->getArray("items");
		for (unsigned i = 0; items && i < items->size(); ++i)
		{
			Object::Ptr pod = items->getObject(i);
			Object::Ptr metadata = pod->getObject("metadata");
			Object::Ptr status = pod->getObject("status");
			++result.pods;
			if (field(status, "phase") != "Running" || !field(metadata, "deletionTimestamp").empty()) continue;
			++result.running;
			std::map<std::string, std::string> annotations;
			Object::Ptr values = metadata->getObject("annotations");
			if (values)
			{
				for (const auto& entry: *values) annotations[entry.first] = entry.second.toString();
			}
			const std::string name = field(metadata, "namespace") + "/" + field(metadata, "name");
			checkStatuses(name, annotations, status->getArray("initContainerStatuses"), result);
			checkStatuses(name, annotations, status->getArray("containerStatuses"), result);
		}
	}
	while (!options.continueToken.empty());
	return result;
}

} } // namespace sbomop::bench
