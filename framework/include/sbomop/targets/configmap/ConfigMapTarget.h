//
// ConfigMapTarget.h
//
// The `configmap` storage target: the SBOM of each container, brotli
// compressed, in a ConfigMap next to its pod.
//

#ifndef SBOMOP_Targets_ConfigMapTarget_INCLUDED
#define SBOMOP_Targets_ConfigMapTarget_INCLUDED

#include "sbomop/Sbomop.h"
#include "sbomop/targets/Target.h"
#include <Poco/JSON/Object.h>
#include <cstddef>
#include <string>
#include <vector>

namespace Poco { class Logger; }

namespace sbomop {
namespace kube { class KubeClient; }
namespace targets {

class SBOMOP_API ConfigMapTarget: public Target
	/// Writes, for every container of the image (ImageTask::containers), a
	/// ConfigMap in the pod's namespace, exactly as the Go sbom-operator:
	///
	///     metadata.name         ConfigMapNaming::nameFor(pod, container)
	///     metadata.labels       ckotzbauer.sbom-operator.io: "true"
	///     metadata.annotations  ckotzbauer.sbom-operator.io/image-id: <imageID>
	///     binaryData.sbom       the SBOM, brotli compressed (BrotliCodec)
	///
	/// An existing ConfigMap of that name is updated when it carries the
	/// label (other keys and fields are kept) and left alone otherwise (the
	/// image fails: it belongs to someone else). An SBOM whose compressed
	/// size exceeds MAX_DATA_SIZE (the API's 1 MiB limit of a ConfigMap's
	/// data) fails the image with both sizes in the message.
	///
	/// storedImages() lists the labelled ConfigMaps of all namespaces (in
	/// pages of LIST_PAGE_SIZE) and reports their image-id annotations;
	/// remove() deletes the labelled ConfigMaps whose annotation names an
	/// orphaned image.
	///
	/// Not thread-safe (TargetSet serialises the calls); the KubeClient is.
{
public:
	static const std::string LABEL_KEY;
		/// "ckotzbauer.sbom-operator.io".
	static const std::string LABEL_VALUE;
		/// "true".
	static const std::string IMAGE_ID_ANNOTATION;
		/// "ckotzbauer.sbom-operator.io/image-id".
	static const std::string DATA_KEY;
		/// "sbom".
	static const std::size_t MAX_DATA_SIZE = 1024 * 1024;
	static const int LIST_PAGE_SIZE = 500;

	ConfigMapTarget();
	~ConfigMapTarget() override;

	std::string name() const override;
		/// "configmap".

	void validate(const Poco::Util::AbstractConfiguration& config) const override;
		/// The target has no keys: accepts everything.

	void initialise(plugin::BackendContext& context) override;
		/// Takes the context's Kubernetes client. Throws
		/// Poco::IllegalStateException when the host runs without one.

	StoreResult store(const plugin::ImageTask& image, const std::string& document, const SbomFormat& format) override;
	std::vector<plugin::StoredImage> storedImages() override;
	std::vector<plugin::ImageResult> remove(const std::vector<std::string>& imageIds) override;

	static std::string sizeProblem(std::size_t documentSize, std::size_t compressedSize);
		/// The failure message for a compressed SBOM over MAX_DATA_SIZE; empty
		/// when it fits.

	static Poco::JSON::Object::Ptr buildConfigMap(const std::string& ns, const std::string& name,
		const std::string& imageId, const std::string& compressed);
		/// The ConfigMap object written for a container (`compressed` raw,
		/// base64 encoded here).

private:
	struct Managed
	{
		std::string ns;
		std::string name;
		std::string imageId;
	};

	std::vector<Managed> listManaged();
	void write(const std::string& ns, const std::string& name, const std::string& imageId, const std::string& compressed);

	kube::KubeClient* _pClient;
	Poco::Logger* _pLogger;
};

} } // namespace sbomop::targets

#endif // SBOMOP_Targets_ConfigMapTarget_INCLUDED
