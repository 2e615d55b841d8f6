//
// KubeConfigFile.h
//
// Reads a kubeconfig file (YAML, or JSON as its subset) into a
// ClusterConnection.
//

#ifndef SBOMOP_Kube_KubeConfigFile_INCLUDED
#define SBOMOP_Kube_KubeConfigFile_INCLUDED

#include "sbomop/Sbomop.h"
#include "sbomop/kube/ClusterConnection.h"
#include <string>

namespace sbomop {
namespace kube {

class SBOMOP_API KubeConfigFile
	/// Resolves one context of a kubeconfig file:
	///   - `contexts[].context.{cluster, user, namespace}` of the selected
	///     context (the given name, else `current-context`);
	///   - `clusters[].cluster.{server, certificate-authority[-data],
	///     insecure-skip-tls-verify, tls-server-name}`;
	///   - `users[].user.{client-certificate[-data], client-key[-data], token,
	///     tokenFile, username, password}`.
	/// `*-data` fields are base64 of PEM and win over the file fields; file
	/// paths are relative to the directory of the kubeconfig. Users with an
	/// `exec` credential plugin or an `auth-provider` are rejected.
	///
	/// Every error is a KubeConfigException with one line of the form
	/// "kubeconfig <path>: <reason>" (missing file, YAML syntax error with
	/// its line, no current-context, unknown context/cluster/user, unreadable
	/// or invalid certificate data, unsupported authentication). Secrets
	/// never appear in messages.
{
public:
	static ClusterConnection load(const std::string& path, const std::string& contextName = "");
		/// Reads `path` and returns the connection of `contextName` (or of
		/// `current-context` if empty). Referenced files (CA, client
		/// certificate and key, token file) are read or checked now.
		/// Throws KubeConfigException.
};

} } // namespace sbomop::kube

#endif // SBOMOP_Kube_KubeConfigFile_INCLUDED
