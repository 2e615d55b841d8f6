//
// CounterFamily.h
//
// A family of counters distinguished by label values.
//

#ifndef SBOMOP_Http_CounterFamily_INCLUDED
#define SBOMOP_Http_CounterFamily_INCLUDED

#include "sbomop/http/BasicMetricFamily.h"
#include "sbomop/http/Counter.h"

namespace sbomop {
namespace http {

using CounterFamily = BasicMetricFamily<Counter, MetricSnapshot::COUNTER>;
	/// Counters sharing a name and label names; obtained from
	/// MetricsRegistry::counter().

} } // namespace sbomop::http

#endif // SBOMOP_Http_CounterFamily_INCLUDED
