//
// FakeTokenRegistry.h
//
// A small in-memory OCI distribution registry with Bearer token
// authentication (a token service on the same port), for the OciTarget suite.
//

#ifndef SBOMOP_Tests_FakeTokenRegistry_INCLUDED
#define SBOMOP_Tests_FakeTokenRegistry_INCLUDED

#include <Poco/Net/HTTPServer.h>
#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <vector>

namespace sbomop {
namespace testing {

class FakeTokenRegistry
	/// Plain HTTP on 127.0.0.1 (free port). `/v2/...` requests need
	/// `Authorization: Bearer <token>` with a token whose scope grants the
	/// action (pull, push, delete); otherwise 401 with
	/// `Bearer realm="http://<host>/token",service="fake-registry",scope="repository:<repo>:<actions>"`.
	/// `GET /token?service=..&scope=..` needs the Basic credentials and answers
	/// `{"token":"tok-<n>","expires_in":300}` (or `access_token` when
	/// useAccessTokenField). Blobs (HEAD, GET, POST + PUT upload with
	/// digest check), manifests (PUT, GET, HEAD, DELETE by digest) and tag
	/// lists paged two at a time with `Link`. Thread-safe.
{
public:
	FakeTokenRegistry(const std::string& username, const std::string& password, bool useAccessTokenField = false);
	~FakeTokenRegistry();

	std::string host() const;
		/// "127.0.0.1:<port>".

	int tokenRequests() const;
	std::vector<std::string> tokenScopes() const;
		/// The scope parameter of every token request, in order.
	int blobUploads() const;
		/// Number of completed blob uploads.
	bool hasManifest(const std::string& repository, const std::string& reference) const;

	void redirectBlobDownloads(bool redirect);
		/// When set, GET of a blob answers 307 to `http://localhost:<port>/storage/<digest>`
		/// (another host name for the same server), which serves it without authentication.
	int storageRequests() const;
	int storageRequestsWithAuthorization() const;
		/// Downloads from /storage, and those that carried an Authorization header.

	struct State;

private:
	std::shared_ptr<State> _state;
	std::unique_ptr<Poco::Net::HTTPServer> _server;
};

} } // namespace sbomop::testing

#endif // SBOMOP_Tests_FakeTokenRegistry_INCLUDED
