//
// ScanWorkspace.cpp
//

#include "sbomop/syft/ScanWorkspace.h"
#include <Poco/Exception.h>
#include <Poco/Path.h>
#include <cerrno>
#include <cstring>
#include <dirent.h>
#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>
#include <vector>

namespace sbomop {
namespace syft {

namespace {

const std::string PREFIX = "sbomop-syft-";

[[noreturn]] void throwFileError(const std::string& what, const std::string& path, int error)
{
	const std::string message = what + " " + path + ": " + std::strerror(error);
	if (error == EEXIST) throw Poco::FileExistsException(message, error);
	if (error == EACCES || error == EPERM) throw Poco::FileAccessDeniedException(message, error);
	throw Poco::FileException(message, error);
}

// Removes the entries of the open directory `dirFd` (which it closes).
bool removeEntries(int dirFd)
{
	DIR* dir = ::fdopendir(dirFd);
	if (!dir)
	{
		::close(dirFd);
		return false;
	}
	std::vector<std::string> names;
	while (const dirent* entry = ::readdir(dir))
	{
		const std::string name = entry->d_name;
		if (name != "." && name != "..") names.push_back(name);
	}
	bool ok = true;
	const int fd = ::dirfd(dir);
	for (const std::string& name: names)
	{
		struct stat st;
		if (::fstatat(fd, name.c_str(), &st, AT_SYMLINK_NOFOLLOW) != 0) continue;
		if (S_ISDIR(st.st_mode))
		{
			// Layers may unpack read-only directories.
			::fchmodat(fd, name.c_str(), 0700, 0);
			const int childFd = ::openat(fd, name.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
			if (childFd < 0 || !removeEntries(childFd)) ok = false;
			if (::unlinkat(fd, name.c_str(), AT_REMOVEDIR) != 0 && errno != ENOENT) ok = false;
		}
		else if (::unlinkat(fd, name.c_str(), 0) != 0 && errno != ENOENT)
		{
			ok = false;
		}
	}
	::closedir(dir);
	return ok;
}

} // namespace


ScanWorkspace::ScanWorkspace(const std::string& root)
{
	std::string pattern = Poco::Path(root).makeAbsolute().makeDirectory().toString() + PREFIX + "XXXXXX";
	std::vector<char> buffer(pattern.begin(), pattern.end());
	buffer.push_back('\0');
	// mkdtemp creates the directory with mode 0700 and a name nobody can predict.
	if (!::mkdtemp(buffer.data())) throwFileError("cannot create scan directory in", root, errno);
	_path = buffer.data();
	// Held until remove(): marks the workspace as in use (see removeAbandoned).
	// Close-on-exec, so that an orphaned Syft does not keep it alive.
	_lockFd = ::open(_path.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
	if (_lockFd >= 0 && ::flock(_lockFd, LOCK_EX | LOCK_NB) != 0)
	{
		::close(_lockFd);
		_lockFd = -1;
	}
	const std::string tmp = tmpDir();
	if (::mkdir(tmp.c_str(), 0700) != 0)
	{
		const int error = errno;
		remove();
		throwFileError("cannot create", tmp, error);
	}
}


ScanWorkspace::~ScanWorkspace()
{
	remove();
}


const std::string& ScanWorkspace::path() const
{
	return _path;
}


std::string ScanWorkspace::tmpDir() const
{
	return file("tmp");
}


std::string ScanWorkspace::file(const std::string& name) const
{
	return _path + "/" + name;
}


std::string ScanWorkspace::writePrivateFile(const std::string& name, const std::string& content)
{
	const std::string path = file(name);
	const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
	if (fd < 0) throwFileError("cannot create", path, errno);
	std::size_t written = 0;
	while (written < content.size())
	{
		const ssize_t n = ::write(fd, content.data() + written, content.size() - written);
		if (n < 0 && errno == EINTR) continue;
		if (n <= 0)
		{
			const int error = errno;
			::close(fd);
			::unlink(path.c_str());
			throwFileError("cannot write", path, error);
		}
		written += static_cast<std::size_t>(n);
	}
	if (::close(fd) != 0) throwFileError("cannot write", path, errno);
	return path;
}


void ScanWorkspace::remove()
{
	if (!_path.empty()) removeTree(_path);
	_path.clear();
	if (_lockFd >= 0) ::close(_lockFd);
	_lockFd = -1;
}


std::size_t ScanWorkspace::removeAbandoned(const std::string& root)
{
	const std::string dirPath = Poco::Path(root).makeAbsolute().makeDirectory().toString();
	DIR* dir = ::opendir(dirPath.c_str());
	if (!dir) return 0;
	std::vector<std::string> candidates;
	while (const struct dirent* entry = ::readdir(dir))
	{
		if (std::strncmp(entry->d_name, PREFIX.c_str(), PREFIX.size()) == 0) candidates.push_back(dirPath + entry->d_name);
	}
	::closedir(dir);
	std::size_t removed = 0;
	for (const std::string& path: candidates)
	{
		const int fd = ::open(path.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
		if (fd < 0) continue;
		// A workspace in use holds the lock: only those of dead processes are free.
		if (::flock(fd, LOCK_EX | LOCK_NB) == 0 && removeTree(path)) ++removed;
		::close(fd);
	}
	return removed;
}


bool ScanWorkspace::removeTree(const std::string& path)
{
	struct stat st;
	if (::lstat(path.c_str(), &st) != 0) return errno == ENOENT;
	if (!S_ISDIR(st.st_mode)) return ::unlink(path.c_str()) == 0 || errno == ENOENT;
	::chmod(path.c_str(), 0700);
	const int fd = ::open(path.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
	if (fd >= 0) removeEntries(fd);
	return ::rmdir(path.c_str()) == 0 || errno == ENOENT;
}


} } // namespace sbomop::syft
