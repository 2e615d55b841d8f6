//
// RateLimiterTest.cpp
//

#include "TestFiles.h"
#include "sbomop/kube/RateLimiter.h"
#include <cppunit/extensions/HelperMacros.h>

using sbomop::kube::RateLimiter;
using sbomop::kube::test::ManualClock;

class RateLimiterTest: public CppUnit::TestFixture
{
	CPPUNIT_TEST_SUITE(RateLimiterTest);
	CPPUNIT_TEST(testBurstIsAvailableImmediately);
	CPPUNIT_TEST(testReservationsQueueAtOneOverQps);
	CPPUNIT_TEST(testTokensRefillAtQps);
	CPPUNIT_TEST(testIdleTimeNeverStoresMoreThanBurst);
	CPPUNIT_TEST(testAcquireSleepsThroughTheClock);
	CPPUNIT_TEST(testZeroQpsDisablesLimiting);
	CPPUNIT_TEST_SUITE_END();

public:
	void testBurstIsAvailableImmediately()
	{
		auto clock = std::make_shared<ManualClock>();
		RateLimiter limiter(20, 30, clock);
		for (int i = 0; i < 30; ++i) CPPUNIT_ASSERT_EQUAL(Poco::Timespan::TimeDiff(0), limiter.reserve().totalMicroseconds());
		CPPUNIT_ASSERT(!limiter.tryAcquire());
	}

	void testReservationsQueueAtOneOverQps()
	{
		auto clock = std::make_shared<ManualClock>();
		RateLimiter limiter(4, 2, clock);
		CPPUNIT_ASSERT_EQUAL(Poco::Timespan::TimeDiff(0), limiter.reserve().totalMicroseconds());
		CPPUNIT_ASSERT_EQUAL(Poco::Timespan::TimeDiff(0), limiter.reserve().totalMicroseconds());
		CPPUNIT_ASSERT_EQUAL(Poco::Timespan::TimeDiff(250000), limiter.reserve().totalMicroseconds());
		CPPUNIT_ASSERT_EQUAL(Poco::Timespan::TimeDiff(500000), limiter.reserve().totalMicroseconds());
		CPPUNIT_ASSERT_EQUAL(Poco::Timespan::TimeDiff(750000), limiter.reserve().totalMicroseconds());
	}

	void testTokensRefillAtQps()
	{
		auto clock = std::make_shared<ManualClock>();
		RateLimiter limiter(10, 5, clock);
		for (int i = 0; i < 5; ++i) CPPUNIT_ASSERT(limiter.tryAcquire());
		CPPUNIT_ASSERT(!limiter.tryAcquire());
		clock->advance(Poco::Timespan(0, 250000));  // 2.5 tokens
		CPPUNIT_ASSERT(limiter.tryAcquire());
		CPPUNIT_ASSERT(limiter.tryAcquire());
		CPPUNIT_ASSERT(!limiter.tryAcquire());
		// Half a token is left: the next one is 50 ms away.
		CPPUNIT_ASSERT_EQUAL(Poco::Timespan::TimeDiff(50000), limiter.reserve().totalMicroseconds());
	}

	void testIdleTimeNeverStoresMoreThanBurst()
	{
		auto clock = std::make_shared<ManualClock>();
		RateLimiter limiter(10, 3, clock);
		for (int i = 0; i < 3; ++i) CPPUNIT_ASSERT(limiter.tryAcquire());
		clock->advance(Poco::Timespan(3600, 0));
		for (int i = 0; i < 3; ++i) CPPUNIT_ASSERT(limiter.tryAcquire());
		CPPUNIT_ASSERT(!limiter.tryAcquire());
	}

	void testAcquireSleepsThroughTheClock()
	{
		auto clock = std::make_shared<ManualClock>();
		RateLimiter limiter(2, 1, clock);
		limiter.acquire();
		limiter.acquire();
		limiter.acquire();
		const std::vector<Poco::Timespan::TimeDiff> expected{500000, 500000};
		CPPUNIT_ASSERT(expected == clock->sleeps());
	}

	void testZeroQpsDisablesLimiting()
	{
		auto clock = std::make_shared<ManualClock>();
		RateLimiter limiter(0, 1, clock);
		for (int i = 0; i < 1000; ++i) limiter.acquire();
		CPPUNIT_ASSERT(clock->sleeps().empty());
		CPPUNIT_ASSERT(limiter.tryAcquire());
	}
};

CPPUNIT_TEST_SUITE_NAMED_REGISTRATION(RateLimiterTest, "KubeClient");
