//
// RegistryHost.h
//
// Helpers for comparing registry host names: Docker Hub's aliases, ports.
//

#ifndef SBOMOP_Registry_RegistryHost_INCLUDED
#define SBOMOP_Registry_RegistryHost_INCLUDED

#include "sbomop/Sbomop.h"
#include <string>

namespace sbomop {
namespace registry {

class SBOMOP_API RegistryHost
	/// Static helpers; stateless and thread-safe.
{
public:
	static const std::string DOCKER_HUB;
		/// `docker.io`, the canonical name of Docker Hub.

	static bool isDockerHub(const std::string& host);
		/// True for `docker.io`, `index.docker.io` and `registry-1.docker.io`
		/// (any case, no port): the names Docker Hub appears under in image
		/// references and Docker configs.

	static std::string canonical(const std::string& host);
		/// `host` in lowercase, with Docker Hub's aliases replaced by
		/// DOCKER_HUB. Registries compare equal when their canonical forms do.

	static void split(const std::string& hostPort, std::string& host, std::string& port);
		/// Splits `host[:port]` (also `[ipv6]:port`); `port` is empty when
		/// absent.

private:
	RegistryHost();
};


} } // namespace sbomop::registry

#endif // SBOMOP_Registry_RegistryHost_INCLUDED
