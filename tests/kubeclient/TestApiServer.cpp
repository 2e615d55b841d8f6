//
// TestApiServer.cpp
//

#include "TestApiServer.h"
#include <Poco/Net/HTTPRequestHandler.h>
#include <Poco/Net/HTTPRequestHandlerFactory.h>
#include <Poco/Net/HTTPServerParams.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerRequestImpl.h>
#include <Poco/Net/SecureServerSocket.h>
#include <Poco/Net/SecureStreamSocket.h>
#include <Poco/Net/ServerSocket.h>
#include <Poco/Net/SSLManager.h>
#include <Poco/StreamCopier.h>
#include <Poco/URI.h>
#include <set>

namespace sbomop {
namespace kube {
namespace test {

namespace
{
	class Handler: public Poco::Net::HTTPRequestHandler
	{
	public:
		explicit Handler(TestApiServer& server): _server(server)
		{
		}

		void handleRequest(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response) override
		{
			_server.handle(request, response);
		}

	private:
		TestApiServer& _server;
	};

	class Factory: public Poco::Net::HTTPRequestHandlerFactory
	{
	public:
		explicit Factory(TestApiServer& server): _server(server)
		{
		}

		Poco::Net::HTTPRequestHandler* createRequestHandler(const Poco::Net::HTTPServerRequest&) override
		{
			return new Handler(_server);
		}

	private:
		TestApiServer& _server;
	};
}

std::string RecordedRequest::header(const std::string& name) const
{
	return headers.get(name, "");
}

bool RecordedRequest::hasQueryParameter(const std::string& name) const
{
	for (const auto& parameter: Poco::URI(uri).getQueryParameters())
	{
		if (parameter.first == name) return true;
	}
	return false;
}

std::string RecordedRequest::queryParameter(const std::string& name) const
{
	for (const auto& parameter: Poco::URI(uri).getQueryParameters())
	{
		if (parameter.first == name) return parameter.second;
	}
	return "";
}

void TestApiServer::Exchange::reply(int status, const std::string& body, const std::string& contentType)
{
	response.setStatus(static_cast<Poco::Net::HTTPResponse::HTTPStatus>(status));
	response.setContentType(contentType);
	response.setContentLength(static_cast<std::streamsize>(body.size()));
	response.send() << body;
}

void TestApiServer::Exchange::dropConnection()
{
	socket.shutdown();
}

TestApiServer::TestApiServer(Handler handler, Poco::Net::Context::Ptr tlsContext):
	_handler(std::move(handler)),
	_secure(tlsContext),
	_threads(2, 32)
{
	Poco::Net::initializeSSL();
	const Poco::Net::SocketAddress address("127.0.0.1", 0);
	std::unique_ptr<Poco::Net::ServerSocket> socket;
	if (tlsContext) socket = std::make_unique<Poco::Net::SecureServerSocket>(address, 64, tlsContext);
	else socket = std::make_unique<Poco::Net::ServerSocket>(address, 64);
	_port = socket->address().port();
	Poco::Net::HTTPServerParams::Ptr params = new Poco::Net::HTTPServerParams;
	params->setKeepAlive(true);
	params->setMaxKeepAliveRequests(1000);
	params->setKeepAliveTimeout(Poco::Timespan(10, 0));
	params->setTimeout(Poco::Timespan(10, 0));
	_server = std::make_unique<Poco::Net::HTTPServer>(new Factory(*this), _threads, *socket, params);
	_server->start();
}

TestApiServer::~TestApiServer()
{
	_released.set();
	_server->stopAll(true);
	_threads.joinAll();
	_server.reset();
	Poco::Net::uninitializeSSL();
}

Poco::UInt16 TestApiServer::port() const
{
	return _port;
}

std::string TestApiServer::url() const
{
	return std::string(_secure ? "https" : "http") + "://127.0.0.1:" + std::to_string(_port);
}

std::vector<RecordedRequest> TestApiServer::requests() const
{
	std::lock_guard<std::mutex> lock(_mutex);
	return _requests;
}

std::size_t TestApiServer::connectionCount() const
{
	std::set<std::string> clients;
	for (const auto& request: requests()) clients.insert(request.clientAddress);
	return clients.size();
}

bool TestApiServer::waitForRelease(long milliseconds)
{
	return _released.tryWait(milliseconds);
}

void TestApiServer::release()
{
	_released.set();
}

Poco::Net::Context::Ptr TestApiServer::serverContext(const std::string& certificate, const std::string& key, const std::string& clientCa)
{
	Poco::Net::initializeSSL();
	Poco::Net::Context::Ptr context = new Poco::Net::Context(Poco::Net::Context::TLS_SERVER_USE, key, certificate, clientCa,
		Poco::Net::Context::VERIFY_RELAXED, 9, false);
	// Client certificates carry no address; only the chain matters here.
	context->enableExtendedCertificateVerification(false);
	return context;
}

void TestApiServer::handle(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response)
{
	Poco::Net::StreamSocket& socket = static_cast<Poco::Net::HTTPServerRequestImpl&>(request).socket();
	RecordedRequest recorded;
	recorded.method = request.getMethod();
	recorded.uri = request.getURI();
	const std::size_t question = recorded.uri.find('?');
	recorded.path = recorded.uri.substr(0, question);
	recorded.query = question == std::string::npos ? "" : recorded.uri.substr(question + 1);
	for (const auto& header: request) recorded.headers.add(header.first, header.second);
	recorded.clientAddress = request.clientAddress().toString();
	Poco::StreamCopier::copyToString(request.stream(), recorded.body);
	if (_secure)
	{
		Poco::Net::SecureStreamSocket secure(socket);
		if (secure.havePeerCertificate()) recorded.clientCertificateName = secure.peerCertificate().commonName();
	}
	{
		std::lock_guard<std::mutex> lock(_mutex);
		recorded.index = _requests.size();
		_requests.push_back(recorded);
	}
	Exchange exchange{recorded, response, socket, *this};
	_handler(exchange);
}

} } } // namespace sbomop::kube::test
