//
// PullCredentials.h
//
// Pull credentials for the images of one cycle: each pod's imagePullSecrets,
// then `fallback-pull-secret` from the operator's namespace. Secrets are read
// once per cycle per (namespace, name) and never listed cluster-wide.
//

#ifndef SBOMOP_Controller_PullCredentials_INCLUDED
#define SBOMOP_Controller_PullCredentials_INCLUDED

#include "sbomop/Sbomop.h"
#include "sbomop/image/ImageReference.h"
#include "sbomop/kube/PodInfo.h"
#include "sbomop/registry/DockerConfig.h"
#include "sbomop/registry/RegistryCredentials.h"
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <utility>

namespace Poco { class Logger; }

namespace sbomop {
namespace controller {

struct SBOMOP_API SecretData
{
	std::string type;
	std::map<std::string, std::string> data;   ///< base64 values, as the API returns them
};

class SBOMOP_API PullCredentials
	/// One instance per cycle. Not thread-safe.
{
public:
	using Fetch = std::function<std::optional<SecretData>(const std::string& ns, const std::string& name)>;
		/// Reads a Secret: nullopt when it does not exist; throws on other
		/// failures (e.g. forbidden), which are reported as warnings.

	PullCredentials(Fetch fetch, const std::string& fallbackNamespace, const std::string& fallbackSecret, Poco::Logger& logger);

	registry::RegistryCredentials resolve(const kube::PodInfo& pod, const image::ImageReference& pullReference);
		/// The most specific matching entry of the pod's pull secrets (in
		/// order), then of the fallback secret; empty credentials when none
		/// matches. A missing or malformed secret is a warning naming the
		/// secret and the problem (never its content); the image is then
		/// pulled without those credentials.

	std::size_t fetchCount() const;
		/// Secrets read so far.


private:
	const registry::DockerConfig* config(const std::string& ns, const std::string& name);

	Fetch _fetch;
	std::string _fallbackNamespace;
	std::string _fallbackSecret;
	Poco::Logger& _logger;
	std::map<std::pair<std::string, std::string>, std::unique_ptr<registry::DockerConfig>> _cache;
	std::size_t _fetches = 0;
};

} } // namespace sbomop::controller

#endif // SBOMOP_Controller_PullCredentials_INCLUDED
