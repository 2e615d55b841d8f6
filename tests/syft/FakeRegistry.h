//
// FakeRegistry.h
//
// A tiny OCI distribution registry for the Syft suite: `GET /v2/`, manifests
// by tag or digest, Basic or Bearer (token service) authentication. Plain
// HTTP on 127.0.0.1, port chosen by the system.
//

#ifndef SBOMOP_Tests_FakeRegistry_INCLUDED
#define SBOMOP_Tests_FakeRegistry_INCLUDED

#include <Poco/Net/HTTPServer.h>
#include <atomic>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace sbomop {
namespace testing {

class FakeRegistry
	/// Serves images added with addImage(). Requests without valid
	/// credentials get 401 with a distribution-spec error body
	/// (`UNAUTHORIZED: authentication required`) and a WWW-Authenticate
	/// challenge: `Basic realm="fake"`, or `Bearer realm="http://<host>/token",
	/// service="fake-registry"` whose token endpoint takes the same Basic
	/// credentials. A static bearer token, when set, is always accepted.
	/// Thread-safe.
{
public:
	enum AuthMode
	{
		BASIC,
		BEARER
	};

	FakeRegistry(const std::string& username, const std::string& password, AuthMode mode = BASIC,
		const std::string& staticToken = std::string());
	~FakeRegistry();

	std::string host() const;
		/// "127.0.0.1:<port>".

	std::string addImage(const std::string& repository, const std::string& tag);
		/// Adds a single-platform OCI image manifest (unique per repository
		/// and tag) and returns its digest.

	std::string addIndex(const std::string& repository, const std::string& tag, const std::vector<std::string>& platforms,
		std::map<std::string, std::string>& childDigests);
		/// Adds an OCI image index with one image manifest per platform
		/// (`os/arch[/variant]`) and returns the index digest; `childDigests`
		/// maps each platform to its manifest's digest.

	std::string reference(const std::string& repository, const std::string& digest) const;
		/// host()/repository@digest.

	int manifestRequests() const;
		/// Number of manifest requests answered 200.

	struct Manifest
	{
		std::string body;
		std::string digest;
		std::string mediaType;
	};

	bool authorized(const std::string& authorization) const;
	bool checkBasic(const std::string& authorization) const;
	const Manifest* find(const std::string& repository, const std::string& reference) const;
	std::string challenge() const;
	std::string issuedToken() const;
	void countManifest();

private:
	std::string store(const std::string& repository, const std::string& tag, const std::string& body, const std::string& mediaType);

	std::string _basic;
	AuthMode _mode;
	std::string _staticToken;
	std::map<std::string, Manifest> _manifests;  // "<repo>@<ref>" for tags and digests
	mutable std::mutex _mutex;
	std::atomic<int> _manifestRequests;
	std::unique_ptr<Poco::Net::HTTPServer> _pServer;
};


} } // namespace sbomop::testing

#endif // SBOMOP_Tests_FakeRegistry_INCLUDED
