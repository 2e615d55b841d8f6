//
// ScriptedApiServer.cpp
//

#include "ScriptedApiServer.h"
#include <Poco/Net/HTTPRequestHandler.h>
#include <Poco/Net/HTTPRequestHandlerFactory.h>
#include <Poco/Net/HTTPServerParams.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>
#include <Poco/Net/ServerSocket.h>
#include <Poco/Net/SocketAddress.h>

namespace sbomop {
namespace runtime {
namespace test {

namespace {

class ScriptedHandler: public Poco::Net::HTTPRequestHandler
{
public:
	explicit ScriptedHandler(ScriptedApiServer& server): _server(server)
	{
	}

	void handleRequest(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response) override
	{
		_server.handle(request.getURI(), response);
	}

private:
	ScriptedApiServer& _server;
};

class ScriptedFactory: public Poco::Net::HTTPRequestHandlerFactory
{
public:
	explicit ScriptedFactory(ScriptedApiServer& server): _server(server)
	{
	}

	Poco::Net::HTTPRequestHandler* createRequestHandler(const Poco::Net::HTTPServerRequest&) override
	{
		return new ScriptedHandler(_server);
	}

private:
	ScriptedApiServer& _server;
};

} // namespace


ScriptedApiServer::ScriptedApiServer(Script script):
	_script(std::move(script)),
	_released(Poco::Event::EVENT_MANUALRESET)
{
	Poco::Net::ServerSocket socket(Poco::Net::SocketAddress("127.0.0.1", 0));
	Poco::Net::HTTPServerParams::Ptr params = new Poco::Net::HTTPServerParams;
	params->setMaxThreads(8);
	params->setKeepAlive(true);
	_server = std::make_unique<Poco::Net::HTTPServer>(new ScriptedFactory(*this), socket, params);
	_server->start();
}


ScriptedApiServer::~ScriptedApiServer()
{
	_released.set();
	_server->stopAll(true);
}


std::string ScriptedApiServer::url() const
{
	return "http://127.0.0.1:" + std::to_string(_server->port());
}


std::vector<Poco::URI> ScriptedApiServer::requests() const
{
	std::lock_guard<std::mutex> lock(_mutex);
	return _requests;
}


std::size_t ScriptedApiServer::requestCount() const
{
	std::lock_guard<std::mutex> lock(_mutex);
	return _requests.size();
}


std::string ScriptedApiServer::parameter(const Poco::URI& uri, const std::string& name)
{
	for (const auto& parameter: uri.getQueryParameters())
	{
		if (parameter.first == name) return parameter.second;
	}
	return "";
}


void ScriptedApiServer::handle(const std::string& target, Poco::Net::HTTPServerResponse& response)
{
	const Poco::URI uri(target);
	std::size_t index = 0;
	{
		std::lock_guard<std::mutex> lock(_mutex);
		index = _requests.size();
		_requests.push_back(uri);
	}
	const Reply reply = _script(uri, index);
	response.setStatus(static_cast<Poco::Net::HTTPResponse::HTTPStatus>(reply.status));
	response.setContentType(reply.status == 429 ? "text/plain" : "application/json");
	if (reply.retryAfterSeconds >= 0) response.set("Retry-After", std::to_string(reply.retryAfterSeconds));
	if (reply.holdOpen)
	{
		response.setChunkedTransferEncoding(true);
		std::ostream& out = response.send();
		out << reply.body;
		out.flush();
		_released.wait();
		return;
	}
	response.setContentLength(static_cast<std::streamsize>(reply.body.size()));
	response.send() << reply.body;
}

} } } // namespace sbomop::runtime::test
