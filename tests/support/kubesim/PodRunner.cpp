//
// PodRunner.cpp
//

#include "kubesim/PodRunner.h"
#include <typeinfo>

namespace sbomop {
namespace kubesim {

POCO_IMPLEMENT_EXCEPTION(ContainerStartException, sbomop::SbomopException, "Container cannot start")

PodRunner::~PodRunner()
{
}

} } // namespace sbomop::kubesim
