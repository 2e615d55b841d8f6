//
// RegistryException.h
//
// Exceptions of the registry module: malformed image pull secrets and
// malformed registry proxy configuration.
//

#ifndef SBOMOP_Registry_RegistryException_INCLUDED
#define SBOMOP_Registry_RegistryException_INCLUDED

#include "sbomop/core/Exception.h"

namespace sbomop {
namespace registry {

POCO_DECLARE_EXCEPTION(SBOMOP_API, RegistryException, sbomop::SbomopException)

/// A pull secret cannot be read: unsupported type, missing key, bad base64,
/// bad JSON, wrong field types, an `auth` that is not `user:password`. The
/// message names the key, registry and field concerned but never any part of
/// the secret's content.
POCO_DECLARE_EXCEPTION(SBOMOP_API, InvalidPullSecretException, RegistryException)

/// A `registry-proxy` entry is not `source=proxy` with valid registries. The
/// message names the entry.
POCO_DECLARE_EXCEPTION(SBOMOP_API, InvalidRegistryProxyException, RegistryException)

} } // namespace sbomop::registry

#endif // SBOMOP_Registry_RegistryException_INCLUDED
