//
// Exception.h
//
// The root of libsbomop's exception tree. Modules derive their own exceptions
// from SbomopException (see config/ConfigException.h, plugin/PluginException.h,
// kube/KubeException.h), following Poco's POCO_DECLARE_EXCEPTION idiom.
//

#ifndef SBOMOP_Core_Exception_INCLUDED
#define SBOMOP_Core_Exception_INCLUDED

#include "sbomop/Sbomop.h"
#include <Poco/Exception.h>

namespace sbomop {

POCO_DECLARE_EXCEPTION(SBOMOP_API, SbomopException, Poco::RuntimeException)

} // namespace sbomop

#endif // SBOMOP_Core_Exception_INCLUDED
