//
// ImageId.cpp
//

#include "sbomop/image/ImageId.h"
#include "sbomop/image/ImageException.h"
#include <Poco/String.h>

namespace sbomop {
namespace image {


ImageId::ImageId(const ImageReference& reference, bool fromRepoDigest):
	_reference(reference),
	_fromRepoDigest(fromRepoDigest)
{
}


std::optional<ImageId> ImageId::parse(const std::string& imageId, const ImageReference& specImage)
{
	std::string id = Poco::trim(imageId);
	if (id.empty()) return std::nullopt;

	// Runtimes prefix the id with `<scheme>://` (`docker-pullable://`,
	// `docker://`); everything up to the last `://` goes, as in the Go operator.
	const std::string::size_type scheme = id.rfind("://");
	if (scheme != std::string::npos) id.erase(0, scheme + 3);
	if (id.empty()) throw InvalidImageReferenceException("\"" + imageId + "\": empty image ID after the scheme");

	// A bare digest (`sha256:<hex>`, no `/`, no `@`) has no repository.
	const std::string::size_type colon = id.find(':');
	const std::string algorithm = colon == std::string::npos ? std::string() : id.substr(0, colon);
	if (id.find_first_of("@/") == std::string::npos && (algorithm == "sha256" || algorithm == "sha384" || algorithm == "sha512"))
	{
		if (!ImageReference::isValidDigest(id))
		{
			throw InvalidImageReferenceException("\"" + imageId + "\": invalid digest \"" + id + "\"");
		}
		if (specImage.isEmpty())
		{
			throw InvalidImageReferenceException("\"" + imageId + "\": image ID is a bare digest and no spec image is known");
		}
		return ImageId(specImage.withoutTag().withDigest(id), false);
	}

	const ImageReference reference = ImageReference::parse(id);
	if (!reference.hasDigest())
	{
		throw InvalidImageReferenceException("\"" + imageId + "\": image ID carries no digest");
	}
	return ImageId(reference.withoutTag(), true);
}


} } // namespace sbomop::image
