//
// SyftRunner.h
//
// Runs `syft scan` for one image as a subprocess and returns its SBOM.
//

#ifndef SBOMOP_Syft_SyftRunner_INCLUDED
#define SBOMOP_Syft_SyftRunner_INCLUDED

#include "sbomop/core/StopToken.h"
#include "sbomop/plugin/BackendTypes.h"
#include "sbomop/targets/SbomFormat.h"
#include "sbomop/syft/ScanResult.h"
#include <Poco/Timespan.h>
#include <map>
#include <string>
#include <vector>

namespace sbomop {
namespace syft {

class SyftRunner
	/// Runs, for one image,
	///
	///     syft scan registry:<pullReference> -o <format>[@<version>]=<dir>/sbom<ext>
	///          -q -c <dir>/syft.yaml --platform <platform>
	///
	/// in a private ScanWorkspace `<dir>`. The registry credentials are only
	/// in `syft.yaml` (SyftConfigFile, mode 0600), never in the arguments or
	/// the environment. Syft gets a filtered environment (see
	/// childEnvironment()) with SYFT_CHECK_FOR_APP_UPDATE=false and TMPDIR in
	/// the workspace. The workspace, with whatever Syft left there, is
	/// removed when the scan ends: on success, failure, timeout and cancel.
	///
	/// A scan fails when Syft exits non-zero, is killed (timeout, cancel),
	/// or writes no, an empty or an implausible document; the message then
	/// carries the end of Syft's stderr with the image's password and token
	/// and every secret known to logging::SecretRedactor::instance() masked.
	///
	/// scan() is const and keeps no state: one runner serves many threads.
{
public:
	struct Options
	{
		std::string executable;
			/// Absolute path of the Syft executable.
		std::string platform;
			/// Value of --platform; omitted when empty.
		Poco::Timespan timeout = Poco::Timespan(600, 0);
			/// Maximum run time of one scan.
		Poco::Timespan killGrace = Poco::Timespan(5, 0);
			/// Time between SIGTERM and SIGKILL when a scan is stopped.
		std::string workRoot;
			/// Directory in which scan workspaces are created; empty for
			/// the system's temporary directory.
		std::size_t stderrLimit = 16 * 1024;
			/// How much of the end of Syft's stderr a failure message keeps.
		std::map<std::string, std::string> environment;
			/// The environment Syft's is derived from (childEnvironment());
			/// usually currentEnvironment().
	};

	SyftRunner(const Options& options, const targets::SbomFormat& format, const std::string& formatVersion);
		/// A runner writing `format` in `formatVersion` (empty: Syft's default).

	ScanResult scan(const plugin::ImageTask& image, const StopToken& cancel) const;
		/// Scans `image.pullReference` with `image.credentials` and returns
		/// the result. Never throws for a failed scan: every failure,
		/// including one to prepare it, is a FAILED result. Returns
		/// CANCELLED at once, without starting Syft, when `cancel` is
		/// already requested. Thread-safe.

	std::vector<std::string> arguments(const std::string& pullReference, const std::string& configFile,
		const std::string& outputFile) const;
		/// The arguments after the executable, as scan() passes them.

	const Options& options() const;
		/// The options the runner was created with.

	static std::map<std::string, std::string> childEnvironment(const std::map<std::string, std::string>& parent,
		const std::string& tmpDir);
		/// The environment for Syft: from `parent` only what Syft and its
		/// libraries use (PATH, HOME, locale, TZ, proxies, SSL_CERT_FILE,
		/// SSL_CERT_DIR, DOCKER_CONFIG, XDG_*, GO* tuning, SYFT_* except
		/// credentials and config-file selection), so that the operator's own
		/// secrets (SBOM_*) never reach it; plus TMPDIR=`tmpDir` and
		/// SYFT_CHECK_FOR_APP_UPDATE=false.

	static std::map<std::string, std::string> currentEnvironment();
		/// This process's environment.

	static std::string authorityOf(const std::string& pullReference);
		/// The registry host[:port] of a reference, e.g. `ghcr.io` or
		/// `docker.io`. Throws image::InvalidImageReferenceException.

	static std::string maskSecrets(const std::string& text, const registry::RegistryCredentials& credentials);
		/// `text` with the credentials' password and token (any length) and
		/// every secret registered with SecretRedactor::instance() replaced
		/// by `***`.

private:
	ScanResult run(const plugin::ImageTask& image, const StopToken& cancel) const;
	std::string failureText(const std::string& stderrTail, bool truncated, const registry::RegistryCredentials& credentials) const;

	Options _options;
	targets::SbomFormat _format;
	std::string _formatVersion;
};


} } // namespace sbomop::syft

#endif // SBOMOP_Syft_SyftRunner_INCLUDED
