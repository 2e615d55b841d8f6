//
// PodAnnotator.cpp
//

#include "sbomop/controller/PodAnnotator.h"
#include "sbomop/controller/AnnotationKeys.h"
#include "sbomop/kube/KubeException.h"
#include <Poco/JSON/Object.h>
#include <Poco/Logger.h>
#include <map>
#include <sstream>

namespace sbomop {
namespace controller {

PodAnnotator::PodAnnotator(Patch patch, Poco::Logger& logger):
	_patch(std::move(patch)),
	_logger(logger)
{
}

std::string PodAnnotator::mergePatch(const std::vector<const ContainerAnnotation*>& annotations)
{
	Poco::JSON::Object::Ptr values = new Poco::JSON::Object;
	for (const auto* annotation: annotations)
	{
		values->set(AnnotationKeys::keyFor(annotation->containerName), annotation->imageId);
	}
	Poco::JSON::Object::Ptr metadata = new Poco::JSON::Object;
	metadata->set("annotations", values);
	Poco::JSON::Object body;
	body.set("metadata", metadata);
	std::ostringstream out;
	body.stringify(out);
	return out.str();
}

AnnotationOutcome PodAnnotator::annotate(const std::vector<ContainerAnnotation>& annotations) const
{
	std::map<std::pair<std::string, std::string>, std::vector<const ContainerAnnotation*>> byPod;
	for (const auto& annotation: annotations)
	{
		byPod[{ annotation.namespaceName, annotation.podName }].push_back(&annotation);
	}

	AnnotationOutcome outcome;
	for (const auto& pod: byPod)
	{
		const std::string& ns = pod.first.first;
		const std::string& name = pod.first.second;
		try
		{
			_patch(ns, name, mergePatch(pod.second));
			++outcome.podsAnnotated;
			outcome.containers += pod.second.size();
			if (_logger.debug()) _logger.debug("annotated pod %s/%s (%z containers)", ns, name, pod.second.size());
		}
		catch (kube::NotFoundException&)
		{
			++outcome.podsGone;
			_logger.information("pod %s/%s is gone; nothing to annotate", ns, name);
		}
		catch (Poco::Exception& exc)
		{
			++outcome.podsFailed;
			_logger.warning("cannot annotate pod %s/%s: %s; retrying next cycle", ns, name, exc.displayText());
		}
		catch (std::exception& exc)
		{
			++outcome.podsFailed;
			_logger.warning("cannot annotate pod %s/%s: %s; retrying next cycle", ns, name, std::string(exc.what()));
		}
	}
	return outcome;
}

} } // namespace sbomop::controller
