//
// Inventory.h
//
// The images running in the pods in scope, de-duplicated by digest: image
// digest -> the containers (and their pods) that run it. Built once per cycle
// from a snapshot of the pod store.
//

#ifndef SBOMOP_Controller_Inventory_INCLUDED
#define SBOMOP_Controller_Inventory_INCLUDED

#include "sbomop/Sbomop.h"
#include "sbomop/image/ImageId.h"
#include "sbomop/image/ImageReference.h"
#include "sbomop/kube/PodInfo.h"
#include <map>
#include <string>
#include <vector>

namespace Poco { class Logger; }

namespace sbomop {
namespace controller {

struct SBOMOP_API ContainerUsage
	/// One container of one pod running an image.
{
	const kube::PodInfo* pod = nullptr;
	std::string containerName;
	kube::ContainerKind kind = kube::ContainerKind::Container;
	image::ImageReference specImage;   ///< what the pod asked for (normalised, with tag)
};

struct SBOMOP_API InventoryImage
{
	image::ImageId id;
	std::vector<ContainerUsage> usages;
};

class SBOMOP_API Inventory
	/// Keeps pointers to the pods it was given: they must outlive it.
	/// Not thread-safe.
{
public:
	explicit Inventory(Poco::Logger& logger);

	void addPod(const kube::PodInfo& pod);
		/// Adds every container of every status list that reports an imageID.
		/// Containers without imageID (not started yet) are skipped silently;
		/// malformed spec images or imageIDs are logged (warning, naming the
		/// pod and container) and skipped. Pods being deleted are skipped, and
		/// so are the operator's own pods (plugin::OperatorLabels).

	const std::map<std::string, InventoryImage>& images() const;
		/// Keyed by the normalised digest reference (ImageId::string()).

	std::size_t containerCount() const;
	std::size_t malformedCount() const;
		/// Containers skipped because their image could not be understood.

private:
	Poco::Logger& _logger;
	std::map<std::string, InventoryImage> _images;
	std::size_t _containers = 0;
	std::size_t _malformed = 0;
};

} } // namespace sbomop::controller

#endif // SBOMOP_Controller_Inventory_INCLUDED
