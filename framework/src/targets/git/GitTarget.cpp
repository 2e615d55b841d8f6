//
// GitTarget.cpp
//

#include "sbomop/targets/git/GitTarget.h"
#include "sbomop/targets/git/GitCredentials.h"
#include "sbomop/targets/git/GitException.h"
#include "sbomop/targets/git/GitPathMapper.h"
#include "sbomop/targets/git/GitRepository.h"
#include "sbomop/targets/git/GitTransport.h"
#include "sbomop/core/StopToken.h"
#include "sbomop/config/BuiltinKeys.h"
#include "sbomop/config/ConfigException.h"
#include <Poco/DirectoryIterator.h>
#include <Poco/File.h>
#include <Poco/Logger.h>
#include <Poco/Path.h>
#include <Poco/RegularExpression.h>
#include <set>

namespace sbomop {
namespace targets {

using config::BuiltinKeys;

const std::string GitTarget::REMOVE_MESSAGE("Deleted old SBOMs");

namespace {

void requireKey(const Poco::Util::AbstractConfiguration& config, const char* key)
{
	if (config.getString(key, "").empty())
		throw config::ConfigException::missingValue(key, "required by target git");
}

bool isValidBranch(const std::string& branch)
{
	// git check-ref-format's rules for a branch name, in short.
	static const Poco::RegularExpression INVALID("(^[-/.])|([/.]$)|(\\.\\.)|(//)|(@\\{)|(\\.lock$)|(/\\.)|([\\x00-\\x20~^:?*\\[\\\\\\x7f])");
	Poco::RegularExpression::Match match;
	return !branch.empty() && branch != "@" && INVALID.match(branch, 0, match) == 0;
}

// Collects the folders below `base` that hold an SBOM file, skipping .git
// and symbolic links (which could loop or leave the tree).
void walk(const Poco::Path& base, const std::string& relative, std::map<std::string, std::string>& found)
{
	Poco::Path dir(base);
	if (!relative.empty()) dir.append(Poco::Path(relative, Poco::Path::PATH_UNIX));
	Poco::DirectoryIterator end;
	for (Poco::DirectoryIterator it(dir); it != end; ++it)
	{
		const std::string name = it.name();
		const std::string child = relative.empty() ? name : relative + "/" + name;
		if (it->isLink()) continue;
		if (it->isDirectory())
		{
			if (name != ".git") walk(base, child, found);
		}
		else if (!relative.empty() && GitPathMapper::isSbomFileName(name) && found.find(relative) == found.end())
		{
			found[relative] = name;
		}
	}
}

} // namespace


GitTarget::GitTarget():
	_pLogger(&Poco::Logger::get("sbomop.target.git")),
	_pShutdown(nullptr),
	_batchOpen(false)
{
}


GitTarget::~GitTarget()
{
}


std::string GitTarget::name() const
{
	return "git";
}


void GitTarget::validate(const Poco::Util::AbstractConfiguration& config) const
{
	for (const char* key: { BuiltinKeys::GIT_REPOSITORY, BuiltinKeys::GIT_AUTHOR_NAME, BuiltinKeys::GIT_AUTHOR_EMAIL,
		BuiltinKeys::GIT_WORKINGTREE, BuiltinKeys::GIT_BRANCH })
	{
		requireKey(config, key);
	}
	const std::string url = config.getString(BuiltinKeys::GIT_REPOSITORY);
	if (url.compare(0, 7, "http://") != 0 && url.compare(0, 8, "https://") != 0)
	{
		throw config::ConfigException::invalidValue(BuiltinKeys::GIT_REPOSITORY, GitRepository::maskCredentials(url), false, "",
			"the git target clones over HTTP(S)", "an http:// or https:// URL");
	}
	const std::string branch = config.getString(BuiltinKeys::GIT_BRANCH);
	if (!isValidBranch(branch))
	{
		throw config::ConfigException::invalidValue(BuiltinKeys::GIT_BRANCH, branch, false, "",
			"not a valid git branch name", "a branch name as git check-ref-format accepts it");
	}
	const std::string gitPath = config.getString(BuiltinKeys::GIT_PATH, "");
	try
	{
		GitPathMapper(config.getString(BuiltinKeys::GIT_WORKINGTREE), gitPath, ".json");
	}
	catch (Poco::InvalidArgumentException& exc)
	{
		throw config::ConfigException::invalidValue(BuiltinKeys::GIT_PATH, gitPath, false, "", exc.message(),
			"a relative folder inside the repository");
	}
	if (GitCredentials::selectMethod(config) == GitCredentials::GITHUB_APP)
	{
		// Reads the app key without any request, so a bad key is a startup error.
		try
		{
			GitCredentials::fromConfig(config);
		}
		catch (GitHubAppException& exc)
		{
			throw config::ConfigException::invalidValue(BuiltinKeys::GITHUB_APP_PRIVATE_KEY, "", true, "", exc.message(),
				"a base64-encoded PEM RSA private key");
		}
	}
	const std::string caFile = config.getString(BuiltinKeys::GIT_CA_CERT_FILE, "");
	if (!caFile.empty())
	{
		Poco::File file(caFile);
		if (!file.exists() || !file.isFile() || !file.canRead())
		{
			throw config::ConfigException::invalidValue(BuiltinKeys::GIT_CA_CERT_FILE, caFile, false, "",
				"not a readable file", "a readable PEM file");
		}
	}
}


void GitTarget::initialise(plugin::BackendContext& context)
{
	initialise(context.config(), context.logger(), &context.shutdown());
}


void GitTarget::initialise(const Poco::Util::AbstractConfiguration& config, Poco::Logger& logger, const StopToken* pShutdown)
{
	_pLogger = &logger;
	_pShutdown = pShutdown;
	GitRepository::Options options;
	options.url = config.getString(BuiltinKeys::GIT_REPOSITORY);
	options.workingTree = config.getString(BuiltinKeys::GIT_WORKINGTREE, "/work");
	options.branch = config.getString(BuiltinKeys::GIT_BRANCH, "main");
	options.credentials = GitCredentials::fromConfig(config);
	options.caCertFile = config.getString(BuiltinKeys::GIT_CA_CERT_FILE, "");
	options.insecureSkipTlsVerify = config.getBool(BuiltinKeys::GIT_INSECURE_SKIP_TLS_VERIFY, false);
	options.pShutdown = pShutdown;
	_workingTree = options.workingTree;
	_gitPath = GitPathMapper(_workingTree, config.getString(BuiltinKeys::GIT_PATH, ""), ".json").gitPath();
	_authorName = config.getString(BuiltinKeys::GIT_AUTHOR_NAME);
	_authorEmail = config.getString(BuiltinKeys::GIT_AUTHOR_EMAIL);

	if (options.insecureSkipTlsVerify)
	{
		_pLogger->warning("git: TLS certificate verification is OFF (git-insecure-skip-tls-verify=true): "
			"anyone between the operator and " + GitRepository::maskCredentials(options.url) + " can read and change the SBOMs");
	}
	_pRepository.reset(new GitRepository(options));
	_pRepository->open();
	std::string error;
	if (trySync(error))
	{
		_pLogger->information("git: working tree " + _workingTree + " follows " + _pRepository->displayUrl() + " branch "
			+ options.branch + " (" + options.credentials.describe() + ")");
	}
}


bool GitTarget::trySync(std::string& error)
{
	try
	{
		_pRepository->sync();
		error.clear();
		return true;
	}
	catch (GitException& exc)
	{
		error = exc.message();
		_pLogger->error("git: " + error);
		return false;
	}
}


void GitTarget::requireInitialised() const
{
	if (!_pRepository) throw Poco::IllegalStateException("git target used before initialise()");
}


void GitTarget::beginBatch(const std::string& /*batchId*/)
{
	requireInitialised();
	_batchFiles.clear();
	_batchImages.clear();
	_batchOpen = true;
	trySync(_syncError);
}


Target::StoreResult GitTarget::store(const plugin::ImageTask& image, const std::string& document, const SbomFormat& format)
{
	requireInitialised();
	if (!_batchOpen) beginBatch("");
	StoreResult result;
	if (!_syncError.empty())
	{
		result.message = _syncError;
		return result;
	}
	try
	{
		const std::string file = GitPathMapper(_workingTree, _gitPath, format.fileExtension()).relativeFile(image.imageId);
		_pRepository->writeFile(file, document);
		_batchFiles[file] = document;
		result.location = "git:" + file;
		_batchImages.push_back(BatchEntry{ image.imageId, result.location });
		result.deferred = true;
	}
	catch (Poco::InvalidArgumentException& exc)
	{
		result.message = "git: cannot store image " + image.imageId + ": " + exc.displayText();
	}
	catch (GitException& exc)
	{
		result.message = exc.message();
	}
	return result;
}


std::vector<plugin::ImageResult> GitTarget::finishBatch()
{
	std::vector<plugin::ImageResult> results;
	if (!_batchOpen) return results;
	_batchOpen = false;
	if (_batchImages.empty()) return results;

	std::vector<std::string> ids;
	for (const auto& entry: _batchImages) ids.push_back(entry.imageId);
	const std::string error = publish(commitMessage(ids), [this]()
	{
		for (const auto& file: _batchFiles) _pRepository->writeFile(file.first, file.second);
	});
	for (const auto& entry: _batchImages)
	{
		plugin::ImageResult result;
		result.imageId = entry.imageId;
		result.succeeded = error.empty();
		result.message = error;
		results.push_back(result);
	}
	_batchFiles.clear();
	_batchImages.clear();
	return results;
}


std::string GitTarget::publish(const std::string& message, const std::function<void()>& apply)
{
	for (int attempt = 0; ; ++attempt)
	{
		try
		{
			if (attempt > 0)
			{
				// The remote moved on: start again from its head.
				_pRepository->sync();
				apply();
			}
			if (!_pRepository->commitAll(message, _authorName, _authorEmail))
			{
				_pLogger->debug("git: nothing changed, no commit");
				return "";
			}
			if (_pRepository->push() == GitRepository::PUSHED)
			{
				_pLogger->information("git: pushed commit " + _pRepository->headCommit() + " to " + _pRepository->displayUrl());
				return "";
			}
			if (_pShutdown && _pShutdown->stopRequested())
			{
				return "git push to " + _pRepository->displayUrl() + " rejected, not retried: " + GitTransport::CANCELLED;
			}
			if (attempt >= MAX_PUSH_RETRIES)
			{
				return "git push to " + _pRepository->displayUrl() + " rejected " + std::to_string(attempt + 1)
					+ " times: " + _pRepository->lastRejection();
			}
			_pLogger->warning("git: push rejected (" + _pRepository->lastRejection() + "); fetching and retrying");
		}
		catch (GitException& exc)
		{
			_pLogger->error("git: " + exc.message());
			return exc.message();
		}
	}
}


std::vector<plugin::StoredImage> GitTarget::storedImages()
{
	requireInitialised();
	if (!_batchOpen) _pRepository->sync();
	std::map<std::string, std::string> found;
	const Poco::Path base(GitPathMapper::join(_workingTree, _gitPath));
	try
	{
		if (Poco::File(base).exists()) walk(base, "", found);
	}
	catch (Poco::Exception& exc)
	{
		throw GitException("git: cannot list the SBOMs in " + base.toString() + ": " + exc.displayText());
	}
	std::vector<plugin::StoredImage> images;
	std::set<std::string> seen;
	for (const auto& entry: found)
	{
		plugin::StoredImage image;
		image.imageId = GitPathMapper::imageForFolder(entry.first);
		if (!seen.insert(image.imageId).second) continue;
		image.location = "git:" + GitPathMapper::join(_gitPath, entry.first + "/" + entry.second);
		images.push_back(image);
	}
	return images;
}


std::vector<plugin::ImageResult> GitTarget::remove(const std::vector<std::string>& imageIds)
{
	requireInitialised();
	std::vector<plugin::ImageResult> results(imageIds.size());
	std::vector<std::string> folders;
	std::vector<std::size_t> held;   // indexes of the ids whose folder exists
	std::string error;
	if (!_batchOpen && !trySync(error))
	{
		for (std::size_t i = 0; i < imageIds.size(); ++i) results[i] = plugin::ImageResult{ imageIds[i], false, error };
		return results;
	}
	const GitPathMapper mapper(_workingTree, _gitPath, ".json");
	for (std::size_t i = 0; i < imageIds.size(); ++i)
	{
		results[i].imageId = imageIds[i];
		results[i].succeeded = true;
		try
		{
			const std::string folder = mapper.relativeDirectory(imageIds[i]);
			if (_pRepository->exists(folder))
			{
				folders.push_back(folder);
				held.push_back(i);
			}
		}
		catch (Poco::InvalidArgumentException& exc)
		{
			results[i].succeeded = false;
			results[i].message = "git: cannot remove image " + imageIds[i] + ": " + exc.displayText();
		}
	}
	if (folders.empty()) return results;

	auto deleteFolders = [this, &folders]()
	{
		for (const auto& folder: folders) _pRepository->removePath(folder);
	};
	try
	{
		deleteFolders();
		error = publish(REMOVE_MESSAGE, deleteFolders);
	}
	catch (GitException& exc)
	{
		error = exc.message();
	}
	for (std::size_t i: held)
	{
		results[i].succeeded = error.empty();
		results[i].message = error;
	}
	return results;
}


std::string GitTarget::commitMessage(const std::vector<std::string>& imageIds)
{
	if (imageIds.size() == 1) return "Created new SBOM for image " + imageIds.front();
	std::string message = "Created new SBOMs for " + std::to_string(imageIds.size()) + " images\n";
	for (const auto& id: imageIds) message += "\nCreated new SBOM for image " + id;
	return message;
}


} } // namespace sbomop::targets
