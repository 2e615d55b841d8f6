//
// OutputFormats.h
//
// Part of the Syft test double (see main.cpp). Syft's output format table
// (syft-cli.md section 2) and its name and version matching.
//

#ifndef SBOMOP_SyftDouble_OutputFormats_INCLUDED
#define SBOMOP_SyftDouble_OutputFormats_INCLUDED

#include <string>

namespace sbomop {
namespace syftdouble {

class OutputFormats
	/// Static helpers.
{
public:
	struct Resolved
	{
		std::string id;       ///< e.g. "cyclonedx-json"
		std::string version;  ///< the chosen version; empty for unversioned formats
	};

	static Resolved resolve(const std::string& format);
		/// Resolves `NAME[@VERSION]` like Syft: names match IDs and aliases
		/// ignoring case, `-` and `_`; a version matches exactly or as a
		/// prefix (`spdx-json@2` is the newest 2.x); no version is the
		/// encoder's default. Throws Poco::InvalidArgumentException with
		/// Syft's message listing the supported `name@version`s.

	static std::string supported();
		/// The supported formats as Syft lists them.

private:
	OutputFormats();
};


} } // namespace sbomop::syftdouble

#endif // SBOMOP_SyftDouble_OutputFormats_INCLUDED
