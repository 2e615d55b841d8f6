//
// AnnotationKeys.h
//
// The pod annotations that record which image of a container was processed:
// `ckotzbauer.sbom-operator.io/<container-name>: <imageID>`, exactly as the Go
// ckotzbauer/sbom-operator writes them, so that switching operators needs no
// re-scan.
//

#ifndef SBOMOP_Controller_AnnotationKeys_INCLUDED
#define SBOMOP_Controller_AnnotationKeys_INCLUDED

#include "sbomop/Sbomop.h"
#include "sbomop/image/ImageId.h"
#include <map>
#include <string>

namespace sbomop {
namespace controller {

class SBOMOP_API AnnotationKeys
{
public:
	static const std::string PREFIX;
		/// "ckotzbauer.sbom-operator.io/".

	static std::string keyFor(const std::string& containerName);
		/// PREFIX + container name.

	static bool isDone(const std::map<std::string, std::string>& annotations, const std::string& containerName,
		const image::ImageId& imageId, const image::ImageReference& specImage);
		/// True when the container's annotation names the same image. The
		/// recorded value is normalised like an imageID before comparing, so
		/// both this operator's values (normalised digest references) and the
		/// Go operator's (the raw imageID, e.g. `docker-pullable://nginx@sha256:..`)
		/// count as done. A malformed recorded value counts as not done.
};

} } // namespace sbomop::controller

#endif // SBOMOP_Controller_AnnotationKeys_INCLUDED
