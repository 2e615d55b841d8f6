//
// Target.cpp
//

#include "sbomop/syft/Target.h"

namespace sbomop {
namespace syft {

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


} } // namespace sbomop::syft
