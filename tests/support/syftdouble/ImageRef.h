//
// ImageRef.h
//
// Part of the Syft test double (see main.cpp). An image reference as Syft's
// registry source reads it.
//

#ifndef SBOMOP_SyftDouble_ImageRef_INCLUDED
#define SBOMOP_SyftDouble_ImageRef_INCLUDED

#include <string>

namespace sbomop {
namespace syftdouble {

struct ImageRef
	/// `[host[:port]/]repository[:tag][@digest]`; no host means Docker Hub
	/// (`index.docker.io`, `library/` for single names), no tag and no
	/// digest means `latest`.
{
	std::string registry;    ///< host[:port] as written, or "index.docker.io"
	std::string repository;  ///< e.g. "library/nginx"
	std::string tag;         ///< may be empty when a digest is given
	std::string digest;      ///< "sha256:<hex>" or empty

	static ImageRef parse(const std::string& text);
		/// Throws Poco::SyntaxException for an empty or malformed reference.

	std::string reference() const;
		/// The manifest reference to request: the digest, else the tag.

	std::string toString() const;
		/// registry/repository[:tag][@digest].
};


} } // namespace sbomop::syftdouble

#endif // SBOMOP_SyftDouble_ImageRef_INCLUDED
