//
// TlsIdentity.h
//
// The TLS identity of kube-sim: a throw-away certificate authority and a
// server certificate it signs (EC P-256, SAN DNS:localhost, DNS:127.0.0.1,
// IP:127.0.0.1), generated in memory with OpenSSL, plus Poco contexts for the
// server and for clients that trust the CA.
//

#ifndef SBOMOP_KubeSim_TlsIdentity_INCLUDED
#define SBOMOP_KubeSim_TlsIdentity_INCLUDED

#include <Poco/Net/Context.h>
#include <string>

namespace sbomop {
namespace kubesim {

class TlsIdentity
	/// Immutable after generate(); the PEM strings may be copied freely. The
	/// private keys never leave the object except through serverContext().
{
public:
	TlsIdentity();

	static TlsIdentity generate();
		/// Creates the CA and the server certificate (valid from one hour ago
		/// for one year). Throws Poco::Net::SSLException when OpenSSL fails.

	const std::string& caCertificatePem() const;
	const std::string& serverCertificatePem() const;

	Poco::Net::Context::Ptr serverContext() const;
		/// A TLS server context presenting the server certificate.

	Poco::Net::Context::Ptr clientContext() const;
		/// A TLS client context that verifies peers against the CA only.

	static Poco::Net::Context::Ptr clientContextFor(const std::string& caPem);
		/// A client context trusting the given CA certificate (PEM).

private:
	std::string _caPem;
	std::string _certPem;
	std::string _keyPem;
};

} } // namespace sbomop::kubesim

#endif // SBOMOP_KubeSim_TlsIdentity_INCLUDED
