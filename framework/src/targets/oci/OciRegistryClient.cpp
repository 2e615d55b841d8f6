//
// OciRegistryClient.cpp
//

#include "sbomop/targets/oci/OciRegistryClient.h"
#include "sbomop/targets/oci/OciException.h"
#include "sbomop/targets/oci/OciSbomArtifact.h"
#include <Poco/Base64Encoder.h>
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/Net/HTTPSClientSession.h>
#include <Poco/Net/SSLManager.h>
#include <Poco/NumberFormatter.h>
#include <Poco/StreamCopier.h>
#include <Poco/String.h>
#include <memory>
#include <sstream>

namespace sbomop {
namespace targets {

const std::string OciRegistryClient::MANIFEST_ACCEPT =
	"application/vnd.oci.image.manifest.v1+json, application/vnd.docker.distribution.manifest.v2+json, "
	"application/vnd.oci.image.index.v1+json, application/vnd.docker.distribution.manifest.list.v2+json";

namespace
{
	const int MAX_REDIRECTS = 5;
	const int DEFAULT_TOKEN_SECONDS = 60;
	const std::string USER_AGENT = "sbom-operator";

	bool isRedirect(int status)
	{
		return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
	}

	// The distribution error body: {"errors":[{"code":"..","message":".."}]}.
	std::string errorDetails(const std::string& body)
	{
		std::string details;
		try
		{
			Poco::JSON::Parser parser;
			const Poco::JSON::Object::Ptr object = parser.parse(body).extract<Poco::JSON::Object::Ptr>();
			const Poco::JSON::Array::Ptr errors = object->getArray("errors");
			if (errors.isNull()) return details;
			for (std::size_t i = 0; i < errors->size(); ++i)
			{
				const Poco::JSON::Object::Ptr error = errors->getObject(static_cast<unsigned>(i));
				if (error.isNull()) continue;
				if (!details.empty()) details += "; ";
				details += error->optValue<std::string>("code", "");
				const std::string message = error->optValue<std::string>("message", "");
				if (!message.empty()) details += ": " + message;
			}
		}
		catch (Poco::Exception&)
		{
			// Not a distribution error document: the status says enough.
		}
		return details;
	}

	// `<url>; rel="next"` of a Link header; empty when there is none.
	std::string nextLink(const std::string& header)
	{
		std::size_t pos = 0;
		while ((pos = header.find('<', pos)) != std::string::npos)
		{
			const std::size_t end = header.find('>', pos);
			if (end == std::string::npos) break;
			const std::size_t next = header.find('<', end);
			const std::string params = header.substr(end + 1, next == std::string::npos ? std::string::npos : next - end - 1);
			if (Poco::toLower(params).find("rel=\"next\"") != std::string::npos || Poco::toLower(params).find("rel=next") != std::string::npos)
			{
				return header.substr(pos + 1, end - pos - 1);
			}
			pos = end;
		}
		return std::string();
	}

	std::string withoutQuery(const Poco::URI& uri)
	{
		Poco::URI copy(uri);
		copy.setRawQuery("");
		copy.setFragment("");
		return copy.toString();
	}
}

OciRegistryClient::OciRegistryClient(const OciRepository& repository, const Options& options):
	_repository(repository),
	_options(options),
	_useBasic(false)
{
	Poco::Net::initializeSSL();
	try
	{
		// A context is needed even for plain-http registries: the token realm may be https.
		const bool insecure = _options.insecureSkipTlsVerify;
		_pContext = new Poco::Net::Context(Poco::Net::Context::TLS_CLIENT_USE, "", "",
			insecure ? std::string() : _options.caCertFile,
			insecure ? Poco::Net::Context::VERIFY_NONE : Poco::Net::Context::VERIFY_STRICT, 9,
			!insecure && _options.caCertFile.empty());
		_pContext->requireMinimumProtocol(Poco::Net::Context::PROTO_TLSV1_2);
	}
	catch (Poco::Exception& e)
	{
		Poco::Net::uninitializeSSL();
		throw OciException("cannot load the CA certificates for " + _repository.registry() + " from " + _options.caCertFile
			+ ": " + e.displayText());
	}
}

OciRegistryClient::~OciRegistryClient()
{
	_pContext.reset();
	Poco::Net::uninitializeSSL();
}

bool OciRegistryClient::blobExists(const std::string& digest)
{
	const Request request{ Poco::Net::HTTPRequest::HTTP_HEAD, repositoryPath("/blobs/" + digest), "pull" };
	const Response response = execute(request);
	if (response.status == 200) return true;
	if (response.status == 404) return false;
	fail(request, uriFor(request.target), response);
}

bool OciRegistryClient::pushBlob(const std::string& data, const std::string& digest)
{
	if (blobExists(digest)) return false;
	Request start;
	start.method = Poco::Net::HTTPRequest::HTTP_POST;
	start.target = repositoryPath("/blobs/uploads/");
	start.action = "pull,push";
	const Response started = execute(start);
	const std::string location = started.headers.get("Location", "");
	if (started.status != 202 || location.empty()) fail(start, uriFor(start.target), started);

	// The Location may be relative or absolute and carries the upload state.
	Poco::URI upload = uriFor(start.target);
	upload.resolve(location);
	upload.addQueryParameter("digest", digest);
	Request put;
	put.method = Poco::Net::HTTPRequest::HTTP_PUT;
	put.target = upload.toString();
	put.action = "pull,push";
	put.contentType = "application/octet-stream";
	put.body = &data;
	const Response finished = execute(put);
	if (finished.status != 201 && finished.status != 204) fail(put, upload, finished);
	return true;
}

std::string OciRegistryClient::getBlob(const std::string& digest)
{
	const Request request{ Poco::Net::HTTPRequest::HTTP_GET, repositoryPath("/blobs/" + digest), "pull" };
	const Response response = execute(request);
	if (response.status != 200) fail(request, uriFor(request.target), response);
	return response.body;
}

std::string OciRegistryClient::putManifest(const std::string& reference, const std::string& mediaType, const std::string& manifest)
{
	const Request request{ Poco::Net::HTTPRequest::HTTP_PUT, repositoryPath("/manifests/" + reference), "pull,push", "", mediaType, &manifest };
	const Response response = execute(request);
	if (response.status != 201 && response.status != 200) fail(request, uriFor(request.target), response);
	return response.headers.get("Docker-Content-Digest", OciSbomArtifact::digestOf(manifest));
}

bool OciRegistryClient::getManifest(const std::string& reference, std::string& manifest, std::string& digest)
{
	const Request request{ Poco::Net::HTTPRequest::HTTP_GET, repositoryPath("/manifests/" + reference), "pull", MANIFEST_ACCEPT };
	const Response response = execute(request);
	if (response.status == 404) return false;
	if (response.status != 200) fail(request, uriFor(request.target), response);
	manifest = response.body;
	digest = response.headers.get("Docker-Content-Digest", OciSbomArtifact::digestOf(manifest));
	return true;
}

bool OciRegistryClient::headManifest(const std::string& reference, std::string& digest)
{
	const Request request{ Poco::Net::HTTPRequest::HTTP_HEAD, repositoryPath("/manifests/" + reference), "pull", MANIFEST_ACCEPT };
	const Response response = execute(request);
	if (response.status == 404) return false;
	if (response.status != 200) fail(request, uriFor(request.target), response);
	digest = response.headers.get("Docker-Content-Digest", "");
	return true;
}

bool OciRegistryClient::deleteManifest(const std::string& digest)
{
	const Request request{ Poco::Net::HTTPRequest::HTTP_DELETE, repositoryPath("/manifests/" + digest), "delete" };
	const Response response = execute(request);
	if (response.status == 404) return false;
	if (response.status != 202 && response.status != 200 && response.status != 204) fail(request, uriFor(request.target), response);
	return true;
}

std::vector<std::string> OciRegistryClient::listTags()
{
	std::vector<std::string> tags;
	std::string target = repositoryPath("/tags/list?n=1000");
	while (!target.empty())
	{
		const Request request{ Poco::Net::HTTPRequest::HTTP_GET, target, "pull", "application/json" };
		const Response response = execute(request);
		// distribution answers NAME_UNKNOWN while nothing was pushed yet.
		if (response.status == 404 && tags.empty()) return tags;
		if (response.status != 200) fail(request, uriFor(target), response);
		try
		{
			Poco::JSON::Parser parser;
			const Poco::JSON::Object::Ptr object = parser.parse(response.body).extract<Poco::JSON::Object::Ptr>();
			const Poco::JSON::Array::Ptr page = object->getArray("tags");
			if (!page.isNull())
			{
				for (std::size_t i = 0; i < page->size(); ++i) tags.push_back(page->getElement<std::string>(static_cast<unsigned>(i)));
			}
		}
		catch (Poco::Exception& e)
		{
			throw OciException(describe(request.method, uriFor(target)) + " returned a malformed tag list: " + e.displayText());
		}
		target = nextLink(response.headers.get("Link", ""));
	}
	return tags;
}

OciRegistryClient::Response OciRegistryClient::execute(const Request& request)
{
	const std::string scope = "repository:" + _repository.repository() + ":" + request.action;
	const Poco::URI uri = uriFor(request.target);
	Response response = sendFollowingRedirects(request, uri, authorizationFor(scope));
	if (response.status != 401) return response;
	const std::string header = response.headers.get("WWW-Authenticate", "");
	if (header.empty()) fail(request, uri, response);
	OciAuthChallenge challenge;
	try
	{
		challenge = OciAuthChallenge::parse(header);
	}
	catch (Poco::SyntaxException& e)
	{
		throw OciAuthenticationException(describe(request.method, uri) + ": unusable WWW-Authenticate challenge: " + e.message(), 401);
	}
	response = sendFollowingRedirects(request, uri, answerChallenge(challenge, scope));
	if (response.status == 401) fail(request, uri, response);
	return response;
}

OciRegistryClient::Response OciRegistryClient::sendFollowingRedirects(const Request& request, const Poco::URI& uri,
	const std::string& authorization)
{
	Poco::URI current(uri);
	// Credentials go to the registry (or the token realm they were made for) only.
	std::string credentials = isRegistryHost(current) || request.action.empty() ? authorization : std::string();
	for (int redirects = 0; ; ++redirects)
	{
		Response response = sendOnce(request, current, credentials);
		const bool mayFollow = request.method == Poco::Net::HTTPRequest::HTTP_GET || request.method == Poco::Net::HTTPRequest::HTTP_HEAD;
		if (!isRedirect(response.status) || !mayFollow || redirects >= MAX_REDIRECTS || !response.headers.has("Location"))
		{
			return response;
		}
		Poco::URI next(current);
		next.resolve(response.headers.get("Location"));
		if (next.getHost() != current.getHost() || next.getPort() != current.getPort() || next.getScheme() != current.getScheme())
		{
			credentials.clear();
		}
		current = next;
	}
}

OciRegistryClient::Response OciRegistryClient::sendOnce(const Request& request, const Poco::URI& uri, const std::string& authorization)
{
	std::unique_ptr<Poco::Net::HTTPClientSession> session;
	if (uri.getScheme() == "https")
	{
		session.reset(new Poco::Net::HTTPSClientSession(uri.getHost(), uri.getPort(), _pContext));
	}
	else
	{
		session.reset(new Poco::Net::HTTPClientSession(uri.getHost(), uri.getPort()));
	}
	session->setTimeout(_options.timeout);
	Poco::Net::HTTPRequest httpRequest(request.method, uri.getPathEtc(), Poco::Net::HTTPMessage::HTTP_1_1);
	httpRequest.set("User-Agent", USER_AGENT);
	if (!request.accept.empty()) httpRequest.set("Accept", request.accept);
	if (!authorization.empty()) httpRequest.set("Authorization", authorization);
	if (request.body)
	{
		httpRequest.setContentType(request.contentType);
		httpRequest.setContentLength(static_cast<std::streamsize>(request.body->size()));
	}
	else if (request.method == Poco::Net::HTTPRequest::HTTP_POST || request.method == Poco::Net::HTTPRequest::HTTP_PUT)
	{
		httpRequest.setContentLength(0);
	}
	Response response;
	try
	{
		std::ostream& out = session->sendRequest(httpRequest);
		if (request.body) out.write(request.body->data(), static_cast<std::streamsize>(request.body->size()));
		Poco::Net::HTTPResponse httpResponse;
		std::istream& in = session->receiveResponse(httpResponse);
		response.status = static_cast<int>(httpResponse.getStatus());
		response.reason = httpResponse.getReason();
		if (request.method != Poco::Net::HTTPRequest::HTTP_HEAD) Poco::StreamCopier::copyToString(in, response.body);
		response.headers = httpResponse;
	}
	catch (Poco::Exception& e)
	{
		throw OciException("cannot reach " + describe(request.method, uri) + ": " + e.displayText());
	}
	return response;
}

std::string OciRegistryClient::authorizationFor(const std::string& scope)
{
	std::lock_guard<std::mutex> lock(_mutex);
	if (_useBasic) return basicAuthorization();
	const auto it = _tokens.find(scope);
	if (it != _tokens.end() && Poco::Timestamp() < it->second.expires) return "Bearer " + it->second.token;
	return std::string();
}

std::string OciRegistryClient::answerChallenge(const OciAuthChallenge& challenge, const std::string& scope)
{
	if (challenge.isBasic())
	{
		if (_options.username.empty() && _options.password.empty())
		{
			throw OciAuthenticationException(_repository.registry() + " requires credentials and none are configured", 401);
		}
		std::lock_guard<std::mutex> lock(_mutex);
		_useBasic = true;
		return basicAuthorization();
	}
	if (challenge.isBearer()) return "Bearer " + fetchToken(challenge, scope);
	throw OciAuthenticationException(_repository.registry() + " asks for the unsupported authentication scheme \""
		+ challenge.scheme() + "\"", 401);
}

std::string OciRegistryClient::fetchToken(const OciAuthChallenge& challenge, const std::string& scope)
{
	const std::string realm = challenge.parameter("realm");
	if (realm.empty()) throw OciAuthenticationException(_repository.registry() + " sent a Bearer challenge without a realm", 401);
	Poco::URI uri;
	try
	{
		uri = Poco::URI(realm);
	}
	catch (Poco::SyntaxException& e)
	{
		throw OciAuthenticationException(_repository.registry() + " sent an invalid token realm: " + e.message(), 401);
	}
	if (uri.getScheme() != "https" && uri.getScheme() != "http")
	{
		throw OciAuthenticationException(_repository.registry() + " sent a token realm that is not an http(s) URL", 401);
	}
	const std::string service = challenge.parameter("service");
	if (!service.empty()) uri.addQueryParameter("service", service);
	// The challenge's scope is what this very request needs; ours is the fallback.
	const std::string challengeScope = challenge.parameter("scope");
	uri.addQueryParameter("scope", challengeScope.empty() ? scope : challengeScope);

	Request request;
	request.method = Poco::Net::HTTPRequest::HTTP_GET;
	request.target = uri.toString();
	request.accept = "application/json";
	const bool withCredentials = !_options.username.empty() || !_options.password.empty();
	const Response response = sendFollowingRedirects(request, uri, withCredentials ? basicAuthorization() : std::string());
	if (response.status != 200) fail(request, uri, response);

	std::string token;
	int lifetime = DEFAULT_TOKEN_SECONDS;
	try
	{
		Poco::JSON::Parser parser;
		const Poco::JSON::Object::Ptr object = parser.parse(response.body).extract<Poco::JSON::Object::Ptr>();
		token = object->optValue<std::string>("token", "");
		if (token.empty()) token = object->optValue<std::string>("access_token", "");
		lifetime = object->optValue<int>("expires_in", DEFAULT_TOKEN_SECONDS);
	}
	catch (Poco::Exception&)
	{
		// The body may hold a token: never echo it.
		throw OciAuthenticationException("the token service " + withoutQuery(uri) + " answered with a body that is not a JSON object", 401);
	}
	if (token.empty()) throw OciAuthenticationException("the token service " + withoutQuery(uri) + " answered without a token", 401);
	// Renew a little early so a token does not expire in flight.
	const int usable = lifetime > 20 ? lifetime - 10 : (lifetime > 0 ? lifetime / 2 : 0);
	std::lock_guard<std::mutex> lock(_mutex);
	CachedToken& cached = _tokens[scope];
	cached.token = token;
	cached.expires = Poco::Timestamp() + Poco::Timespan(usable, 0);
	return token;
}

std::string OciRegistryClient::basicAuthorization() const
{
	std::ostringstream encoded;
	Poco::Base64Encoder encoder(encoded);
	encoder.rdbuf()->setLineLength(0);
	encoder << _options.username << ':' << _options.password;
	encoder.close();
	return "Basic " + encoded.str();
}

Poco::URI OciRegistryClient::uriFor(const std::string& target) const
{
	if (target.compare(0, 7, "http://") == 0 || target.compare(0, 8, "https://") == 0) return Poco::URI(target);
	Poco::URI uri;
	uri.setScheme(_repository.scheme());
	uri.setHost(_repository.host());
	uri.setPort(_repository.port());
	uri.setPathEtc(target);
	return uri;
}

bool OciRegistryClient::isRegistryHost(const Poco::URI& uri) const
{
	return Poco::icompare(uri.getHost(), _repository.host()) == 0 && uri.getPort() == _repository.port();
}

std::string OciRegistryClient::describe(const std::string& method, const Poco::URI& uri) const
{
	return method + " " + withoutQuery(uri);
}

void OciRegistryClient::fail(const Request& request, const Poco::URI& uri, const Response& response) const
{
	std::string message = describe(request.method, uri) + " answered " + std::to_string(response.status);
	if (!response.reason.empty()) message += " " + response.reason;
	const std::string details = errorDetails(response.body);
	if (!details.empty()) message += " (" + details + ")";
	if (response.status == 401 || response.status == 403)
	{
		message += _options.username.empty() ? ": no credentials configured" : ": credentials of user \"" + _options.username + "\" rejected";
		throw OciAuthenticationException(message, response.status);
	}
	throw OciException(message, response.status);
}

std::string OciRegistryClient::repositoryPath(const std::string& suffix) const
{
	return "/v2/" + _repository.repository() + suffix;
}

} } // namespace sbomop::targets
