//
// GitPathMapper.h
//
// Where the git target keeps the SBOM of an image, and which image a folder
// of the repository belongs to.
//

#ifndef SBOMOP_Targets_GitPathMapper_INCLUDED
#define SBOMOP_Targets_GitPathMapper_INCLUDED

#include "sbomop/Sbomop.h"
#include <string>

namespace sbomop {
namespace targets {

class SBOMOP_API GitPathMapper
	/// Maps image IDs to repository paths exactly as the Go sbom-operator:
	///
	///     <working tree>/<git-path>/<imageID, "@" -> "/", ":" -> "_">/sbom<ext>
	///
	/// so `alpine:latest` lives in `alpine_latest/sbom.json` and
	/// `alpine@sha256:<hex>` in `alpine/sha256_<hex>/sbom.json`. Paths are
	/// joined and cleaned like Go's path.Join (no empty or "." segments).
	///
	/// Unlike the Go operator, the mapper refuses image IDs that would
	/// escape their folder (empty, absolute, "..", "." or empty segments,
	/// backslashes, control characters): the target removes whole folders,
	/// and an empty ID would name the whole `git-path`.
	///
	/// The reverse (folder -> image ID) restores the digest ("/sha256_" ->
	/// "@sha256:", also sha384/sha512) like the Go operator and, in addition,
	/// the port of a registry host (`host_5000/app` -> `host:5000/app`; host
	/// names cannot contain "_"), so stored images match running ones.
	/// Tags (`alpine_latest`) cannot be told apart from names with "_" and
	/// stay as they are, as in the Go operator; the operator stores digest
	/// IDs only. Folder(imageId(folder)) == folder always holds.
	///
	/// An immutable value type; thread-safe.
{
public:
	GitPathMapper(const std::string& workingTree, const std::string& gitPath, const std::string& fileExtension);
		/// `fileExtension` includes the dot (SbomFormat::fileExtension(),
		/// e.g. ".json"). Throws Poco::InvalidArgumentException when gitPath
		/// is absolute or contains "..".

	const std::string& gitPath() const;
		/// The cleaned `git-path` ("" for the repository root).

	std::string fileName() const;
		/// "sbom" + extension, e.g. "sbom.spdx".

	std::string baseDirectory() const;
		/// The folder that holds all SBOMs: working tree joined with git-path.

	std::string relativeDirectory(const std::string& imageId) const;
		/// The image's folder relative to the working tree, e.g.
		/// "dev/alpine/sha256_<hex>". Throws Poco::InvalidArgumentException
		/// for an unsafe image ID (see above).

	std::string relativeFile(const std::string& imageId) const;
		/// The SBOM file relative to the working tree, e.g. "dev/alpine_latest/sbom.spdx".

	std::string filePath(const std::string& imageId) const;
		/// The SBOM file including the working tree, e.g. "/git/dev/alpine_latest/sbom.spdx".

	static std::string folderForImage(const std::string& imageId);
		/// The image's folder below git-path: "@" -> "/", ":" -> "_", cleaned.
		/// Throws Poco::InvalidArgumentException for an unsafe image ID.

	static std::string imageForFolder(const std::string& folder);
		/// The image ID of a folder below git-path (the reverse of folderForImage()).

	static bool isSbomFileName(const std::string& name);
		/// True for "sbom.<ext>" with a non-empty extension without further dots.

	static std::string join(const std::string& a, const std::string& b);
		/// Joins two slash-separated paths and cleans the result like Go's path.Join.

private:
	std::string _workingTree;
	std::string _gitPath;
	std::string _extension;
};


} } // namespace sbomop::targets

#endif // SBOMOP_Targets_GitPathMapper_INCLUDED
