//
// TokenEndpointDouble.cpp
//

#include "TokenEndpointDouble.h"
#include "common/Base64Text.h"
#include <Poco/Base64Decoder.h>
#include <Poco/Base64Encoder.h>
#include <Poco/Crypto/RSADigestEngine.h>
#include <Poco/DateTime.h>
#include <Poco/DateTimeFormat.h>
#include <Poco/DateTimeFormatter.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <Poco/Net/HTTPRequestHandler.h>
#include <Poco/Net/HTTPRequestHandlerFactory.h>
#include <Poco/Net/HTTPServerParams.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>
#include <Poco/Net/ServerSocket.h>
#include <Poco/StreamCopier.h>
#include <Poco/StringTokenizer.h>
#include <Poco/Timestamp.h>
#include <sstream>

namespace sbomop {
namespace testing {

namespace {

class Handler: public Poco::Net::HTTPRequestHandler
{
public:
	explicit Handler(std::shared_ptr<TokenEndpointDouble::State> state): _state(std::move(state)) {}

	void handleRequest(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response) override
	{
		std::string body;
		Poco::StreamCopier::copyToString(request.stream(), body);
		std::lock_guard<std::mutex> lock(_state->mutex);
		std::string error;
		const std::string path = "/app/installations/" + _state->installationId + "/access_tokens";
		const std::string auth = request.get("Authorization", "");
		if (request.getMethod() != "POST" || request.getURI() != path) error = "wrong request " + request.getMethod() + " " + request.getURI();
		else if (request.get("Accept", "") != "application/vnd.github+json") error = "wrong Accept header";
		else if (auth.compare(0, 7, "Bearer ") != 0) error = "no bearer token";
		else TokenEndpointDouble::verifyJwt(auth.substr(7), *_state->publicKey, _state->appId, error);
		if (!error.empty())
		{
			++_state->refused;
			_state->errors.push_back(error);
			response.setStatus(Poco::Net::HTTPResponse::HTTP_UNAUTHORIZED);
			response.setContentType("application/json");
			response.send() << "{\"message\":\"A JSON web token could not be decoded\"}";
			return;
		}
		++_state->accepted;
		Poco::Timestamp expires;
		expires += Poco::Timespan(_state->lifetimeSeconds, 0);
		Poco::JSON::Object answer;
		answer.set("token", _state->token);
		answer.set("expires_at", Poco::DateTimeFormatter::format(expires, "%Y-%m-%dT%H:%M:%SZ"));
		response.setStatus(Poco::Net::HTTPResponse::HTTP_CREATED);
		response.setContentType("application/json");
		answer.stringify(response.send());
	}

private:
	std::shared_ptr<TokenEndpointDouble::State> _state;
};

class Factory: public Poco::Net::HTTPRequestHandlerFactory
{
public:
	explicit Factory(std::shared_ptr<TokenEndpointDouble::State> state): _state(std::move(state)) {}
	Poco::Net::HTTPRequestHandler* createRequestHandler(const Poco::Net::HTTPServerRequest&) override
	{
		return new Handler(_state);
	}

private:
	std::shared_ptr<TokenEndpointDouble::State> _state;
};

Poco::JSON::Object::Ptr parseObject(const std::string& json)
{
	Poco::JSON::Parser parser;
	return parser.parse(json).extract<Poco::JSON::Object::Ptr>();
}

} // namespace


TokenEndpointDouble::TokenEndpointDouble(const Poco::Crypto::RSAKey& publicKey, const std::string& appId,
		const std::string& installationId, const std::string& token):
	_pState(std::make_shared<State>())
{
	_pState->appId = appId;
	_pState->installationId = installationId;
	_pState->token = token;
	_pState->publicKey.reset(new Poco::Crypto::RSAKey(publicKey));
	Poco::Net::ServerSocket socket(Poco::Net::SocketAddress("127.0.0.1", 0));
	_pServer.reset(new Poco::Net::HTTPServer(new Factory(_pState), socket, new Poco::Net::HTTPServerParams));
	_pServer->start();
}


TokenEndpointDouble::~TokenEndpointDouble()
{
	_pServer->stopAll(true);
}


std::string TokenEndpointDouble::url() const
{
	return "http://127.0.0.1:" + std::to_string(_pServer->port());
}


TokenEndpointDouble::State& TokenEndpointDouble::state()
{
	return *_pState;
}


const TokenEndpointDouble::AppKey& TokenEndpointDouble::appKey()
{
	static const AppKey key = []()
	{
		AppKey made;
		made.key.reset(new Poco::Crypto::RSAKey(Poco::Crypto::RSAKey::KL_2048, Poco::Crypto::RSAKey::EXP_LARGE));
		std::ostringstream pub, priv;
		made.key->save(&pub, &priv);
		made.privatePem = priv.str();
		made.base64Pem = sbomop::testcommon::base64(made.privatePem, 72);
		return made;
	}();
	return key;
}


std::string TokenEndpointDouble::base64UrlDecode(const std::string& text)
{
	std::string padded = text;
	while (padded.size() % 4 != 0) padded += '=';
	std::istringstream in(padded);
	Poco::Base64Decoder decoder(in, Poco::BASE64_URL_ENCODING);
	std::string out;
	Poco::StreamCopier::copyToString(decoder, out);
	return out;
}


bool TokenEndpointDouble::verifyJwt(const std::string& jwt, const Poco::Crypto::RSAKey& publicKey, const std::string& appId, std::string& error)
{
	Poco::StringTokenizer parts(jwt, ".");
	if (parts.count() != 3)
	{
		error = "JWT does not have three parts";
		return false;
	}
	try
	{
		auto header = parseObject(base64UrlDecode(parts[0]));
		auto claims = parseObject(base64UrlDecode(parts[1]));
		if (header->optValue<std::string>("alg", "") != "RS256") error = "alg is not RS256";
		else if (claims->optValue<std::string>("iss", "") != appId) error = "iss is not the app ID";
		else
		{
			const Poco::Int64 iat = claims->getValue<Poco::Int64>("iat");
			const Poco::Int64 exp = claims->getValue<Poco::Int64>("exp");
			const Poco::Int64 now = Poco::Timestamp().epochTime();
			if (exp - iat != 600) error = "exp - iat is not 600 s";
			else if (iat > now || exp <= now) error = "JWT not valid now";
		}
		if (!error.empty()) return false;
		const std::string signature = base64UrlDecode(parts[2]);
		Poco::Crypto::RSADigestEngine engine(publicKey, "SHA256");
		engine.update(parts[0] + "." + parts[1]);
		if (!engine.verify(Poco::DigestEngine::Digest(signature.begin(), signature.end())))
		{
			error = "signature does not verify";
			return false;
		}
		return true;
	}
	catch (Poco::Exception& exc)
	{
		error = "malformed JWT: " + exc.displayText();
		return false;
	}
}

} } // namespace sbomop::testing
