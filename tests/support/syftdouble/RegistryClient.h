//
// RegistryClient.h
//
// Part of the Syft test double (see main.cpp). Authenticates to an OCI
// distribution registry and fetches an image's manifest, like Syft's
// registry source (go-containerregistry) does before it pulls layers.
//

#ifndef SBOMOP_SyftDouble_RegistryClient_INCLUDED
#define SBOMOP_SyftDouble_RegistryClient_INCLUDED

#include "ImageRef.h"
#include "SyftConfig.h"
#include <Poco/Net/Context.h>
#include <Poco/Types.h>
#include <string>
#include <vector>

namespace sbomop {
namespace syftdouble {

struct RegistrySettings
	/// Transport settings: Syft's `registry.insecure-use-http`,
	/// `insecure-skip-tls-verify` and `ca-cert` (file or directory).
{
	bool insecureUseHttp = false;
	bool insecureSkipTlsVerify = false;
	std::string caCert;
};

struct ImageManifest
	/// The image manifest for the requested platform.
{
	std::string digest;      ///< digest of the manifest itself
	std::string indexDigest; ///< digest of the index it was chosen from, if any
	std::string mediaType;
	std::string configDigest;
	std::vector<std::pair<std::string, Poco::UInt64>> layers;  ///< digest, size
};

class RegistryClient
	/// One client per scan. Follows the distribution spec: `GET /v2/`, then
	/// the challenge in WWW-Authenticate: Basic (username and password of the
	/// matching `registry.auth` entry) or Bearer (a token from the realm,
	/// requested with those credentials; an entry's `token` is sent as the
	/// bearer token directly). Then `GET /v2/<repo>/manifests/<ref>`; an index
	/// is resolved to the manifest of the requested platform. Manifest
	/// digests are verified.
	///
	/// Errors are Poco::IOException with a message shaped like
	/// go-containerregistry's: `GET <url>: UNAUTHORIZED: authentication required`.
{
public:
	RegistryClient(const RegistrySettings& settings, const RegistryAuth* auth);

	ImageManifest resolve(const ImageRef& ref, const std::string& platform);
		/// `platform` is os/arch[/variant] (empty: linux/amd64).

private:
	struct Response
	{
		int status = 0;
		std::string body;
		std::string contentType;
		std::string challenge;
	};

	Response get(const std::string& url, const std::string& accept, const std::string& authorization);
	void authenticate(const ImageRef& ref);
	std::string baseUrl(const ImageRef& ref) const;
	std::string fetchManifest(const ImageRef& ref, const std::string& reference, const std::string& expectedDigest,
		std::string& mediaType, std::string& digest);

	RegistrySettings _settings;
	const RegistryAuth* _pAuth;
	std::string _authorization;
	Poco::Net::Context::Ptr _pContext;
};


} } // namespace sbomop::syftdouble

#endif // SBOMOP_SyftDouble_RegistryClient_INCLUDED
