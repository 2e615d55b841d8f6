//
// GitPathMapper.cpp
//

#include "sbomop/targets/git/GitPathMapper.h"
#include <Poco/Exception.h>
#include <Poco/RegularExpression.h>
#include <Poco/String.h>
#include <Poco/StringTokenizer.h>
#include <vector>

namespace sbomop {
namespace targets {

namespace {

// Go's path.Clean for the relative and absolute paths we build: drops empty
// and "." segments and resolves ".." (never above the root of an absolute path).
std::string cleanPath(const std::string& path)
{
	const bool absolute = !path.empty() && path[0] == '/';
	std::vector<std::string> parts;
	Poco::StringTokenizer tokens(path, "/", Poco::StringTokenizer::TOK_IGNORE_EMPTY);
	for (const auto& token: tokens)
	{
		if (token == ".") continue;
		if (token == "..")
		{
			if (!parts.empty() && parts.back() != "..") parts.pop_back();
			else if (!absolute) parts.push_back(token);
			continue;
		}
		parts.push_back(token);
	}
	std::string result = absolute ? "/" : "";
	for (std::size_t i = 0; i < parts.size(); ++i)
	{
		if (i > 0) result += '/';
		result += parts[i];
	}
	if (result.empty()) result = absolute ? "/" : ".";
	return result;
}

// Rejects relative paths that would leave their base folder or are not plain.
void checkPlainRelative(const std::string& path, const std::string& what)
{
	if (!path.empty() && path[0] == '/')
		throw Poco::InvalidArgumentException(what + " must be relative", path);
	for (char c: path)
	{
		if (c == '\\' || static_cast<unsigned char>(c) < 0x20 || c == 0x7f)
			throw Poco::InvalidArgumentException(what + " contains a character not allowed in a path", path);
	}
	Poco::StringTokenizer tokens(path, "/");
	for (const auto& token: tokens)
	{
		if (token == "..")
			throw Poco::InvalidArgumentException(what + " must not contain \"..\"", path);
	}
}

} // namespace


GitPathMapper::GitPathMapper(const std::string& workingTree, const std::string& gitPath, const std::string& fileExtension):
	_workingTree(workingTree),
	_extension(fileExtension)
{
	checkPlainRelative(gitPath, "git-path");
	_gitPath = cleanPath(gitPath);
	if (_gitPath == ".") _gitPath.clear();
}


const std::string& GitPathMapper::gitPath() const
{
	return _gitPath;
}


std::string GitPathMapper::fileName() const
{
	return "sbom" + _extension;
}


std::string GitPathMapper::baseDirectory() const
{
	return join(_workingTree, _gitPath);
}


std::string GitPathMapper::relativeDirectory(const std::string& imageId) const
{
	return join(_gitPath, folderForImage(imageId));
}


std::string GitPathMapper::relativeFile(const std::string& imageId) const
{
	return join(relativeDirectory(imageId), fileName());
}


std::string GitPathMapper::filePath(const std::string& imageId) const
{
	return join(_workingTree, relativeFile(imageId));
}


std::string GitPathMapper::folderForImage(const std::string& imageId)
{
	if (imageId.empty()) throw Poco::InvalidArgumentException("empty image ID");
	std::string folder = Poco::replace(Poco::replace(imageId, "@", "/"), ":", "_");
	checkPlainRelative(folder, "image ID");
	Poco::StringTokenizer tokens(folder, "/");
	for (const auto& token: tokens)
	{
		if (token.empty() || token == ".")
			throw Poco::InvalidArgumentException("image ID has an empty path segment", imageId);
	}
	return folder;
}


std::string GitPathMapper::imageForFolder(const std::string& folder)
{
	static const Poco::RegularExpression DIGEST("/(sha256|sha384|sha512)_([0-9a-f]+)$");
	static const Poco::RegularExpression HOST_PORT("^([A-Za-z0-9.-]+)_([0-9]{1,5})/");
	std::string id = cleanPath(folder);
	Poco::RegularExpression::MatchVec match;
	if (DIGEST.match(id, 0, match) > 0)
	{
		// match[0] starts at the "/" before the algorithm.
		id = id.substr(0, match[0].offset) + "@" + id.substr(match[1].offset, match[1].length) + ":" + id.substr(match[2].offset, match[2].length);
	}
	if (HOST_PORT.match(id, 0, match) > 0)
	{
		id[match[2].offset - 1] = ':';
	}
	return id;
}


bool GitPathMapper::isSbomFileName(const std::string& name)
{
	static const std::string PREFIX = "sbom.";
	return name.size() > PREFIX.size() && name.compare(0, PREFIX.size(), PREFIX) == 0 && name.find('.', PREFIX.size()) == std::string::npos;
}


std::string GitPathMapper::join(const std::string& a, const std::string& b)
{
	if (a.empty() && b.empty()) return "";
	if (a.empty()) return cleanPath(b);
	if (b.empty()) return cleanPath(a);
	return cleanPath(a + "/" + b);
}


} } // namespace sbomop::targets
