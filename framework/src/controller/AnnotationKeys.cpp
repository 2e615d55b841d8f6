//
// AnnotationKeys.cpp
//

#include "sbomop/controller/AnnotationKeys.h"
#include "sbomop/image/ImageException.h"

namespace sbomop {
namespace controller {

const std::string AnnotationKeys::PREFIX = "ckotzbauer.sbom-operator.io/";

std::string AnnotationKeys::keyFor(const std::string& containerName)
{
	return PREFIX + containerName;
}

bool AnnotationKeys::isDone(const std::map<std::string, std::string>& annotations, const std::string& containerName,
	const image::ImageId& imageId, const image::ImageReference& specImage)
{
	auto it = annotations.find(keyFor(containerName));
	if (it == annotations.end()) return false;
	if (it->second == imageId.string()) return true;
	try
	{
		auto recorded = image::ImageId::parse(it->second, specImage);
		return recorded && recorded->reference() == imageId.reference();
	}
	catch (image::ImageException&)
	{
		return false;
	}
}

} } // namespace sbomop::controller
