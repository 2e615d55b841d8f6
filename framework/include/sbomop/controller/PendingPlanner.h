//
// PendingPlanner.h
//
// Decides, per cycle, which images the backend must process and which
// containers only need their annotation (their image was processed earlier in
// this process).
//

#ifndef SBOMOP_Controller_PendingPlanner_INCLUDED
#define SBOMOP_Controller_PendingPlanner_INCLUDED

#include "sbomop/Sbomop.h"
#include "sbomop/controller/Inventory.h"
#include "sbomop/image/ImageFilter.h"
#include <set>
#include <string>
#include <vector>

namespace sbomop {
namespace controller {

struct SBOMOP_API PlannedImage
{
	const InventoryImage* image = nullptr;
	std::vector<const ContainerUsage*> usages;   ///< the containers still to annotate
};

struct SBOMOP_API Plan
{
	std::vector<PlannedImage> pending;        ///< for the backend, one entry per digest
	std::vector<PlannedImage> annotateOnly;   ///< processed earlier: annotate without a backend call
	std::size_t excludedImages = 0;
	std::size_t doneContainers = 0;           ///< already annotated with their image
};

class SBOMOP_API PendingPlanner
	/// Stateless apart from its settings; thread-safe.
{
public:
	PendingPlanner(bool ignoreAnnotations, const image::ImageFilter& exclude);

	Plan plan(const Inventory& inventory, const std::set<std::string>& processed) const;
		/// A container is done when its annotation names its image (unless
		/// ignore-annotations). An image with containers not done is pending,
		/// unless it is in `processed` (succeeded earlier in this process):
		/// then its containers are only annotated. Images matching the
		/// exclusion patterns (by the digest reference or any spec reference)
		/// are never pending.

private:
	bool excluded(const InventoryImage& image) const;

	bool _ignoreAnnotations;
	image::ImageFilter _exclude;
};

} } // namespace sbomop::controller

#endif // SBOMOP_Controller_PendingPlanner_INCLUDED
