//
// BomSubmission.h
//
// The fields of one BOM upload, read either from the JSON body of
// `PUT /api/v1/bom` (BomSubmitRequest, `bom` base64 encoded) or from the
// multipart form of `POST /api/v1/bom` (@FormDataParam fields, `bom` as a
// file or plain part, `projectTags` comma separated). Absent fields stay
// empty optionals: Dependency-Track tells "absent" from "empty".
//

#ifndef SBOMOP_DtrackSim_BomSubmission_INCLUDED
#define SBOMOP_DtrackSim_BomSubmission_INCLUDED

#include <Poco/JSON/Object.h>
#include <Poco/Net/NameValueCollection.h>
#include <optional>
#include <string>
#include <vector>

namespace sbomop {
namespace dtracksim {

struct BomSubmission
	/// A plain value.
{
	std::optional<std::string> project;          ///< UUID of an existing project
	std::optional<std::string> projectName;
	std::optional<std::string> projectVersion;
	std::optional<std::vector<std::string>> projectTags;  ///< 4.12+
	bool autoCreate = false;
	std::optional<std::string> parentUuid;       ///< 4.8+, wins over parentName
	std::optional<std::string> parentName;
	std::optional<std::string> parentVersion;
	bool isLatest = false;                       ///< 4.12+
	std::optional<std::string> bom;              ///< the decoded document; absent if no `bom` part was sent
	std::size_t encodedBomLength = 0;            ///< length of the base64 string (PUT only)
	std::string transport;                       ///< "base64" or "multipart"

	static BomSubmission fromJson(const Poco::JSON::Object::Ptr& body);
		/// Reads a BomSubmitRequest; "isLatestProjectVersion" (what client-go
		/// sends) is accepted for "isLatest". Does not decode `bom` when it is
		/// longer than `maxEncodedLength`. Throws Poco::DataFormatException for
		/// a `bom` that is not base64.

	static BomSubmission fromForm(const Poco::Net::NameValueCollection& fields, const std::optional<std::string>& bomFile);
		/// Reads the form fields; `bomFile` is the first `bom` part sent as a
		/// file (it wins over a plain `bom` field).

	static std::size_t maxEncodedLength();
		/// 20,000,000: Jackson's StreamReadConstraints.maxStringLength that
		/// limits `bom` in the JSON upload.
};

} } // namespace sbomop::dtracksim

#endif // SBOMOP_DtrackSim_BomSubmission_INCLUDED
