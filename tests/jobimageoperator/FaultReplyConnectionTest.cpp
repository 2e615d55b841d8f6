//
// FaultReplyConnectionTest.cpp
//
// kube-sim's fault replies and keep-alive: a request answered with an
// injected fault must leave its connection usable, so the fault discards the
// request body that nobody else reads.
//

#include "kubesim/FaultInjector.h"
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPRequestHandler.h>
#include <Poco/Net/HTTPRequestHandlerFactory.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/Net/HTTPServer.h>
#include <Poco/Net/HTTPServerParams.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>
#include <Poco/Net/ServerSocket.h>
#include <Poco/StreamCopier.h>
#include <cppunit/extensions/HelperMacros.h>

using sbomop::kubesim::FaultInjector;
using sbomop::kubesim::FaultRule;

namespace {

class FaultingHandler: public Poco::Net::HTTPRequestHandler
	// Answers like kube-sim's API handler: an injected fault first, else the body it read.
{
public:
	explicit FaultingHandler(FaultInjector& faults): _faults(faults) {}

	void handleRequest(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response) override
	{
		FaultRule rule;
		if (_faults.take("create", request.getURI(), request, rule))
		{
			response.setStatus(static_cast<Poco::Net::HTTPResponse::HTTPStatus>(rule.code));
			response.setContentLength(0);
			response.send();
			return;
		}
		std::string body;
		Poco::StreamCopier::copyToString(request.stream(), body);
		response.setContentLength(static_cast<std::streamsize>(body.size()));
		response.send() << body;
	}

private:
	FaultInjector& _faults;
};

class Factory: public Poco::Net::HTTPRequestHandlerFactory
{
public:
	explicit Factory(FaultInjector& faults): _faults(faults) {}

	Poco::Net::HTTPRequestHandler* createRequestHandler(const Poco::Net::HTTPServerRequest&) override
	{
		return new FaultingHandler(_faults);
	}

private:
	FaultInjector& _faults;
};

int post(Poco::Net::HTTPClientSession& session, const std::string& body, bool chunked, std::string& answer)
{
	Poco::Net::HTTPRequest request(Poco::Net::HTTPRequest::HTTP_POST, "/api/v1/namespaces/a/secrets", Poco::Net::HTTPMessage::HTTP_1_1);
	request.setKeepAlive(true);
	if (chunked) request.setChunkedTransferEncoding(true);
	else request.setContentLength(static_cast<std::streamsize>(body.size()));
	session.sendRequest(request) << body;
	Poco::Net::HTTPResponse response;
	answer.clear();
	Poco::StreamCopier::copyToString(session.receiveResponse(response), answer);
	return response.getStatus();
}

} // namespace

class FaultReplyConnectionTest: public CppUnit::TestFixture
{
	CPPUNIT_TEST_SUITE(FaultReplyConnectionTest);
	CPPUNIT_TEST(testFaultReplyLeavesTheKeepAliveConnectionUsable);
	CPPUNIT_TEST_SUITE_END();

public:
	void testFaultReplyLeavesTheKeepAliveConnectionUsable()
	{
		FaultInjector faults;
		Poco::Net::ServerSocket socket(Poco::Net::SocketAddress("127.0.0.1", 0));
		Poco::Net::HTTPServerParams::Ptr params = new Poco::Net::HTTPServerParams;
		params->setKeepAlive(true);
		Poco::Net::HTTPServer server(new Factory(faults), socket, params);
		server.start();

		// A body that looks like a request line would be parsed as one if left unread.
		const std::string body = "GET /oops HTTP/1.1\r\nHost: x\r\n\r\n" + std::string(20000, 'x');
		Poco::Net::HTTPClientSession session("127.0.0.1", socket.address().port());
		session.setKeepAlive(true);
		session.setTimeout(Poco::Timespan(5, 0));
		for (const bool chunked: { false, true })
		{
			FaultRule rule;
			rule.verb = "create";
			rule.code = 500;
			faults.addRule(rule);
			std::string answer;
			CPPUNIT_ASSERT_EQUAL(500, post(session, body, chunked, answer));
			CPPUNIT_ASSERT_EQUAL(200, post(session, "{\"next\":true}", chunked, answer));
			CPPUNIT_ASSERT_EQUAL(std::string("{\"next\":true}"), answer);
		}
		CPPUNIT_ASSERT_EQUAL(1, server.totalConnections());
		server.stop();
	}
};

CPPUNIT_TEST_SUITE_NAMED_REGISTRATION(FaultReplyConnectionTest, "JobImageOperator");
