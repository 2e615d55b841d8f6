//
// GitException.h
//
// The exceptions of the git storage target.
//

#ifndef SBOMOP_Targets_GitException_INCLUDED
#define SBOMOP_Targets_GitException_INCLUDED

#include "sbomop/Sbomop.h"
#include "sbomop/core/Exception.h"

namespace sbomop {
namespace targets {

POCO_DECLARE_EXCEPTION(SBOMOP_API, GitException, sbomop::SbomopException)
	/// A git operation (open, fetch, commit, push, ...) failed. The message
	/// names the operation and carries libgit2's reason, with credentials in
	/// URLs masked; it never contains a password or token.

POCO_DECLARE_EXCEPTION(SBOMOP_API, GitHubAppException, GitException)
	/// A GitHub App installation token could not be obtained (bad key,
	/// token endpoint unreachable or refusing). Never contains the key, the
	/// JWT or a token.

} } // namespace sbomop::targets

#endif // SBOMOP_Targets_GitException_INCLUDED
