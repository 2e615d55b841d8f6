//
// PendingPlanner.cpp
//

#include "sbomop/controller/PendingPlanner.h"
#include "sbomop/controller/AnnotationKeys.h"

namespace sbomop {
namespace controller {

PendingPlanner::PendingPlanner(bool ignoreAnnotations, const image::ImageFilter& exclude):
	_ignoreAnnotations(ignoreAnnotations),
	_exclude(exclude)
{
}

bool PendingPlanner::excluded(const InventoryImage& image) const
{
	if (_exclude.empty()) return false;
	if (_exclude.matches(image.id.reference())) return true;
	for (const auto& usage: image.usages)
	{
		if (_exclude.matches(usage.specImage)) return true;
	}
	return false;
}

Plan PendingPlanner::plan(const Inventory& inventory, const std::set<std::string>& processed) const
{
	Plan plan;
	for (const auto& entry: inventory.images())
	{
		const InventoryImage& image = entry.second;
		if (excluded(image))
		{
			++plan.excludedImages;
			continue;
		}
		const bool processedHere = processed.count(entry.first) > 0;
		PlannedImage planned;
		planned.image = &image;
		for (const auto& usage: image.usages)
		{
			const bool annotated = AnnotationKeys::isDone(usage.pod->annotations, usage.containerName, image.id, usage.specImage);
			// ignore-annotations forces one backend run per image and process;
			// after that the annotation alone decides what is left to write.
			const bool done = annotated && (!_ignoreAnnotations || processedHere);
			if (done)
				++plan.doneContainers;
			else
				planned.usages.push_back(&usage);
		}
		if (planned.usages.empty()) continue;
		if (processedHere)
			plan.annotateOnly.push_back(std::move(planned));
		else
			plan.pending.push_back(std::move(planned));
	}
	return plan;
}

} } // namespace sbomop::controller
