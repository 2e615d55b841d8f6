//
// SbomFormat.h
//
// The SBOM formats of the syft backend: the names the operator accepts (those
// of the Go sbom-operator), the Syft encoder each one selects, and what the
// storage targets need to know about it (file extension, media type).
//

#ifndef SBOMOP_Targets_SbomFormat_INCLUDED
#define SBOMOP_Targets_SbomFormat_INCLUDED

#include "sbomop/Sbomop.h"
#include <string>
#include <vector>

namespace sbomop {
namespace targets {

class SBOMOP_API SbomFormat
	/// One configured format, e.g. `cyclonedxjson`, resolved to its Syft
	/// encoder family:
	///
	///     operator name(s)                      Syft ID         ext    media type
	///     json, syftjson                        syft-json       .json  application/vnd.syft+json
	///     cyclonedxjson                         cyclonedx-json  .json  application/vnd.cyclonedx+json
	///     cyclonedx, cyclone, cyclonedxxml      cyclonedx-xml   .xml   application/vnd.cyclonedx+xml
	///     spdxjson                              spdx-json       .json  text/spdx+json
	///     spdx, spdxtv, spdxtagvalue            spdx-tag-value  .spdx  text/spdx
	///     github, githubjson                    github-json     .json  application/json
	///     text                                  syft-text       .txt   text/plain
	///     table                                 syft-table      .txt   text/plain
	///
	/// The extensions are those the Go operator's git target used; the media
	/// types are cosign's SBOM layer types. GitHub's dependency snapshot and
	/// Syft's text outputs have no registered media type, so they use the
	/// generic JSON and plain-text types.
	///
	/// Versions (`format-version`, Syft's `-o <id>@<version>`) follow Syft
	/// v1.51: cyclonedx-json 1.2-1.7 (default 1.7), cyclonedx-xml 1.0-1.7
	/// (default 1.7), spdx-json 2.2, 2.3, 3.0 (default 2.3), spdx-tag-value
	/// 2.1-2.3 (default 2.3); the other families take no version.
	///
	/// An immutable value type; safe to share between threads.
{
public:
	enum Family
	{
		SYFT_JSON,
		CYCLONEDX_JSON,
		CYCLONEDX_XML,
		SPDX_JSON,
		SPDX_TAG_VALUE,
		GITHUB_JSON,
		SYFT_TEXT,
		SYFT_TABLE
	};

	static SbomFormat forName(const std::string& name);
		/// The format for an operator format name (exact spelling, as the
		/// `format` key normalises it). Throws config::ConfigException naming
		/// the key `format` and listing names() for an unknown name.

	static const std::vector<std::string>& names();
		/// Every accepted operator format name, in the order of the `format` key.

	const std::string& name() const;
		/// The operator name this format was created from, e.g. `cyclonedx`.

	Family family() const;
		/// The Syft encoder family.

	const std::string& syftId() const;
		/// Syft's format ID, e.g. `cyclonedx-xml`.

	const std::string& fileExtension() const;
		/// File extension including the dot, e.g. `.xml`.

	const std::string& mediaType() const;
		/// Media type of the document, e.g. `application/vnd.cyclonedx+xml`.

	const std::vector<std::string>& versions() const;
		/// The versions Syft supports for this family, oldest first; empty
		/// when the family takes no version.

	const std::string& defaultVersion() const;
		/// The version Syft writes when none is requested; empty for
		/// families without versions.

	std::string effectiveVersion(const std::string& requested) const;
		/// `requested`, or defaultVersion() when `requested` is empty.

	void checkVersion(const std::string& version) const;
		/// Accepts an empty version and, for versioned families, exactly one
		/// of versions(). Otherwise throws config::ConfigException for the key
		/// `format-version` naming the value, the format and the allowed
		/// versions.

	std::string outputOption(const std::string& version) const;
		/// The FORMAT part of Syft's `-o FORMAT[=FILE]`: `syftId()` or
		/// `syftId()@version`. Does not check the version.

	bool isCycloneDx() const;
		/// True for cyclonedx-json and cyclonedx-xml.

	bool isPlausibleDocument(const std::string& document) const;
		/// A cheap shape check of a document Syft wrote in this format: JSON
		/// families must look like a JSON object, XML like an element, SPDX
		/// tag-value with `SPDXVersion:`, text families must not be blank.
		/// Catches truncated or foreign output, not schema errors.

	bool operator == (const SbomFormat& other) const;
	bool operator != (const SbomFormat& other) const;
		/// Formats are equal when they select the same family (aliases compare equal).

private:
	struct FamilyInfo;

	SbomFormat(const std::string& name, const FamilyInfo& info);

	static const FamilyInfo& infoFor(Family family);

	std::string _name;
	const FamilyInfo* _pInfo;
};


} } // namespace sbomop::targets

#endif // SBOMOP_Targets_SbomFormat_INCLUDED
