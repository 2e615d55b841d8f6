//
// CycloneDxInspector.h
//
// The BOM validation of Dependency-Track 4.14 (CycloneDxValidator, since
// 4.11): a document is tried as JSON, then as XML; only CycloneDX is
// accepted. JSON needs a string `specVersion` of 1.2-1.6 (1.0/1.1 are XML
// only, 1.7 is unknown to 4.14 and 5.0.4 and accepted only on DT's main
// branch), XML a `bom` element in the namespace
// http://cyclonedx.org/schema/bom/1.0 ... 1.6. The full JSON schema is not
// checked, only the parts uploaders get wrong (bomFormat, version,
// component type and name). Components are counted recursively.
//

#ifndef SBOMOP_DtrackSim_CycloneDxInspector_INCLUDED
#define SBOMOP_DtrackSim_CycloneDxInspector_INCLUDED

#include "dtrack/BomInspection.h"
#include <string>

namespace sbomop {
namespace dtracksim {

class CycloneDxInspector
	/// Stateless; thread-safe.
{
public:
	static BomInspection inspect(const std::string& document);
		/// Inspects the raw bytes (a leading UTF-8 byte order mark is
		/// ignored, as DT's BOMInputStream does). Never throws for bad input:
		/// invalid documents come back with valid == false and DT's detail,
		/// "BOM is neither valid JSON nor XML" for anything unparseable.

	static const std::string& maxSpecVersion();
		/// "1.6".
};

} } // namespace sbomop::dtracksim

#endif // SBOMOP_DtrackSim_CycloneDxInspector_INCLUDED
