//
// SyftSettings.h
//
// The syft backend's configuration, read from the operator configuration and
// checked once at startup.
//

#ifndef SBOMOP_Syft_SyftSettings_INCLUDED
#define SBOMOP_Syft_SyftSettings_INCLUDED

#include "sbomop/targets/SbomFormat.h"
#include <Poco/Util/AbstractConfiguration.h>
#include <string>
#include <vector>

namespace sbomop {
namespace syft {

class SyftSettings
	/// Reads the keys of the syft backend:
	///
	///     format, format-version   the SBOM format and its version (targets::SbomFormat)
	///     targets                  where SBOMs are stored
	///     syft-path                Syft executable (default `syft`, looked up in PATH)
	///     syft-timeout             seconds per scan (default 600, 1..86400)
	///     scan-concurrency         scans at a time (default 2, 1..64)
	///     platform                 Syft's --platform (default: the operator's own)
	///
	/// Keys missing from the configuration take the defaults of the built-in
	/// key table, so a hand-built configuration works as well as the host's
	/// validated one. An immutable value once loaded; safe to share.
{
public:
	static SyftSettings load(const Poco::Util::AbstractConfiguration& config);
		/// Reads and checks the keys above; resolves syft-path to an absolute
		/// path (ExecutableLocator) and an empty platform to hostPlatform().
		/// Throws config::ConfigException naming the first bad key: a value
		/// of the wrong type or out of range, an unknown format, a
		/// format-version the format does not have, a platform that is not
		/// os/arch[/variant], or a Syft executable that cannot be found.

	const targets::SbomFormat& format() const;
		/// The configured format.

	const std::string& formatVersion() const;
		/// The configured format-version; empty for Syft's default.

	const std::vector<std::string>& targets() const;
		/// The configured target names in order, e.g. {"git", "dtrack"}.

	const std::string& syftPath() const;
		/// Absolute path of the Syft executable.

	int timeoutSeconds() const;
		/// Maximum run time of one scan.

	int concurrency() const;
		/// Number of scans that may run at the same time.

	const std::string& platform() const;
		/// The platform passed as --platform, never empty.

	std::vector<std::string> warnings() const;
		/// Settings that are valid but likely wrong, one sentence each, for
		/// the log at start: the dtrack target with CycloneDX 1.7 (Syft's
		/// default), which Dependency-Track 4.14 and older reject.

	static std::string hostPlatform();
		/// `linux/<arch>` of this machine from uname(2), in Go's architecture
		/// names (`linux/amd64`, `linux/arm64`, `linux/arm/v7`, ...).

private:
	SyftSettings(const targets::SbomFormat& format);

	targets::SbomFormat _format;
	std::string _formatVersion;
	std::vector<std::string> _targets;
	std::string _syftPath;
	int _timeoutSeconds = 0;
	int _concurrency = 0;
	std::string _platform;
};


} } // namespace sbomop::syft

#endif // SBOMOP_Syft_SyftSettings_INCLUDED
