//
// GithubWriter.h
//
// Part of the Syft test double (see main.cpp). GitHub's dependency snapshot
// format as Syft's github-json encoder writes it.
//

#ifndef SBOMOP_SyftDouble_GithubWriter_INCLUDED
#define SBOMOP_SyftDouble_GithubWriter_INCLUDED

#include "ScanSubject.h"
#include <ostream>

namespace sbomop {
namespace syftdouble {

class GithubWriter
	/// Static writer: one manifest per package location, each resolving the
	/// packages found there by package URL.
{
public:
	static void writeJson(std::ostream& out, const ScanSubject& subject);

private:
	GithubWriter();
};


} } // namespace sbomop::syftdouble

#endif // SBOMOP_SyftDouble_GithubWriter_INCLUDED
