//
// KubeClientAuthTest.cpp
//
// KubeClient credentials (basic, static and rotating bearer tokens) and
// connection failures, against a scripted HTTP server.
//

#include "TestApiServer.h"
#include "TestFiles.h"
#include "sbomop/kube/KubeClient.h"
#include "sbomop/kube/KubeException.h"
#include <Poco/Net/ServerSocket.h>
#include <cppunit/extensions/HelperMacros.h>
#include <mutex>

using namespace sbomop::kube;
using namespace sbomop::kube::test;

namespace
{
	const std::string POD = "{\"kind\":\"Pod\",\"apiVersion\":\"v1\",\"metadata\":{\"name\":\"p\",\"namespace\":\"x\",\"resourceVersion\":\"7\"}}";
}

class KubeClientAuthTest: public CppUnit::TestFixture
{
	CPPUNIT_TEST_SUITE(KubeClientAuthTest);
	CPPUNIT_TEST(testBasicCredentialsAreSent);
	CPPUNIT_TEST(testTokenFileIsRereadAfterUnauthorized);
	CPPUNIT_TEST(testTokenFileIsRereadAfterSixtySeconds);
	CPPUNIT_TEST(testStaticTokenUnauthorizedIsNotRetried);
	CPPUNIT_TEST(testConnectionRefusedNamesHostAndPort);
	CPPUNIT_TEST_SUITE_END();

public:
	void testBasicCredentialsAreSent()
	{
		TestApiServer server([](TestApiServer::Exchange& e) { e.reply(200, POD); });
		ClusterConnection connection = connectionTo(server.url());
		connection.token.clear();
		connection.username = "admin";
		connection.password = "pa55";
		KubeClient client(connection, clientSettings(std::make_shared<ManualClock>()));
		client.get(ResourceType::PODS, "x", "p");
		CPPUNIT_ASSERT_EQUAL(std::string("Basic YWRtaW46cGE1NQ=="), server.requests().at(0).header("Authorization"));
	}

	void testTokenFileIsRereadAfterUnauthorized()
	{
		TempDir dir;
		const std::string tokenFile = dir.write("token", "old-token\n");
		std::mutex mutex;
		std::string accepted = "Bearer old-token";
		TestApiServer server([&](TestApiServer::Exchange& e)
		{
			std::lock_guard<std::mutex> lock(mutex);
			if (e.request.header("Authorization") == accepted) e.reply(200, POD);
			else e.reply(401, statusJson(401, "Unauthorized", "Unauthorized"));
		});
		ClusterConnection connection = connectionTo(server.url());
		connection.token.clear();
		connection.tokenFile = tokenFile;
		auto clock = std::make_shared<ManualClock>();
		LogCapture::Ptr logs = LogCapture::attach();
		KubeClient client(connection, clientSettings(clock));
		client.get(ResourceType::PODS, "x", "p");
		dir.write("token", "new-token\n");
		{
			std::lock_guard<std::mutex> lock(mutex);
			accepted = "Bearer new-token";
		}
		client.get(ResourceType::PODS, "x", "p");
		logs->detach();
		const auto requests = server.requests();
		CPPUNIT_ASSERT_EQUAL(std::size_t(3), requests.size());
		CPPUNIT_ASSERT_EQUAL(std::string("Bearer old-token"), requests[1].header("Authorization"));
		CPPUNIT_ASSERT_EQUAL(std::string("Bearer new-token"), requests[2].header("Authorization"));
		CPPUNIT_ASSERT(clock->sleeps().empty());
		CPPUNIT_ASSERT(!logs->anyContains("old-token"));
		CPPUNIT_ASSERT(!logs->anyContains("new-token"));
	}

	void testTokenFileIsRereadAfterSixtySeconds()
	{
		TempDir dir;
		const std::string tokenFile = dir.write("token", "first");
		TestApiServer server([](TestApiServer::Exchange& e) { e.reply(200, POD); });
		ClusterConnection connection = connectionTo(server.url());
		connection.tokenFile = tokenFile;
		auto clock = std::make_shared<ManualClock>();
		KubeClient client(connection, clientSettings(clock));
		client.get(ResourceType::PODS, "x", "p");
		dir.write("token", "second");
		clock->advance(Poco::Timespan(30, 0));
		client.get(ResourceType::PODS, "x", "p");
		clock->advance(Poco::Timespan(31, 0));
		client.get(ResourceType::PODS, "x", "p");
		const auto requests = server.requests();
		CPPUNIT_ASSERT_EQUAL(std::string("Bearer first"), requests[0].header("Authorization"));
		CPPUNIT_ASSERT_EQUAL(std::string("Bearer first"), requests[1].header("Authorization"));
		CPPUNIT_ASSERT_EQUAL(std::string("Bearer second"), requests[2].header("Authorization"));
	}

	void testStaticTokenUnauthorizedIsNotRetried()
	{
		TestApiServer server([](TestApiServer::Exchange& e) { e.reply(401, statusJson(401, "Unauthorized", "Unauthorized")); });
		auto clock = std::make_shared<ManualClock>();
		KubeClient client(connectionTo(server.url()), clientSettings(clock));
		CPPUNIT_ASSERT_THROW(client.get(ResourceType::PODS, "x", "p"), UnauthorizedException);
		CPPUNIT_ASSERT_EQUAL(std::size_t(1), server.requests().size());
		CPPUNIT_ASSERT(clock->sleeps().empty());
	}

	void testConnectionRefusedNamesHostAndPort()
	{
		Poco::UInt16 port = 0;
		{
			Poco::Net::ServerSocket probe(Poco::Net::SocketAddress("127.0.0.1", 0));
			port = probe.address().port();
		}
		auto clock = std::make_shared<ManualClock>();
		KubeClient client(connectionTo("http://127.0.0.1:" + std::to_string(port)), clientSettings(clock));
		try
		{
			client.get(ResourceType::PODS, "x", "p");
			CPPUNIT_FAIL("no exception");
		}
		catch (TransportException& e)
		{
			CPPUNIT_ASSERT_EQUAL(0u, static_cast<unsigned>(e.message().find("cannot reach 127.0.0.1:" + std::to_string(port)
				+ " (GET /api/v1/namespaces/x/pods/p): ")));
			CPPUNIT_ASSERT(e.message().find("refused") != std::string::npos);
		}
		// Five attempts, four backoff sleeps of full jitter (random fixed at 0.5).
		const std::vector<Poco::Timespan::TimeDiff> expected{100000, 200000, 400000, 800000};
		CPPUNIT_ASSERT(expected == clock->sleeps());
	}
};

CPPUNIT_TEST_SUITE_NAMED_REGISTRATION(KubeClientAuthTest, "KubeClient");
