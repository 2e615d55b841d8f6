//
// OciSbomArtifact.h
//
// The cosign-compatible OCI artifact that carries one SBOM: the tag it is
// pushed under, its config blob, its one layer and its image manifest.
//

#ifndef SBOMOP_Targets_OciSbomArtifact_INCLUDED
#define SBOMOP_Targets_OciSbomArtifact_INCLUDED

#include "sbomop/Sbomop.h"
#include <string>

namespace sbomop {
namespace targets {

class SBOMOP_API OciSbomArtifact
	/// Builds the blobs and the manifest of an SBOM artifact the way
	/// `cosign attach sbom` does, so that `cosign download sbom` finds it:
	///
	///   - tag `sha256-<hex>.sbom` of the scanned image's digest;
	///   - config (application/vnd.oci.image.config.v1+json):
	///     `{"architecture":"","created":"0001-01-01T00:00:00Z","history":[{"created":"0001-01-01T00:00:00Z"}],"os":"","rootfs":{"type":"layers","diff_ids":["<layer digest>"]},"config":{}}`
	///   - one layer: the SBOM document, with the format's media type;
	///   - manifest: `{"schemaVersion":2,"mediaType":"application/vnd.oci.image.manifest.v1+json",
	///     "config":{"mediaType":..,"size":..,"digest":..},"layers":[{"mediaType":..,"size":..,"digest":..}],
	///     "annotations":{"ckotzbauer.sbom-operator.io/image-id":"<imageID>"}}`
	///     (compact, keys in this order). The annotation maps the tag back to
	///     the image for orphan removal.
	///
	/// Everything is deterministic: the same SBOM of the same image gives the
	/// same manifest digest. Immutable value; safe to share between threads.
{
public:
	static const std::string MANIFEST_MEDIA_TYPE;
		/// "application/vnd.oci.image.manifest.v1+json".
	static const std::string CONFIG_MEDIA_TYPE;
		/// "application/vnd.oci.image.config.v1+json".
	static const std::string IMAGE_ID_ANNOTATION;
		/// "ckotzbauer.sbom-operator.io/image-id".

	OciSbomArtifact(const std::string& document, const std::string& layerMediaType, const std::string& imageId);
		/// Builds the artifact of `document` for the image `imageId`.

	static std::string tagFor(const std::string& digest);
		/// "sha256:<hex>" -> "sha256-<hex>.sbom". Throws
		/// Poco::InvalidArgumentException unless `digest` is `sha256:` followed
		/// by 64 lowercase hex digits.

	static bool isSbomTag(const std::string& tag);
		/// True for tags of the form tagFor() produces.

	static std::string digestOf(const std::string& data);
		/// "sha256:<hex>" of `data`.

	static std::string imageIdOf(const std::string& manifest);
		/// The IMAGE_ID_ANNOTATION of a manifest document; empty when the
		/// manifest has none. Throws a Poco::Exception (JSON syntax error or
		/// bad cast) when `manifest` is not a JSON object.

	const std::string& layer() const { return _layer; }
	const std::string& layerDigest() const { return _layerDigest; }
	const std::string& layerMediaType() const { return _layerMediaType; }
	const std::string& config() const { return _config; }
	const std::string& configDigest() const { return _configDigest; }
	const std::string& manifest() const { return _manifest; }
	const std::string& manifestDigest() const { return _manifestDigest; }
	const std::string& imageId() const { return _imageId; }

private:
	std::string _layer;
	std::string _layerDigest;
	std::string _layerMediaType;
	std::string _config;
	std::string _configDigest;
	std::string _manifest;
	std::string _manifestDigest;
	std::string _imageId;
};

} } // namespace sbomop::targets

#endif // SBOMOP_Targets_OciSbomArtifact_INCLUDED
