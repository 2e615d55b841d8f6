//
// KubeClientTls.h
//
// Builds the OpenSSL context of the Kubernetes client from a ClusterConnection.
// Internal to libsbomop.
//

#ifndef SBOMOP_Kube_KubeClientTls_INCLUDED
#define SBOMOP_Kube_KubeClientTls_INCLUDED

#include "sbomop/kube/ClusterConnection.h"
#include <Poco/Net/Context.h>

namespace sbomop {
namespace kube {

class KubeClientTls
	/// Creates client TLS contexts: CA bundle (or the system trust store when
	/// none is configured), optional client certificate and key, TLS >= 1.2,
	/// and host name verification against `tlsServerName` or the server host
	/// (also for loopback addresses). insecureSkipTlsVerify disables all
	/// verification.
{
public:
	static Poco::Net::Context::Ptr createContext(const ClusterConnection& connection, bool rereadCaFile);
		/// Builds a context. With `rereadCaFile`, the CA bundle is read again
		/// from `certificateAuthorityFile` (CA rotation) instead of using the
		/// data loaded at configuration time. Throws KubeConfigException
		/// naming the offending field if PEM data cannot be parsed or the CA
		/// file cannot be read.
};

} } // namespace sbomop::kube

#endif // SBOMOP_Kube_KubeClientTls_INCLUDED
