//
// MetricSnapshot.h
//
// The values of one metric family as read at scrape time.
//

#ifndef SBOMOP_Http_MetricSnapshot_INCLUDED
#define SBOMOP_Http_MetricSnapshot_INCLUDED

#include "sbomop/Sbomop.h"
#include <string>
#include <utility>
#include <vector>

namespace sbomop {
namespace http {

struct SBOMOP_API MetricSnapshot
	/// One metric family with all its samples, as MetricsRegistry::collect()
	/// returns it and as collectors produce it. A plain value type.
{
	enum Type
	{
		COUNTER,
		GAUGE,
		HISTOGRAM,
		UNTYPED
	};

	using Labels = std::vector<std::pair<std::string, std::string>>;
		/// Label name/value pairs, in the order they are rendered.

	struct Sample
	{
		std::string name;
			/// The full sample name: the family name, or for histograms the
			/// family name with `_bucket`, `_sum` or `_count` appended.
		Labels labels;
		double value = 0;
	};

	std::string name;
	std::string help;
	Type type = UNTYPED;
	std::vector<Sample> samples;

	static const char* typeName(Type type);
		/// Returns the name used in `# TYPE` lines: "counter", "gauge",
		/// "histogram" or "untyped".
};

} } // namespace sbomop::http

#endif // SBOMOP_Http_MetricSnapshot_INCLUDED
