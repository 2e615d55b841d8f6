//
// BackoffTest.cpp
//

#include "sbomop/kube/Backoff.h"
#include <cppunit/extensions/HelperMacros.h>

using sbomop::kube::Backoff;

class BackoffTest: public CppUnit::TestFixture
{
	CPPUNIT_TEST_SUITE(BackoffTest);
	CPPUNIT_TEST(testCeilingDoublesFromBaseUntilCap);
	CPPUNIT_TEST(testFullJitterScalesTheCeiling);
	CPPUNIT_TEST(testRetryAfterIsHonouredWithJitter);
	CPPUNIT_TEST(testRetryAfterIsCapped);
	CPPUNIT_TEST(testDefaultRandomStaysWithinTheCeiling);
	CPPUNIT_TEST_SUITE_END();

public:
	void testCeilingDoublesFromBaseUntilCap()
	{
		Backoff backoff(Poco::Timespan(0, 200000), Poco::Timespan(10, 0), Poco::Timespan(30, 0), [] { return 1.0; });
		const Poco::Timespan::TimeDiff expected[] = {200000, 400000, 800000, 1600000, 3200000, 6400000, 10000000, 10000000};
		for (int retry = 0; retry < 8; ++retry)
		{
			CPPUNIT_ASSERT_EQUAL(expected[retry], backoff.delay(retry).totalMicroseconds());
		}
		CPPUNIT_ASSERT_EQUAL(Poco::Timespan::TimeDiff(10000000), backoff.delay(1000).totalMicroseconds());
	}

	void testFullJitterScalesTheCeiling()
	{
		Backoff half(Poco::Timespan(0, 200000), Poco::Timespan(10, 0), Poco::Timespan(30, 0), [] { return 0.5; });
		CPPUNIT_ASSERT_EQUAL(Poco::Timespan::TimeDiff(100000), half.delay(0).totalMicroseconds());
		CPPUNIT_ASSERT_EQUAL(Poco::Timespan::TimeDiff(400000), half.delay(2).totalMicroseconds());
		Backoff zero(Poco::Timespan(0, 200000), Poco::Timespan(10, 0), Poco::Timespan(30, 0), [] { return 0.0; });
		CPPUNIT_ASSERT_EQUAL(Poco::Timespan::TimeDiff(0), zero.delay(3).totalMicroseconds());
	}

	void testRetryAfterIsHonouredWithJitter()
	{
		Backoff backoff(Poco::Timespan(0, 200000), Poco::Timespan(10, 0), Poco::Timespan(30, 0), [] { return 0.5; });
		CPPUNIT_ASSERT_EQUAL(Poco::Timespan::TimeDiff(3100000), backoff.delay(4, 3).totalMicroseconds());
		CPPUNIT_ASSERT_EQUAL(Poco::Timespan::TimeDiff(100000), backoff.delay(4, 0).totalMicroseconds());
		// No Retry-After: exponential backoff.
		CPPUNIT_ASSERT_EQUAL(Poco::Timespan::TimeDiff(1600000), backoff.delay(4, -1).totalMicroseconds());
	}

	void testRetryAfterIsCapped()
	{
		Backoff backoff(Poco::Timespan(0, 200000), Poco::Timespan(10, 0), Poco::Timespan(30, 0), [] { return 0.5; });
		CPPUNIT_ASSERT_EQUAL(Poco::Timespan::TimeDiff(30000000), backoff.delay(0, 3600).totalMicroseconds());
	}

	void testDefaultRandomStaysWithinTheCeiling()
	{
		Backoff backoff;
		for (int i = 0; i < 200; ++i)
		{
			const Poco::Timespan::TimeDiff delay = backoff.delay(i % 8).totalMicroseconds();
			CPPUNIT_ASSERT(delay >= 0);
			CPPUNIT_ASSERT(delay <= 10000000);
		}
		CPPUNIT_ASSERT(backoff.delay(1).totalMicroseconds() <= 400000);
	}
};

CPPUNIT_TEST_SUITE_NAMED_REGISTRATION(BackoffTest, "KubeClient");
