//
// MetricNames.h
//
// The Prometheus rules for metric and label names.
//

#ifndef SBOMOP_Http_MetricNames_INCLUDED
#define SBOMOP_Http_MetricNames_INCLUDED

#include "sbomop/Sbomop.h"
#include <string>
#include <vector>

namespace sbomop {
namespace http {

class SBOMOP_API MetricNames
	/// Validates names against the Prometheus data model. Stateless and
	/// thread-safe.
{
public:
	static bool isValidMetricName(const std::string& name);
		/// Returns true if name matches [a-zA-Z_:][a-zA-Z0-9_:]*.

	static bool isValidLabelName(const std::string& name);
		/// Returns true if name matches [a-zA-Z_][a-zA-Z0-9_]* and does not
		/// start with "__" (reserved for Prometheus itself).

	static void checkMetricName(const std::string& name);
		/// Throws Poco::InvalidArgumentException if name is not a valid
		/// metric name.

	static void checkLabelNames(const std::vector<std::string>& names, const std::string& reserved = std::string());
		/// Throws Poco::InvalidArgumentException if a name is not a valid
		/// label name, occurs twice, or equals reserved (when not empty;
		/// histograms reserve "le").

	MetricNames() = delete;
};

} } // namespace sbomop::http

#endif // SBOMOP_Http_MetricNames_INCLUDED
