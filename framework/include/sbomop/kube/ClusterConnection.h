//
// ClusterConnection.h
//
// Everything needed to reach one API server: address, TLS material,
// credentials and the default namespace. Produced by KubeConfigFile and
// ClusterConnectionLoader, consumed by KubeClient.
//

#ifndef SBOMOP_Kube_ClusterConnection_INCLUDED
#define SBOMOP_Kube_ClusterConnection_INCLUDED

#include "sbomop/Sbomop.h"
#include <Poco/Types.h>
#include <string>

namespace sbomop {
namespace kube {

struct SBOMOP_API ClusterConnection
	/// Resolved connection settings of one cluster. A plain value: copy it
	/// freely, but treat it as secret material (it holds tokens, passwords and
	/// private keys) and never log it; describe() gives a loggable summary.
	///
	/// PEM data fields hold PEM text (already base64-decoded from kubeconfig
	/// `*-data` fields or read from the referenced files).
{
	std::string server;
		/// Base URL, e.g. "https://10.96.0.1:443" or "https://[fd00::1]:6443";
		/// may carry a path prefix (e.g. behind a proxy).
	std::string certificateAuthorityData;
		/// PEM bundle of CAs that sign the server certificate. Empty: the
		/// system trust store is used (unless insecureSkipTlsVerify).
	std::string certificateAuthorityFile;
		/// File the CA bundle came from, if any; re-read when a TLS handshake
		/// fails (CA rotation). Empty for inline data.
	bool insecureSkipTlsVerify = false;
		/// Do not verify the server certificate at all.
	std::string tlsServerName;
		/// Name to verify the server certificate against (and to send as SNI)
		/// instead of the host of `server`.
	std::string clientCertificateData;
		/// PEM client certificate (mutual TLS), with clientKeyData.
	std::string clientKeyData;
		/// PEM private key of the client certificate.
	std::string token;
		/// Static bearer token.
	std::string tokenFile;
		/// File holding a bearer token, re-read periodically and after a 401;
		/// wins over `token` once read.
	std::string username;
		/// HTTP basic authentication (legacy).
	std::string password;
	std::string defaultNamespace = "default";
		/// Namespace of the kubeconfig context, or of the pod (in-cluster).
	std::string source;
		/// Where the settings came from, for messages, e.g.
		/// "kubeconfig /home/u/.kube/config, context 'kind'" or "in-cluster".

	std::string scheme() const;
		/// "http" or "https". Throws KubeConfigException if `server` is not an
		/// http(s) URL with a host.
	std::string host() const;
		/// Host of `server` without IPv6 brackets. Throws like scheme().
	Poco::UInt16 port() const;
		/// Port of `server`, defaulting to 443 (https) or 80 (http). Throws like scheme().
	std::string basePath() const;
		/// Path prefix of `server` without a trailing slash ("" usually).
	std::string endpoint() const;
		/// "host:port" (IPv6 hosts bracketed) for messages.
	std::string authKind() const;
		/// "token file", "token", "client certificate", "basic" or "none".
	std::string describe() const;
		/// A one-line summary without any secret, suitable for logs.
};

} } // namespace sbomop::kube

#endif // SBOMOP_Kube_ClusterConnection_INCLUDED
