//
// DtrackBomUpload.h
//
// The form of one `POST /api/v1/bom` (multipart/form-data) upload.
//

#ifndef SBOMOP_Targets_DtrackBomUpload_INCLUDED
#define SBOMOP_Targets_DtrackBomUpload_INCLUDED

#include "sbomop/Sbomop.h"
#include "sbomop/targets/dtrack/DtrackServerVersion.h"
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace sbomop {
namespace targets {

struct SBOMOP_API DtrackBomUpload
	/// A plain value. Optional fields are sent only when set: Dependency-Track
	/// tells an absent field from an empty one, and servers before 4.12 do
	/// not know `projectTags` and `isLatest`.
{
	std::string projectName;
	std::string projectVersion;
	bool autoCreate = true;
	std::optional<std::vector<std::string>> projectTags;  ///< sent comma separated (4.12+)
	std::string parentUuid;                               ///< "" = not sent (4.8+)
	std::optional<bool> isLatest;                         ///< 4.12+
	std::string bom;                                      ///< the CycloneDX document, sent as a file part
	std::string bomMediaType = "application/json";

	static bool tagsFitForm(const std::vector<std::string>& tags);
		/// True when every tag can travel in the comma-separated
		/// `projectTags` field: non-empty after trimming, no comma, at most
		/// 255 characters (Dependency-Track's tag limit).

	void restrictTo(const DtrackServerVersion& version);
		/// Drops the fields `version` does not accept (unknown versions
		/// accept none of the optional ones) and tags that cannot travel in
		/// the form; the caller sets those afterwards with PATCH.

	std::vector<std::pair<std::string, std::string>> fields() const;
		/// The text fields in the order they are sent (the `bom` part follows).

	std::string encode(const std::string& boundary) const;
		/// The multipart/form-data body with `boundary`.

	static std::string contentType(const std::string& boundary);
		/// `multipart/form-data; boundary=<boundary>`.
};


} } // namespace sbomop::targets

#endif // SBOMOP_Targets_DtrackBomUpload_INCLUDED
