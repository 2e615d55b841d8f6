//
// SyftConfigFile.h
//
// The private Syft configuration file of one scan: registry credentials go
// there, never into Syft's command line or environment.
//

#ifndef SBOMOP_Syft_SyftConfigFile_INCLUDED
#define SBOMOP_Syft_SyftConfigFile_INCLUDED

#include "sbomop/registry/RegistryCredentials.h"
#include <string>

namespace sbomop {
namespace syft {

class SyftConfigFile
	/// Renders the YAML that Syft reads with `-c FILE`:
	///
	///     check-for-app-update: false
	///     registry:
	///       auth:
	///         - authority: "registry.example.com:5000"
	///           username: "bob"
	///           password: "p\"w"
	///
	/// One entry for the scanned image's registry: username and password
	/// when a password is set, otherwise the token as Syft's bearer `token`;
	/// `auth: []` without credentials. Every value is a YAML double-quoted
	/// scalar, so passwords may contain any character (quotes, backslashes,
	/// `#`, `: `, line breaks, control characters, any Unicode).
	///
	/// Static helpers; stateless and thread-safe. The rendered text holds
	/// secrets: write it only to a private file (ScanWorkspace) and never log it.
{
public:
	static std::string render(const std::string& authority, const registry::RegistryCredentials& credentials);
		/// The configuration for a scan of an image on `authority` (the
		/// registry host[:port] Syft pulls from). Throws SyftException
		/// naming the registry and the field (never the value) when a
		/// value is not valid UTF-8, which YAML cannot represent.

	static std::string quote(const std::string& value);
		/// `value` as a YAML double-quoted scalar: `"`, `\` and every
		/// character that YAML does not allow raw (C0 and C1 controls, DEL,
		/// U+2028, U+2029, U+FEFF, U+FFFE, U+FFFF) are escaped; any other
		/// character is kept as is. Throws Poco::DataFormatException when
		/// `value` is not valid UTF-8 (the message does not quote it).

private:
	SyftConfigFile();
};


} } // namespace sbomop::syft

#endif // SBOMOP_Syft_SyftConfigFile_INCLUDED
