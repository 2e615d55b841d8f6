//
// RegistryException.cpp
//

#include "sbomop/registry/RegistryException.h"
#include <typeinfo>

namespace sbomop {
namespace registry {

POCO_IMPLEMENT_EXCEPTION(RegistryException, sbomop::SbomopException, "Registry error")
POCO_IMPLEMENT_EXCEPTION(InvalidPullSecretException, RegistryException, "Invalid pull secret")
POCO_IMPLEMENT_EXCEPTION(InvalidRegistryProxyException, RegistryException, "Invalid registry proxy")

} } // namespace sbomop::registry
