//
// ImageConfig.h
//
// The image-config.json document a job image reads from
// /sbom/image-config.json: one JSON object per image of the Job.
//
// Fields of every entry, in this order (strings unless noted). The contract
// for job images is job-images/SPEC.md, section 3.
//
//     registry-host      always: host[:port] of the registry the image is
//                        pulled from (of `pull-image` when present, else of
//                        `image`), which is the registry the credentials
//                        below belong to
//     registry-user      always: user name for that registry; "" for
//                        anonymous pulls
//     registry-password  always: password for that registry; "" for
//                        anonymous pulls
//     registry-token     only when the pull secret holds an identity or
//                        registry token (Docker config `identitytoken` /
//                        `registrytoken`) for that registry (additive)
//     image              always: the running image by digest, normalised
//                        ("docker.io/library/nginx@sha256:<hex>"); what the
//                        SBOM must be stored and named under
//     pull-image         only when a registry proxy (`registry-proxy`)
//                        rewrote the registry: where to pull exactly that
//                        digest from (additive)
//     pods               always: array of {"pod", "namespace", "cluster"},
//                        every pod running the image and not yet annotated,
//                        once per pod; `cluster` is `kubernetes-cluster-id`
//
// registry-host, registry-user, registry-password, image and pods are the
// fields of ckotzbauer/sbom-operator with the same meaning; the two additive
// fields are ignored by job images that do not know them.
//

#ifndef SBOMOP_JobImage_ImageConfig_INCLUDED
#define SBOMOP_JobImage_ImageConfig_INCLUDED

#include "sbomop/plugin/BackendTypes.h"
#include <Poco/JSON/Object.h>
#include <cstddef>
#include <string>
#include <vector>

namespace sbomop {
namespace jobimage {

class ImageConfig
	/// Builds and reads image-config.json. Stateless; thread-safe.
	///
	/// The document holds registry passwords: it must only ever be written
	/// into the Secret, never logged.
{
public:
	static constexpr std::size_t MAX_BYTES = 1000 * 1024;
		/// Size limit used by the backend: a Secret holds at most 1 MiB of
		/// data; this leaves room for the API server's own accounting.

	struct Document
		/// A rendered image-config.json.
	{
		std::string json;
			/// The JSON array text (compact, UTF-8).
		std::size_t imageCount = 0;
			/// How many of the given images it holds: the first imageCount.
	};

	static Poco::JSON::Object::Ptr entry(const plugin::ImageTask& image, const std::string& clusterId);
		/// The entry of one image, fields in the order listed above. Pods are
		/// taken from the image's containers in order, de-duplicated by
		/// namespace and pod name.

	static Document render(const std::vector<const plugin::ImageTask*>& images, const std::string& clusterId,
		std::size_t maxBytes = MAX_BYTES);
		/// The array of the entries of `images`, in order, cut before the
		/// first entry that would make the text longer than `maxBytes`
		/// (imageCount tells how many fit; 0 when not even the first does).

	static std::vector<std::string> imageIds(const std::string& json);
		/// The `image` field of every entry of a document, in order (for
		/// adopting a Job: which images does it cover). Throws
		/// Poco::DataFormatException when `json` is not an array of objects
		/// with a string `image`; the message never quotes the document.
};

} } // namespace sbomop::jobimage

#endif // SBOMOP_JobImage_ImageConfig_INCLUDED
