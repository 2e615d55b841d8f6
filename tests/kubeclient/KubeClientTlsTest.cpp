//
// KubeClientTlsTest.cpp
//
// KubeClient over HTTPS against a test PKI generated with the openssl CLI:
// CA verification, host names, client certificates, insecure mode, CA
// rotation, connection reuse and cancelling a TLS watch.
//

#include "TestApiServer.h"
#include "TestFiles.h"
#include "sbomop/kube/KubeClient.h"
#include "sbomop/kube/KubeException.h"
#include <Poco/Event.h>
#include <cppunit/extensions/HelperMacros.h>
#include <thread>

using namespace sbomop::kube;
using namespace sbomop::kube::test;

namespace
{
	const std::string POD = "{\"kind\":\"Pod\",\"metadata\":{\"name\":\"p\"}}";

	Poco::Net::Context::Ptr serverTls(const std::string& leaf = "server")
	{
		const TestPki& pki = TestPki::instance();
		return TestApiServer::serverContext(pki.file(leaf + ".crt"), pki.file(leaf + ".key"), pki.file("ca.crt"));
	}

	ClusterConnection httpsConnection(const TestApiServer& server, const std::string& caName = "ca.crt")
	{
		ClusterConnection connection;
		connection.server = server.url();
		connection.source = "test";
		connection.token = "tls-token";
		connection.certificateAuthorityData = TestPki::instance().pem(caName);
		return connection;
	}

	TestApiServer::Handler ok()
	{
		return [](TestApiServer::Exchange& e) { e.reply(200, POD); };
	}
}

class KubeClientTlsTest: public CppUnit::TestFixture
{
	CPPUNIT_TEST_SUITE(KubeClientTlsTest);
	CPPUNIT_TEST(testVerifiesServerAgainstConfiguredCa);
	CPPUNIT_TEST(testRejectsServerSignedByAnotherCa);
	CPPUNIT_TEST(testRejectsCertificateForAnotherHost);
	CPPUNIT_TEST(testTlsServerNameIsVerifiedInsteadOfHost);
	CPPUNIT_TEST(testClientCertificateAuthenticates);
	CPPUNIT_TEST(testInsecureSkipsVerificationWithLoudWarning);
	CPPUNIT_TEST(testCaFileIsRereadAfterTlsFailure);
	CPPUNIT_TEST(testHttpsConnectionsAreReused);
	CPPUNIT_TEST(testTlsWatchCanBeCancelled);
	CPPUNIT_TEST(testUnusableTlsMaterialIsAConfigurationError);
	CPPUNIT_TEST_SUITE_END();

public:
	void testVerifiesServerAgainstConfiguredCa()
	{
		TestApiServer server(ok(), serverTls());
		KubeClient client(httpsConnection(server), clientSettings(std::make_shared<ManualClock>()));
		CPPUNIT_ASSERT(client.get(ResourceType::PODS, "x", "p")->has("metadata"));
		const RecordedRequest request = server.requests().at(0);
		CPPUNIT_ASSERT_EQUAL(std::string("Bearer tls-token"), request.header("Authorization"));
		CPPUNIT_ASSERT_EQUAL(std::string(""), request.clientCertificateName);
	}

	void testRejectsServerSignedByAnotherCa()
	{
		TestApiServer server(ok(), serverTls());
		KubeClient client(httpsConnection(server, "other-ca.crt"), clientSettings(std::make_shared<ManualClock>(), 2));
		try
		{
			client.get(ResourceType::PODS, "x", "p");
			CPPUNIT_FAIL("no exception");
		}
		catch (TransportException& e)
		{
			CPPUNIT_ASSERT(e.message().find("cannot reach 127.0.0.1:" + std::to_string(server.port())) == 0);
		}
		CPPUNIT_ASSERT(server.requests().empty());
	}

	void testRejectsCertificateForAnotherHost()
	{
		TestApiServer server(ok(), serverTls("named-server"));
		KubeClient client(httpsConnection(server), clientSettings(std::make_shared<ManualClock>(), 1));
		CPPUNIT_ASSERT_THROW(client.get(ResourceType::PODS, "x", "p"), TransportException);
		CPPUNIT_ASSERT(server.requests().empty());
	}

	void testTlsServerNameIsVerifiedInsteadOfHost()
	{
		TestApiServer server(ok(), serverTls("named-server"));
		ClusterConnection connection = httpsConnection(server);
		connection.tlsServerName = "kube.test";
		KubeClient client(connection, clientSettings(std::make_shared<ManualClock>(), 1));
		client.get(ResourceType::PODS, "x", "p");
		client.get(ResourceType::PODS, "x", "p");
		CPPUNIT_ASSERT_EQUAL(std::size_t(2), server.requests().size());
	}

	void testClientCertificateAuthenticates()
	{
		TestApiServer server(ok(), serverTls());
		ClusterConnection connection = httpsConnection(server);
		connection.token.clear();
		connection.clientCertificateData = TestPki::instance().pem("client.crt");
		connection.clientKeyData = TestPki::instance().pem("client.key");
		KubeClient client(connection, clientSettings(std::make_shared<ManualClock>()));
		client.get(ResourceType::PODS, "x", "p");
		const RecordedRequest request = server.requests().at(0);
		CPPUNIT_ASSERT_EQUAL(std::string("test-user"), request.clientCertificateName);
		CPPUNIT_ASSERT_EQUAL(std::string(""), request.header("Authorization"));
	}

	void testInsecureSkipsVerificationWithLoudWarning()
	{
		TestApiServer server(ok(), serverTls("named-server"));
		ClusterConnection connection = httpsConnection(server);
		connection.certificateAuthorityData.clear();
		connection.insecureSkipTlsVerify = true;
		LogCapture::Ptr logs = LogCapture::attach();
		KubeClient client(connection, clientSettings(std::make_shared<ManualClock>(), 1));
		client.get(ResourceType::PODS, "x", "p");
		logs->detach();
		CPPUNIT_ASSERT_EQUAL(std::size_t(1), server.requests().size());
		CPPUNIT_ASSERT(logs->contains(Poco::Message::PRIO_WARNING, "TLS VERIFICATION OF THE KUBERNETES API SERVER IS DISABLED"));
		CPPUNIT_ASSERT(!logs->anyContains("tls-token"));
	}

	void testCaFileIsRereadAfterTlsFailure()
	{
		TestApiServer server(ok(), serverTls());
		TempDir dir;
		const std::string caFile = dir.write("ca.crt", TestPki::instance().pem("other-ca.crt"));
		ClusterConnection connection = httpsConnection(server, "other-ca.crt");
		connection.certificateAuthorityFile = caFile;
		KubeClient client(connection, clientSettings(std::make_shared<ManualClock>(), 1));
		CPPUNIT_ASSERT_THROW(client.get(ResourceType::PODS, "x", "p"), TransportException);
		// The CA rotated: the failed handshake made the client read the file again.
		dir.write("ca.crt", TestPki::instance().pem("ca.crt"));
		CPPUNIT_ASSERT_THROW(client.get(ResourceType::PODS, "x", "p"), TransportException);
		client.get(ResourceType::PODS, "x", "p");
		CPPUNIT_ASSERT_EQUAL(std::size_t(1), server.requests().size());
	}

	void testHttpsConnectionsAreReused()
	{
		TestApiServer server(ok(), serverTls());
		KubeClient client(httpsConnection(server), clientSettings(std::make_shared<ManualClock>()));
		for (int i = 0; i < 4; ++i) client.get(ResourceType::PODS, "x", "p");
		CPPUNIT_ASSERT_EQUAL(std::size_t(4), server.requests().size());
		CPPUNIT_ASSERT_EQUAL(std::size_t(1), server.connectionCount());
	}

	void testTlsWatchCanBeCancelled()
	{
		TestApiServer server([](TestApiServer::Exchange& e)
		{
			e.response.setChunkedTransferEncoding(true);
			std::ostream& out = e.response.send();
			out << "{\"type\":\"ADDED\",\"object\":{}}\n";
			out.flush();
			e.server.waitForRelease(30000);
		}, serverTls());
		KubeClient client(httpsConnection(server), clientSettings(std::make_shared<ManualClock>()));
		auto cancel = std::make_shared<KubeClientCancelToken>();
		Poco::Event firstEvent;
		Poco::Event finished;
		std::string failure;
		std::thread watcher([&]
		{
			try
			{
				client.watch(ResourceType::PODS, "", WatchOptions(), [&](std::istream& in)
				{
					std::string line;
					while (std::getline(in, line)) firstEvent.set();
				}, cancel);
			}
			catch (std::exception& e)
			{
				failure = e.what();
			}
			finished.set();
		});
		CPPUNIT_ASSERT(firstEvent.tryWait(20000));
		cancel->cancel();
		const bool returned = finished.tryWait(20000);
		if (!returned) server.release();
		watcher.join();
		CPPUNIT_ASSERT(returned);
		CPPUNIT_ASSERT_EQUAL(std::string(""), failure);
	}

	void testUnusableTlsMaterialIsAConfigurationError()
	{
		ClusterConnection connection;
		connection.server = "https://127.0.0.1:6443";
		connection.source = "kubeconfig /k, context 'c'";
		connection.certificateAuthorityData = "not a certificate";
		try
		{
			KubeClient client(connection, clientSettings(std::make_shared<ManualClock>()));
			CPPUNIT_FAIL("no exception");
		}
		catch (KubeConfigException& e)
		{
			CPPUNIT_ASSERT_EQUAL(std::string("kubeconfig /k, context 'c': certificate-authority holds no PEM certificate"), e.message());
		}
		connection.certificateAuthorityData = TestPki::instance().pem("ca.crt");
		connection.clientCertificateData = TestPki::instance().pem("client.crt");
		connection.clientKeyData = "-----BEGIN PRIVATE KEY-----\nc2VjcmV0LWtleS1tYXRlcmlhbA==\n-----END PRIVATE KEY-----\n";
		try
		{
			KubeClient client(connection, clientSettings(std::make_shared<ManualClock>()));
			CPPUNIT_FAIL("no exception");
		}
		catch (KubeConfigException& e)
		{
			CPPUNIT_ASSERT(e.message().find("client-key is not a usable PEM private key") != std::string::npos);
			CPPUNIT_ASSERT(e.message().find("c2VjcmV0") == std::string::npos);
		}
	}
};

CPPUNIT_TEST_SUITE_NAMED_REGISTRATION(KubeClientTlsTest, "KubeClient");
