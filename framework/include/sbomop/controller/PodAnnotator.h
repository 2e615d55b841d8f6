//
// PodAnnotator.h
//
// Records processed images on the pods: one JSON merge patch per pod
// (`{"metadata":{"annotations":{...}}}`) touching only our keys, so it never
// conflicts with other writers and needs only the `patch` verb.
//

#ifndef SBOMOP_Controller_PodAnnotator_INCLUDED
#define SBOMOP_Controller_PodAnnotator_INCLUDED

#include "sbomop/Sbomop.h"
#include <functional>
#include <string>
#include <vector>

namespace Poco { class Logger; }

namespace sbomop {
namespace controller {

struct SBOMOP_API ContainerAnnotation
{
	std::string namespaceName;
	std::string podName;
	std::string containerName;
	std::string imageId;
};

struct SBOMOP_API AnnotationOutcome
{
	std::size_t podsAnnotated = 0;
	std::size_t podsGone = 0;      ///< deleted before we got there: nothing to record
	std::size_t podsFailed = 0;
	std::size_t containers = 0;    ///< annotations written
};

class SBOMOP_API PodAnnotator
	/// Thread-safe if the patch function is.
{
public:
	using Patch = std::function<void(const std::string& ns, const std::string& name, const std::string& mergePatch)>;
		/// Sends the merge patch (the Kubernetes client retries transient
		/// errors). Throws kube::NotFoundException when the pod is gone, any
		/// other exception on failure.

	PodAnnotator(Patch patch, Poco::Logger& logger);

	AnnotationOutcome annotate(const std::vector<ContainerAnnotation>& annotations) const;
		/// Groups the annotations by pod and patches each pod once. Failures
		/// are logged and counted, never thrown: the containers stay pending
		/// and the next cycle annotates them.

	static std::string mergePatch(const std::vector<const ContainerAnnotation*>& annotations);
		/// The patch body for one pod's annotations.

private:
	Patch _patch;
	Poco::Logger& _logger;
};

} } // namespace sbomop::controller

#endif // SBOMOP_Controller_PodAnnotator_INCLUDED
