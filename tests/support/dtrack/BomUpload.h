//
// BomUpload.h
//
// One accepted BOM upload: the processing token the client got back, the
// project it went to and what dtrack-sim read from the document.
//

#ifndef SBOMOP_DtrackSim_BomUpload_INCLUDED
#define SBOMOP_DtrackSim_BomUpload_INCLUDED

#include <Poco/Timestamp.h>
#include <memory>
#include <string>

namespace sbomop {
namespace dtracksim {

struct BomUpload
	/// A plain value; the document itself is shared, never copied.
{
	std::string token;             ///< the `{"token": ...}` of the upload response
	std::string projectUuid;
	std::string format;            ///< "JSON" or "XML"
	std::string specVersion;       ///< "1.2" ... "1.6"
	int componentCount = 0;        ///< `components`, nested ones included
	std::string transport;         ///< "multipart" (POST) or "base64" (PUT)
	Poco::Timestamp received;
	Poco::Timestamp completesAt;   ///< processing ends here (received + processing delay)
	std::shared_ptr<const std::string> document;  ///< the decoded BOM bytes
};

} } // namespace sbomop::dtracksim

#endif // SBOMOP_DtrackSim_BomUpload_INCLUDED
