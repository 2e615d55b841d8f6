//
// ImageReference.h
//
// Docker/OCI image references as written in pod specs and reported by
// container runtimes, parsed with the grammar of distribution/reference and
// normalised the way Docker and Kubernetes do (`nginx` is
// `docker.io/library/nginx`).
//

#ifndef SBOMOP_Image_ImageReference_INCLUDED
#define SBOMOP_Image_ImageReference_INCLUDED

#include "sbomop/Sbomop.h"
#include <iosfwd>
#include <string>

namespace sbomop {
namespace image {

class SBOMOP_API ImageReference
	/// A parsed image reference `[host[:port]/]path[:tag][@digest]`.
	///
	/// Grammar (distribution/reference):
	///   - host: the first path component when it contains `.` or `:`, is
	///     `localhost`, or contains an uppercase letter; DNS-style labels
	///     (`[a-zA-Z0-9]` or `[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9]`, dot
	///     separated), an IPv6 address in brackets, optional `:port`;
	///   - path components: `[a-z0-9]+(?:(?:[._]|__|[-]*)[a-z0-9]+)*`, `/` separated;
	///   - tag: `[\w][\w.-]{0,127}`;
	///   - digest: `algorithm:hex`; sha256 (64), sha384 (96) and sha512 (128)
	///     lowercase hex digits are supported; tag and digest may both be given;
	///   - the name (host and path as written) is at most 255 characters.
	///
	/// Normalisation: no host means `docker.io`; `index.docker.io` becomes
	/// `docker.io`; a single-component path on `docker.io` gets `library/`.
	/// Other hosts are kept as written.
	///
	/// A default-constructed reference is empty (isEmpty()). Values are
	/// immutable and safe to share between threads.
{
public:
	static const std::string DEFAULT_REGISTRY;
		/// `docker.io`.

	static const std::string DEFAULT_TAG;
		/// `latest`, implied when neither tag nor digest is given.

	ImageReference();
		/// Creates an empty reference.

	static ImageReference parse(const std::string& reference);
		/// Parses and normalises `reference`. Throws
		/// InvalidImageReferenceException (image/ImageException.h) whose
		/// message names the input and the problem: empty reference, invalid
		/// registry host, repository name must be lowercase, invalid
		/// repository path, invalid tag, invalid digest, unsupported digest
		/// algorithm, name longer than 255 characters, or a 64-character hex
		/// string used as repository name.

	static bool isValidRegistryHost(const std::string& host);
		/// True when `host` is `host[:port]` by the grammar above (no path, no
		/// scheme). Used to validate configuration such as registry proxies.

	static bool isValidRepositoryPath(const std::string& path);
		/// True when `path` is one or more valid lowercase path components
		/// separated by `/`.

	static bool isValidDigest(const std::string& digest);
		/// True when `digest` is a supported `algorithm:hex` digest.

	bool isEmpty() const;
		/// True for a default-constructed reference.

	const std::string& registry() const;
		/// The normalised registry host with optional port, e.g. `docker.io`,
		/// `registry.example.com:5000`.

	const std::string& repository() const;
		/// The path without the host, e.g. `library/nginx`.

	std::string name() const;
		/// Host and path, e.g. `docker.io/library/nginx`.

	const std::string& tag() const;
		/// The explicit tag, or an empty string when none was given (see
		/// string() for the implied `latest`).

	const std::string& digest() const;
		/// The digest (`sha256:<hex>`), or an empty string.

	bool hasTag() const;
	bool hasDigest() const;

	std::string familiarName() const;
		/// The short form Docker prints: `nginx` for
		/// `docker.io/library/nginx`, `bitnami/redis` for
		/// `docker.io/bitnami/redis`, name() for every other registry.

	std::string familiarString() const;
		/// familiarName() with the tag and digest as given (no implied tag).

	std::string string() const;
		/// The fully normalised reference: name(), then `:tag` (or `:latest`
		/// when neither tag nor digest was given), then `@digest` if present.
		/// E.g. `docker.io/library/nginx:latest`,
		/// `ghcr.io/a/b@sha256:...`.

	ImageReference withDigest(const std::string& digest) const;
		/// A copy with `digest` set (replacing any digest, keeping the tag).
		/// Throws InvalidImageReferenceException for an invalid digest.

	ImageReference withoutTag() const;
		/// A copy without the tag (the digest is kept).

	bool operator == (const ImageReference& other) const;
	bool operator != (const ImageReference& other) const;
	bool operator < (const ImageReference& other) const;
		/// Compare the normalised components (registry, repository, tag, digest).

private:
	ImageReference(const std::string& registry, const std::string& repository, const std::string& tag, const std::string& digest);

	std::string _registry;
	std::string _repository;
	std::string _tag;
	std::string _digest;
};


SBOMOP_API std::ostream& operator << (std::ostream& ostr, const ImageReference& reference);
	/// Writes string().


//
// inlines
//
inline bool ImageReference::isEmpty() const
{
	return _repository.empty();
}


inline const std::string& ImageReference::registry() const
{
	return _registry;
}


inline const std::string& ImageReference::repository() const
{
	return _repository;
}


inline const std::string& ImageReference::tag() const
{
	return _tag;
}


inline const std::string& ImageReference::digest() const
{
	return _digest;
}


inline bool ImageReference::hasTag() const
{
	return !_tag.empty();
}


inline bool ImageReference::hasDigest() const
{
	return !_digest.empty();
}


inline bool ImageReference::operator != (const ImageReference& other) const
{
	return !(*this == other);
}


} } // namespace sbomop::image

#endif // SBOMOP_Image_ImageReference_INCLUDED
