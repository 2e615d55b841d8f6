//
// DockerConfig.h
//
// Registry credentials from Kubernetes image pull secrets
// (`kubernetes.io/dockerconfigjson` and the legacy `kubernetes.io/dockercfg`).
//

#ifndef SBOMOP_Registry_DockerConfig_INCLUDED
#define SBOMOP_Registry_DockerConfig_INCLUDED

#include "sbomop/Sbomop.h"
#include "sbomop/registry/RegistryCredentials.h"
#include <map>
#include <string>
#include <vector>

namespace sbomop {
namespace registry {

class SBOMOP_API DockerConfig
	/// The per-registry entries of a Docker config: one RegistryCredentials
	/// per registry key, the key kept as written (`https://index.docker.io/v1/`,
	/// `my-registry.example/images`, `*.example.com`), in key order.
	///
	/// Per entry, `username`/`password` are used when either is set; otherwise
	/// `auth` (base64 of `user:password`, split at the first `:` so passwords
	/// may contain `:`) is decoded, as the Go operator did. `registrytoken`,
	/// or else `identitytoken`, becomes the token. `email` and unknown fields
	/// are ignored; `null` counts as absent.
	///
	/// Error messages name the data key, registry key and field, never the
	/// secret content. Immutable after parsing; safe to share between threads.
{
public:
	static const std::string DOCKER_CONFIG_JSON_TYPE;
		/// `kubernetes.io/dockerconfigjson`.
	static const std::string DOCKER_CONFIG_JSON_KEY;
		/// `.dockerconfigjson`.
	static const std::string DOCKERCFG_TYPE;
		/// `kubernetes.io/dockercfg`.
	static const std::string DOCKERCFG_KEY;
		/// `.dockercfg`.

	DockerConfig();
		/// An empty config.

	static DockerConfig parse(const std::string& secretType, const std::map<std::string, std::string>& data);
		/// Parses a Secret's `type` and `data` (values base64-encoded, as the
		/// API returns them). `kubernetes.io/dockerconfigjson` reads key
		/// `.dockerconfigjson` in the `{"auths":{...}}` shape;
		/// `kubernetes.io/dockercfg` reads `.dockercfg` without the `auths`
		/// wrapper. Throws InvalidPullSecretException for another type, a
		/// missing key, bad base64, bad JSON or malformed entries.

	static DockerConfig parseConfigJson(const std::string& json);
		/// Parses decoded `~/.docker/config.json` content (`auths` wrapper; a
		/// config without `auths` has no entries). Throws
		/// InvalidPullSecretException.

	static DockerConfig parseDockerCfg(const std::string& json);
		/// Parses decoded legacy `.dockercfg` content (registry keys at the
		/// top level). Throws InvalidPullSecretException.

	const std::vector<RegistryCredentials>& entries() const;
		/// registry() of each entry is the key as written.

	bool empty() const;

private:
	static DockerConfig parseJson(const std::string& json, bool authsWrapper, const std::string& where);

	std::vector<RegistryCredentials> _entries;
};


//
// inlines
//
inline const std::vector<RegistryCredentials>& DockerConfig::entries() const
{
	return _entries;
}


inline bool DockerConfig::empty() const
{
	return _entries.empty();
}


} } // namespace sbomop::registry

#endif // SBOMOP_Registry_DockerConfig_INCLUDED
