//
// BomInspection.cpp
//

#include "dtrack/BomInspection.h"

namespace sbomop {
namespace dtracksim {

void BomInspection::reject(const std::string& why)
{
	valid = false;
	detail = why;
}

} } // namespace sbomop::dtracksim
