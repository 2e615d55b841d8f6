//
// Target.cpp
//

#include "sbomop/targets/Target.h"

namespace sbomop {
namespace targets {

Target::Target()
{
}


Target::~Target()
{
}


bool Target::prefersDeactivation() const
{
	return false;
}


std::vector<plugin::ImageResult> Target::deactivate(const std::vector<std::string>& imageIds)
{
	return remove(imageIds);
}


void Target::beginBatch(const std::string&)
{
}


std::vector<plugin::ImageResult> Target::finishBatch()
{
	return {};
}


} } // namespace sbomop::targets
