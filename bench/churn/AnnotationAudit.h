//
// AnnotationAudit.h
//
// Checks, after a soak, that the operator annotated every running pod: each
// container with an imageID carries the operator's annotation for it.
//

#ifndef SBOMOP_Bench_AnnotationAudit_INCLUDED
#define SBOMOP_Bench_AnnotationAudit_INCLUDED

#include "sbomop/kube/KubeClient.h"
#include <cstddef>
#include <string>
#include <vector>

namespace sbomop {
namespace bench {

class AnnotationAudit
	/// Lists every pod in pages of 500 and compares, for the pods in phase
	/// Running, each container and init container status that has an
	/// imageID with the annotation `ckotzbauer.sbom-operator.io/<container>`
	/// (controller::AnnotationKeys::isDone, so normalised references count).
{
public:
	struct Result
	{
		std::size_t pods = 0;        ///< pods listed
		std::size_t running = 0;     ///< pods in phase Running
		std::size_t containers = 0;  ///< containers checked
		std::vector<std::string> missed;  ///< "<ns>/<pod> <container> <imageID>: <annotation or (none)>"
	};

	static Result run(kube::KubeClient& client);
		/// Throws what KubeClient throws.
};

} } // namespace sbomop::bench

#endif // SBOMOP_Bench_AnnotationAudit_INCLUDED
