//
// MetricSnapshot.cpp
//

#include "sbomop/http/MetricSnapshot.h"

namespace sbomop {
namespace http {


const char* MetricSnapshot::typeName(Type type)
{
	switch (type)
	{
	case COUNTER:   return "counter";
	case GAUGE:     return "gauge";
	case HISTOGRAM: return "histogram";
	default:        return "untyped";
	}
}


} } // namespace sbomop::http
