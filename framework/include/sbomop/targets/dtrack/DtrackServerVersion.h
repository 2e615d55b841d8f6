//
// DtrackServerVersion.h
//
// The version of a Dependency-Track API server (GET /api/version) and the
// upload features it implies.
//

#ifndef SBOMOP_Targets_DtrackServerVersion_INCLUDED
#define SBOMOP_Targets_DtrackServerVersion_INCLUDED

#include "sbomop/Sbomop.h"
#include <string>

namespace sbomop {
namespace targets {

class SBOMOP_API DtrackServerVersion
	/// `major.minor.patch` as reported by the server; a suffix such as
	/// `-SNAPSHOT` is ignored. An unknown version (default-constructed or
	/// unparsable) supports none of the optional upload fields, so that the
	/// target falls back to PATCH requests, which every 4.x server accepts.
	///
	/// An immutable value type; safe to share between threads.
{
public:
	DtrackServerVersion();
		/// An unknown version.

	static DtrackServerVersion parse(const std::string& text);
		/// Parses e.g. `4.14.3` or `5.0.4-SNAPSHOT`; returns an unknown
		/// version for anything else. Never throws.

	bool known() const;
	int majorNumber() const;
	int minorNumber() const;
	int patchNumber() const;

	std::string string() const;
		/// `4.14.3`, or `unknown`.

	bool atLeast(int major, int minor, int patch = 0) const;
		/// False for an unknown version.

	bool acceptsParentInUpload() const;
		/// 4.8+: `parentUUID`/`parentName` in POST /api/v1/bom.

	bool acceptsTagsInUpload() const;
		/// 4.12+: `projectTags` in POST /api/v1/bom.

	bool acceptsLatestInUpload() const;
		/// 4.12+: `isLatest` in POST /api/v1/bom (and the isLatest project flag).

private:
	DtrackServerVersion(int major, int minor, int patch);

	int _major;
	int _minor;
	int _patch;
};


} } // namespace sbomop::targets

#endif // SBOMOP_Targets_DtrackServerVersion_INCLUDED
