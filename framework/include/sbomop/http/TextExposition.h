//
// TextExposition.h
//
// The Prometheus text exposition format, version 0.0.4.
//

#ifndef SBOMOP_Http_TextExposition_INCLUDED
#define SBOMOP_Http_TextExposition_INCLUDED

#include "sbomop/Sbomop.h"
#include "sbomop/http/MetricSnapshot.h"
#include <string>
#include <vector>

namespace sbomop {
namespace http {

class SBOMOP_API TextExposition
	/// Renders metric snapshots as Prometheus text (format 0.0.4), one family
	/// after the other:
	///
	///     # HELP sbomop_http_requests_total Requests served by the health server.
	///     # TYPE sbomop_http_requests_total counter
	///     sbomop_http_requests_total{path="/health",code="200"} 3
	///
	/// Families without samples are left out. Stateless and thread-safe.
{
public:
	static const std::string CONTENT_TYPE;
		/// "text/plain; version=0.0.4; charset=utf-8".

	static std::string render(const std::vector<MetricSnapshot>& families);
		/// Returns the exposition of all families, in the given order.

	static void append(std::string& out, const MetricSnapshot& family);
		/// Appends the `# HELP` and `# TYPE` lines and the samples of one
		/// family, each line ending with "\n".

	static std::string formatValue(double value);
		/// Returns a sample value or bucket bound the way Prometheus clients
		/// write it: the shortest text that reads back as the same double
		/// ("1", "0.25", "1e+21"), or "+Inf", "-Inf", "NaN".

	static std::string escapeLabelValue(const std::string& value);
		/// Escapes '\\' as "\\\\", '"' as "\\\"" and newline as "\\n".

	static std::string escapeHelp(const std::string& help);
		/// Escapes '\\' as "\\\\" and newline as "\\n".

	TextExposition() = delete;
};

} } // namespace sbomop::http

#endif // SBOMOP_Http_TextExposition_INCLUDED
