//
// RegistryObserver.cpp
//

#include "kubesim/RegistryObserver.h"

namespace sbomop {
namespace kubesim {

RegistryObserver::~RegistryObserver()
{
}

void RegistryObserver::objectCreated(const ResourceInfo&, const StoredObjectPtr&)
{
}

} } // namespace sbomop::kubesim
