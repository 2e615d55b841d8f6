//
// CycloneDxWriter.h
//
// Part of the Syft test double (see main.cpp). CycloneDX documents shaped
// like Syft's cyclonedx-json and cyclonedx-xml encoders.
//

#ifndef SBOMOP_SyftDouble_CycloneDxWriter_INCLUDED
#define SBOMOP_SyftDouble_CycloneDxWriter_INCLUDED

#include "ScanSubject.h"
#include <ostream>

namespace sbomop {
namespace syftdouble {

class CycloneDxWriter
	/// Writes the image as a `container` component in the metadata and one
	/// `library` component per package (plus the OS as an
	/// `operating-system` component). The spec version decides the shape:
	/// `tools` is an object of components from 1.5 on, an array before;
	/// serialNumber and bom-ref from 1.1, metadata from 1.2 (XML).
{
public:
	static void writeJson(std::ostream& out, const ScanSubject& subject, const std::string& specVersion);
	static void writeXml(std::ostream& out, const ScanSubject& subject, const std::string& specVersion);

private:
	CycloneDxWriter();
};


} } // namespace sbomop::syftdouble

#endif // SBOMOP_SyftDouble_CycloneDxWriter_INCLUDED
