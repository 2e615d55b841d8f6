//
// LeaderElectorTest.cpp
//
// LeaderElector against an in-process kube-sim with short durations (lease
// 2 s, renew deadline 1.5 s, retry period 0.3 s). The tests assert states and
// the order of events; the only time comparisons are logic properties
// measured on one monotonic clock (a loss happens before the lease could
// expire, a follower never takes over before the lease duration passed).
//

#include "ElectionFixture.h"
#include "kubesim/FaultInjector.h"
#include "sbomop/http/MetricsRegistry.h"
#include <Poco/Thread.h>
#include <Poco/RegularExpression.h>
#include <cppunit/extensions/HelperMacros.h>
#include <memory>

using sbomop::election::LeaderElectionConfig;
using sbomop::election::LeaderElector;
using sbomop::election::LeaseRecord;
using sbomop::election::test::ElectionFixture;
using sbomop::election::test::EventLog;

namespace {

using State = LeaderElector::State;

std::unique_ptr<LeaderElector> elector(ElectionFixture& f, const LeaderElectionConfig& config, EventLog& events,
	sbomop::http::MetricsRegistry* metrics = nullptr)
{
	return std::unique_ptr<LeaderElector>(new LeaderElector(f.client(config), config, events.callbacks(config.identity), metrics));
}

std::unique_ptr<LeaderElector> elector(ElectionFixture& f, const std::string& identity, EventLog& events)
{
	return elector(f, ElectionFixture::shortConfig(identity), events);
}

// Starts `leader` and waits until it leads, then `follower` and waits until it
// has seen the leader holding the lease.
void startLeaderThenFollower(LeaderElector& leader, LeaderElector& follower)
{
	leader.start();
	CPPUNIT_ASSERT(leader.waitForState(State::LEADING, 5000));
	follower.start();
	CPPUNIT_ASSERT(ElectionFixture::waitFor([&] { return follower.observedHolder() == leader.identity(); }, 5000));
}

bool isMicroTime(const std::string& text)
{
	return Poco::RegularExpression("^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}Z$").match(text);
}

void failLeaseRequests(ElectionFixture& f)
{
	f.sim().faults().addRule(sbomop::kubesim::FaultRule::failingEvery("/leases", 500));
}

LeaseRecord abandonedBy(const std::string& holder, int transitions)
{
	return ElectionFixture::leaseRecord(holder, 2, "2000-01-01T00:00:00.000000Z", "2000-01-01T00:00:00.000000Z", transitions);
}

} // namespace

class LeaderElectorTest: public CppUnit::TestFixture
{
	CPPUNIT_TEST_SUITE(LeaderElectorTest);
	CPPUNIT_TEST(testAcquiresAnEmptyLease);
	CPPUNIT_TEST(testRenewalKeepsAcquireTimeAndAdvancesRenewTime);
	CPPUNIT_TEST(testFollowerDoesNotAcquireWhileTheHolderRenews);
	CPPUNIT_TEST(testFollowerTakesOverAfterTheHolderStopsRenewing);
	CPPUNIT_TEST(testFollowerJudgesExpiryByItsOwnClockNotRemoteTimestamps);
	CPPUNIT_TEST(testRacingElectorsNeverLeadTogether);
	CPPUNIT_TEST(testConcurrentTakeoverHasExactlyOneWinner);
	CPPUNIT_TEST(testFailedRenewalsReportLostLeadershipBeforeTheLeaseExpires);
	CPPUNIT_TEST(testHangingRenewalIsCutOffByTheRenewDeadline);
	CPPUNIT_TEST(testStopReleasesTheLeaseForAnImmediateTakeover);
	CPPUNIT_TEST(testStopOfAFollowerLeavesTheLeaseAlone);
	CPPUNIT_TEST(testWaitForLeadershipEndsWhenCancelled);
	CPPUNIT_TEST(testMetricsFollowLeadership);
	CPPUNIT_TEST_SUITE_END();

public:
	void testAcquiresAnEmptyLease()
	{
		ElectionFixture f;
		EventLog events;
		auto a = elector(f, "a", events);
		CPPUNIT_ASSERT(a->state() == State::IDLE);
		a->start();
		CPPUNIT_ASSERT(a->waitForState(State::LEADING, 5000));
		const LeaseRecord record = f.record();
		CPPUNIT_ASSERT_EQUAL(std::string("a"), record.holderIdentity);
		CPPUNIT_ASSERT_EQUAL(2, record.leaseDurationSeconds);
		CPPUNIT_ASSERT_EQUAL(0, record.leaseTransitions);
		CPPUNIT_ASSERT_MESSAGE(record.acquireTime, isMicroTime(record.acquireTime));
		CPPUNIT_ASSERT_MESSAGE(record.renewTime, isMicroTime(record.renewTime));
		CPPUNIT_ASSERT(events.indexOf("a started") != std::string::npos);
		CPPUNIT_ASSERT_EQUAL(std::string("a"), a->observedHolder());
		a->stop();
	}

	void testRenewalKeepsAcquireTimeAndAdvancesRenewTime()
	{
		ElectionFixture f;
		EventLog events;
		auto a = elector(f, "a", events);
		a->start();
		CPPUNIT_ASSERT(a->waitForState(State::LEADING, 5000));
		const LeaseRecord first = f.record();
		const std::string firstVersion = f.lease()->getObject("metadata")->getValue<std::string>("resourceVersion");
		CPPUNIT_ASSERT(ElectionFixture::waitFor([&] { return f.record().renewTime != first.renewTime; }, 5000));
		CPPUNIT_ASSERT(ElectionFixture::waitFor([&] { return f.record().renewTime > first.renewTime; }, 5000));
		const LeaseRecord later = f.record();
		CPPUNIT_ASSERT_EQUAL(first.acquireTime, later.acquireTime);
		CPPUNIT_ASSERT_EQUAL(0, later.leaseTransitions);
		CPPUNIT_ASSERT_EQUAL(std::string("a"), later.holderIdentity);
		CPPUNIT_ASSERT(firstVersion != f.lease()->getObject("metadata")->getValue<std::string>("resourceVersion"));
		CPPUNIT_ASSERT(a->isLeader());
		a->stop();
	}

	void testFollowerDoesNotAcquireWhileTheHolderRenews()
	{
		ElectionFixture f;
		EventLog events;
		auto a = elector(f, "a", events);
		auto b = elector(f, "b", events);
		startLeaderThenFollower(*a, *b);
		// Twice the lease duration: a follower that ignored renewals would have taken over.
		const auto until = LeaderElector::Clock::now() + std::chrono::seconds(4);
		while (LeaderElector::Clock::now() < until)
		{
			CPPUNIT_ASSERT(b->state() == State::CANDIDATE);
			CPPUNIT_ASSERT(a->isLeader());
			Poco::Thread::sleep(50);
		}
		CPPUNIT_ASSERT_EQUAL(std::string("a"), f.record().holderIdentity);
		CPPUNIT_ASSERT(events.indexOf("b started") == std::string::npos);
		b->stop();
		a->stop();
	}

	void testFollowerTakesOverAfterTheHolderStopsRenewing()
	{
		ElectionFixture f;
		EventLog events;
		LeaderElectionConfig crashing = ElectionFixture::shortConfig("a");
		crashing.releaseOnCancel = false;
		auto a = elector(f, crashing, events);
		auto b = elector(f, "b", events);
		startLeaderThenFollower(*a, *b);
		const LeaseRecord before = f.record();
		a->stop();
		events.add("a stopped");
		CPPUNIT_ASSERT_EQUAL(std::string("a"), f.record().holderIdentity);
		CPPUNIT_ASSERT(b->waitForState(State::LEADING, 10000));
		const LeaseRecord after = f.record();
		CPPUNIT_ASSERT_EQUAL(std::string("b"), after.holderIdentity);
		CPPUNIT_ASSERT_EQUAL(before.leaseTransitions + 1, after.leaseTransitions);
		CPPUNIT_ASSERT(after.acquireTime != before.acquireTime);
		CPPUNIT_ASSERT(events.indexOf("a stopped") < events.indexOf("b started"));
		CPPUNIT_ASSERT(events.indexOf("a lost") == std::string::npos);
		b->stop();
	}

	void testFollowerJudgesExpiryByItsOwnClockNotRemoteTimestamps()
	{
		ElectionFixture f;
		// renewTime in 2000: expired long ago by the remote timestamps.
		f.seedLease(abandonedBy("ghost", 3));
		EventLog events;
		auto b = elector(f, "b", events);
		b->start();
		CPPUNIT_ASSERT(ElectionFixture::waitFor([&] { return b->observedHolder() == "ghost"; }, 5000));
		// The lease counts as valid for its duration (2 s) from the moment b
		// first saw it; b retries every 0.3-0.66 s meanwhile.
		for (auto until = LeaderElector::Clock::now() + std::chrono::milliseconds(1200); LeaderElector::Clock::now() < until; )
		{
			CPPUNIT_ASSERT(b->state() == State::CANDIDATE);
			Poco::Thread::sleep(20);
		}
		CPPUNIT_ASSERT(b->waitForState(State::LEADING, 10000));
		CPPUNIT_ASSERT_EQUAL(4, f.record().leaseTransitions);
		CPPUNIT_ASSERT(events.indexOf("b sees ghost") < events.indexOf("b started"));
		b->stop();
	}

	void testRacingElectorsNeverLeadTogether()
	{
		ElectionFixture f;
		EventLog events;
		std::vector<std::unique_ptr<LeaderElector>> electors;
		for (const std::string name: { "a", "b", "c" })
		{
			LeaderElectionConfig config = ElectionFixture::shortConfig(name);
			config.releaseOnCancel = false;
			electors.push_back(elector(f, config, events));
		}
		for (auto& e: electors) e->start();
		auto leaders = [&]
		{
			std::vector<LeaderElector*> result;
			for (auto& e: electors) if (e->isLeader()) result.push_back(e.get());
			return result;
		};
		CPPUNIT_ASSERT(ElectionFixture::waitFor([&] { return leaders().size() == 1; }, 5000));
		LeaderElector* first = leaders().front();
		// Sample while the leader renews and while the others keep trying.
		for (auto until = LeaderElector::Clock::now() + std::chrono::seconds(3); LeaderElector::Clock::now() < until; )
		{
			const auto now = leaders();
			CPPUNIT_ASSERT_EQUAL(std::size_t(1), now.size());
			CPPUNIT_ASSERT(now.front() == first);
			Poco::Thread::sleep(10);
		}
		// The leader dies without releasing; sample through the takeover.
		first->stop();
		bool successor = false;
		for (auto until = LeaderElector::Clock::now() + std::chrono::seconds(8); LeaderElector::Clock::now() < until; )
		{
			const auto now = leaders();
			CPPUNIT_ASSERT(now.size() <= 1);
			if (now.size() == 1)
			{
				CPPUNIT_ASSERT(now.front() != first);
				successor = true;
			}
			Poco::Thread::sleep(10);
		}
		CPPUNIT_ASSERT(successor);
		CPPUNIT_ASSERT_EQUAL(1, f.record().leaseTransitions);
		for (auto& e: electors) e->stop();
	}

	void testConcurrentTakeoverHasExactlyOneWinner()
	{
		ElectionFixture f;
		f.seedLease(abandonedBy("ghost", 7));
		EventLog events;
		auto a = elector(f, "a", events);
		auto b = elector(f, "b", events);
		a->start();
		b->start();
		CPPUNIT_ASSERT(ElectionFixture::waitFor([&] { return a->isLeader() || b->isLeader(); }, 10000));
		// Both tried to write the expired lease; the loser's PUT carried a stale
		// resourceVersion and got a conflict.
		for (int i = 0; i < 100; ++i)
		{
			CPPUNIT_ASSERT(a->isLeader() != b->isLeader());
			Poco::Thread::sleep(20);
		}
		const LeaseRecord record = f.record();
		CPPUNIT_ASSERT_EQUAL(8, record.leaseTransitions);
		CPPUNIT_ASSERT_EQUAL(a->isLeader() ? std::string("a") : std::string("b"), record.holderIdentity);
		CPPUNIT_ASSERT_EQUAL(std::size_t(1), static_cast<std::size_t>((events.indexOf("a started") != std::string::npos)
			+ (events.indexOf("b started") != std::string::npos)));
		a->stop();
		b->stop();
	}

	void testFailedRenewalsReportLostLeadershipBeforeTheLeaseExpires()
	{
		ElectionFixture f;
		EventLog events;
		const LeaderElectionConfig config = ElectionFixture::shortConfig("a");
		auto a = elector(f, config, events);
		a->start();
		CPPUNIT_ASSERT(a->waitForState(State::LEADING, 5000));
		failLeaseRequests(f);
		CPPUNIT_ASSERT(a->waitForState(State::LOST, 10000));
		CPPUNIT_ASSERT(!a->isLeader());
		CPPUNIT_ASSERT(ElectionFixture::waitFor([&] { return events.indexOf("a lost") != std::string::npos; }, 5000));
		const auto lastRenewal = a->lastRenewal();
		const auto lostAt = a->lostAt();
		// Not before the renew deadline, and before anyone could see the lease expire.
		CPPUNIT_ASSERT(lostAt >= lastRenewal + std::chrono::microseconds(config.renewDeadline.totalMicroseconds()));
		CPPUNIT_ASSERT(lostAt < lastRenewal + std::chrono::seconds(config.leaseDurationSeconds()));
		// Lost is final, even when the API server answers again.
		f.sim().faults().clear();
		Poco::Thread::sleep(1000);
		CPPUNIT_ASSERT(a->state() == State::LOST);
		a->stop();
		CPPUNIT_ASSERT(a->state() == State::LOST);
	}

	void testHangingRenewalIsCutOffByTheRenewDeadline()
	{
		ElectionFixture f;
		EventLog events;
		const LeaderElectionConfig config = ElectionFixture::shortConfig("a");
		// A client that would wait a minute for an answer.
		LeaderElector a(f.plainClient(), config, events.callbacks("a"));
		a.start();
		CPPUNIT_ASSERT(a.waitForState(State::LEADING, 5000));
		f.sim().faults().setLatency(Poco::Timespan(4, 0));
		CPPUNIT_ASSERT(a.waitForState(State::LOST, 10000));
		CPPUNIT_ASSERT(a.lostAt() < a.lastRenewal() + std::chrono::seconds(2));
		f.sim().faults().clear();
		a.stop();
	}

	void testStopReleasesTheLeaseForAnImmediateTakeover()
	{
		ElectionFixture f;
		EventLog events;
		// A long lease: without the release b would wait 30 s.
		auto slow = [](const std::string& name)
		{
			LeaderElectionConfig config = ElectionFixture::shortConfig(name);
			config.leaseDuration = Poco::Timespan(30, 0);
			config.renewDeadline = Poco::Timespan(20, 0);
			return config;
		};
		auto a = elector(f, slow("a"), events);
		auto b = elector(f, slow("b"), events);
		startLeaderThenFollower(*a, *b);
		a->stop();
		const LeaseRecord released = f.record();
		CPPUNIT_ASSERT(b->state() == State::CANDIDATE || released.holderIdentity == "b");
		if (released.holderIdentity != "b")
		{
			CPPUNIT_ASSERT_EQUAL(std::string(""), released.holderIdentity);
			CPPUNIT_ASSERT_EQUAL(1, released.leaseDurationSeconds);
			CPPUNIT_ASSERT_EQUAL(0, released.leaseTransitions);
		}
		CPPUNIT_ASSERT(a->state() == State::STOPPED);
		CPPUNIT_ASSERT(b->waitForState(State::LEADING, 10000));
		CPPUNIT_ASSERT_EQUAL(std::string("b"), f.record().holderIdentity);
		CPPUNIT_ASSERT_EQUAL(1, f.record().leaseTransitions);
		CPPUNIT_ASSERT(events.indexOf("a lost") == std::string::npos);
		b->stop();
	}

	void testStopOfAFollowerLeavesTheLeaseAlone()
	{
		ElectionFixture f;
		EventLog events;
		auto a = elector(f, "a", events);
		auto b = elector(f, "b", events);
		startLeaderThenFollower(*a, *b);
		b->stop();
		CPPUNIT_ASSERT(b->state() == State::STOPPED);
		CPPUNIT_ASSERT_EQUAL(std::string("a"), f.record().holderIdentity);
		CPPUNIT_ASSERT(a->isLeader());
		a->stop();
	}

	void testWaitForLeadershipEndsWhenCancelled()
	{
		ElectionFixture f;
		EventLog events;
		auto a = elector(f, "a", events);
		a->start();
		sbomop::StopToken leaderWait;
		CPPUNIT_ASSERT(a->waitForLeadership(leaderWait));

		auto b = elector(f, "b", events);
		b->start();
		sbomop::StopToken cancel;
		std::thread canceller([&cancel] { Poco::Thread::sleep(500); cancel.requestStop(); });
		CPPUNIT_ASSERT(!b->waitForLeadership(cancel));
		canceller.join();
		CPPUNIT_ASSERT(b->state() == State::CANDIDATE);
		b->stop();
		sbomop::StopToken again;
		CPPUNIT_ASSERT(!b->waitForLeadership(again));
		a->stop();
	}

	void testMetricsFollowLeadership()
	{
		ElectionFixture f;
		EventLog events;
		sbomop::http::MetricsRegistry metrics;
		auto a = elector(f, ElectionFixture::shortConfig("a"), events, &metrics);
		CPPUNIT_ASSERT(metrics.render().find("sbomop_leader 0\n") != std::string::npos);
		a->start();
		CPPUNIT_ASSERT(a->waitForState(State::LEADING, 5000));
		CPPUNIT_ASSERT_MESSAGE(metrics.render(), metrics.render().find("sbomop_leader 1\n") != std::string::npos);
		CPPUNIT_ASSERT(metrics.render().find("sbomop_leader_transitions_total 1\n") != std::string::npos);
		failLeaseRequests(f);
		CPPUNIT_ASSERT(a->waitForState(State::LOST, 10000));
		CPPUNIT_ASSERT(metrics.render().find("sbomop_leader 0\n") != std::string::npos);
		CPPUNIT_ASSERT(metrics.render().find("sbomop_leader_transitions_total 2\n") != std::string::npos);
		a->stop();
	}
};

CPPUNIT_TEST_SUITE_NAMED_REGISTRATION(LeaderElectorTest, "Election");
