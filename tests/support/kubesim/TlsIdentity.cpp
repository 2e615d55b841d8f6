//
// TlsIdentity.cpp
//

#include "kubesim/TlsIdentity.h"
#include <Poco/Crypto/X509Certificate.h>
#include <Poco/Net/SSLException.h>
#include <openssl/bn.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/ssl.h>
#include <openssl/x509v3.h>
#include <memory>
#include <sstream>

namespace sbomop {
namespace kubesim {

namespace
{
	using KeyPtr = std::unique_ptr<EVP_PKEY, decltype(&EVP_PKEY_free)>;
	using CertPtr = std::unique_ptr<X509, decltype(&X509_free)>;
	using BioPtr = std::unique_ptr<BIO, decltype(&BIO_free)>;

	void check(bool ok, const char* what)
	{
		if (!ok) throw Poco::Net::SSLException("cannot create the simulator certificate", what);
	}

	KeyPtr newKey()
	{
		KeyPtr key(EVP_EC_gen("P-256"), EVP_PKEY_free);
		check(key != nullptr, "EC key generation");
		return key;
	}

	void addExtension(X509* cert, X509* issuer, int nid, const char* value)
	{
		X509V3_CTX context;
		X509V3_set_ctx_nodb(&context);
		X509V3_set_ctx(&context, issuer, cert, nullptr, nullptr, 0);
		X509_EXTENSION* extension = X509V3_EXT_conf_nid(nullptr, &context, nid, value);
		check(extension != nullptr, value);
		X509_add_ext(cert, extension, -1);
		X509_EXTENSION_free(extension);
	}

	CertPtr newCertificate(EVP_PKEY* key, const char* commonName, X509* issuer, EVP_PKEY* issuerKey, bool ca)
	{
		CertPtr cert(X509_new(), X509_free);
		check(cert != nullptr, "X509_new");
		X509_set_version(cert.get(), 2);
		// Positive random 127-bit serial, as Go and RFC 5280 expect.
		BIGNUM* serial = BN_new();
		BN_rand(serial, 127, BN_RAND_TOP_ANY, BN_RAND_BOTTOM_ANY);
		BN_to_ASN1_INTEGER(serial, X509_get_serialNumber(cert.get()));
		BN_free(serial);
		X509_gmtime_adj(X509_getm_notBefore(cert.get()), -3600);
		X509_gmtime_adj(X509_getm_notAfter(cert.get()), 365L * 24 * 3600);
		X509_set_pubkey(cert.get(), key);
		X509_NAME* name = X509_get_subject_name(cert.get());
		X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_ASC, reinterpret_cast<const unsigned char*>(commonName), -1, -1, 0);
		X509* signer = issuer ? issuer : cert.get();
		X509_set_issuer_name(cert.get(), X509_get_subject_name(signer));
		addExtension(cert.get(), signer, NID_subject_key_identifier, "hash");
		if (ca)
		{
			addExtension(cert.get(), signer, NID_basic_constraints, "critical,CA:TRUE");
			addExtension(cert.get(), signer, NID_key_usage, "critical,keyCertSign,cRLSign,digitalSignature");
		}
		else
		{
			addExtension(cert.get(), signer, NID_basic_constraints, "critical,CA:FALSE");
			addExtension(cert.get(), signer, NID_key_usage, "critical,digitalSignature,keyEncipherment");
			addExtension(cert.get(), signer, NID_ext_key_usage, "serverAuth");
			addExtension(cert.get(), signer, NID_subject_alt_name, "DNS:localhost,DNS:127.0.0.1,IP:127.0.0.1");
			addExtension(cert.get(), signer, NID_authority_key_identifier, "keyid:always");
		}
		check(X509_sign(cert.get(), issuerKey, EVP_sha256()) > 0, "X509_sign");
		return cert;
	}

	std::string bioText(BIO* bio)
	{
		char* data = nullptr;
		long length = BIO_get_mem_data(bio, &data);
		return std::string(data, static_cast<std::size_t>(length));
	}

	std::string certificatePem(X509* cert)
	{
		BioPtr bio(BIO_new(BIO_s_mem()), BIO_free);
		check(PEM_write_bio_X509(bio.get(), cert) == 1, "PEM_write_bio_X509");
		return bioText(bio.get());
	}

	std::string keyPem(EVP_PKEY* key)
	{
		BioPtr bio(BIO_new(BIO_s_mem()), BIO_free);
		check(PEM_write_bio_PrivateKey(bio.get(), key, nullptr, nullptr, 0, nullptr, nullptr) == 1, "PEM_write_bio_PrivateKey");
		return bioText(bio.get());
	}
}

TlsIdentity::TlsIdentity()
{
}

TlsIdentity TlsIdentity::generate()
{
	KeyPtr caKey = newKey();
	CertPtr ca = newCertificate(caKey.get(), "kube-sim-ca", nullptr, caKey.get(), true);
	KeyPtr serverKey = newKey();
	CertPtr server = newCertificate(serverKey.get(), "kube-sim", ca.get(), caKey.get(), false);
	TlsIdentity identity;
	identity._caPem = certificatePem(ca.get());
	identity._certPem = certificatePem(server.get());
	identity._keyPem = keyPem(serverKey.get());
	return identity;
}

const std::string& TlsIdentity::caCertificatePem() const
{
	return _caPem;
}

const std::string& TlsIdentity::serverCertificatePem() const
{
	return _certPem;
}

Poco::Net::Context::Ptr TlsIdentity::serverContext() const
{
	Poco::Net::Context::Ptr context = new Poco::Net::Context(Poco::Net::Context::TLS_SERVER_USE, "", Poco::Net::Context::VERIFY_NONE);
	BioPtr certBio(BIO_new_mem_buf(_certPem.data(), static_cast<int>(_certPem.size())), BIO_free);
	CertPtr cert(PEM_read_bio_X509(certBio.get(), nullptr, nullptr, nullptr), X509_free);
	BioPtr keyBio(BIO_new_mem_buf(_keyPem.data(), static_cast<int>(_keyPem.size())), BIO_free);
	KeyPtr key(PEM_read_bio_PrivateKey(keyBio.get(), nullptr, nullptr, nullptr), EVP_PKEY_free);
	check(cert && key, "PEM read");
	check(SSL_CTX_use_certificate(context->sslContext(), cert.get()) == 1, "SSL_CTX_use_certificate");
	check(SSL_CTX_use_PrivateKey(context->sslContext(), key.get()) == 1, "SSL_CTX_use_PrivateKey");
	return context;
}

Poco::Net::Context::Ptr TlsIdentity::clientContext() const
{
	return clientContextFor(_caPem);
}

Poco::Net::Context::Ptr TlsIdentity::clientContextFor(const std::string& caPem)
{
	Poco::Net::Context::Ptr context = new Poco::Net::Context(Poco::Net::Context::TLS_CLIENT_USE, "", Poco::Net::Context::VERIFY_RELAXED);
	std::istringstream in(caPem);
	context->addCertificateAuthority(Poco::Crypto::X509Certificate(in));
	return context;
}

} } // namespace sbomop::kubesim
