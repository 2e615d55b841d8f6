//
// DtrackTransportTest.cpp
//
// Retries, unreachable servers, secrets in messages, stop requests and
// (mutual) TLS against the Dependency-Track double.
//

#include "DtrackTestSupport.h"
#include "sbomop/config/BuiltinKeys.h"
#include "sbomop/targets/TargetSet.h"
#include "sbomop/targets/dtrack/DtrackClient.h"
#include "sbomop/targets/dtrack/DtrackException.h"
#include <Poco/File.h>
#include <Poco/Logger.h>
#include <Poco/FileStream.h>
#include <Poco/Net/ServerSocket.h>
#include <Poco/Net/SocketAddress.h>
#include <Poco/Path.h>
#include <Poco/TemporaryFile.h>
#include <cppunit/extensions/HelperMacros.h>
#include <cstdlib>

using namespace sbomop;
using namespace sbomop::dtracktest;
using config::BuiltinKeys;

namespace {

struct Pki
	/// A CA, a server certificate for 127.0.0.1 and a client certificate,
	/// made once per run with the openssl command.
{
	std::string dir;
	bool ok = false;

	std::string file(const std::string& name) const
	{
		return Poco::Path(dir, name).toString();
	}

	static const Pki& instance()
	{
		static Pki pki = create();
		return pki;
	}

private:
	static Pki create()
	{
		Pki pki;
		pki.dir = Poco::TemporaryFile::tempName();
		Poco::File(pki.dir).createDirectories();
		Poco::TemporaryFile::registerForDeletion(pki.dir);
		Poco::FileOutputStream(pki.file("server.ext")) << "subjectAltName=IP:127.0.0.1\n";
		Poco::FileOutputStream(pki.file("client.ext")) << "extendedKeyUsage=clientAuth\n";
		const std::string ec = " -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes";
		const std::string script = "cd '" + pki.dir + "' && "
			"openssl req -x509" + ec + " -keyout ca.key -out ca.pem -days 2 -subj /CN=dtrack-test-ca && "
			"openssl req" + ec + " -keyout server.key -out server.csr -subj /CN=127.0.0.1 && "
			"openssl x509 -req -in server.csr -CA ca.pem -CAkey ca.key -CAcreateserial -out server.pem -days 2 -extfile server.ext && "
			"openssl req" + ec + " -keyout client.key -out client.csr -subj /CN=sbom-operator && "
			"openssl x509 -req -in client.csr -CA ca.pem -CAkey ca.key -CAcreateserial -out client.pem -days 2 -extfile client.ext";
		pki.ok = std::system(("(" + script + ") >/dev/null 2>&1").c_str()) == 0;
		return pki;
	}
};

Poco::UInt16 closedPort()
{
	Poco::Net::ServerSocket socket(Poco::Net::SocketAddress("127.0.0.1", 0));
	return socket.address().port();
}

targets::DtrackClient::Options fastOptions(const std::string& url)
{
	targets::DtrackClient::Options options;
	options.baseUrl = url;
	options.apiKey = dtracksim::DtrackSimServer::DEFAULT_API_KEY;
	options.maxAttempts = 2;
	options.retryBase = Poco::Timespan(0, 10000);
	options.retryCap = Poco::Timespan(0, 50000);
	return options;
}

}

class DtrackTransportTest: public CppUnit::TestFixture
{
	CPPUNIT_TEST_SUITE(DtrackTransportTest);
	CPPUNIT_TEST(testBurstOf503IsRetriedUntilTheUploadSucceeds);
	CPPUNIT_TEST(testPersistent5xxFailsTheImageAfterBoundedAttempts);
	CPPUNIT_TEST(testServerDownFailsTheImageNamingDtrackWithoutTheKey);
	CPPUNIT_TEST(testUnreachableServerAtStartupDoesNotFailInitialise);
	CPPUNIT_TEST(testWrongApiKeyIsReportedWithoutTheKey);
	CPPUNIT_TEST(testStopRequestEndsRetries);
	CPPUNIT_TEST(testServerVersionIsAskedOnce);
	CPPUNIT_TEST(testMutualTlsUploads);
	CPPUNIT_TEST(testMutualTlsServerRejectsClientWithoutCertificate);
	CPPUNIT_TEST(testUnknownCaIsRejected);
	CPPUNIT_TEST(testInsecureSkipVerifyAcceptsUnknownCa);
	CPPUNIT_TEST_SUITE_END();

public:
	void testBurstOf503IsRetriedUntilTheUploadSucceeds()
	{
		SimFixture f;
		f.sim().faults().failNext(2, 503, "^/api/v1/bom$", "POST");
		const auto result = f.store(imageTask(NGINX_A, "nginx:1.25"));
		CPPUNIT_ASSERT_MESSAGE(result.message, result.stored);
		CPPUNIT_ASSERT_EQUAL(3, f.countRequests("POST", "/api/v1/bom"));
		CPPUNIT_ASSERT_EQUAL(std::size_t(1), f.sim().uploads().size());
	}

	void testPersistent5xxFailsTheImageAfterBoundedAttempts()
	{
		SimFixture f;
		f.sim().faults().failNext(-1, 502, "^/api/v1/bom$", "POST");
		const auto result = f.store(imageTask(NGINX_A, "nginx:1.25"));
		CPPUNIT_ASSERT(!result.stored);
		CPPUNIT_ASSERT(result.message.find("HTTP 502") != std::string::npos);
		CPPUNIT_ASSERT_EQUAL(4, f.countRequests("POST", "/api/v1/bom"));
	}

	void testServerDownFailsTheImageNamingDtrackWithoutTheKey()
	{
		dtracksim::DtrackSimServer sim;
		sim.start();
		auto config = dtrackConfig(sim.url(), dtracksim::DtrackSimServer::DEFAULT_API_KEY);
		http::MetricsRegistry metrics;
		StopToken stop;
		plugin::BackendContext context(*config, Poco::Logger::get("sbomop.test.dtrack"), metrics, nullptr, "ns", "c1", stop);
		std::unique_ptr<targets::DtrackTarget> target(new targets::DtrackTarget);
		target->setRetryPolicy(3, Poco::Timespan(0, 10000), Poco::Timespan(0, 50000));
		target->initialise(context);
		targets::TargetSet set;
		set.add(std::move(target));
		sim.faults().setDown(true);
		const plugin::ImageResult result = set.store(imageTask(NGINX_A, "nginx:1.25"), cycloneDx(2), targets::SbomFormat::forName("cyclonedxjson"));
		CPPUNIT_ASSERT(!result.succeeded);
		CPPUNIT_ASSERT_EQUAL(std::string("dtrack: "), result.message.substr(0, 8));
		CPPUNIT_ASSERT(result.message.find("Dependency-Track " + sim.url()) != std::string::npos);
		CPPUNIT_ASSERT(result.message.find(dtracksim::DtrackSimServer::DEFAULT_API_KEY) == std::string::npos);
		sim.faults().setDown(false);
		const plugin::ImageResult retried = set.store(imageTask(NGINX_A, "nginx:1.25"), cycloneDx(2), targets::SbomFormat::forName("cyclonedxjson"));
		CPPUNIT_ASSERT_MESSAGE(retried.message, retried.succeeded);
		sim.stop();
	}

	void testUnreachableServerAtStartupDoesNotFailInitialise()
	{
		const std::string url = "http://127.0.0.1:" + std::to_string(closedPort());
		TargetHarness harness(dtrackConfig(url, "odt_unreachable_key_987"));
		const auto result = harness.target().store(imageTask(NGINX_A, "nginx:1"), cycloneDx(1), targets::SbomFormat::forName("cyclonedxjson"));
		CPPUNIT_ASSERT(!result.stored);
		CPPUNIT_ASSERT(result.message.find(url) != std::string::npos);
		CPPUNIT_ASSERT(result.message.find("odt_unreachable_key_987") == std::string::npos);
		CPPUNIT_ASSERT_THROW(harness.target().storedImages(), targets::DtrackUnavailableException);
		const auto removed = harness.target().remove({NGINX_A});
		CPPUNIT_ASSERT(!removed[0].succeeded);
	}

	void testWrongApiKeyIsReportedWithoutTheKey()
	{
		dtracksim::DtrackSimServer sim;
		sim.start();
		TargetHarness harness(dtrackConfig(sim.url(), "odt_wrong_key_4242"));
		const auto result = harness.target().store(imageTask(NGINX_A, "nginx:1"), cycloneDx(1), targets::SbomFormat::forName("cyclonedxjson"));
		CPPUNIT_ASSERT(!result.stored);
		CPPUNIT_ASSERT(result.message.find("HTTP 401") != std::string::npos);
		CPPUNIT_ASSERT(result.message.find("odt_wrong_key_4242") == std::string::npos);
		sim.stop();
	}

	void testStopRequestEndsRetries()
	{
		dtracksim::DtrackSimServer sim;
		sim.start();
		TargetHarness harness(dtrackConfig(sim.url(), dtracksim::DtrackSimServer::DEFAULT_API_KEY));
		harness.stop().requestStop();
		const auto result = harness.target().store(imageTask(NGINX_A, "nginx:1"), cycloneDx(1), targets::SbomFormat::forName("cyclonedxjson"));
		CPPUNIT_ASSERT(!result.stored);
		CPPUNIT_ASSERT(result.message.find("stop requested") != std::string::npos);
		CPPUNIT_ASSERT_EQUAL(std::size_t(0), sim.requests().count("POST", "/api/v1/bom"));
		sim.stop();
	}

	void testServerVersionIsAskedOnce()
	{
		SimFixture f;
		CPPUNIT_ASSERT(f.store(imageTask(NGINX_A, "nginx:1.24")).stored);
		CPPUNIT_ASSERT(f.store(imageTask(NGINX_A, "nginx:1.25")).stored);
		CPPUNIT_ASSERT_EQUAL(1, f.countRequests("GET", "/api/version"));
	}

	void testMutualTlsUploads()
	{
		const Pki& pki = Pki::instance();
		CPPUNIT_ASSERT_MESSAGE("openssl could not create the test certificates", pki.ok);
		dtracksim::DtrackSimServer sim(tlsOptions(pki, true));
		sim.start();
		auto config = dtrackConfig(sim.url(), dtracksim::DtrackSimServer::DEFAULT_API_KEY);
		config->setString(BuiltinKeys::DTRACK_CA_CERT_FILE, pki.file("ca.pem"));
		config->setString(BuiltinKeys::DTRACK_CLIENT_CERT_FILE, pki.file("client.pem"));
		config->setString(BuiltinKeys::DTRACK_CLIENT_KEY_FILE, pki.file("client.key"));
		TargetHarness harness(config);
		const auto result = harness.target().store(imageTask(NGINX_A, "nginx:1.25"), cycloneDx(4), targets::SbomFormat::forName("cyclonedxjson"));
		CPPUNIT_ASSERT_MESSAGE(result.message, result.stored);
		CPPUNIT_ASSERT(sim.project("docker.io/library/nginx", std::string("1.25")).has_value());
		sim.stop();
	}

	void testMutualTlsServerRejectsClientWithoutCertificate()
	{
		const Pki& pki = Pki::instance();
		CPPUNIT_ASSERT(pki.ok);
		dtracksim::DtrackSimServer sim(tlsOptions(pki, true));
		sim.start();
		targets::DtrackClient::Options options = fastOptions(sim.url());
		options.caCertFile = pki.file("ca.pem");
		targets::DtrackClient client(options);
		CPPUNIT_ASSERT_THROW(client.serverVersion(), targets::DtrackUnavailableException);
		CPPUNIT_ASSERT_EQUAL(std::size_t(0), sim.requests().count("", ""));
		sim.stop();
	}

	void testUnknownCaIsRejected()
	{
		const Pki& pki = Pki::instance();
		CPPUNIT_ASSERT(pki.ok);
		dtracksim::DtrackSimServer sim(tlsOptions(pki, false));
		sim.start();
		// The system CAs do not know the test CA.
		targets::DtrackClient client(fastOptions(sim.url()));
		CPPUNIT_ASSERT_THROW(client.serverVersion(), targets::DtrackUnavailableException);
		sim.stop();
	}

	void testInsecureSkipVerifyAcceptsUnknownCa()
	{
		const Pki& pki = Pki::instance();
		CPPUNIT_ASSERT(pki.ok);
		dtracksim::DtrackSimServer sim(tlsOptions(pki, false));
		sim.start();
		targets::DtrackClient::Options options = fastOptions(sim.url());
		options.insecureSkipTlsVerify = true;
		targets::DtrackClient client(options);
		CPPUNIT_ASSERT_EQUAL(std::string("4.14.3"), client.serverVersion().string());
		sim.stop();
	}

private:
	static dtracksim::DtrackSimServer::Options tlsOptions(const Pki& pki, bool mutual)
	{
		dtracksim::DtrackSimServer::Options options;
		options.tls = true;
		options.certFile = pki.file("server.pem");
		options.keyFile = pki.file("server.key");
		if (mutual) options.clientCaFile = pki.file("ca.pem");
		return options;
	}
};

CPPUNIT_TEST_SUITE_NAMED_REGISTRATION(DtrackTransportTest, "DtrackTarget");
