//
// GitRepository.h
//
// The git working tree of the git target, driven through libgit2.
//

#ifndef SBOMOP_Targets_GitRepository_INCLUDED
#define SBOMOP_Targets_GitRepository_INCLUDED

#include "sbomop/Sbomop.h"
#include "sbomop/targets/git/GitCredentials.h"
#include <string>

struct git_repository;
struct git_remote;

namespace sbomop {

class StopToken;

namespace targets {

class SBOMOP_API GitRepository
	/// A local clone of one branch of a remote repository (remote "origin")
	/// that follows the remote: sync() makes the working tree equal to the
	/// remote branch, the caller writes or removes files, commitAll() records
	/// every change in one commit and push() publishes it.
	///
	/// Transport: HTTP(S) with the configured credentials (see
	/// GitTransport), proxies from the environment (honouring NO_PROXY). TLS: `caCertFile` replaces the CAs libgit2 trusts (a
	/// process-wide libgit2 setting); `insecureSkipTlsVerify` accepts any
	/// server certificate.
	///
	/// Errors throw GitException naming the operation and carrying
	/// libgit2's reason; credentials in URLs are masked and the configured
	/// password or token never appears.
	///
	/// Owns its libgit2 handles (RAII). Not thread-safe: one thread at a
	/// time. libgit2 itself is initialised once per process.
{
public:
	struct Options
	{
		std::string url;              ///< remote URL (http:// or https://)
		std::string workingTree;      ///< local folder; created when missing
		std::string branch = "main";  ///< branch to follow and push
		GitCredentials credentials;
		std::string caCertFile;       ///< PEM CA bundle for HTTPS; empty for libgit2's default
		bool insecureSkipTlsVerify = false;
		const StopToken* pShutdown = nullptr;  ///< cancels network operations when requested (GitTransport)
	};

	enum PushResult
	{
		PUSHED,   ///< the remote branch now points to our HEAD
		REJECTED  ///< the remote refused the update (it moved on: non-fast-forward)
	};

	explicit GitRepository(const Options& options);
		/// Does not touch the disk or the network yet.

	~GitRepository();
	GitRepository(const GitRepository&) = delete;
	GitRepository& operator = (const GitRepository&) = delete;

	void open();
		/// Opens the repository in the working tree, or initialises one
		/// there (an empty or missing folder), and points "origin" at the
		/// URL. Refuses a non-empty folder that is not a repository. Removes a
		/// stale `index.lock` (left by a killed process): the working tree
		/// belongs to this operator and nothing has touched the index yet.

	void sync();
		/// Fetches the remote and resets the branch, index and working tree
		/// hard to `origin/<branch>`, deleting untracked files. When the
		/// remote has no such branch (an empty repository) the branch
		/// becomes unborn and the working tree empty; the first push creates
		/// it. Opens the repository first when needed.

	void writeFile(const std::string& relativePath, const std::string& content);
		/// Writes a file below the working tree, creating its folders. The
		/// content goes to a file in `.git/` first and is renamed into place,
		/// so a full disk leaves the previous version intact; the error names
		/// the system's cause.

	bool removePath(const std::string& relativePath);
		/// Deletes a file or a whole folder below the working tree; false
		/// when it did not exist.

	bool exists(const std::string& relativePath) const;
		/// True when the file or folder exists below the working tree.

	bool commitAll(const std::string& message, const std::string& authorName, const std::string& authorEmail);
		/// Stages every change (new, modified and deleted files) and commits
		/// it on the branch with author and committer as given. Returns false,
		/// committing nothing, when the tree equals that of HEAD.

	PushResult push();
		/// Pushes the branch to origin. Returns REJECTED when the remote
		/// moved on (non-fast-forward or a refused ref update); throws
		/// GitException for every other failure.

	const std::string& lastRejection() const;
		/// The reason of the last REJECTED push.

	std::string headCommit() const;
		/// The hex ID of HEAD's commit; empty when the branch is unborn.

	const std::string& workingTree() const;

	std::string displayUrl() const;
		/// The remote URL with any user info masked.

	static std::string maskCredentials(const std::string& text);
		/// `text` with the user info of every URL in it replaced by "***"
		/// ("https://u:p@host/x" -> "https://***@host/x").

private:
	void ensureOpen();
	git_remote* origin();
	std::string failure(const std::string& operation, int code, const std::string& callbackError) const;
	void resetToRemote();
	void resetToEmpty();

	Options _options;
	git_repository* _pRepository;
	std::string _lastRejection;
};


} } // namespace sbomop::targets

#endif // SBOMOP_Targets_GitRepository_INCLUDED
