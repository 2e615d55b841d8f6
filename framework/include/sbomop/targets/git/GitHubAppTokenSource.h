//
// GitHubAppTokenSource.h
//
// Installation access tokens of a GitHub App, for pushing SBOMs to GitHub
// without a personal token.
//

#ifndef SBOMOP_Targets_GitHubAppTokenSource_INCLUDED
#define SBOMOP_Targets_GitHubAppTokenSource_INCLUDED

#include "sbomop/Sbomop.h"
#include <Poco/Timespan.h>
#include <Poco/Timestamp.h>
#include <memory>
#include <mutex>
#include <string>

namespace Poco { namespace Crypto { class RSAKey; } }

namespace sbomop {
namespace targets {

class SBOMOP_API GitHubAppTokenSource
	/// Obtains installation tokens the way GitHub documents it: a JWT signed
	/// with the app's private key (RS256; iat = now - 60 s, exp = now + 9 min,
	/// iss = app ID) authorises `POST {api}/app/installations/{id}/access_tokens`
	/// (Accept: application/vnd.github+json), whose answer carries `token`
	/// and `expires_at`. Git then authenticates as user `x-access-token` with
	/// the token as password.
	///
	/// Tokens are cached and fetched again when less than REFRESH_MARGIN of
	/// their life is left. Every token is registered with the process-wide
	/// SecretRedactor (and the previous one removed) so that it cannot reach
	/// the logs.
	///
	/// Thread-safe: token() serialises refreshes with a mutex.
{
public:
	static const Poco::Timespan REFRESH_MARGIN;
		/// 5 minutes: a cached token is renewed when it expires sooner.

	static const std::string USER_NAME;
		/// "x-access-token", the git user name that goes with installation tokens.

	GitHubAppTokenSource(const std::string& apiUrl, const std::string& appId, const std::string& installationId,
		const std::string& privateKey, const std::string& caCertFile = "", bool insecureSkipTlsVerify = false);
		/// `privateKey` is the base64-encoded PEM of the app key (the
		/// `github-app-private-key` value); a plain PEM is accepted too.
		/// `apiUrl` is e.g. "https://api.github.com". `caCertFile` (PEM)
		/// replaces the system CAs for HTTPS; `insecureSkipTlsVerify` turns
		/// certificate verification off. Throws GitHubAppException when the
		/// key cannot be read or the URL is not http(s); the message never
		/// contains the key.

	~GitHubAppTokenSource();
	GitHubAppTokenSource(const GitHubAppTokenSource&) = delete;
	GitHubAppTokenSource& operator = (const GitHubAppTokenSource&) = delete;

	std::string token();
		/// A valid installation token, from the cache or a new request.
		/// Throws GitHubAppException (naming the endpoint and HTTP status,
		/// never the JWT or a token) when none can be obtained.

	void invalidate();
		/// Forgets the cached token, e.g. after the git server refused it.

	Poco::Timestamp expiresAt() const;
		/// Expiry of the cached token; zero when none is cached.

	std::string createJwt(const Poco::Timestamp& now) const;
		/// The signed app JWT for the instant `now` (header.claims.signature,
		/// base64url without padding).

	std::string tokenUrl() const;
		/// `{api}/app/installations/{id}/access_tokens`.

	static std::string base64UrlEncode(const std::string& data);
		/// Base64url without padding (RFC 7515).

private:
	void fetch();

	std::string _apiUrl;
	std::string _appId;
	std::string _installationId;
	std::string _caCertFile;
	bool _insecure;
	std::unique_ptr<Poco::Crypto::RSAKey> _pKey;
	mutable std::mutex _mutex;
	std::string _token;
	Poco::Timestamp _expiresAt;
};


} } // namespace sbomop::targets

#endif // SBOMOP_Targets_GitHubAppTokenSource_INCLUDED
