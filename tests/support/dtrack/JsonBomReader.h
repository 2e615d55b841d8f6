//
// JsonBomReader.h
//
// The JSON half of CycloneDxInspector: spec version detection with
// CycloneDxValidator's messages, the schema checks dtrack-sim performs
// (messages in the json-schema-validator format DT 4.14 returns) and the
// component count.
//

#ifndef SBOMOP_DtrackSim_JsonBomReader_INCLUDED
#define SBOMOP_DtrackSim_JsonBomReader_INCLUDED

#include "dtrack/BomInspection.h"
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <string>
#include <vector>

namespace sbomop {
namespace dtracksim {

class JsonBomReader
	/// Stateless; thread-safe.
{
public:
	static void read(const Poco::JSON::Object::Ptr& root, BomInspection& result);
		/// Fills `result` from a parsed JSON document (format "JSON").

	static const std::vector<std::string>& componentTypes(const std::string& specVersion);
		/// The `component.type` enumeration of a spec version (1.2-1.6).

private:
	static int readComponents(const Poco::JSON::Array::Ptr& components, const std::string& path,
		const std::string& specVersion, std::vector<std::string>& errors);
};

} } // namespace sbomop::dtracksim

#endif // SBOMOP_DtrackSim_JsonBomReader_INCLUDED
