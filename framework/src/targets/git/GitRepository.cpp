//
// GitRepository.cpp
//

#include "sbomop/targets/git/GitRepository.h"
#include "sbomop/targets/git/GitException.h"
#include "sbomop/targets/git/GitPathMapper.h"
#include "sbomop/targets/git/GitTransport.h"
#include "sbomop/logging/SecretRedactor.h"
#include <Poco/DirectoryIterator.h>
#include <Poco/Exception.h>
#include <Poco/File.h>
#include <Poco/Path.h>
#include <Poco/RegularExpression.h>
#include <git2.h>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <sys/stat.h>
#include <unistd.h>
#include <memory>
#include <mutex>

namespace sbomop {
namespace targets {

namespace {

// libgit2's global state lives as long as the process: shutting it down
// while another repository object still works would break that one.
void initialiseLibgit2()
{
	static std::once_flag once;
	std::call_once(once, []() { git_libgit2_init(); });
}

template <typename T, void (*Free)(T*)>
struct Deleter
{
	void operator () (T* p) const { if (p) Free(p); }
};

using RemotePtr = std::unique_ptr<git_remote, Deleter<git_remote, git_remote_free>>;
using IndexPtr = std::unique_ptr<git_index, Deleter<git_index, git_index_free>>;
using CommitPtr = std::unique_ptr<git_commit, Deleter<git_commit, git_commit_free>>;
using TreePtr = std::unique_ptr<git_tree, Deleter<git_tree, git_tree_free>>;
using ReferencePtr = std::unique_ptr<git_reference, Deleter<git_reference, git_reference_free>>;
using SignaturePtr = std::unique_ptr<git_signature, Deleter<git_signature, git_signature_free>>;
using TreeBuilderPtr = std::unique_ptr<git_treebuilder, Deleter<git_treebuilder, git_treebuilder_free>>;

std::string hex(const git_oid& oid)
{
	char buffer[GIT_OID_HEXSZ + 1];
	git_oid_tostr(buffer, sizeof(buffer), &oid);
	return buffer;
}

bool isEmptyDirectory(const std::string& path)
{
	Poco::DirectoryIterator end;
	return Poco::DirectoryIterator(path) == end;
}

} // namespace


GitRepository::GitRepository(const Options& options):
	_options(options),
	_pRepository(nullptr)
{
	initialiseLibgit2();
}


GitRepository::~GitRepository()
{
	if (_pRepository) git_repository_free(_pRepository);
}


void GitRepository::open()
{
	if (_pRepository)
	{
		git_repository_free(_pRepository);
		_pRepository = nullptr;
	}
	if (!_options.caCertFile.empty())
	{
		int rc = git_libgit2_opts(GIT_OPT_SET_SSL_CERT_LOCATIONS, _options.caCertFile.c_str(), nullptr);
		if (rc < 0) throw GitException(failure("loading git-ca-cert-file " + _options.caCertFile, rc, ""));
	}
	const std::string& path = _options.workingTree;
	try
	{
		Poco::File(path).createDirectories();
	}
	catch (Poco::Exception& exc)
	{
		throw GitException("cannot create the git working tree " + path + ": " + exc.displayText());
	}

	int rc = git_repository_open_ext(&_pRepository, path.c_str(), GIT_REPOSITORY_OPEN_NO_SEARCH, nullptr);
	if (rc == GIT_ENOTFOUND)
	{
		// Never take over a folder with foreign content: sync() deletes
		// every untracked file.
		if (!isEmptyDirectory(path))
			throw GitException("the git working tree " + path + " is neither a git repository nor empty");
		rc = git_repository_init(&_pRepository, path.c_str(), 0);
		if (rc < 0) throw GitException(failure("git init of " + path, rc, ""));
	}
	else if (rc < 0)
	{
		throw GitException(failure("opening the git repository " + path, rc, ""));
	}
	else
	{
		// The working tree belongs to this process alone and nothing of it
		// is open yet: an index lock can only be left by a predecessor that
		// was killed while writing the index, and would fail every sync.
		const std::string indexLock = std::string(git_repository_path(_pRepository)) + "index.lock";
		if (::unlink(indexLock.c_str()) != 0 && errno != ENOENT)
			throw GitException("cannot remove the stale lock " + indexLock + ": " + std::strerror(errno));
	}

	git_remote* pRemote = nullptr;
	rc = git_remote_lookup(&pRemote, _pRepository, "origin");
	RemotePtr remote(pRemote);
	if (rc == GIT_ENOTFOUND)
	{
		rc = git_remote_create(&pRemote, _pRepository, "origin", _options.url.c_str());
		remote.reset(pRemote);
	}
	else if (rc == 0 && std::string(git_remote_url(pRemote)) != _options.url)
	{
		rc = git_remote_set_url(_pRepository, "origin", _options.url.c_str());
	}
	if (rc < 0) throw GitException(failure("setting the git remote origin to " + displayUrl(), rc, ""));
}


void GitRepository::sync()
{
	ensureOpen();
	RemotePtr remote(origin());
	GitTransport transport(_options.credentials, _options.insecureSkipTlsVerify, _options.pShutdown);
	git_fetch_options options = GIT_FETCH_OPTIONS_INIT;
	transport.install(options.callbacks);
	options.prune = GIT_FETCH_PRUNE;
	options.proxy_opts.type = GIT_PROXY_AUTO;
	int rc = git_remote_fetch(remote.get(), nullptr, &options, "fetch");
	if (rc < 0) throw GitException(failure("git fetch from " + displayUrl(), rc, transport.error()));

	git_oid remoteHead;
	rc = git_reference_name_to_id(&remoteHead, _pRepository, ("refs/remotes/origin/" + _options.branch).c_str());
	if (rc == GIT_ENOTFOUND) resetToEmpty();
	else if (rc < 0) throw GitException(failure("looking up origin/" + _options.branch, rc, ""));
	else resetToRemote();
}


void GitRepository::resetToRemote()
{
	const std::string localRef = "refs/heads/" + _options.branch;
	git_oid oid;
	int rc = git_reference_name_to_id(&oid, _pRepository, ("refs/remotes/origin/" + _options.branch).c_str());
	git_commit* pCommit = nullptr;
	if (rc == 0) rc = git_commit_lookup(&pCommit, _pRepository, &oid);
	CommitPtr commit(pCommit);
	git_reference* pRef = nullptr;
	if (rc == 0) rc = git_reference_create(&pRef, _pRepository, localRef.c_str(), &oid, 1, "reset to origin");
	ReferencePtr ref(pRef);
	if (rc == 0) rc = git_repository_set_head(_pRepository, localRef.c_str());
	git_checkout_options checkout = GIT_CHECKOUT_OPTIONS_INIT;
	checkout.checkout_strategy = GIT_CHECKOUT_FORCE | GIT_CHECKOUT_REMOVE_UNTRACKED;
	if (rc == 0) rc = git_reset(_pRepository, reinterpret_cast<git_object*>(commit.get()), GIT_RESET_HARD, &checkout);
	if (rc < 0) throw GitException(failure("resetting " + _options.branch + " to origin/" + _options.branch, rc, ""));
}


void GitRepository::resetToEmpty()
{
	// The remote has no such branch: start an unborn one with an empty tree.
	const std::string localRef = "refs/heads/" + _options.branch;
	git_reference* pRef = nullptr;
	int rc = git_reference_lookup(&pRef, _pRepository, localRef.c_str());
	ReferencePtr ref(pRef);
	if (rc == 0) rc = git_reference_delete(ref.get());
	else if (rc == GIT_ENOTFOUND) rc = 0;
	if (rc == 0) rc = git_repository_set_head(_pRepository, localRef.c_str());

	git_index* pIndex = nullptr;
	if (rc == 0) rc = git_repository_index(&pIndex, _pRepository);
	IndexPtr index(pIndex);
	if (rc == 0) rc = git_index_clear(index.get());
	if (rc == 0) rc = git_index_write(index.get());

	git_treebuilder* pBuilder = nullptr;
	git_oid emptyTreeId;
	if (rc == 0) rc = git_treebuilder_new(&pBuilder, _pRepository, nullptr);
	TreeBuilderPtr builder(pBuilder);
	if (rc == 0) rc = git_treebuilder_write(&emptyTreeId, builder.get());
	git_tree* pTree = nullptr;
	if (rc == 0) rc = git_tree_lookup(&pTree, _pRepository, &emptyTreeId);
	TreePtr tree(pTree);
	git_checkout_options checkout = GIT_CHECKOUT_OPTIONS_INIT;
	checkout.checkout_strategy = GIT_CHECKOUT_FORCE | GIT_CHECKOUT_REMOVE_UNTRACKED;
	if (rc == 0) rc = git_checkout_tree(_pRepository, reinterpret_cast<git_object*>(tree.get()), &checkout);
	if (rc < 0) throw GitException(failure("starting the new branch " + _options.branch, rc, ""));
}


void GitRepository::writeFile(const std::string& relativePath, const std::string& content)
{
	const std::string path = GitPathMapper::join(_options.workingTree, relativePath);
	try
	{
		Poco::File(Poco::Path(path).parent()).createDirectories();
	}
	catch (Poco::Exception& exc)
	{
		throw GitException("cannot write " + path + ": " + exc.displayText());
	}
	// Written aside (inside .git, never committed) and renamed over the file:
	// a full disk leaves the previous version in place, not a truncated one
	// that the next commit would publish; the cause (errno) goes into the message.
	std::string aside = GitPathMapper::join(_options.workingTree, ".git/sbomop-write-XXXXXX");
	const int fd = ::mkstemp(&aside[0]);
	int error = fd < 0 ? errno : 0;
	if (fd >= 0 && ::fchmod(fd, 0644) != 0) error = errno;
	for (std::size_t written = 0; error == 0 && written < content.size(); )
	{
		const ssize_t n = ::write(fd, content.data() + written, content.size() - written);
		if (n < 0 && errno == EINTR) continue;
		if (n <= 0) error = n < 0 ? errno : EIO;
		else written += static_cast<std::size_t>(n);
	}
	if (fd >= 0 && ::close(fd) != 0 && error == 0) error = errno;
	if (error == 0 && ::rename(aside.c_str(), path.c_str()) != 0) error = errno;
	if (error != 0)
	{
		if (fd >= 0) ::unlink(aside.c_str());
		throw GitException("cannot write " + path + ": " + std::strerror(error));
	}
}


bool GitRepository::removePath(const std::string& relativePath)
{
	const std::string path = GitPathMapper::join(_options.workingTree, relativePath);
	try
	{
		Poco::File file(path);
		if (!file.exists()) return false;
		file.remove(true);
		return true;
	}
	catch (Poco::Exception& exc)
	{
		throw GitException("cannot delete " + path + ": " + exc.displayText());
	}
}


bool GitRepository::exists(const std::string& relativePath) const
{
	return Poco::File(GitPathMapper::join(_options.workingTree, relativePath)).exists();
}


bool GitRepository::commitAll(const std::string& message, const std::string& authorName, const std::string& authorEmail)
{
	ensureOpen();
	git_index* pIndex = nullptr;
	int rc = git_repository_index(&pIndex, _pRepository);
	IndexPtr index(pIndex);
	if (rc == 0) rc = git_index_add_all(index.get(), nullptr, GIT_INDEX_ADD_DEFAULT, nullptr, nullptr);
	if (rc == 0) rc = git_index_update_all(index.get(), nullptr, nullptr, nullptr);
	if (rc == 0) rc = git_index_write(index.get());
	git_oid treeId;
	if (rc == 0) rc = git_index_write_tree(&treeId, index.get());
	if (rc < 0) throw GitException(failure("staging the changes", rc, ""));

	git_oid headId;
	CommitPtr parent;
	rc = git_reference_name_to_id(&headId, _pRepository, "HEAD");
	if (rc == 0)
	{
		git_commit* pParent = nullptr;
		rc = git_commit_lookup(&pParent, _pRepository, &headId);
		parent.reset(pParent);
		if (rc < 0) throw GitException(failure("reading HEAD", rc, ""));
		if (git_oid_equal(git_commit_tree_id(parent.get()), &treeId)) return false;
	}
	else if (rc != GIT_ENOTFOUND && rc != GIT_EUNBORNBRANCH)
	{
		throw GitException(failure("reading HEAD", rc, ""));
	}

	git_tree* pTree = nullptr;
	rc = git_tree_lookup(&pTree, _pRepository, &treeId);
	TreePtr tree(pTree);
	if (rc == 0 && !parent && git_tree_entrycount(tree.get()) == 0) return false;
	git_signature* pSignature = nullptr;
	if (rc == 0) rc = git_signature_now(&pSignature, authorName.c_str(), authorEmail.c_str());
	SignaturePtr signature(pSignature);
	git_oid commitId;
	const git_commit* parents[] = { parent.get() };
	if (rc == 0)
	{
		rc = git_commit_create(&commitId, _pRepository, "HEAD", signature.get(), signature.get(), nullptr, message.c_str(),
			tree.get(), parent ? 1 : 0, parent ? parents : nullptr);
	}
	if (rc < 0) throw GitException(failure("git commit", rc, ""));
	return true;
}


GitRepository::PushResult GitRepository::push()
{
	ensureOpen();
	RemotePtr remote(origin());
	GitTransport transport(_options.credentials, _options.insecureSkipTlsVerify, _options.pShutdown);
	git_push_options options = GIT_PUSH_OPTIONS_INIT;
	transport.install(options.callbacks);
	options.proxy_opts.type = GIT_PROXY_AUTO;
	std::string refspec = "refs/heads/" + _options.branch + ":refs/heads/" + _options.branch;
	char* refspecs[] = { &refspec[0] };
	git_strarray specs = { refspecs, 1 };
	int rc = git_remote_push(remote.get(), &specs, &options);
	if (rc == GIT_ENONFASTFORWARD)
	{
		// libgit2 saw from the advertised refs that the remote moved on.
		const git_error* error = git_error_last();
		_lastRejection = maskCredentials(error && error->message ? error->message : "non-fast-forward");
		return REJECTED;
	}
	if (rc < 0) throw GitException(failure("git push to " + displayUrl(), rc, transport.error()));
	if (!transport.rejection().empty())
	{
		_lastRejection = maskCredentials(transport.rejection());
		return REJECTED;
	}
	return PUSHED;
}


const std::string& GitRepository::lastRejection() const
{
	return _lastRejection;
}


std::string GitRepository::headCommit() const
{
	if (!_pRepository) return "";
	git_oid oid;
	if (git_reference_name_to_id(&oid, _pRepository, "HEAD") != 0) return "";
	return hex(oid);
}


const std::string& GitRepository::workingTree() const
{
	return _options.workingTree;
}


std::string GitRepository::displayUrl() const
{
	return maskCredentials(_options.url);
}


std::string GitRepository::maskCredentials(const std::string& text)
{
	static const Poco::RegularExpression USERINFO("([A-Za-z][A-Za-z0-9+.-]*://)[^/@\\s]+@");
	std::string masked = text;
	USERINFO.subst(masked, "$1***@", Poco::RegularExpression::RE_GLOBAL);
	return logging::SecretRedactor::instance().redact(masked);
}


void GitRepository::ensureOpen()
{
	if (!_pRepository) open();
}


git_remote* GitRepository::origin()
{
	git_remote* pRemote = nullptr;
	int rc = git_remote_lookup(&pRemote, _pRepository, "origin");
	if (rc < 0) throw GitException(failure("looking up the git remote origin", rc, ""));
	return pRemote;
}


std::string GitRepository::failure(const std::string& operation, int code, const std::string& callbackError) const
{
	std::string reason = callbackError;
	if (reason.empty())
	{
		const git_error* error = git_error_last();
		reason = error && error->message ? error->message : "libgit2 error " + std::to_string(code);
	}
	std::string message = operation + " failed: " + reason;
	// Secrets known to this repository, in case a server echoes them.
	std::string user, password;
	if (_options.credentials.method() != GitCredentials::NONE && _options.credentials.method() != GitCredentials::GITHUB_APP
		&& _options.credentials.resolve(user, password) && password.size() >= 4)
	{
		std::string::size_type pos;
		while ((pos = message.find(password)) != std::string::npos) message.replace(pos, password.size(), "***");
	}
	return maskCredentials(message);
}


} } // namespace sbomop::targets
