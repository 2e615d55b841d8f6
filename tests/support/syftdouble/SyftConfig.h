//
// SyftConfig.h
//
// Part of the Syft test double (see main.cpp). The registry settings of a
// Syft configuration file (`-c FILE`): `registry.auth`, `insecure-use-http`,
// `insecure-skip-tls-verify`, `ca-cert`.
//

#ifndef SBOMOP_SyftDouble_SyftConfig_INCLUDED
#define SBOMOP_SyftDouble_SyftConfig_INCLUDED

#include <string>
#include <vector>

namespace sbomop {
namespace syftdouble {

struct RegistryAuth
	/// One `registry.auth` entry.
{
	std::string authority;
	std::string username;
	std::string password;
	std::string token;
};

class SyftConfig
	/// Reads the subset of Syft's YAML configuration that the operator
	/// writes: a small parser for exactly that shape (top-level keys, the
	/// `registry` map, its `auth` list of flat maps; plain, single-quoted and
	/// double-quoted scalars with every YAML escape; `#` comments). Flow
	/// collections other than `[]`, anchors and multi-line scalars are
	/// rejected with Poco::SyntaxException.
{
public:
	SyftConfig();

	static SyftConfig parse(const std::string& yaml);
		/// Throws Poco::SyntaxException naming the line.

	static SyftConfig load(const std::string& path);
		/// Reads and parses a file. Throws Poco::FileException, Poco::SyntaxException.

	static std::string unquote(const std::string& scalar);
		/// The value of a plain, 'single' or "double" quoted scalar.
		/// Throws Poco::SyntaxException for a bad escape or a missing quote.

	const std::vector<RegistryAuth>& auth() const;
	bool insecureUseHttp() const;
	bool insecureSkipTlsVerify() const;
	const std::string& caCert() const;
	bool checkForAppUpdate() const;

	const RegistryAuth* credentialsFor(const std::string& registry) const;
		/// The entry Syft would use for `registry` (host[:port]): the first
		/// whose authority matches (Docker Hub's aliases are one registry),
		/// else the first without an authority; null when none applies.

private:
	std::vector<RegistryAuth> _auth;
	bool _insecureUseHttp;
	bool _insecureSkipTlsVerify;
	std::string _caCert;
	bool _checkForAppUpdate;
};


} } // namespace sbomop::syftdouble

#endif // SBOMOP_SyftDouble_SyftConfig_INCLUDED
