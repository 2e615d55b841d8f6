//
// GoDuration.h
//
// Durations in Go's `time.ParseDuration` syntax (`1h30m`, `90s`, `1.5h`),
// as used by `@every` schedules and other options carried over from the Go
// operator.
//

#ifndef SBOMOP_Schedule_GoDuration_INCLUDED
#define SBOMOP_Schedule_GoDuration_INCLUDED

#include "sbomop/Sbomop.h"
#include <Poco/Timespan.h>
#include <Poco/Types.h>
#include <string>

namespace sbomop {
namespace schedule {

class SBOMOP_API GoDuration
	/// Syntax: `[-+]?([0-9]*(\.[0-9]*)?[a-z]+)+` with units `ns`, `us`
	/// (also `µs`, `μs`), `ms`, `s`, `m`, `h`; a lone `0` is allowed.
	/// Examples: `300ms`, `-1.5h`, `2h45m`. Stateless and thread-safe.
{
public:
	static Poco::Int64 parseNanoseconds(const std::string& text);
		/// The duration in nanoseconds. Throws Poco::SyntaxException naming
		/// the text: `invalid duration "..."`, `missing unit in duration "..."`,
		/// `unknown unit "x" in duration "..."`, or
		/// `duration "..." out of range` (beyond about 292 years).

	static Poco::Timespan parse(const std::string& text);
		/// parseNanoseconds() truncated to microseconds.

private:
	GoDuration();
};


} } // namespace sbomop::schedule

#endif // SBOMOP_Schedule_GoDuration_INCLUDED
