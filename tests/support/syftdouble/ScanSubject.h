//
// ScanSubject.h
//
// Part of the Syft test double (see main.cpp). What a "scan" found: the
// image and a deterministic list of packages, the model every document
// writer renders.
//

#ifndef SBOMOP_SyftDouble_ScanSubject_INCLUDED
#define SBOMOP_SyftDouble_ScanSubject_INCLUDED

#include "ImageRef.h"
#include "RegistryClient.h"
#include <string>
#include <vector>

namespace sbomop {
namespace syftdouble {

struct Package
	/// One catalogued package.
{
	std::string id;        ///< stable 16-hex-digit id
	std::string name;
	std::string version;
	std::string type;      ///< deb, npm, python, go-module, java-archive
	std::string language;  ///< empty for deb
	std::string foundBy;   ///< Syft's cataloger name
	std::string purl;
	std::string license;
	std::string location;  ///< file the package was found in
};

struct ScanSubject
	/// The scanned image and its packages.
{
	static const std::string SYFT_VERSION;        ///< "1.51.0"
	static const std::string SYFT_SCHEMA_VERSION; ///< "16.1.10"

	std::string userInput;   ///< the reference as given, without "registry:"
	ImageRef ref;
	ImageManifest manifest;
	std::string os;
	std::string architecture;
	std::string variant;
	std::string distroId = "debian";
	std::string distroVersion = "12";
	std::string timestamp;   ///< RFC 3339, UTC
	std::vector<Package> packages;

	static ScanSubject create(const std::string& userInput, const ImageRef& ref, const ImageManifest& manifest,
		const std::string& platform, long componentCount);
		/// Packages derived deterministically from the manifest digest:
		/// `componentCount` of them, or 20..99 (from the digest) when negative.

	std::string imageName() const;
		/// registry/repository, as Syft names the source.

	std::string imageVersion() const;
		/// The tag, else the manifest digest.
};


} } // namespace sbomop::syftdouble

#endif // SBOMOP_SyftDouble_ScanSubject_INCLUDED
