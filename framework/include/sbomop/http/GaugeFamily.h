//
// GaugeFamily.h
//
// A family of gauges distinguished by label values.
//

#ifndef SBOMOP_Http_GaugeFamily_INCLUDED
#define SBOMOP_Http_GaugeFamily_INCLUDED

#include "sbomop/http/BasicMetricFamily.h"
#include "sbomop/http/Gauge.h"

namespace sbomop {
namespace http {

using GaugeFamily = BasicMetricFamily<Gauge, MetricSnapshot::GAUGE>;
	/// Gauges sharing a name and label names; obtained from
	/// MetricsRegistry::gauge().

} } // namespace sbomop::http

#endif // SBOMOP_Http_GaugeFamily_INCLUDED
