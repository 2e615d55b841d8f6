//
// OciTarget.h
//
// The `oci` storage target: every SBOM becomes a cosign-compatible OCI
// artifact in the repository named by `oci-registry`.
//

#ifndef SBOMOP_Targets_OciTarget_INCLUDED
#define SBOMOP_Targets_OciTarget_INCLUDED

#include "sbomop/Sbomop.h"
#include "sbomop/targets/Target.h"
#include "sbomop/targets/oci/OciRegistryClient.h"
#include "sbomop/targets/oci/OciRepository.h"
#include <memory>

namespace Poco { class Logger; }

namespace sbomop {
namespace targets {

class SBOMOP_API OciTarget: public Target
	/// Pushes each SBOM to the repository of `oci-registry` (as is, like the
	/// Go sbom-operator: the scanned image's path is not appended) under the
	/// tag `sha256-<hex>.sbom` of the IMAGE digest, as built by
	/// OciSbomArtifact (layer media type from SbomFormat::mediaType()), with
	/// `oci-user`/`oci-token`, `oci-ca-cert-file` and
	/// `oci-insecure-skip-tls-verify` (a warning is logged at start).
	///
	/// Blobs the repository already has are not uploaded again; the manifest
	/// is always written, so a tag follows the latest SBOM of its image.
	///
	/// storedImages() lists the repository's `sha256-*.sbom` tags and reads
	/// the image ID from each manifest's annotation (tags without it, e.g.
	/// written by the Go operator, are skipped with a warning). remove()
	/// deletes the manifest of an orphan by digest, but only when its
	/// annotation names that image: a tag shared with another image of the
	/// same digest stays. Unreferenced blobs are left to the registry's
	/// garbage collection.
	///
	/// Failures are per image: the message names the repository and the
	/// registry's answer, never the credentials. Not thread-safe (TargetSet
	/// serialises the calls).
{
public:
	OciTarget();
	~OciTarget() override;

	std::string name() const override;
		/// "oci".

	void validate(const Poco::Util::AbstractConfiguration& config) const override;
		/// Requires `oci-registry` (a valid repository, see OciRepository),
		/// `oci-user` and `oci-token` together or neither, and a readable
		/// `oci-ca-cert-file` when set. Throws config::ConfigException.

	void initialise(plugin::BackendContext& context) override;
		/// Creates the registry client (no request yet). Throws OciException
		/// when the CA file cannot be loaded.

	StoreResult store(const plugin::ImageTask& image, const std::string& document, const SbomFormat& format) override;
	std::vector<plugin::StoredImage> storedImages() override;
	std::vector<plugin::ImageResult> remove(const std::vector<std::string>& imageIds) override;

	static std::string imageDigest(const plugin::ImageTask& image);
		/// image.digest, or the digest part of image.imageId when it is empty.

private:
	OciRepository _repository;
	std::unique_ptr<OciRegistryClient> _client;
	Poco::Logger* _pLogger;
};

} } // namespace sbomop::targets

#endif // SBOMOP_Targets_OciTarget_INCLUDED
