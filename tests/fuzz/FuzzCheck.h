//
// FuzzCheck.h
//
// Invariant checks for the fuzz targets: a broken invariant prints what was
// expected and aborts, which libFuzzer reports as a crash with the input.
//

#ifndef SBOMOP_Fuzz_FuzzCheck_INCLUDED
#define SBOMOP_Fuzz_FuzzCheck_INCLUDED

#include <cstdio>
#include <cstdlib>
#include <string>

namespace sbomop {
namespace fuzz {

[[noreturn]] inline void invariantFailed(const char* what, const std::string& detail)
	/// Prints the broken invariant and aborts.
{
	std::fprintf(stderr, "invariant broken: %s\n  %s\n", what, detail.c_str());
	std::fflush(stderr);
	std::abort();
}

inline void check(bool condition, const char* what, const std::string& detail = std::string())
	/// Aborts with `what` and `detail` unless `condition` holds.
{
	if (!condition) invariantFailed(what, detail);
}

} } // namespace sbomop::fuzz

#endif // SBOMOP_Fuzz_FuzzCheck_INCLUDED
