//
// SyftException.h
//
// Exceptions of the syft backend.
//

#ifndef SBOMOP_Syft_SyftException_INCLUDED
#define SBOMOP_Syft_SyftException_INCLUDED

#include "sbomop/core/Exception.h"

namespace sbomop {
namespace syft {

// No export macro: the plugin keeps its symbols hidden (see SbomOperatorPlugin.cmake).
POCO_DECLARE_EXCEPTION(, SyftException, sbomop::SbomopException)
	/// A scan could not be prepared or run (e.g. credentials that cannot be
	/// written to Syft's configuration, a subprocess that cannot be started).
	/// Messages never contain secrets.

} } // namespace sbomop::syft

#endif // SBOMOP_Syft_SyftException_INCLUDED
