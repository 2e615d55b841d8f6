//
// ImageId.h
//
// Normalisation of `status.containerStatuses[].imageID` as reported by the
// container runtimes (containerd, CRI-O, dockershim, cri-dockerd) into a
// digest reference that identifies the running image.
//

#ifndef SBOMOP_Image_ImageId_INCLUDED
#define SBOMOP_Image_ImageId_INCLUDED

#include "sbomop/Sbomop.h"
#include "sbomop/image/ImageReference.h"
#include <optional>
#include <string>

namespace sbomop {
namespace image {

class SBOMOP_API ImageId
	/// The digest reference of a running container image: `name@digest`
	/// (normalised, no tag) plus the digest alone.
	///
	/// Accepted imageID forms:
	///   - `docker.io/library/nginx@sha256:<hex>` (containerd, CRI-O);
	///   - any `<scheme>://` prefix is stripped first:
	///     `docker-pullable://nginx@sha256:<hex>`, `docker://sha256:<hex>`,
	///     `containerd://...`;
	///   - a bare `sha256:<hex>` (image config id of images without repo
	///     digest): the repository is taken from the spec image, giving
	///     `<spec repository>@sha256:<hex>` (fromRepoDigest() is false then,
	///     because that digest is not a registry manifest digest).
	///
	/// To pin the spec repository to the runtime digest instead of the
	/// repository the runtime reports, use
	/// `spec.withoutTag().withDigest(id.digest())`.
	///
	/// Immutable; safe to share between threads.
{
public:
	static std::optional<ImageId> parse(const std::string& imageId, const ImageReference& specImage);
		/// Normalises `imageId`. Returns an empty optional for an empty (or
		/// blank) imageID: the container is not running yet and the caller
		/// skips it. Throws InvalidImageReferenceException when the imageID
		/// is malformed or carries no digest, or when only a bare digest is
		/// reported and `specImage` is empty.

	const ImageReference& reference() const;
		/// `name@digest`, e.g. `docker.io/library/nginx@sha256:<hex>`.

	const std::string& digest() const;
		/// `sha256:<hex>`.

	std::string string() const;
		/// reference().string().

	bool fromRepoDigest() const;
		/// True when the runtime reported a repository digest; false when only
		/// the image config id was reported and the repository came from the
		/// spec image.

private:
	ImageId(const ImageReference& reference, bool fromRepoDigest);

	ImageReference _reference;
	bool _fromRepoDigest;
};


//
// inlines
//
inline const ImageReference& ImageId::reference() const
{
	return _reference;
}


inline const std::string& ImageId::digest() const
{
	return _reference.digest();
}


inline std::string ImageId::string() const
{
	return _reference.string();
}


inline bool ImageId::fromRepoDigest() const
{
	return _fromRepoDigest;
}


} } // namespace sbomop::image

#endif // SBOMOP_Image_ImageId_INCLUDED
