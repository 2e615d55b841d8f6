//
// GitHubAppTokenSource.cpp
//

#include "sbomop/targets/git/GitHubAppTokenSource.h"
#include "sbomop/targets/git/GitException.h"
#include "sbomop/logging/SecretRedactor.h"
#include <Poco/Base64Decoder.h>
#include <Poco/Base64Encoder.h>
#include <Poco/Crypto/RSADigestEngine.h>
#include <Poco/Crypto/RSAKey.h>
#include <Poco/DateTimeFormat.h>
#include <Poco/DateTimeParser.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <Poco/Net/Context.h>
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/Net/HTTPSClientSession.h>
#include <Poco/Net/SSLManager.h>
#include <Poco/String.h>
#include <Poco/StreamCopier.h>
#include <Poco/URI.h>
#include <sstream>

namespace sbomop {
namespace targets {

const Poco::Timespan GitHubAppTokenSource::REFRESH_MARGIN(5 * Poco::Timespan::MINUTES);
const std::string GitHubAppTokenSource::USER_NAME("x-access-token");

namespace {

const int JWT_BACKDATE_SECONDS = 60;      // tolerates clock drift, as GitHub recommends
const int JWT_LIFETIME_SECONDS = 9 * 60;  // GitHub accepts at most 10 minutes
const int HTTP_TIMEOUT_SECONDS = 30;
const std::size_t MAX_ERROR_BODY = 300;

std::string decodePrivateKey(const std::string& value)
{
	const std::string trimmed = Poco::trim(value);
	if (trimmed.compare(0, 10, "-----BEGIN") == 0) return trimmed;
	std::istringstream in(trimmed);
	Poco::Base64Decoder decoder(in);
	std::string pem;
	try
	{
		Poco::StreamCopier::copyToString(decoder, pem);
	}
	catch (Poco::Exception&)
	{
		throw GitHubAppException("the GitHub App private key is not valid base64");
	}
	return pem;
}

std::unique_ptr<Poco::Crypto::RSAKey> loadKey(const std::string& value)
{
	const std::string pem = decodePrivateKey(value);
	if (pem.find("PRIVATE KEY-----") == std::string::npos)
		throw GitHubAppException("the GitHub App private key is not a PEM private key");
	try
	{
		std::istringstream in(pem);
		return std::unique_ptr<Poco::Crypto::RSAKey>(new Poco::Crypto::RSAKey(nullptr, &in, ""));
	}
	catch (Poco::Exception&)
	{
		// OpenSSL's text may quote key material: report only the fact.
		throw GitHubAppException("the GitHub App private key cannot be read as an RSA key");
	}
}

Poco::Timestamp parseExpiry(const std::string& text, const Poco::Timestamp& fallback)
{
	int tzd = 0;
	Poco::DateTime dateTime;
	if (!text.empty() && Poco::DateTimeParser::tryParse(Poco::DateTimeFormat::ISO8601_FORMAT, text, dateTime, tzd))
	{
		dateTime.makeUTC(tzd);
		return dateTime.timestamp();
	}
	return fallback;
}

std::unique_ptr<Poco::Net::HTTPClientSession> openSession(const Poco::URI& uri, const std::string& caCertFile, bool insecure)
{
	std::unique_ptr<Poco::Net::HTTPClientSession> session;
	if (uri.getScheme() == "https")
	{
		Poco::Net::Context::Ptr context = new Poco::Net::Context(Poco::Net::Context::TLS_CLIENT_USE, "", "", caCertFile,
			insecure ? Poco::Net::Context::VERIFY_NONE : Poco::Net::Context::VERIFY_STRICT, 9, caCertFile.empty(),
			"ALL:!ADH:!LOW:!EXP:!MD5:@STRENGTH");
		session.reset(new Poco::Net::HTTPSClientSession(uri.getHost(), uri.getPort(), context));
	}
	else
	{
		session.reset(new Poco::Net::HTTPClientSession(uri.getHost(), uri.getPort()));
	}
	session->setTimeout(Poco::Timespan(HTTP_TIMEOUT_SECONDS, 0));
	return session;
}

} // namespace


GitHubAppTokenSource::GitHubAppTokenSource(const std::string& apiUrl, const std::string& appId, const std::string& installationId,
		const std::string& privateKey, const std::string& caCertFile, bool insecureSkipTlsVerify):
	_apiUrl(apiUrl),
	_appId(appId),
	_installationId(installationId),
	_caCertFile(caCertFile),
	_insecure(insecureSkipTlsVerify),
	_pKey(loadKey(privateKey)),
	_expiresAt(0)
{
	while (!_apiUrl.empty() && _apiUrl.back() == '/') _apiUrl.pop_back();
	Poco::URI uri(_apiUrl);
	if (uri.getScheme() != "http" && uri.getScheme() != "https")
		throw GitHubAppException("github-api-url must be an http:// or https:// URL", _apiUrl);
}


GitHubAppTokenSource::~GitHubAppTokenSource()
{
	if (!_token.empty()) logging::SecretRedactor::instance().remove(_token);
}


std::string GitHubAppTokenSource::token()
{
	std::lock_guard<std::mutex> lock(_mutex);
	Poco::Timestamp now;
	if (_token.empty() || _expiresAt - now < REFRESH_MARGIN.totalMicroseconds())
	{
		fetch();
	}
	return _token;
}


void GitHubAppTokenSource::invalidate()
{
	std::lock_guard<std::mutex> lock(_mutex);
	_expiresAt = 0;
}


Poco::Timestamp GitHubAppTokenSource::expiresAt() const
{
	std::lock_guard<std::mutex> lock(_mutex);
	return _token.empty() ? Poco::Timestamp(0) : _expiresAt;
}


std::string GitHubAppTokenSource::createJwt(const Poco::Timestamp& now) const
{
	const Poco::Timestamp::TimeVal seconds = now.epochTime();
	Poco::JSON::Object header;
	header.set("alg", "RS256");
	header.set("typ", "JWT");
	Poco::JSON::Object claims;
	claims.set("iat", static_cast<Poco::Int64>(seconds - JWT_BACKDATE_SECONDS));
	claims.set("exp", static_cast<Poco::Int64>(seconds + JWT_LIFETIME_SECONDS));
	claims.set("iss", _appId);
	std::ostringstream headerJson, claimsJson;
	header.stringify(headerJson);
	claims.stringify(claimsJson);
	const std::string signingInput = base64UrlEncode(headerJson.str()) + "." + base64UrlEncode(claimsJson.str());

	// RSADigestEngine signs with PKCS #1 v1.5 padding: exactly RS256.
	Poco::Crypto::RSADigestEngine engine(*_pKey, "SHA256");
	engine.update(signingInput);
	const Poco::DigestEngine::Digest& signature = engine.signature();
	return signingInput + "." + base64UrlEncode(std::string(signature.begin(), signature.end()));
}


std::string GitHubAppTokenSource::tokenUrl() const
{
	return _apiUrl + "/app/installations/" + _installationId + "/access_tokens";
}


std::string GitHubAppTokenSource::base64UrlEncode(const std::string& data)
{
	std::ostringstream out;
	Poco::Base64Encoder encoder(out, Poco::BASE64_URL_ENCODING | Poco::BASE64_NO_PADDING);
	encoder.rdbuf()->setLineLength(0);
	encoder << data;
	encoder.close();
	return out.str();
}


void GitHubAppTokenSource::fetch()
{
	const std::string url = tokenUrl();
	const Poco::Timestamp now;
	Poco::Net::HTTPResponse response;
	std::string body;
	try
	{
		Poco::URI uri(url);
		auto session = openSession(uri, _caCertFile, _insecure);
		Poco::Net::HTTPRequest request(Poco::Net::HTTPRequest::HTTP_POST, uri.getPathAndQuery(), Poco::Net::HTTPMessage::HTTP_1_1);
		request.set("Accept", "application/vnd.github+json");
		request.set("X-GitHub-Api-Version", "2022-11-28");
		request.set("User-Agent", "sbom-operator");
		request.set("Authorization", "Bearer " + createJwt(now));
		request.setContentLength(0);
		session->sendRequest(request);
		std::istream& in = session->receiveResponse(response);
		Poco::StreamCopier::copyToString(in, body);
	}
	catch (GitHubAppException&)
	{
		throw;
	}
	catch (Poco::Exception& exc)
	{
		throw GitHubAppException("GitHub App token request to " + url + " failed: " + exc.displayText());
	}
	if (response.getStatus() < 200 || response.getStatus() >= 300)
	{
		std::string excerpt = Poco::trim(body.substr(0, MAX_ERROR_BODY));
		throw GitHubAppException("GitHub App token request to " + url + " failed: HTTP " + std::to_string(response.getStatus())
			+ " " + response.getReason() + (excerpt.empty() ? "" : ": " + logging::SecretRedactor::instance().redact(excerpt)));
	}
	std::string token;
	std::string expiresAt;
	try
	{
		Poco::JSON::Parser parser;
		Poco::JSON::Object::Ptr object = parser.parse(body).extract<Poco::JSON::Object::Ptr>();
		if (object)
		{
			token = object->optValue<std::string>("token", "");
			expiresAt = object->optValue<std::string>("expires_at", "");
		}
	}
	catch (Poco::Exception&)
	{
		token.clear();
	}
	if (token.empty())
		throw GitHubAppException("GitHub App token request to " + url + " returned no token");

	auto& redactor = logging::SecretRedactor::instance();
	if (!_token.empty() && _token != token) redactor.remove(_token);
	redactor.add(token);
	_token = token;
	// GitHub's tokens live one hour; assume that when the answer omits the expiry.
	_expiresAt = parseExpiry(expiresAt, now + Poco::Timespan(3600, 0));
}


} } // namespace sbomop::targets
