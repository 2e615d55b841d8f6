//
// KubeClientRetryTest.cpp
//
// Retry policy of KubeClient: which answers and failures are retried, the
// delays taken (recorded by a manual clock), and client-side rate limiting.
//

#include "TestApiServer.h"
#include "TestFiles.h"
#include "sbomop/kube/KubeClient.h"
#include "sbomop/kube/KubeException.h"
#include <cppunit/extensions/HelperMacros.h>

using namespace sbomop::kube;
using namespace sbomop::kube::test;

namespace
{
	const std::string POD = "{\"kind\":\"Pod\",\"metadata\":{\"name\":\"p\"}}";

	using Delays = std::vector<Poco::Timespan::TimeDiff>;

	TestApiServer::Handler failFirst(std::size_t failures, const std::function<void(TestApiServer::Exchange&)>& fail, int successCode = 200)
		/// Answers the first `failures` requests with `fail`, the rest with success.
	{
		return [=](TestApiServer::Exchange& e)
		{
			if (e.request.index < failures) fail(e);
			else e.reply(successCode, POD);
		};
	}

	struct Fixture
	{
		explicit Fixture(TestApiServer::Handler handler, std::function<void(KubeClientSettings&)> tweak = nullptr):
			server(std::move(handler)),
			clock(std::make_shared<ManualClock>())
		{
			KubeClientSettings settings = clientSettings(clock);
			if (tweak) tweak(settings);
			client = std::make_unique<KubeClient>(connectionTo(server.url()), settings);
		}

		TestApiServer server;
		ManualClock::Ptr clock;
		std::unique_ptr<KubeClient> client;
	};

	void tooManyRequests(TestApiServer::Exchange& e)
	{
		e.response.set("Retry-After", "2");
		e.reply(429, "Too many requests, please try again later.\n", "text/plain; charset=utf-8");
	}
}

class KubeClientRetryTest: public CppUnit::TestFixture
{
	CPPUNIT_TEST_SUITE(KubeClientRetryTest);
	CPPUNIT_TEST(testTooManyRequestsIsRetriedHonouringRetryAfter);
	CPPUNIT_TEST(testReadsRetryServerErrorsWithExponentialBackoff);
	CPPUNIT_TEST(testGivesUpAfterMaxAttempts);
	CPPUNIT_TEST(testRetryAfterIsCapped);
	CPPUNIT_TEST(testClientErrorsAreNeverRetried);
	CPPUNIT_TEST(testWritesAreNotRetriedOnServerErrorWithoutRetryAfter);
	CPPUNIT_TEST(testWritesAreRetriedOnServerErrorWithRetryAfter);
	CPPUNIT_TEST(testWritesAreRetriedOnTooManyRequestsUsingStatusDetails);
	CPPUNIT_TEST(testReadsAreRetriedAfterConnectionLoss);
	CPPUNIT_TEST(testWritesAreNotRetriedAfterConnectionLoss);
	CPPUNIT_TEST(testIdempotentWritesAreRetriedAfterConnectionLoss);
	CPPUNIT_TEST(testWatchSetupIsRetriedButNotTheStream);
	CPPUNIT_TEST(testRateLimiterThrottlesRequests);
	CPPUNIT_TEST_SUITE_END();

public:
	void testTooManyRequestsIsRetriedHonouringRetryAfter()
	{
		Fixture f(failFirst(2, tooManyRequests));
		CPPUNIT_ASSERT(f.client->get(ResourceType::PODS, "x", "p")->has("metadata"));
		CPPUNIT_ASSERT_EQUAL(std::size_t(3), f.server.requests().size());
		// Retry-After 2 s plus jitter of half the 200 ms base.
		CPPUNIT_ASSERT(Delays({2100000, 2100000}) == f.clock->sleeps());
	}

	void testReadsRetryServerErrorsWithExponentialBackoff()
	{
		Fixture f(failFirst(3, [](TestApiServer::Exchange& e) { e.reply(500, statusJson(500, "InternalError", "m")); }));
		f.client->listObjects(ResourceType::PODS, "x");
		CPPUNIT_ASSERT_EQUAL(std::size_t(4), f.server.requests().size());
		CPPUNIT_ASSERT(Delays({100000, 200000, 400000}) == f.clock->sleeps());
	}

	void testGivesUpAfterMaxAttempts()
	{
		Fixture f([](TestApiServer::Exchange& e) { e.reply(503, "<html><title>503 Service Unavailable</title></html>", "text/html"); });
		try
		{
			f.client->get(ResourceType::PODS, "x", "p");
			CPPUNIT_FAIL("no exception");
		}
		catch (ServerErrorException& e)
		{
			CPPUNIT_ASSERT_EQUAL(503, e.httpCode());
			CPPUNIT_ASSERT_EQUAL(std::string("ServiceUnavailable"), e.reason());
		}
		CPPUNIT_ASSERT_EQUAL(std::size_t(5), f.server.requests().size());
		CPPUNIT_ASSERT_EQUAL(std::size_t(4), f.clock->sleeps().size());

		Fixture three([](TestApiServer::Exchange& e) { e.reply(503, ""); }, [](KubeClientSettings& s) { s.maxAttempts = 3; });
		CPPUNIT_ASSERT_THROW(three.client->get(ResourceType::PODS, "x", "p"), ServerErrorException);
		CPPUNIT_ASSERT_EQUAL(std::size_t(3), three.server.requests().size());
	}

	void testRetryAfterIsCapped()
	{
		Fixture f(failFirst(1, [](TestApiServer::Exchange& e)
		{
			e.response.set("Retry-After", "3600");
			e.reply(429, "slow down", "text/plain");
		}), [](KubeClientSettings& s) { s.retryAfterCap = Poco::Timespan(5, 0); });
		f.client->get(ResourceType::PODS, "x", "p");
		CPPUNIT_ASSERT(Delays({5000000}) == f.clock->sleeps());
	}

	void testClientErrorsAreNeverRetried()
	{
		Fixture f([](TestApiServer::Exchange& e)
		{
			e.reply(e.request.index == 0 ? 400 : 403, statusJson(e.request.index == 0 ? 400 : 403, e.request.index == 0 ? "BadRequest" : "Forbidden", "m"));
		});
		CPPUNIT_ASSERT_THROW(f.client->listObjects(ResourceType::PODS, ""), BadRequestException);
		CPPUNIT_ASSERT_THROW(f.client->get(ResourceType::SECRETS, "x", "s"), ForbiddenException);
		CPPUNIT_ASSERT_EQUAL(std::size_t(2), f.server.requests().size());
		CPPUNIT_ASSERT(f.clock->sleeps().empty());
	}

	void testWritesAreNotRetriedOnServerErrorWithoutRetryAfter()
	{
		Fixture f([](TestApiServer::Exchange& e) { e.reply(500, statusJson(500, "InternalError", "m")); });
		CPPUNIT_ASSERT_THROW(f.client->create(ResourceType::JOBS, "x", parseJson("{}")), ServerErrorException);
		CPPUNIT_ASSERT_THROW(f.client->remove(ResourceType::JOBS, "x", "j"), ServerErrorException);
		CPPUNIT_ASSERT_EQUAL(std::size_t(2), f.server.requests().size());
	}

	void testWritesAreRetriedOnServerErrorWithRetryAfter()
	{
		Fixture f(failFirst(1, [](TestApiServer::Exchange& e)
		{
			e.response.set("Retry-After", "1");
			e.reply(503, "", "text/plain");
		}, 201));
		f.client->create(ResourceType::JOBS, "x", parseJson("{\"metadata\":{\"name\":\"j\"}}"));
		const auto requests = f.server.requests();
		CPPUNIT_ASSERT_EQUAL(std::size_t(2), requests.size());
		CPPUNIT_ASSERT_EQUAL(requests[0].body, requests[1].body);
		CPPUNIT_ASSERT(Delays({1100000}) == f.clock->sleeps());
	}

	void testWritesAreRetriedOnTooManyRequestsUsingStatusDetails()
	{
		Fixture f(failFirst(1, [](TestApiServer::Exchange& e)
		{
			e.reply(429, statusJson(429, "TooManyRequests", "m", "{\"retryAfterSeconds\":3}"));
		}));
		f.client->patch(ResourceType::PODS, "x", "p", PatchType::Merge, "{\"metadata\":{\"annotations\":{\"a\":\"b\"}}}");
		CPPUNIT_ASSERT_EQUAL(std::size_t(2), f.server.requests().size());
		CPPUNIT_ASSERT(Delays({3100000}) == f.clock->sleeps());
	}

	void testReadsAreRetriedAfterConnectionLoss()
	{
		Fixture f(failFirst(1, [](TestApiServer::Exchange& e) { e.dropConnection(); }));
		CPPUNIT_ASSERT(f.client->get(ResourceType::PODS, "x", "p")->has("metadata"));
		CPPUNIT_ASSERT_EQUAL(std::size_t(2), f.server.requests().size());
		CPPUNIT_ASSERT_EQUAL(std::size_t(2), f.server.connectionCount());
	}

	void testWritesAreNotRetriedAfterConnectionLoss()
	{
		Fixture f([](TestApiServer::Exchange& e) { e.dropConnection(); });
		try
		{
			f.client->create(ResourceType::SECRETS, "x", parseJson("{\"metadata\":{\"name\":\"s\"}}"));
			CPPUNIT_FAIL("no exception");
		}
		catch (TransportException& e)
		{
			CPPUNIT_ASSERT(e.message().find("no response from 127.0.0.1:" + std::to_string(f.server.port())
				+ " (POST /api/v1/namespaces/x/secrets): ") == 0);
		}
		CPPUNIT_ASSERT_THROW(f.client->update(ResourceType::CONFIGMAPS, "x", "c", parseJson("{\"metadata\":{\"name\":\"c\"}}")),
			TransportException);
		CPPUNIT_ASSERT_THROW(f.client->patch(ResourceType::PODS, "x", "p", PatchType::Merge, "{}"), TransportException);
		CPPUNIT_ASSERT_EQUAL(std::size_t(3), f.server.requests().size());
		CPPUNIT_ASSERT(f.clock->sleeps().empty());
	}

	void testIdempotentWritesAreRetriedAfterConnectionLoss()
	{
		Fixture f([](TestApiServer::Exchange& e)
		{
			if (e.request.index % 2 == 0) e.dropConnection();
			else e.reply(200, POD);
		});
		WriteOptions idempotent;
		idempotent.idempotent = true;
		f.client->patch(ResourceType::PODS, "x", "p", PatchType::Merge, "{\"metadata\":{\"annotations\":{\"a\":\"b\"}}}", idempotent);
		CPPUNIT_ASSERT_EQUAL(std::size_t(2), f.server.requests().size());
		// A PUT carrying a resourceVersion cannot apply twice: retried without being marked.
		f.client->update(ResourceType::LEASES, "x", "l", parseJson("{\"metadata\":{\"name\":\"l\",\"resourceVersion\":\"5\"}}"));
		CPPUNIT_ASSERT_EQUAL(std::size_t(4), f.server.requests().size());
		CPPUNIT_ASSERT_EQUAL(std::string("PUT"), f.server.requests()[3].method);
	}

	void testWatchSetupIsRetriedButNotTheStream()
	{
		Fixture f(failFirst(1, [](TestApiServer::Exchange& e) { e.reply(503, statusJson(503, "ServiceUnavailable", "m")); }));
		int calls = 0;
		f.client->watch(ResourceType::PODS, "", WatchOptions(), [&](std::istream&) { ++calls; });
		CPPUNIT_ASSERT_EQUAL(1, calls);
		CPPUNIT_ASSERT_EQUAL(std::size_t(2), f.server.requests().size());

		// A handler failure is the caller's business: no retry.
		CPPUNIT_ASSERT_THROW(f.client->watch(ResourceType::PODS, "", WatchOptions(),
			[](std::istream&) { throw MalformedResponseException("bad event"); }), MalformedResponseException);
		CPPUNIT_ASSERT_EQUAL(std::size_t(3), f.server.requests().size());
	}

	void testRateLimiterThrottlesRequests()
	{
		Fixture f([](TestApiServer::Exchange& e) { e.reply(200, POD); }, [](KubeClientSettings& s)
		{
			s.qps = 2;
			s.burst = 1;
		});
		for (int i = 0; i < 3; ++i) f.client->get(ResourceType::PODS, "x", "p");
		CPPUNIT_ASSERT(Delays({500000, 500000}) == f.clock->sleeps());
		CPPUNIT_ASSERT_EQUAL(std::size_t(3), f.server.requests().size());
	}
};

CPPUNIT_TEST_SUITE_NAMED_REGISTRATION(KubeClientRetryTest, "KubeClient");
