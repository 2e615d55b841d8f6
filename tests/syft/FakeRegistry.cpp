//
// FakeRegistry.cpp
//

#include "FakeRegistry.h"
// Relative to this file: the scan-concurrency benchmark compiles it without
// tests/support on its include path.
#include "../support/common/Base64Text.h"
#include <Poco/DigestEngine.h>
#include <Poco/Net/HTTPRequestHandler.h>
#include <Poco/Net/HTTPRequestHandlerFactory.h>
#include <Poco/Net/HTTPServerParams.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>
#include <Poco/Net/ServerSocket.h>
#include <Poco/Net/SocketAddress.h>
#include <Poco/SHA2Engine.h>
#include <sstream>

namespace sbomop {
namespace testing {

namespace {

std::string sha256(const std::string& data)
{
	Poco::SHA2Engine engine(Poco::SHA2Engine::SHA_256);
	engine.update(data);
	return "sha256:" + Poco::DigestEngine::digestToHex(engine.digest());
}

void reply(Poco::Net::HTTPServerResponse& response, Poco::Net::HTTPResponse::HTTPStatus status,
	const std::string& contentType, const std::string& body)
{
	response.setStatus(status);
	response.setContentType(contentType);
	response.setContentLength(static_cast<std::streamsize>(body.size()));
	response.send() << body;
}

void replyError(Poco::Net::HTTPServerResponse& response, Poco::Net::HTTPResponse::HTTPStatus status,
	const std::string& code, const std::string& message)
{
	reply(response, status, "application/json", "{\"errors\":[{\"code\":\"" + code + "\",\"message\":\"" + message + "\"}]}");
}

class Handler: public Poco::Net::HTTPRequestHandler
{
public:
	explicit Handler(FakeRegistry& registry): _registry(registry) {}

	void handleRequest(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response) override
	{
		const std::string path = request.getURI().substr(0, request.getURI().find('?'));
		const std::string authorization = request.get("Authorization", "");
		if (path == "/token")
		{
			if (!_registry.checkBasic(authorization))
				return replyError(response, Poco::Net::HTTPResponse::HTTP_UNAUTHORIZED, "UNAUTHORIZED", "authentication required");
			return reply(response, Poco::Net::HTTPResponse::HTTP_OK, "application/json",
				"{\"token\":\"" + _registry.issuedToken() + "\",\"expires_in\":300}");
		}
		if (!_registry.authorized(authorization))
		{
			response.set("WWW-Authenticate", _registry.challenge());
			return replyError(response, Poco::Net::HTTPResponse::HTTP_UNAUTHORIZED, "UNAUTHORIZED", "authentication required");
		}
		if (path == "/v2/" || path == "/v2") return reply(response, Poco::Net::HTTPResponse::HTTP_OK, "application/json", "{}");
		const std::string::size_type marker = path.find("/manifests/");
		if (path.compare(0, 4, "/v2/") != 0 || marker == std::string::npos)
			return replyError(response, Poco::Net::HTTPResponse::HTTP_NOT_FOUND, "NOT_FOUND", "not found");
		const FakeRegistry::Manifest* manifest = _registry.find(path.substr(4, marker - 4), path.substr(marker + 11));
		if (!manifest) return replyError(response, Poco::Net::HTTPResponse::HTTP_NOT_FOUND, "MANIFEST_UNKNOWN", "manifest unknown");
		_registry.countManifest();
		response.set("Docker-Content-Digest", manifest->digest);
		reply(response, Poco::Net::HTTPResponse::HTTP_OK, manifest->mediaType, manifest->body);
	}

private:
	FakeRegistry& _registry;
};

class Factory: public Poco::Net::HTTPRequestHandlerFactory
{
public:
	explicit Factory(FakeRegistry& registry): _registry(registry) {}

	Poco::Net::HTTPRequestHandler* createRequestHandler(const Poco::Net::HTTPServerRequest&) override
	{
		return new Handler(_registry);
	}

private:
	FakeRegistry& _registry;
};

} // namespace


FakeRegistry::FakeRegistry(const std::string& username, const std::string& password, AuthMode mode, const std::string& staticToken):
	_basic(testcommon::basicAuthorization(username, password)),
	_mode(mode),
	_staticToken(staticToken),
	_manifestRequests(0)
{
	Poco::Net::ServerSocket socket(Poco::Net::SocketAddress("127.0.0.1", 0));
	Poco::Net::HTTPServerParams::Ptr params = new Poco::Net::HTTPServerParams;
	params->setMaxThreads(16);
	params->setMaxQueued(64);
	_pServer.reset(new Poco::Net::HTTPServer(new Factory(*this), socket, params));
	_pServer->start();
}


FakeRegistry::~FakeRegistry()
{
	_pServer->stopAll(true);
}


std::string FakeRegistry::host() const
{
	return "127.0.0.1:" + std::to_string(_pServer->port());
}


std::string FakeRegistry::addImage(const std::string& repository, const std::string& tag)
{
	const std::string layer = sha256(repository + ":" + tag + ":layer");
	const std::string body = "{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\","
		"\"config\":{\"mediaType\":\"application/vnd.oci.image.config.v1+json\",\"digest\":\"" + sha256(repository + ":" + tag) +
		"\",\"size\":512},\"layers\":[{\"mediaType\":\"application/vnd.oci.image.layer.v1.tar+gzip\",\"digest\":\"" + layer +
		"\",\"size\":4096}]}";
	return store(repository, tag, body, "application/vnd.oci.image.manifest.v1+json");
}


std::string FakeRegistry::addIndex(const std::string& repository, const std::string& tag, const std::vector<std::string>& platforms,
	std::map<std::string, std::string>& childDigests)
{
	std::string entries;
	for (const std::string& platform: platforms)
	{
		const std::string digest = addImage(repository, tag + "-" + platform);
		childDigests[platform] = digest;
		const std::string::size_type slash = platform.find('/');
		const std::string::size_type slash2 = platform.find('/', slash + 1);
		std::string platformJson = "{\"os\":\"" + platform.substr(0, slash) + "\",\"architecture\":\"" +
			platform.substr(slash + 1, slash2 == std::string::npos ? std::string::npos : slash2 - slash - 1) + "\"";
		if (slash2 != std::string::npos) platformJson += ",\"variant\":\"" + platform.substr(slash2 + 1) + "\"";
		platformJson += "}";
		if (!entries.empty()) entries += ",";
		entries += "{\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\",\"digest\":\"" + digest +
			"\",\"size\":400,\"platform\":" + platformJson + "}";
	}
	const std::string body = "{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.index.v1+json\",\"manifests\":[" +
		entries + "]}";
	return store(repository, tag, body, "application/vnd.oci.image.index.v1+json");
}


std::string FakeRegistry::store(const std::string& repository, const std::string& tag, const std::string& body,
	const std::string& mediaType)
{
	const Manifest manifest = { body, sha256(body), mediaType };
	std::lock_guard<std::mutex> lock(_mutex);
	_manifests[repository + "@" + tag] = manifest;
	_manifests[repository + "@" + manifest.digest] = manifest;
	return manifest.digest;
}


std::string FakeRegistry::reference(const std::string& repository, const std::string& digest) const
{
	return host() + "/" + repository + "@" + digest;
}


int FakeRegistry::manifestRequests() const
{
	return _manifestRequests;
}


bool FakeRegistry::authorized(const std::string& authorization) const
{
	if (!_staticToken.empty() && authorization == "Bearer " + _staticToken) return true;
	return _mode == BASIC ? authorization == _basic : authorization == "Bearer " + issuedToken();
}


bool FakeRegistry::checkBasic(const std::string& authorization) const
{
	return authorization == _basic;
}


const FakeRegistry::Manifest* FakeRegistry::find(const std::string& repository, const std::string& reference) const
{
	std::lock_guard<std::mutex> lock(_mutex);
	const auto it = _manifests.find(repository + "@" + reference);
	return it == _manifests.end() ? nullptr : &it->second;
}


std::string FakeRegistry::challenge() const
{
	if (_mode == BASIC) return "Basic realm=\"fake\"";
	return "Bearer realm=\"http://" + host() + "/token\",service=\"fake-registry\"";
}


std::string FakeRegistry::issuedToken() const
{
	// Derived from the credentials, so only their holder gets it.
	return sha256(_basic).substr(7, 32);
}


void FakeRegistry::countManifest()
{
	++_manifestRequests;
}


} } // namespace sbomop::testing
