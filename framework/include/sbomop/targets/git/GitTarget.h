//
// GitTarget.h
//
// The git storage target: SBOMs as files in a Git repository, one commit
// and push per cycle.
//

#ifndef SBOMOP_Targets_GitTarget_INCLUDED
#define SBOMOP_Targets_GitTarget_INCLUDED

#include "sbomop/Sbomop.h"
#include "sbomop/targets/Target.h"
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace Poco { class Logger; }

namespace sbomop {

class StopToken;

namespace targets {

class GitRepository;

class SBOMOP_API GitTarget: public Target
	/// Keeps every SBOM at `<git-path>/<imageID, "@" -> "/", ":" -> "_">/sbom<ext>`
	/// on `git-branch` of `git-repository` (see GitPathMapper), as the Go
	/// sbom-operator did, but with one commit per cycle instead of one per
	/// image:
	///
	///   - initialise() clones (or opens) `git-workingtree` and follows the
	///     remote branch; an unreachable remote is logged, not fatal.
	///   - beginBatch() fetches and resets hard to the remote branch.
	///   - store() writes the file and answers "deferred".
	///   - finishBatch() commits everything with the configured author and
	///     pushes. When the remote moved on meanwhile (another replica or a
	///     person pushed), it fetches, resets, writes the batch's files
	///     again, commits and pushes, up to MAX_PUSH_RETRIES more times. An
	///     SBOM equal to the stored one counts as stored.
	///   - remove() deletes the images' digest folders in one commit
	///     ("Deleted old SBOMs"), pushed with the same retries.
	///
	/// Failure messages name git and the remote (credentials masked) and
	/// never contain a password or token. Not thread-safe (TargetSet
	/// serialises the calls).
{
public:
	static const int MAX_PUSH_RETRIES = 3;

	GitTarget();
	~GitTarget() override;

	std::string name() const override;
		/// "git".

	void validate(const Poco::Util::AbstractConfiguration& config) const override;
		/// Requires git-repository (http:// or https://), git-author-name,
		/// git-author-email, git-workingtree and a valid git-branch; checks
		/// git-path (relative, no ".."), that at most one authentication
		/// method is configured and complete (GitCredentials::selectMethod())
		/// and that git-ca-cert-file is readable. Throws config::ConfigException.

	void initialise(plugin::BackendContext& context) override;
		/// initialise(context.config(), context.logger(), &context.shutdown()).

	void initialise(const Poco::Util::AbstractConfiguration& config, Poco::Logger& logger, const StopToken* pShutdown = nullptr);
		/// Reads the keys, warns when TLS verification is off, opens or
		/// creates the working tree and syncs it with the remote. Throws
		/// GitException for a working tree that cannot be used and
		/// GitHubAppException for an unreadable app key; a failed fetch is
		/// only logged (beginBatch() tries again). Once `pShutdown` (may be
		/// null; must outlive the target) is requested, network operations
		/// are cancelled and pushes no longer retried.

	void beginBatch(const std::string& batchId) override;
	StoreResult store(const plugin::ImageTask& image, const std::string& document, const SbomFormat& format) override;
	std::vector<plugin::ImageResult> finishBatch() override;

	std::vector<plugin::StoredImage> storedImages() override;
		/// Syncs with the remote (unless a batch is open) and lists every
		/// folder below git-path that holds a `sbom.*` file. Throws
		/// GitException when the remote cannot be read or the tree walked.

	std::vector<plugin::ImageResult> remove(const std::vector<std::string>& imageIds) override;

	static std::string commitMessage(const std::vector<std::string>& imageIds);
		/// "Created new SBOM for image <id>" for one image (the Go
		/// operator's message); for several, "Created new SBOMs for <n>
		/// images" followed by a blank line and one such line per image.

	static const std::string REMOVE_MESSAGE;
		/// "Deleted old SBOMs", as the Go operator.

private:
	struct BatchEntry
	{
		std::string imageId;
		std::string location;
	};

	std::string publish(const std::string& message, const std::function<void()>& apply);
		/// Commits and pushes, retrying after a rejected push; "" on
		/// success, otherwise the failure message.
	bool trySync(std::string& error);
	void requireInitialised() const;

	Poco::Logger* _pLogger;
	const StopToken* _pShutdown;
	std::unique_ptr<GitRepository> _pRepository;
	std::string _workingTree;
	std::string _gitPath;
	std::string _authorName;
	std::string _authorEmail;
	bool _batchOpen;
	std::string _syncError;
	std::map<std::string, std::string> _batchFiles;   ///< relative path -> content
	std::vector<BatchEntry> _batchImages;
};


} } // namespace sbomop::targets

#endif // SBOMOP_Targets_GitTarget_INCLUDED
