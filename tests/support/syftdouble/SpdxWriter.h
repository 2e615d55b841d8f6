//
// SpdxWriter.h
//
// Part of the Syft test double (see main.cpp). SPDX documents shaped like
// Syft's spdx-json (2.2, 2.3; 3.0 as JSON-LD) and spdx-tag-value encoders.
//

#ifndef SBOMOP_SyftDouble_SpdxWriter_INCLUDED
#define SBOMOP_SyftDouble_SpdxWriter_INCLUDED

#include "ScanSubject.h"
#include <ostream>

namespace sbomop {
namespace syftdouble {

class SpdxWriter
	/// Writes one SPDX package for the image (the document root) and one per
	/// catalogued package, with DESCRIBES and CONTAINS relationships.
{
public:
	static void writeJson(std::ostream& out, const ScanSubject& subject, const std::string& specVersion);
	static void writeTagValue(std::ostream& out, const ScanSubject& subject, const std::string& specVersion);

private:
	static void writeJson2(std::ostream& out, const ScanSubject& subject, const std::string& specVersion);
	static void writeJson3(std::ostream& out, const ScanSubject& subject);

	SpdxWriter();
};


} } // namespace sbomop::syftdouble

#endif // SBOMOP_SyftDouble_SpdxWriter_INCLUDED
