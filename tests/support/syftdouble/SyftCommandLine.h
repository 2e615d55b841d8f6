//
// SyftCommandLine.h
//
// Part of the Syft test double (see main.cpp). The part of Syft's command
// line the operator uses.
//

#ifndef SBOMOP_SyftDouble_SyftCommandLine_INCLUDED
#define SBOMOP_SyftDouble_SyftCommandLine_INCLUDED

#include <string>
#include <vector>

namespace sbomop {
namespace syftdouble {

struct OutputOption
	/// One `-o FORMAT[@VERSION][=FILE]`.
{
	std::string format;  ///< FORMAT[@VERSION]
	std::string file;    ///< empty: stdout
};

struct SyftCommandLine
	/// `syft [scan|packages] SOURCE [flags]` and `syft version`. Flags:
	/// `-o/--output` (repeatable), `-c/--config`, `--platform`, `-q/--quiet`,
	/// `-v` (repeatable), `--scope`, `--source-name`, `--source-version`;
	/// each as `--flag value` or `--flag=value` (short ones also `-ovalue`).
{
	std::string command;                 ///< "scan" or "version"
	std::string source;                  ///< e.g. "registry:ghcr.io/org/app@sha256:..."
	std::vector<OutputOption> outputs;   ///< default: one syft-table to stdout
	std::string config;
	std::string platform;
	bool quiet = false;

	static SyftCommandLine parse(const std::vector<std::string>& args);
		/// Throws Poco::InvalidArgumentException with cobra's wording
		/// ("unknown flag: --x", "flag needs an argument: -o").
};


} } // namespace sbomop::syftdouble

#endif // SBOMOP_SyftDouble_SyftCommandLine_INCLUDED
