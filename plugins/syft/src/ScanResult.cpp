//
// ScanResult.cpp
//

#include "sbomop/syft/ScanResult.h"

namespace sbomop {
namespace syft {

bool ScanResult::succeeded() const
{
	return status == SUCCEEDED;
}


std::string ScanResult::statusName(Status status)
{
	switch (status)
	{
	case SUCCEEDED: return "succeeded";
	case TIMED_OUT: return "timeout";
	case CANCELLED: return "cancelled";
	default: return "failed";
	}
}


} } // namespace sbomop::syft
