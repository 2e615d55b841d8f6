//
// GitTransport.h
//
// Authentication and TLS policy of one libgit2 network operation.
//

#ifndef SBOMOP_Targets_GitTransport_INCLUDED
#define SBOMOP_Targets_GitTransport_INCLUDED

#include "sbomop/Sbomop.h"
#include "sbomop/targets/git/GitCredentials.h"
#include <string>

struct git_remote_callbacks;
struct git_credential;
struct git_cert;
struct git_indexer_progress;

namespace sbomop {

class StopToken;

namespace targets {

class SBOMOP_API GitTransport
	/// The libgit2 remote callbacks of one fetch or push: answers the
	/// server's authentication requests with the configured credentials (at
	/// most MAX_AUTH_ATTEMPTS times, so that a wrong password fails instead
	/// of looping; a second attempt makes a GitHub App fetch a new token),
	/// applies `insecureSkipTlsVerify` to the certificate check, records
	/// refs the remote refused during a push, and cancels the operation from
	/// its progress callbacks once `shutdown` is requested (libgit2 1.5 has
	/// no network timeouts; a server that sends nothing is not cancelled).
	///
	/// Create one per operation and keep it alive until the operation
	/// returns (libgit2 gets a pointer to it). Not thread-safe.
{
public:
	static const int MAX_AUTH_ATTEMPTS = 2;

	static const std::string CANCELLED;
		/// "cancelled: the operator is shutting down".

	GitTransport(const GitCredentials& credentials, bool insecureSkipTlsVerify, const StopToken* pShutdown = nullptr);
		/// `credentials` and `pShutdown` (may be null) must outlive the transport.

	void install(git_remote_callbacks& callbacks);
		/// Sets the credentials, certificate_check, push_update_reference
		/// and progress callbacks and the payload.

	const std::string& error() const;
		/// A failure of ours inside a callback (e.g. no GitHub App token),
		/// better than libgit2's generic message; empty when none.

	const std::string& rejection() const;
		/// "<ref>: <reason>" of a ref the remote refused; empty when none.

private:
	static int credentials(git_credential** out, const char* url, const char* userFromUrl, unsigned int allowed, void* payload);
	static int certificateCheck(git_cert* cert, int valid, const char* host, void* payload);
	static int pushUpdateReference(const char* refname, const char* status, void* payload);
	static int transferProgress(const git_indexer_progress* stats, void* payload);
	static int pushTransferProgress(unsigned int current, unsigned int total, size_t bytes, void* payload);
	static int sidebandProgress(const char* text, int length, void* payload);
	int cancelIfStopping();
		/// 0, or after a shutdown request a negative code that cancels the operation.

	const GitCredentials& _credentials;
	const StopToken* _pShutdown;
	bool _insecure;
	int _authAttempts;
	std::string _error;
	std::string _rejection;
};


} } // namespace sbomop::targets

#endif // SBOMOP_Targets_GitTransport_INCLUDED
