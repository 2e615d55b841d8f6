//
// FakeTokenRegistry.cpp
//

#include "FakeTokenRegistry.h"
#include "common/Base64Text.h"
#include <Poco/DigestEngine.h>
#include <Poco/Net/HTMLForm.h>
#include <Poco/Net/HTTPRequestHandler.h>
#include <Poco/Net/HTTPRequestHandlerFactory.h>
#include <Poco/Net/HTTPServerParams.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>
#include <Poco/Net/ServerSocket.h>
#include <Poco/SHA2Engine.h>
#include <Poco/StreamCopier.h>
#include <Poco/URI.h>
#include <sstream>

namespace sbomop {
namespace testing {

struct FakeTokenRegistry::State
{
	std::string username;
	std::string password;
	bool accessTokenField = false;
	std::string host;
	mutable std::mutex mutex;
	int tokenCount = 0;
	std::vector<std::string> scopes;
	std::map<std::string, std::string> tokens;                 // token -> scope
	std::map<std::string, std::string> blobs;                  // repo@digest -> data
	std::map<std::string, std::pair<std::string, std::string>> manifests;   // repo@digest -> type, body
	std::map<std::string, std::map<std::string, std::string>> tags;        // repo -> tag -> digest
	int uploads = 0;
	int uploadCounter = 0;
	bool redirectBlobs = false;
	int storageRequests = 0;
	int storageWithAuthorization = 0;
};

namespace
{
	std::string sha256(const std::string& data)
	{
		Poco::SHA2Engine engine(Poco::SHA2Engine::SHA_256);
		engine.update(data);
		return "sha256:" + Poco::DigestEngine::digestToHex(engine.digest());
	}

	using sbomop::testcommon::basicAuthorization;

	void answer(Poco::Net::HTTPServerResponse& response, Poco::Net::HTTPResponse::HTTPStatus status, const std::string& body = "",
		const std::string& type = "application/json")
	{
		response.setStatus(status);
		response.setContentType(type);
		response.setContentLength(static_cast<std::streamsize>(body.size()));
		response.send() << body;
	}

	void error(Poco::Net::HTTPServerResponse& response, Poco::Net::HTTPResponse::HTTPStatus status, const std::string& code,
		const std::string& message)
	{
		answer(response, status, "{\"errors\":[{\"code\":\"" + code + "\",\"message\":\"" + message + "\"}]}");
	}

	class Handler: public Poco::Net::HTTPRequestHandler
	{
	public:
		explicit Handler(std::shared_ptr<FakeTokenRegistry::State> state): _state(std::move(state))
		{
		}

		void handleRequest(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response) override
		{
			std::string body;
			Poco::StreamCopier::copyToString(request.stream(), body);
			const Poco::URI uri(request.getURI());
			std::lock_guard<std::mutex> lock(_state->mutex);
			if (uri.getPath() == "/token") return token(request, uri, response);
			const std::string path = uri.getPath();
			if (path.compare(0, 9, "/storage/") == 0) return storage(request, uri, response);
			std::string repo, kind, rest;
			for (const std::string marker: { "/blobs/", "/manifests/", "/tags/" })
			{
				const std::size_t at = path.rfind(marker);
				if (at != std::string::npos && path.compare(0, 4, "/v2/") == 0)
				{
					repo = path.substr(4, at - 4);
					kind = marker;
					rest = path.substr(at + marker.size());
					break;
				}
			}
			if (repo.empty()) return error(response, Poco::Net::HTTPResponse::HTTP_NOT_FOUND, "NOT_FOUND", "no route");
			const std::string& method = request.getMethod();
			const std::string action = method == "DELETE" ? "delete" : (method == "PUT" || method == "POST" ? "push" : "pull");
			if (!authorised(request, repo, action))
			{
				const std::string actions = action == "pull" ? "pull" : (action == "push" ? "pull,push" : "delete");
				response.set("WWW-Authenticate", "Bearer realm=\"http://" + _state->host + "/token\",service=\"fake-registry\",scope=\"repository:"
					+ repo + ":" + actions + "\"");
				return error(response, Poco::Net::HTTPResponse::HTTP_UNAUTHORIZED, "UNAUTHORIZED", "authentication required");
			}
			if (kind == "/blobs/") return blobs(request, uri, repo, rest, body, response);
			if (kind == "/manifests/") return manifests(request, repo, rest, body, response);
			return tagList(uri, repo, response);
		}

	private:
		void token(Poco::Net::HTTPServerRequest& request, const Poco::URI& uri, Poco::Net::HTTPServerResponse& response)
		{
			std::string scope, service;
			for (const auto& parameter: uri.getQueryParameters())
			{
				if (parameter.first == "scope") scope = parameter.second;
				if (parameter.first == "service") service = parameter.second;
			}
			if (request.get("Authorization", "") != basicAuthorization(_state->username, _state->password) || service != "fake-registry")
			{
				return answer(response, Poco::Net::HTTPResponse::HTTP_UNAUTHORIZED, "{\"details\":\"incorrect username or password\"}");
			}
			_state->scopes.push_back(scope);
			const std::string token = "tok-" + std::to_string(++_state->tokenCount);
			_state->tokens[token] = scope;
			answer(response, Poco::Net::HTTPResponse::HTTP_OK, std::string("{\"") + (_state->accessTokenField ? "access_token" : "token")
				+ "\":\"" + token + "\",\"expires_in\":300}");
		}

		void storage(Poco::Net::HTTPServerRequest& request, const Poco::URI& uri, Poco::Net::HTTPServerResponse& response)
		{
			++_state->storageRequests;
			if (request.has("Authorization")) ++_state->storageWithAuthorization;
			std::string repo;
			for (const auto& parameter: uri.getQueryParameters())
			{
				if (parameter.first == "repo") repo = parameter.second;
			}
			const auto it = _state->blobs.find(repo + "@" + uri.getPath().substr(9));
			if (it == _state->blobs.end()) return error(response, Poco::Net::HTTPResponse::HTTP_NOT_FOUND, "BLOB_UNKNOWN", "blob unknown");
			answer(response, Poco::Net::HTTPResponse::HTTP_OK, it->second, "application/octet-stream");
		}

		bool authorised(Poco::Net::HTTPServerRequest& request, const std::string& repo, const std::string& action) const
		{
			const std::string header = request.get("Authorization", "");
			if (header.compare(0, 7, "Bearer ") != 0) return false;
			const auto it = _state->tokens.find(header.substr(7));
			if (it == _state->tokens.end()) return false;
			const std::string prefix = "repository:" + repo + ":";
			if (it->second.compare(0, prefix.size(), prefix) != 0) return false;
			const std::string actions = "," + it->second.substr(prefix.size()) + ",";
			return actions.find("," + action + ",") != std::string::npos;
		}

		void blobs(Poco::Net::HTTPServerRequest& request, const Poco::URI& uri, const std::string& repo, const std::string& rest,
			const std::string& body, Poco::Net::HTTPServerResponse& response)
		{
			const std::string& method = request.getMethod();
			if (method == "POST" && rest == "uploads/")
			{
				response.set("Location", "/v2/" + repo + "/blobs/uploads/u" + std::to_string(++_state->uploadCounter) + "?_state=opaque");
				return answer(response, Poco::Net::HTTPResponse::HTTP_ACCEPTED);
			}
			if (method == "PUT" && rest.compare(0, 8, "uploads/") == 0)
			{
				std::string digest, state;
				for (const auto& parameter: uri.getQueryParameters())
				{
					if (parameter.first == "digest") digest = parameter.second;
					if (parameter.first == "_state") state = parameter.second;
				}
				if (state != "opaque" || digest != sha256(body) || request.getContentType() != "application/octet-stream")
				{
					return error(response, Poco::Net::HTTPResponse::HTTP_BAD_REQUEST, "DIGEST_INVALID", "provided digest did not match uploaded content");
				}
				_state->blobs[repo + "@" + digest] = body;
				++_state->uploads;
				response.set("Docker-Content-Digest", digest);
				return answer(response, Poco::Net::HTTPResponse::HTTP_CREATED);
			}
			const auto it = _state->blobs.find(repo + "@" + rest);
			if (it == _state->blobs.end()) return error(response, Poco::Net::HTTPResponse::HTTP_NOT_FOUND, "BLOB_UNKNOWN", "blob unknown to registry");
			if (method == "GET" && _state->redirectBlobs)
			{
				response.set("Location", "http://localhost:" + _state->host.substr(_state->host.find(':') + 1) + "/storage/" + rest
					+ "?repo=" + repo);
				return answer(response, Poco::Net::HTTPResponse::HTTP_TEMPORARY_REDIRECT);
			}
			if (method == "HEAD")
			{
				response.setStatus(Poco::Net::HTTPResponse::HTTP_OK);
				response.setContentLength(static_cast<std::streamsize>(it->second.size()));
				response.send();
				return;
			}
			answer(response, Poco::Net::HTTPResponse::HTTP_OK, it->second, "application/octet-stream");
		}

		void manifests(Poco::Net::HTTPServerRequest& request, const std::string& repo, const std::string& reference,
			const std::string& body, Poco::Net::HTTPServerResponse& response)
		{
			const std::string& method = request.getMethod();
			if (method == "PUT")
			{
				const std::string digest = sha256(body);
				_state->manifests[repo + "@" + digest] = { request.getContentType(), body };
				if (reference.compare(0, 7, "sha256:") != 0) _state->tags[repo][reference] = digest;
				response.set("Docker-Content-Digest", digest);
				return answer(response, Poco::Net::HTTPResponse::HTTP_CREATED);
			}
			std::string digest = reference;
			if (reference.compare(0, 7, "sha256:") != 0)
			{
				const auto tag = _state->tags[repo].find(reference);
				digest = tag == _state->tags[repo].end() ? std::string() : tag->second;
			}
			const auto it = _state->manifests.find(repo + "@" + digest);
			if (it == _state->manifests.end())
			{
				return error(response, Poco::Net::HTTPResponse::HTTP_NOT_FOUND, "MANIFEST_UNKNOWN", "manifest unknown");
			}
			if (method == "DELETE")
			{
				_state->manifests.erase(it);
				for (auto tag = _state->tags[repo].begin(); tag != _state->tags[repo].end(); )
				{
					tag = tag->second == digest ? _state->tags[repo].erase(tag) : std::next(tag);
				}
				return answer(response, Poco::Net::HTTPResponse::HTTP_ACCEPTED);
			}
			response.set("Docker-Content-Digest", digest);
			if (method == "HEAD")
			{
				response.setStatus(Poco::Net::HTTPResponse::HTTP_OK);
				response.setContentType(it->second.first);
				response.setContentLength(static_cast<std::streamsize>(it->second.second.size()));
				response.send();
				return;
			}
			answer(response, Poco::Net::HTTPResponse::HTTP_OK, it->second.second, it->second.first);
		}

		void tagList(const Poco::URI& uri, const std::string& repo, Poco::Net::HTTPServerResponse& response)
		{
			std::string last;
			for (const auto& parameter: uri.getQueryParameters())
			{
				if (parameter.first == "last") last = parameter.second;
			}
			const auto& tags = _state->tags[repo];
			if (tags.empty()) return error(response, Poco::Net::HTTPResponse::HTTP_NOT_FOUND, "NAME_UNKNOWN", "repository name not known to registry");
			std::string list;
			std::string lastListed;
			int count = 0;
			auto it = last.empty() ? tags.begin() : tags.upper_bound(last);
			for (; it != tags.end() && count < 2; ++it, ++count)
			{
				list += std::string(list.empty() ? "" : ",") + "\"" + it->first + "\"";
				lastListed = it->first;
			}
			if (it != tags.end()) response.set("Link", "</v2/" + repo + "/tags/list?n=2&last=" + lastListed + ">; rel=\"next\"");
			answer(response, Poco::Net::HTTPResponse::HTTP_OK, "{\"name\":\"" + repo + "\",\"tags\":[" + list + "]}");
		}

		std::shared_ptr<FakeTokenRegistry::State> _state;
	};

	class Factory: public Poco::Net::HTTPRequestHandlerFactory
	{
	public:
		explicit Factory(std::shared_ptr<FakeTokenRegistry::State> state): _state(std::move(state))
		{
		}

		Poco::Net::HTTPRequestHandler* createRequestHandler(const Poco::Net::HTTPServerRequest&) override
		{
			return new Handler(_state);
		}

	private:
		std::shared_ptr<FakeTokenRegistry::State> _state;
	};
}

FakeTokenRegistry::FakeTokenRegistry(const std::string& username, const std::string& password, bool useAccessTokenField):
	_state(std::make_shared<State>())
{
	_state->username = username;
	_state->password = password;
	_state->accessTokenField = useAccessTokenField;
	Poco::Net::ServerSocket socket(Poco::Net::SocketAddress("127.0.0.1", 0));
	_state->host = "127.0.0.1:" + std::to_string(socket.address().port());
	Poco::Net::HTTPServerParams::Ptr params = new Poco::Net::HTTPServerParams;
	params->setMaxThreads(8);
	_server.reset(new Poco::Net::HTTPServer(new Factory(_state), socket, params));
	_server->start();
}

FakeTokenRegistry::~FakeTokenRegistry()
{
	_server->stopAll(true);
}

std::string FakeTokenRegistry::host() const
{
	return _state->host;
}

int FakeTokenRegistry::tokenRequests() const
{
	std::lock_guard<std::mutex> lock(_state->mutex);
	return _state->tokenCount;
}

std::vector<std::string> FakeTokenRegistry::tokenScopes() const
{
	std::lock_guard<std::mutex> lock(_state->mutex);
	return _state->scopes;
}

int FakeTokenRegistry::blobUploads() const
{
	std::lock_guard<std::mutex> lock(_state->mutex);
	return _state->uploads;
}

bool FakeTokenRegistry::hasManifest(const std::string& repository, const std::string& reference) const
{
	std::lock_guard<std::mutex> lock(_state->mutex);
	const auto tags = _state->tags.find(repository);
	return tags != _state->tags.end() && tags->second.count(reference) > 0;
}

} } // namespace sbomop::testing

namespace sbomop {
namespace testing {

void FakeTokenRegistry::redirectBlobDownloads(bool redirect)
{
	std::lock_guard<std::mutex> lock(_state->mutex);
	_state->redirectBlobs = redirect;
}

int FakeTokenRegistry::storageRequests() const
{
	std::lock_guard<std::mutex> lock(_state->mutex);
	return _state->storageRequests;
}

int FakeTokenRegistry::storageRequestsWithAuthorization() const
{
	std::lock_guard<std::mutex> lock(_state->mutex);
	return _state->storageWithAuthorization;
}

} } // namespace sbomop::testing
