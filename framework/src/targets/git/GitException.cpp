//
// GitException.cpp
//

#include "sbomop/targets/git/GitException.h"
#include <typeinfo>

namespace sbomop {
namespace targets {

POCO_IMPLEMENT_EXCEPTION(GitException, sbomop::SbomopException, "git error")
POCO_IMPLEMENT_EXCEPTION(GitHubAppException, GitException, "GitHub App error")

} } // namespace sbomop::targets
