//
// ClusterConnectionLoader.h
//
// Finds the cluster to talk to: in-cluster service account or kubeconfig,
// decided the way client-go does.
//

#ifndef SBOMOP_Kube_ClusterConnectionLoader_INCLUDED
#define SBOMOP_Kube_ClusterConnectionLoader_INCLUDED

#include "sbomop/Sbomop.h"
#include "sbomop/kube/ClusterConnection.h"
#include <map>
#include <string>

namespace sbomop {
namespace kube {

class SBOMOP_API ClusterConnectionLoader
	/// Builds a ClusterConnection from the environment and files. The
	/// environment and the service-account directory are parameters so that
	/// callers (and tests) decide what is read. All functions throw
	/// KubeConfigException with a one-line reason naming the source.
{
public:
	using Environment = std::map<std::string, std::string>;
		/// Variable name -> value; absent and empty mean the same.

	static const std::string DEFAULT_SERVICE_ACCOUNT_DIR;
		/// "/var/run/secrets/kubernetes.io/serviceaccount"

	static Environment processEnvironment();
		/// The variables this class reads, taken from the process:
		/// KUBERNETES_SERVICE_HOST, KUBERNETES_SERVICE_PORT, KUBECONFIG, HOME.

	static bool inClusterAvailable(const Environment& env);
		/// True if KUBERNETES_SERVICE_HOST and KUBERNETES_SERVICE_PORT are both set.

	static ClusterConnection inCluster(const Environment& env, const std::string& serviceAccountDir = DEFAULT_SERVICE_ACCOUNT_DIR);
		/// https://<host>:<port> from the service variables (an IPv6 host is
		/// bracketed), the bearer token from `<dir>/token` (re-read later, as
		/// bound tokens rotate), the CA from `<dir>/ca.crt` and the namespace
		/// from `<dir>/namespace` ("default" if that file is missing). Throws
		/// if a variable is missing or the token or CA cannot be read.

	static std::string kubeconfigPath(const std::string& setting, const Environment& env);
		/// `setting` if not empty, else the first entry of the colon-separated
		/// $KUBECONFIG, else $HOME/.kube/config ("" if HOME is unset too).

	static ClusterConnection load(const std::string& kubeconfigSetting, const std::string& contextSetting,
		const Environment& env, const std::string& serviceAccountDir = DEFAULT_SERVICE_ACCOUNT_DIR);
		/// The operator's choice, like client-go: an explicit kubeconfig
		/// setting wins; otherwise in-cluster when the service variables are
		/// set; otherwise the default kubeconfig path ($KUBECONFIG, then
		/// ~/.kube/config). `contextSetting` selects a kubeconfig context
		/// ("" = current-context).
};

} } // namespace sbomop::kube

#endif // SBOMOP_Kube_ClusterConnectionLoader_INCLUDED
