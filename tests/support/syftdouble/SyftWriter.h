//
// SyftWriter.h
//
// Part of the Syft test double (see main.cpp). Syft's own formats:
// syft-json (with its schema), syft-text, syft-table and purls.
//

#ifndef SBOMOP_SyftDouble_SyftWriter_INCLUDED
#define SBOMOP_SyftDouble_SyftWriter_INCLUDED

#include "ScanSubject.h"
#include <ostream>

namespace sbomop {
namespace syftdouble {

class SyftWriter
	/// Static writers.
{
public:
	static void writeJson(std::ostream& out, const ScanSubject& subject);
		/// artifacts, artifactRelationships, source (image metadata), distro,
		/// descriptor and schema (version and URL), as syft-json has them.

	static void writeText(std::ostream& out, const ScanSubject& subject);
		/// An `[Image]` block with the layers, then one block per package.

	static void writeTable(std::ostream& out, const ScanSubject& subject);
		/// Aligned NAME, VERSION, TYPE columns.

	static void writePurls(std::ostream& out, const ScanSubject& subject);
		/// One package URL per line.

private:
	SyftWriter();
};


} } // namespace sbomop::syftdouble

#endif // SBOMOP_SyftDouble_SyftWriter_INCLUDED
