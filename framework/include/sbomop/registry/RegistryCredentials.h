//
// RegistryCredentials.h
//
// Credentials for one container registry, as found in an image pull secret.
//

#ifndef SBOMOP_Registry_RegistryCredentials_INCLUDED
#define SBOMOP_Registry_RegistryCredentials_INCLUDED

#include "sbomop/Sbomop.h"
#include <iosfwd>
#include <string>

namespace sbomop {
namespace registry {

class SBOMOP_API RegistryCredentials
	/// A value type: registry, username, password and token (an
	/// `identitytoken` or `registrytoken` from a Docker config).
	///
	/// toString() and operator << mask the password and the token, so a
	/// value can be logged; the accessors return the real secrets and their
	/// results must never be logged. Immutable; safe to share between threads.
{
public:
	RegistryCredentials();
		/// Empty credentials (anonymous access).

	RegistryCredentials(const std::string& registry, const std::string& username, const std::string& password, const std::string& token = std::string());

	const std::string& registry() const;
		/// The registry these credentials are for: the key as written in the
		/// Docker config for DockerConfig entries, the image's registry host
		/// for CredentialResolver results.

	const std::string& username() const;
	const std::string& password() const;
	const std::string& token() const;

	bool empty() const;
		/// True when there is neither username, password nor token.

	RegistryCredentials withRegistry(const std::string& registry) const;
		/// A copy for another registry name.

	std::string toString() const;
		/// E.g. `ghcr.io (username "bob", password ***, no token)`; secrets are
		/// shown as `***` when set, never in clear.

	bool operator == (const RegistryCredentials& other) const;
	bool operator != (const RegistryCredentials& other) const;

private:
	std::string _registry;
	std::string _username;
	std::string _password;
	std::string _token;
};


SBOMOP_API std::ostream& operator << (std::ostream& ostr, const RegistryCredentials& credentials);
	/// Writes toString() (secrets masked).


//
// inlines
//
inline const std::string& RegistryCredentials::registry() const
{
	return _registry;
}


inline const std::string& RegistryCredentials::username() const
{
	return _username;
}


inline const std::string& RegistryCredentials::password() const
{
	return _password;
}


inline const std::string& RegistryCredentials::token() const
{
	return _token;
}


inline bool RegistryCredentials::operator != (const RegistryCredentials& other) const
{
	return !(*this == other);
}


} } // namespace sbomop::registry

#endif // SBOMOP_Registry_RegistryCredentials_INCLUDED
