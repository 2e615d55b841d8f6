//
// CycleReport.h
//
// What one `sbom-operator --once` run did, read back from its log, from
// kube-sim's request counters (`GET /_sim/stats`) and from the batches the
// scripted backend recorded.
//

#ifndef SBOMOP_Bench_CycleReport_INCLUDED
#define SBOMOP_Bench_CycleReport_INCLUDED

#include <cstdint>
#include <map>
#include <ostream>
#include <string>

namespace sbomop {
namespace bench {

struct CycleReport
	/// Plain value. Counts are -1 where the source did not say (e.g. no
	/// cycle line in the log).
{
	double cycleSeconds = -1;         ///< from "cycle <id> done in <s> s: ..."
	std::int64_t podsSeen = -1;       ///< from "cycle <id>: <n> pods, <n> images, <n> pending, ..."
	std::int64_t imagesKnown = -1;
	std::int64_t imagesPending = -1;
	std::int64_t imagesSucceeded = -1;
	std::int64_t imagesFailed = -1;
	std::int64_t podsAnnotated = -1;
	std::int64_t annotationFailures = -1;
	std::int64_t backendBatches = 0;  ///< lines of the scripted output
	std::int64_t backendImages = 0;   ///< images over all batches
	std::int64_t backendDigests = 0;  ///< distinct digests over all batches
	std::int64_t backendContainers = 0;
	std::int64_t requestsTotal = 0;
	std::map<std::string, std::int64_t> requests;
		///< "<verb> <resource>" -> count, e.g. "patch pods"

	std::int64_t requestCount(const std::string& verb, const std::string& resource) const;
		/// 0 when the pair was not counted.

	void readLog(std::istream& log);
		/// Takes the last cycle lines of the operator's log.
	void readStats(std::istream& stats);
		/// Parses kube-sim's `{"total":N,"requests":{"<verb>":{"<resource>":N}}}`.
		/// Throws Poco::JSON::JSONException for malformed input.
	void readBatches(std::istream& batches);
		/// Parses the scripted backend's JSON lines. Throws like readStats().

	void print(std::ostream& out) const;
		/// One "key=value" line per figure; requests as
		/// "request.<verb>.<resource>=N" (resource with '/' kept).
};

} } // namespace sbomop::bench

#endif // SBOMOP_Bench_CycleReport_INCLUDED
