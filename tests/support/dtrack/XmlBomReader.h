//
// XmlBomReader.h
//
// The XML half of CycloneDxInspector: finds the `bom` element, takes the
// spec version from the CycloneDX namespace declared on it
// (http://cyclonedx.org/schema/bom/1.0 ... 1.6) and counts every
// <component> inside a <components> list (so metadata/component is not
// counted, nested components are). Streams with Poco's SAX parser; external
// entities are never resolved.
//

#ifndef SBOMOP_DtrackSim_XmlBomReader_INCLUDED
#define SBOMOP_DtrackSim_XmlBomReader_INCLUDED

#include "dtrack/BomInspection.h"
#include <string>

namespace sbomop {
namespace dtracksim {

class XmlBomReader
	/// Stateless; thread-safe.
{
public:
	static bool read(const std::string& document, BomInspection& result);
		/// False when the document is not well-formed XML (DT then answers
		/// "BOM is neither valid JSON nor XML"); otherwise fills `result`
		/// (format "XML") and returns true.
};

} } // namespace sbomop::dtracksim

#endif // SBOMOP_DtrackSim_XmlBomReader_INCLUDED
