//
// PrometheusTextParser.h
//
// A strict reader of the Prometheus text format 0.0.4, for checking /metrics
// output in tests independently of the code that writes it.
//

#ifndef SBOMOP_Tests_PrometheusTextParser_INCLUDED
#define SBOMOP_Tests_PrometheusTextParser_INCLUDED

#include <map>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace sbomop {
namespace http {

class PrometheusTextParser
	/// parse() reads an exposition line by line and throws
	/// std::runtime_error("line N: ...") on the first violation of:
	///
	///   * the line grammar: `# HELP name text`, `# TYPE name type`, other
	///     comments, `name{label="value",...} value [timestamp]`;
	///   * names ([a-zA-Z_:][a-zA-Z0-9_:]* for metrics, no ':' for labels),
	///     escapes (only \\ \n in HELP, \\ \" \n in label values), values
	///     (floats, +Inf, -Inf, NaN);
	///   * at most one HELP and TYPE per family, TYPE before its samples,
	///     samples of a family contiguous, no duplicate series, no duplicate
	///     label names;
	///   * counters not negative; histograms with ascending `le`, cumulative
	///     bucket counts, a +Inf bucket equal to `_count`, and a `_sum`;
	///   * text ending with a newline.
{
public:
	using Labels = std::vector<std::pair<std::string, std::string>>;

	struct Sample
	{
		std::string name;
		Labels labels;
		double value = 0;
	};

	struct Family
	{
		std::string name;
		std::string help;
		std::string type = "untyped";
		std::vector<Sample> samples;
	};

	using Families = std::map<std::string, Family>;

	static Families parse(const std::string& text);

	static double value(const Families& families, const std::string& sampleName, const Labels& labels = {});
		/// Returns the value of the sample with that name and exactly those
		/// labels (in any order). Throws std::runtime_error if there is none.
};

} } // namespace sbomop::http

#endif // SBOMOP_Tests_PrometheusTextParser_INCLUDED
