//
// BackendTypes.h
//
// The values that cross the backend plugin boundary: what the framework hands a
// backend (a batch of pending images) and what it gets back (one result per
// image). Plain value types only, so their layout is easy to keep stable; any
// change to them bumps SBOMOP_PLUGIN_API_VERSION (see PluginApi.h).
//

#ifndef SBOMOP_Plugin_BackendTypes_INCLUDED
#define SBOMOP_Plugin_BackendTypes_INCLUDED

#include "sbomop/Sbomop.h"
#include "sbomop/registry/RegistryCredentials.h"
#include <map>
#include <string>
#include <vector>

namespace sbomop {
namespace plugin {

struct SBOMOP_API ContainerRef
	/// One container of one pod that runs an image.
{
	std::string namespaceName;
	std::string podName;
	std::string podUid;
	std::string containerName;
	std::string kind;        ///< "container", "init" or "ephemeral"
	std::string specImage;   ///< the image as written in the pod spec (with its tag)
	std::map<std::string, std::string> podLabels;
	std::map<std::string, std::string> podAnnotations;
};

struct SBOMOP_API ImageTask
	/// One unique image (by digest) that is pending in this cycle.
{
	std::string imageId;
		/// Normalised digest reference, e.g. "docker.io/library/nginx@sha256:<hex>".
		/// This is the value written to the pod annotations.
	std::string digest;              ///< "sha256:<hex>"
	std::string originalReference;   ///< the reference the pods asked for (spec image, with tag)
	std::string pullReference;
		/// Where to pull the image from: imageId with registry proxies applied.
		/// Use it only for pulling; store and name everything by imageId /
		/// originalReference.
	registry::RegistryCredentials credentials;
		/// Resolved pull credentials for pullReference's registry; empty when none.
	std::vector<ContainerRef> containers;
		/// Every container in scope that runs this image and is not yet annotated.
};

struct SBOMOP_API ImageBatch
	/// The pending images of one cycle, de-duplicated by digest.
{
	std::string cycleId;   ///< unique per cycle, usable in object names (lower case, [a-z0-9-])
	std::vector<ImageTask> images;
};

struct SBOMOP_API ImageResult
	/// What the backend did with one image of the batch.
{
	std::string imageId;
	bool succeeded = false;
	std::string message;   ///< reason on failure (never containing secrets)
};

struct SBOMOP_API StoredImage
	/// An image whose SBOM a backend's storage holds (for orphan removal).
{
	std::string imageId;
	std::string location;  ///< where it is stored, for logs (e.g. "git:sboms/docker.io/...")
};

} } // namespace sbomop::plugin

#endif // SBOMOP_Plugin_BackendTypes_INCLUDED
