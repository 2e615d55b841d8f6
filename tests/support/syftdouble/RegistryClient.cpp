//
// RegistryClient.cpp
//
// Part of the Syft test double.
//

#include "RegistryClient.h"
#include "common/Base64Text.h"
#include <Poco/Crypto/X509Certificate.h>
#include <Poco/DigestEngine.h>
#include <Poco/DirectoryIterator.h>
#include <Poco/Environment.h>
#include <Poco/Exception.h>
#include <Poco/File.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/Net/HTTPSClientSession.h>
#include <Poco/SHA2Engine.h>
#include <Poco/StreamCopier.h>
#include <Poco/String.h>
#include <Poco/URI.h>
#include <map>
#include <memory>
#include <sstream>

namespace sbomop {
namespace syftdouble {

namespace {

const std::string MANIFEST_TYPES =
	"application/vnd.oci.image.index.v1+json, application/vnd.docker.distribution.manifest.list.v2+json, "
	"application/vnd.oci.image.manifest.v1+json, application/vnd.docker.distribution.manifest.v2+json";

std::string sha256(const std::string& data)
{
	Poco::SHA2Engine engine(Poco::SHA2Engine::SHA_256);
	engine.update(data);
	return "sha256:" + Poco::DigestEngine::digestToHex(engine.digest());
}

// Parses `Bearer realm="...",service="...",scope="..."`.
std::map<std::string, std::string> challengeParams(const std::string& challenge)
{
	std::map<std::string, std::string> params;
	std::string::size_type pos = challenge.find(' ');
	while (pos != std::string::npos && pos < challenge.size())
	{
		const std::string::size_type eq = challenge.find('=', pos);
		if (eq == std::string::npos) break;
		const std::string key = Poco::toLower(Poco::trim(challenge.substr(pos, eq - pos)));
		std::string value;
		std::string::size_type next;
		if (eq + 1 < challenge.size() && challenge[eq + 1] == '"')
		{
			const std::string::size_type close = challenge.find('"', eq + 2);
			value = challenge.substr(eq + 2, close == std::string::npos ? std::string::npos : close - eq - 2);
			next = close == std::string::npos ? std::string::npos : challenge.find(',', close);
		}
		else
		{
			next = challenge.find(',', eq);
			value = Poco::trim(challenge.substr(eq + 1, next == std::string::npos ? std::string::npos : next - eq - 1));
		}
		params[key] = value;
		pos = next == std::string::npos ? next : next + 1;
	}
	return params;
}

// `CODE: message` from a distribution error body, or the HTTP status.
std::string errorText(int status, const std::string& body)
{
	try
	{
		Poco::JSON::Parser parser;
		const Poco::JSON::Object::Ptr root = parser.parse(body).extract<Poco::JSON::Object::Ptr>();
		const Poco::JSON::Array::Ptr errors = root->getArray("errors");
		if (errors && errors->size() > 0)
		{
			const Poco::JSON::Object::Ptr first = errors->getObject(0);
			return first->optValue<std::string>("code", "UNKNOWN") + ": " + first->optValue<std::string>("message", "");
		}
	}
	catch (Poco::Exception&)
	{
	}
	return "unexpected status code " + std::to_string(status) + " " +
		Poco::Net::HTTPResponse::getReasonForStatus(static_cast<Poco::Net::HTTPResponse::HTTPStatus>(status));
}

Poco::JSON::Object::Ptr parseObject(const std::string& body, const std::string& url)
{
	try
	{
		Poco::JSON::Parser parser;
		return parser.parse(body).extract<Poco::JSON::Object::Ptr>();
	}
	catch (Poco::Exception& exc)
	{
		throw Poco::IOException("GET " + url + ": invalid JSON: " + exc.displayText());
	}
}

} // namespace


RegistryClient::RegistryClient(const RegistrySettings& settings, const RegistryAuth* auth):
	_settings(settings),
	_pAuth(auth)
{
	if (_settings.insecureUseHttp) return;
	if (_settings.insecureSkipTlsVerify)
	{
		_pContext = new Poco::Net::Context(Poco::Net::Context::TLS_CLIENT_USE, "", Poco::Net::Context::VERIFY_NONE);
		return;
	}
	// OpenSSL's default paths honour SSL_CERT_FILE / SSL_CERT_DIR.
	_pContext = new Poco::Net::Context(Poco::Net::Context::TLS_CLIENT_USE, "", Poco::Net::Context::VERIFY_RELAXED, 9, true);
	if (_settings.caCert.empty()) return;
	Poco::File location(_settings.caCert);
	std::vector<std::string> files;
	if (location.isDirectory())
	{
		for (Poco::DirectoryIterator it(location); it != Poco::DirectoryIterator(); ++it)
		{
			const std::string ext = Poco::Path(it->path()).getExtension();
			if (ext == "crt" || ext == "cert" || ext == "pem") files.push_back(it->path());
		}
	}
	else
	{
		files.push_back(_settings.caCert);
	}
	for (const std::string& file: files) _pContext->addCertificateAuthority(Poco::Crypto::X509Certificate(file));
}


ImageManifest RegistryClient::resolve(const ImageRef& ref, const std::string& platform)
{
	authenticate(ref);
	ImageManifest manifest;
	std::string body = fetchManifest(ref, ref.reference(), ref.digest, manifest.mediaType, manifest.digest);
	Poco::JSON::Object::Ptr root = parseObject(body, baseUrl(ref));
	const bool isIndex = root->has("manifests");
	if (isIndex)
	{
		std::string os = "linux", arch = "amd64", variant;
		const std::string wanted = platform.empty() ? "linux/amd64" : platform;
		std::vector<std::string> parts;
		std::string::size_type start = 0;
		while (true)
		{
			const std::string::size_type slash = wanted.find('/', start);
			parts.push_back(wanted.substr(start, slash == std::string::npos ? std::string::npos : slash - start));
			if (slash == std::string::npos) break;
			start = slash + 1;
		}
		if (parts.size() >= 2) { os = parts[0]; arch = parts[1]; }
		if (parts.size() >= 3) variant = parts[2];
		std::string childDigest;
		const Poco::JSON::Array::Ptr children = root->getArray("manifests");
		for (std::size_t i = 0; children && i < children->size(); ++i)
		{
			const Poco::JSON::Object::Ptr child = children->getObject(i);
			const Poco::JSON::Object::Ptr p = child->getObject("platform");
			if (!p) continue;
			if (p->optValue<std::string>("os", "") == os && p->optValue<std::string>("architecture", "") == arch &&
				(variant.empty() || p->optValue<std::string>("variant", "") == variant))
			{
				childDigest = child->getValue<std::string>("digest");
				break;
			}
		}
		if (childDigest.empty())
			throw Poco::IOException("no child with platform " + wanted + " in index " + ref.toString());
		manifest.indexDigest = manifest.digest;
		body = fetchManifest(ref, childDigest, childDigest, manifest.mediaType, manifest.digest);
		root = parseObject(body, baseUrl(ref));
	}
	const Poco::JSON::Object::Ptr config = root->getObject("config");
	if (config) manifest.configDigest = config->optValue<std::string>("digest", "");
	const Poco::JSON::Array::Ptr layers = root->getArray("layers");
	for (std::size_t i = 0; layers && i < layers->size(); ++i)
	{
		const Poco::JSON::Object::Ptr layer = layers->getObject(i);
		manifest.layers.emplace_back(layer->optValue<std::string>("digest", ""), layer->optValue<Poco::UInt64>("size", 0));
	}
	return manifest;
}


std::string RegistryClient::baseUrl(const ImageRef& ref) const
{
	const std::string host = ref.registry == "index.docker.io" ? "registry-1.docker.io" : ref.registry;
	return (_settings.insecureUseHttp ? "http://" : "https://") + host;
}


void RegistryClient::authenticate(const ImageRef& ref)
{
	const std::string url = baseUrl(ref) + "/v2/";
	const Response ping = get(url, "", "");
	if (ping.status == 200) return;
	if (ping.status != 401) throw Poco::IOException("GET " + url + ": " + errorText(ping.status, ping.body));
	const std::string scheme = Poco::toLower(ping.challenge.substr(0, ping.challenge.find(' ')));
	const bool hasBasic = _pAuth && !_pAuth->password.empty();
	const std::string basic = hasBasic ? testcommon::basicAuthorization(_pAuth->username, _pAuth->password) : std::string();
	if (scheme == "basic")
	{
		_authorization = hasBasic ? basic : (_pAuth && !_pAuth->token.empty() ? "Bearer " + _pAuth->token : "");
		return;
	}
	if (scheme != "bearer") throw Poco::IOException("GET " + url + ": unsupported challenge: " + ping.challenge);
	if (_pAuth && !_pAuth->token.empty() && !hasBasic)
	{
		_authorization = "Bearer " + _pAuth->token;
		return;
	}
	const std::map<std::string, std::string> params = challengeParams(ping.challenge);
	const auto realm = params.find("realm");
	if (realm == params.end()) throw Poco::IOException("GET " + url + ": bearer challenge without realm");
	Poco::URI tokenUri(realm->second);
	const auto service = params.find("service");
	if (service != params.end()) tokenUri.addQueryParameter("service", service->second);
	tokenUri.addQueryParameter("scope", "repository:" + ref.repository + ":pull");
	const Response tokenResponse = get(tokenUri.toString(), "application/json", basic);
	if (tokenResponse.status != 200)
		throw Poco::IOException("GET " + tokenUri.toString() + ": " + errorText(tokenResponse.status, tokenResponse.body));
	const Poco::JSON::Object::Ptr token = parseObject(tokenResponse.body, tokenUri.toString());
	const std::string value = token->optValue<std::string>("token", token->optValue<std::string>("access_token", ""));
	if (value.empty()) throw Poco::IOException("GET " + tokenUri.toString() + ": no token in response");
	_authorization = "Bearer " + value;
}


std::string RegistryClient::fetchManifest(const ImageRef& ref, const std::string& reference, const std::string& expectedDigest,
	std::string& mediaType, std::string& digest)
{
	const std::string url = baseUrl(ref) + "/v2/" + ref.repository + "/manifests/" + reference;
	const Response response = get(url, MANIFEST_TYPES, _authorization);
	if (response.status != 200) throw Poco::IOException("GET " + url + ": " + errorText(response.status, response.body));
	digest = sha256(response.body);
	if (!expectedDigest.empty() && digest != expectedDigest)
		throw Poco::IOException("manifest digest: " + digest + " does not match requested digest: " + expectedDigest + " for " + url);
	mediaType = response.contentType;
	return response.body;
}


RegistryClient::Response RegistryClient::get(const std::string& url, const std::string& accept, const std::string& authorization)
{
	const Poco::URI uri(url);
	std::unique_ptr<Poco::Net::HTTPClientSession> session;
	if (uri.getScheme() == "https") session.reset(new Poco::Net::HTTPSClientSession(uri.getHost(), uri.getPort(), _pContext));
	else session.reset(new Poco::Net::HTTPClientSession(uri.getHost(), uri.getPort()));
	session->setTimeout(Poco::Timespan(30, 0));
	Poco::Net::HTTPRequest request(Poco::Net::HTTPRequest::HTTP_GET, uri.getPathAndQuery(), Poco::Net::HTTPMessage::HTTP_1_1);
	request.set("User-Agent", "syft/1.51.0 (sbom-operator test double)");
	if (!accept.empty()) request.set("Accept", accept);
	if (!authorization.empty()) request.set("Authorization", authorization);
	Response result;
	try
	{
		session->sendRequest(request);
		Poco::Net::HTTPResponse response;
		std::istream& body = session->receiveResponse(response);
		Poco::StreamCopier::copyToString(body, result.body);
		result.status = response.getStatus();
		result.contentType = response.getContentType();
		result.challenge = response.get("WWW-Authenticate", "");
	}
	catch (Poco::Exception& exc)
	{
		throw Poco::IOException("GET " + url + ": " + exc.displayText());
	}
	return result;
}


} } // namespace sbomop::syftdouble
