//
// TokenEndpointDouble.h
//
// A double of GitHub's `POST /app/installations/{id}/access_tokens` on
// 127.0.0.1: it verifies the app JWT (RS256 signature with the app's public
// key, iss, iat/exp) and answers with a fixed installation token.
//

#ifndef SBOMOP_Tests_TokenEndpointDouble_INCLUDED
#define SBOMOP_Tests_TokenEndpointDouble_INCLUDED

#include <Poco/Crypto/RSAKey.h>
#include <Poco/Net/HTTPServer.h>
#include <atomic>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace sbomop {
namespace testing {

class TokenEndpointDouble
{
public:
	struct State
	{
		std::string appId;
		std::string installationId;
		std::string token;
		int lifetimeSeconds = 3600;   ///< expires_at = now + this
		std::unique_ptr<Poco::Crypto::RSAKey> publicKey;
		std::mutex mutex;
		int accepted = 0;
		int refused = 0;
		std::vector<std::string> errors;   ///< why requests were refused
	};

	TokenEndpointDouble(const Poco::Crypto::RSAKey& publicKey, const std::string& appId, const std::string& installationId,
		const std::string& token);
	~TokenEndpointDouble();

	std::string url() const;
		/// "http://127.0.0.1:<port>", the github-api-url.
	State& state();

	static bool verifyJwt(const std::string& jwt, const Poco::Crypto::RSAKey& publicKey, const std::string& appId, std::string& error);
		/// Checks header (alg RS256), claims (iss, exp - iat = 600 s,
		/// iat in the past) and the signature.
	static std::string base64UrlDecode(const std::string& text);

	struct AppKey
	{
		std::unique_ptr<Poco::Crypto::RSAKey> key;
		std::string privatePem;
		std::string base64Pem;   ///< the github-app-private-key value
	};

	static const AppKey& appKey();
		/// A 2048-bit RSA key made once per test run.

private:
	std::shared_ptr<State> _pState;
	std::unique_ptr<Poco::Net::HTTPServer> _pServer;
};

} } // namespace sbomop::testing

#endif // SBOMOP_Tests_TokenEndpointDouble_INCLUDED
