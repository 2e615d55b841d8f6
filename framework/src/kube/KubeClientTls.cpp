//
// KubeClientTls.cpp
//

#include "KubeClientTls.h"
#include "sbomop/kube/KubeException.h"
#include <Poco/Crypto/EVPPKey.h>
#include <Poco/Crypto/X509Certificate.h>
#include <Poco/FileStream.h>
#include <Poco/StreamCopier.h>
#include <sstream>
#include <vector>

namespace sbomop {
namespace kube {

namespace
{
	const std::string BEGIN_CERTIFICATE = "-----BEGIN CERTIFICATE-----";
	const std::string END_CERTIFICATE = "-----END CERTIFICATE-----";

	std::vector<Poco::Crypto::X509Certificate> parseCertificates(const std::string& pem, const std::string& what)
	{
		std::vector<Poco::Crypto::X509Certificate> certificates;
		std::size_t pos = 0;
		while ((pos = pem.find(BEGIN_CERTIFICATE, pos)) != std::string::npos)
		{
			const std::size_t end = pem.find(END_CERTIFICATE, pos);
			if (end == std::string::npos) break;
			std::istringstream block(pem.substr(pos, end + END_CERTIFICATE.size() - pos));
			try
			{
				certificates.emplace_back(block);
			}
			catch (Poco::Exception& e)
			{
				throw KubeConfigException(what + " holds an invalid PEM certificate: " + e.displayText());
			}
			pos = end + END_CERTIFICATE.size();
		}
		if (certificates.empty()) throw KubeConfigException(what + " holds no PEM certificate");
		return certificates;
	}

	std::string readCaFile(const ClusterConnection& connection)
	{
		try
		{
			Poco::FileInputStream stream(connection.certificateAuthorityFile);
			std::string pem;
			Poco::StreamCopier::copyToString(stream, pem);
			return pem;
		}
		catch (Poco::Exception& e)
		{
			throw KubeConfigException(connection.source + ": cannot read CA file "
				+ connection.certificateAuthorityFile + ": " + e.displayText());
		}
	}
}

Poco::Net::Context::Ptr KubeClientTls::createContext(const ClusterConnection& connection, bool rereadCaFile)
{
	std::string caPem = connection.certificateAuthorityData;
	if ((rereadCaFile || caPem.empty()) && !connection.certificateAuthorityFile.empty())
	{
		caPem = readCaFile(connection);
	}
	const bool insecure = connection.insecureSkipTlsVerify;
	// VERIFY_STRICT makes Poco check the host name even for loopback
	// addresses (RELAXED skips that), which is what a kubeconfig promises.
	Poco::Net::Context::Ptr context = new Poco::Net::Context(Poco::Net::Context::TLS_CLIENT_USE, "",
		insecure ? Poco::Net::Context::VERIFY_NONE : Poco::Net::Context::VERIFY_STRICT, 9,
		!insecure && caPem.empty());
	context->requireMinimumProtocol(Poco::Net::Context::PROTO_TLSV1_2);
	if (!insecure && !caPem.empty())
	{
		for (const auto& certificate: parseCertificates(caPem, connection.source + ": certificate-authority"))
		{
			context->addCertificateAuthority(certificate);
		}
	}
	if (!connection.clientCertificateData.empty() || !connection.clientKeyData.empty())
	{
		if (connection.clientCertificateData.empty() || connection.clientKeyData.empty())
		{
			throw KubeConfigException(connection.source + ": a client certificate needs both the certificate and its key");
		}
		const auto chain = parseCertificates(connection.clientCertificateData, connection.source + ": client-certificate");
		context->useCertificate(chain.front());
		for (std::size_t i = 1; i < chain.size(); ++i) context->addChainCertificate(chain[i]);
		try
		{
			std::istringstream keyStream(connection.clientKeyData);
			context->usePrivateKey(Poco::Crypto::EVPPKey(nullptr, &keyStream));
		}
		catch (Poco::Exception& e)
		{
			// The message names the field only: key material must not leak.
			throw KubeConfigException(connection.source + ": client-key is not a usable PEM private key for the client certificate ("
				+ std::string(e.name()) + ")");
		}
	}
	return context;
}

} } // namespace sbomop::kube
