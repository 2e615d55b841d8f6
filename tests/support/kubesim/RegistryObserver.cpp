//
// RegistryObserver.cpp
//

#include "kubesim/RegistryObserver.h"

namespace sbomop {
namespace kubesim {

RegistryObserver::~RegistryObserver()
{
}

} } // namespace sbomop::kubesim
