//
// HealthServerTest.cpp
//

#include "sbomop/http/HealthServer.h"
#include "sbomop/http/MetricsRegistry.h"
#include "sbomop/http/ProcessMetrics.h"
#include "PrometheusTextParser.h"
#include <Poco/Exception.h>
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/Net/NetException.h>
#include <Poco/Net/SocketAddress.h>
#include <Poco/Net/StreamSocket.h>
#include <Poco/StreamCopier.h>
#include <cppunit/extensions/HelperMacros.h>
#include <memory>

using sbomop::http::HealthServer;
using sbomop::http::MetricsRegistry;
using sbomop::http::ProcessMetrics;
using sbomop::http::PrometheusTextParser;

class HealthServerTest: public CppUnit::TestFixture
{
	CPPUNIT_TEST_SUITE(HealthServerTest);
	CPPUNIT_TEST(testHealthAnswersRunning);
	CPPUNIT_TEST(testReadinessTurnsFrom503To200AndBack);
	CPPUNIT_TEST(testMetricsServesValidPrometheusText);
	CPPUNIT_TEST(testUnknownPathsAre404AndCountedAsOther);
	CPPUNIT_TEST(testOtherMethodsAre405);
	CPPUNIT_TEST(testHeadSendsHeadersOnly);
	CPPUNIT_TEST(testStartsAndStopsTwice);
	CPPUNIT_TEST(testRejectsASecondStartAndToleratesASecondStop);
	CPPUNIT_TEST(testFailsToStartOnAPortInUse);
	CPPUNIT_TEST(testStopsWhileAClientHoldsAConnection);
	CPPUNIT_TEST_SUITE_END();

public:
	struct Reply
	{
		int status = 0;
		std::string body;
		std::string contentType;
		Poco::Net::HTTPResponse response;
	};

	void setUp() override
	{
		_pRegistry = std::make_unique<MetricsRegistry>();
		_pServer = std::make_unique<HealthServer>(*_pRegistry, "127.0.0.1", 0);
		_pServer->start();
	}

	void tearDown() override
	{
		_pServer.reset();
		_pRegistry.reset();
	}

	Reply request(const std::string& method, const std::string& uri)
	{
		Poco::Net::HTTPClientSession session("127.0.0.1", _pServer->port());
		session.setTimeout(Poco::Timespan(10, 0));
		Poco::Net::HTTPRequest request(method, uri, Poco::Net::HTTPMessage::HTTP_1_1);
		session.sendRequest(request);
		Reply reply;
		std::istream& body = session.receiveResponse(reply.response);
		Poco::StreamCopier::copyToString(body, reply.body);
		reply.status = reply.response.getStatus();
		reply.contentType = reply.response.getContentType();
		return reply;
	}

	std::string metricsText()
	{
		const Reply reply = request("GET", "/metrics");
		CPPUNIT_ASSERT_EQUAL(200, reply.status);
		return reply.body;
	}

	double requestsCounted(const std::string& path, const std::string& code)
	{
		return PrometheusTextParser::value(PrometheusTextParser::parse(metricsText()), "sbomop_http_requests_total",
			{{"path", path}, {"code", code}});
	}

	void testHealthAnswersRunning()
	{
		const Reply reply = request("GET", "/health");

		CPPUNIT_ASSERT_EQUAL(200, reply.status);
		CPPUNIT_ASSERT_EQUAL(std::string("Running!"), reply.body);
		CPPUNIT_ASSERT_EQUAL(std::string("text/plain; charset=utf-8"), reply.contentType);
		CPPUNIT_ASSERT(!reply.response.getKeepAlive());
	}

	void testReadinessTurnsFrom503To200AndBack()
	{
		Reply reply = request("GET", "/readyz");
		CPPUNIT_ASSERT_EQUAL(503, reply.status);
		CPPUNIT_ASSERT_EQUAL(std::string("starting"), reply.body);
		CPPUNIT_ASSERT(!_pServer->isReady());

		_pServer->setNotReady("waiting for the pod informer to sync");
		reply = request("GET", "/readyz");
		CPPUNIT_ASSERT_EQUAL(503, reply.status);
		CPPUNIT_ASSERT_EQUAL(std::string("waiting for the pod informer to sync"), reply.body);

		_pServer->setReady(true);
		reply = request("GET", "/readyz?verbose=1");
		CPPUNIT_ASSERT_EQUAL(200, reply.status);
		CPPUNIT_ASSERT_EQUAL(std::string("ok"), reply.body);
		CPPUNIT_ASSERT(_pServer->isReady());
		CPPUNIT_ASSERT_EQUAL(std::string(), _pServer->notReadyReason());

		_pServer->setReady(false);
		reply = request("GET", "/readyz");
		CPPUNIT_ASSERT_EQUAL(503, reply.status);
		CPPUNIT_ASSERT_EQUAL(std::string("not ready"), reply.body);

		_pServer->setNotReady("");
		CPPUNIT_ASSERT_EQUAL(std::string("not ready"), request("GET", "/readyz").body);
		CPPUNIT_ASSERT_EQUAL(1.0, requestsCounted("/readyz", "200"));
		CPPUNIT_ASSERT_EQUAL(4.0, requestsCounted("/readyz", "503"));
	}

	void testMetricsServesValidPrometheusText()
	{
		ProcessMetrics::registerWith(*_pRegistry);
		auto& durations = _pRegistry->histogram("sbomop_scan_duration_seconds", "Scan \\ durations\nin seconds.", {"backend"}, {1, 10});
		durations.labels({"git \"main\"\n"}).observe(2);
		request("GET", "/health");
		request("GET", "/health");

		const Reply reply = request("GET", "/metrics");

		CPPUNIT_ASSERT_EQUAL(200, reply.status);
		CPPUNIT_ASSERT_EQUAL(std::string("text/plain; version=0.0.4; charset=utf-8"), reply.contentType);
		const auto families = PrometheusTextParser::parse(reply.body);
		CPPUNIT_ASSERT_EQUAL(2.0, PrometheusTextParser::value(families, "sbomop_http_requests_total", {{"path", "/health"}, {"code", "200"}}));
		CPPUNIT_ASSERT_EQUAL(std::string("counter"), families.at("sbomop_http_requests_total").type);
		CPPUNIT_ASSERT_EQUAL(1.0, PrometheusTextParser::value(families, "sbomop_scan_duration_seconds_bucket",
			{{"backend", "git \"main\"\n"}, {"le", "10"}}));
		CPPUNIT_ASSERT_EQUAL(std::string("Scan \\ durations\nin seconds."), families.at("sbomop_scan_duration_seconds").help);
		CPPUNIT_ASSERT(PrometheusTextParser::value(families, "process_open_fds") > 0);
		CPPUNIT_ASSERT(reply.body.find("sbomop_http_requests_total{path=\"/health\",code=\"200\"} 2\n") != std::string::npos);
	}

	void testUnknownPathsAre404AndCountedAsOther()
	{
		CPPUNIT_ASSERT_EQUAL(404, request("GET", "/").status);
		CPPUNIT_ASSERT_EQUAL(404, request("GET", "/healthz").status);
		CPPUNIT_ASSERT_EQUAL(404, request("GET", "/health/").status);
		CPPUNIT_ASSERT_EQUAL(200, request("GET", "/health?probe=kubelet").status);

		CPPUNIT_ASSERT_EQUAL(3.0, requestsCounted("other", "404"));
		CPPUNIT_ASSERT_EQUAL(1.0, requestsCounted("/health", "200"));
		CPPUNIT_ASSERT(metricsText().find("/healthz") == std::string::npos);
	}

	void testOtherMethodsAre405()
	{
		for (const char* method: {"POST", "PUT", "DELETE", "OPTIONS"})
		{
			const Reply reply = request(method, "/health");
			CPPUNIT_ASSERT_EQUAL(405, reply.status);
			CPPUNIT_ASSERT_EQUAL(std::string("GET, HEAD"), reply.response.get("Allow"));
		}
		CPPUNIT_ASSERT_EQUAL(405, request("POST", "/nowhere").status);

		CPPUNIT_ASSERT_EQUAL(4.0, requestsCounted("/health", "405"));
		CPPUNIT_ASSERT_EQUAL(1.0, requestsCounted("other", "405"));
	}

	void testHeadSendsHeadersOnly()
	{
		const Reply reply = request("HEAD", "/health");

		CPPUNIT_ASSERT_EQUAL(200, reply.status);
		CPPUNIT_ASSERT_EQUAL(std::string(), reply.body);
		CPPUNIT_ASSERT_EQUAL(Poco::Int64(8), reply.response.getContentLength64());
	}

	void testStartsAndStopsTwice()
	{
		CPPUNIT_ASSERT(_pServer->isRunning());
		CPPUNIT_ASSERT(_pServer->port() != 0);
		_pServer->stop();
		CPPUNIT_ASSERT(!_pServer->isRunning());
		CPPUNIT_ASSERT_EQUAL(Poco::UInt16(0), _pServer->port());

		_pServer->setReady(true);
		_pServer->start();
		CPPUNIT_ASSERT(_pServer->isRunning());
		CPPUNIT_ASSERT_EQUAL(std::string("Running!"), request("GET", "/health").body);
		CPPUNIT_ASSERT_EQUAL(200, request("GET", "/readyz").status);
		_pServer->stop();

		_pServer->start();
		CPPUNIT_ASSERT_EQUAL(std::string("Running!"), request("GET", "/health").body);
		_pServer->stop();
		CPPUNIT_ASSERT(!_pServer->isRunning());
	}

	void testRejectsASecondStartAndToleratesASecondStop()
	{
		CPPUNIT_ASSERT_THROW(_pServer->start(), Poco::IllegalStateException);
		CPPUNIT_ASSERT_EQUAL(200, request("GET", "/health").status);
		_pServer->stop();
		_pServer->stop();
		CPPUNIT_ASSERT(!_pServer->isRunning());
	}

	void testFailsToStartOnAPortInUse()
	{
		HealthServer second(*_pRegistry, "127.0.0.1", _pServer->port());

		CPPUNIT_ASSERT_THROW(second.start(), Poco::Net::NetException);
		CPPUNIT_ASSERT(!second.isRunning());
		CPPUNIT_ASSERT_EQUAL(200, request("GET", "/health").status);
	}

	void testStopsWhileAClientHoldsAConnection()
	{
		// A client that connects and never sends a request occupies a worker.
		Poco::Net::StreamSocket idle(Poco::Net::SocketAddress("127.0.0.1", _pServer->port()));
		CPPUNIT_ASSERT_EQUAL(200, request("GET", "/health").status);

		_pServer->stop();

		CPPUNIT_ASSERT(!_pServer->isRunning());
		idle.setReceiveTimeout(Poco::Timespan(10, 0));
		char byte;
		CPPUNIT_ASSERT_EQUAL(0, idle.receiveBytes(&byte, 1));
	}

private:
	std::unique_ptr<MetricsRegistry> _pRegistry;
	std::unique_ptr<HealthServer> _pServer;
};

CPPUNIT_TEST_SUITE_NAMED_REGISTRATION(HealthServerTest, "Http");
