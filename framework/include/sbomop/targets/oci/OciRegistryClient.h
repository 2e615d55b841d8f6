//
// OciRegistryClient.h
//
// A small client of the OCI distribution specification for one repository:
// blobs, manifests and tags, with Basic and Bearer token authentication.
//

#ifndef SBOMOP_Targets_OciRegistryClient_INCLUDED
#define SBOMOP_Targets_OciRegistryClient_INCLUDED

#include "sbomop/Sbomop.h"
#include "sbomop/targets/oci/OciAuthChallenge.h"
#include "sbomop/targets/oci/OciRepository.h"
#include <Poco/Net/Context.h>
#include <Poco/Net/NameValueCollection.h>
#include <Poco/Timespan.h>
#include <Poco/Timestamp.h>
#include <Poco/URI.h>
#include <map>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

namespace sbomop {
namespace targets {

class SBOMOP_API OciRegistryClient
	/// Talks to the registry of an OciRepository about that repository.
	///
	/// Authentication follows the registry's `WWW-Authenticate` challenge: a
	/// request goes out with the credentials known to work; on 401 the
	/// challenge is answered once, either with Basic credentials or, for
	/// `Bearer realm=..,service=..,scope=..`, with a token fetched from the
	/// realm (GET with Basic credentials when there are any; the answer's
	/// `token` or `access_token`). Tokens are cached per scope until shortly
	/// before `expires_in` (default 60 s) runs out. Redirects of GET and HEAD
	/// are followed (up to 5; credentials are not sent to another host).
	///
	/// TLS: the CA file replaces the system trust store when given; host
	/// names are verified, also for loopback addresses. With
	/// insecureSkipTlsVerify nothing is verified (the caller warns).
	///
	/// Errors throw OciException naming the request (method, URL without its
	/// query) and the registry's answer (status, `errors[].code` and
	/// `message`); rejected credentials throw OciAuthenticationException.
	/// Messages never contain the password or tokens.
	///
	/// Thread-safe: every request uses its own connection; the token cache is
	/// guarded by a mutex.
{
public:
	struct Options
	{
		std::string username;
		std::string password;          ///< password or access token
		std::string caCertFile;        ///< PEM CA bundle; empty for the system CAs
		bool insecureSkipTlsVerify = false;
		Poco::Timespan timeout = Poco::Timespan(60, 0);  ///< per connection read/write
	};

	struct Response
	{
		int status = 0;
		std::string reason;
		std::string body;
		Poco::Net::NameValueCollection headers;
	};

	static const std::string MANIFEST_ACCEPT;
		/// The manifest types the client accepts (OCI and Docker v2, images
		/// and indexes): distribution 2.8 answers 404 to a GET of an OCI
		/// manifest without them.

	OciRegistryClient(const OciRepository& repository, const Options& options);
		/// Prepares the client; connects lazily. Throws OciException when the
		/// CA file cannot be loaded.

	~OciRegistryClient();

	OciRegistryClient(const OciRegistryClient&) = delete;
	OciRegistryClient& operator = (const OciRegistryClient&) = delete;

	const OciRepository& repository() const;

	bool blobExists(const std::string& digest);
		/// HEAD of the blob: true on 200, false on 404.

	bool pushBlob(const std::string& data, const std::string& digest);
		/// Uploads `data` as the blob `digest` unless the repository already
		/// has it: POST to start an upload, then a monolithic PUT to its
		/// Location with `?digest=`. Returns false when it was present and
		/// nothing was uploaded.

	std::string getBlob(const std::string& digest);
		/// The content of a blob. Throws OciException (code 404) when absent.

	std::string putManifest(const std::string& reference, const std::string& mediaType, const std::string& manifest);
		/// PUT of a manifest under a tag or digest; returns the digest the
		/// registry reports (Docker-Content-Digest).

	bool getManifest(const std::string& reference, std::string& manifest, std::string& digest);
		/// GET of a manifest by tag or digest; false when it does not exist.

	bool headManifest(const std::string& reference, std::string& digest);
		/// HEAD of a manifest; sets its digest; false when it does not exist.

	bool deleteManifest(const std::string& digest);
		/// DELETE of a manifest by digest (the registry removes every tag that
		/// points at it); false when it did not exist.

	std::vector<std::string> listTags();
		/// Every tag of the repository, following `Link: <..>; rel="next"`
		/// pagination; empty when the repository does not exist yet.

private:
	struct Request
	{
		Request() = default;
		Request(std::string method_, std::string target_, std::string action_, std::string accept_ = {},
			std::string contentType_ = {}, const std::string* body_ = nullptr):
			method(std::move(method_)), target(std::move(target_)), action(std::move(action_)),
			accept(std::move(accept_)), contentType(std::move(contentType_)), body(body_)
		{
		}

		std::string method;
		std::string target;          ///< path+query below the registry, or an absolute URL
		std::string action;          ///< "pull", "push" or "delete" (token scope)
		std::string accept;
		std::string contentType;
		const std::string* body = nullptr;
	};

	struct CachedToken
	{
		std::string token;
		Poco::Timestamp expires;
	};

	Response execute(const Request& request);
	Response sendFollowingRedirects(const Request& request, const Poco::URI& uri, const std::string& authorization);
	Response sendOnce(const Request& request, const Poco::URI& uri, const std::string& authorization);
	std::string authorizationFor(const std::string& scope);
	std::string answerChallenge(const OciAuthChallenge& challenge, const std::string& scope);
	std::string fetchToken(const OciAuthChallenge& challenge, const std::string& scope);
	std::string basicAuthorization() const;
	Poco::URI uriFor(const std::string& target) const;
	bool isRegistryHost(const Poco::URI& uri) const;
	std::string describe(const std::string& method, const Poco::URI& uri) const;
	[[noreturn]] void fail(const Request& request, const Poco::URI& uri, const Response& response) const;
	std::string repositoryPath(const std::string& suffix) const;

	OciRepository _repository;
	Options _options;
	Poco::Net::Context::Ptr _pContext;
	std::mutex _mutex;
	bool _useBasic;
	std::map<std::string, CachedToken> _tokens;
};


//
// inlines
//
inline const OciRepository& OciRegistryClient::repository() const
{
	return _repository;
}

} } // namespace sbomop::targets

#endif // SBOMOP_Targets_OciRegistryClient_INCLUDED
