//
// JobWatcherTest.cpp
//
// Waiting for a Job against kube-sim: every outcome, dropped and expired
// watches, API errors, cancellation.
//

#include "JobImageTestSupport.h"
#include "sbomop/core/StopToken.h"
#include "sbomop/jobimage/JobSpecBuilder.h"
#include "sbomop/jobimage/JobWatcher.h"
#include "sbomop/jobimage/ObjectFields.h"
#include <Poco/Logger.h>
#include <cppunit/extensions/HelperMacros.h>
#include <memory>

using namespace sbomop;
using namespace sbomop::jobimage;
using namespace sbomop::jobimage::test;
using Result = JobWatcher::Result;

namespace {

const std::string JOB = "sbom-operator-job-w1";

Poco::Logger& quietLogger()
{
	Poco::Logger& logger = Poco::Logger::get("test.jobimage.watcher");
	logger.setLevel(Poco::Message::PRIO_ERROR);
	return logger;
}

} // namespace


class JobWatcherTest: public CppUnit::TestFixture
{
	CPPUNIT_TEST_SUITE(JobWatcherTest);
	CPPUNIT_TEST(testSuccessCriteriaMetThenCompleteSucceeds);
	CPPUNIT_TEST(testFailureTargetThenFailedReportsTheFinalCondition);
	CPPUNIT_TEST(testDeadlineExceededFails);
	CPPUNIT_TEST(testJobFinishedBeforeTheWaitIsDecidedAtOnce);
	CPPUNIT_TEST(testJobDeletedWhileRunningIsDeleted);
	CPPUNIT_TEST(testJobDeletedAfterSuccessCriteriaMetIsNotASuccess);
	CPPUNIT_TEST(testMissingJobIsDeleted);
	CPPUNIT_TEST(testJobReplacedUnderTheSameNameIsDeleted);
	CPPUNIT_TEST(testWatchEndedByTheServerIsResumed);
	CPPUNIT_TEST(testExpiredWatchReadsTheJobAgain);
	CPPUNIT_TEST(testServerErrorsAreRetried);
	CPPUNIT_TEST(testForbiddenWatchEndsWithError);
	CPPUNIT_TEST(testCancelEndsTheWaitAndLeavesTheJob);
	CPPUNIT_TEST_SUITE_END();

public:
	void setUp()
	{
		_sim.reset(new JobSim);
		const JobSpecBuilder builder(JobSettings::fromConfig(*configuration()), JobEnvironment());
		Poco::JSON::Object::Ptr job = builder.build(OPERATOR_NAMESPACE, "w1");
		_uid = ObjectFields::metadata(_sim->create("jobs", job), "uid");
	}

	void tearDown()
	{
		_sim.reset();
	}

	void testSuccessCriteriaMetThenCompleteSucceeds()
	{
		auto waiting = startWait();
		_sim->setStatus(JOB, {{"SuccessCriteriaMet", "CompletionsReached", "done"}});
		_sim->setStatus(JOB, {{"SuccessCriteriaMet", "CompletionsReached", "done"}, {"Complete", "CompletionsReached", "done"}});
		const Result result = waiting->get();
		CPPUNIT_ASSERT_EQUAL(Result::SUCCEEDED, result.outcome);
		CPPUNIT_ASSERT_EQUAL(JobState::SUCCEEDED, result.state.phase());
		CPPUNIT_ASSERT(_sim->job(JOB));
	}

	void testFailureTargetThenFailedReportsTheFinalCondition()
	{
		auto waiting = startWait();
		_sim->setStatus(JOB, {{"FailureTarget", "BackoffLimitExceeded", "interim"}});
		_sim->setStatus(JOB, {{"FailureTarget", "BackoffLimitExceeded", "interim"},
			{"Failed", "BackoffLimitExceeded", "Job has reached the specified backoff limit"}});
		const Result result = waiting->get();
		CPPUNIT_ASSERT_EQUAL(Result::FAILED, result.outcome);
		CPPUNIT_ASSERT_EQUAL(std::string("BackoffLimitExceeded"), result.state.reason());
		CPPUNIT_ASSERT_EQUAL(std::string("Job has reached the specified backoff limit"), result.state.message());
	}

	void testDeadlineExceededFails()
	{
		auto waiting = startWait();
		_sim->fail(JOB, "DeadlineExceeded", "Job was active longer than specified deadline");
		const Result result = waiting->get();
		CPPUNIT_ASSERT_EQUAL(Result::FAILED, result.outcome);
		CPPUNIT_ASSERT_EQUAL(std::string("DeadlineExceeded"), result.state.reason());
	}

	void testJobFinishedBeforeTheWaitIsDecidedAtOnce()
	{
		_sim->complete(JOB);
		CPPUNIT_ASSERT_EQUAL(Result::SUCCEEDED, startWait()->get().outcome);
		CPPUNIT_ASSERT_EQUAL(std::uint64_t(0), _sim->server().stats().count("watch", "jobs"));
	}

	void testJobDeletedWhileRunningIsDeleted()
	{
		auto waiting = startWait();
		waitForWatch();
		_sim->deleteJob(JOB);
		CPPUNIT_ASSERT_EQUAL(Result::DELETED, waiting->get().outcome);
	}

	void testJobDeletedAfterSuccessCriteriaMetIsNotASuccess()
	{
		auto waiting = startWait();
		_sim->setStatus(JOB, {{"SuccessCriteriaMet", "CompletionsReached", "done"}});
		_sim->deleteJob(JOB);
		const Result result = waiting->get();
		CPPUNIT_ASSERT_EQUAL(Result::DELETED, result.outcome);
	}

	void testMissingJobIsDeleted()
	{
		_sim->deleteJob(JOB);
		CPPUNIT_ASSERT_EQUAL(Result::DELETED, startWait()->get().outcome);
	}

	void testJobReplacedUnderTheSameNameIsDeleted()
	{
		_sim->deleteJob(JOB);
		const JobSpecBuilder builder(JobSettings::fromConfig(*configuration()), JobEnvironment());
		_sim->create("jobs", builder.build(OPERATOR_NAMESPACE, "w1"));
		_sim->complete(JOB);
		// The new Job completed, but ours is gone.
		CPPUNIT_ASSERT_EQUAL(Result::DELETED, startWait()->get().outcome);
	}

	void testWatchEndedByTheServerIsResumed()
	{
		_sim->server().faults().setCloseWatchesAfter(1);
		auto waiting = startWait();
		waitForWatch();
		_sim->setStatus(JOB, {{"SuccessCriteriaMet", "CompletionsReached", "done"}});
		CPPUNIT_ASSERT(waitUntil([&]() { return _sim->server().stats().count("watch", "jobs") >= 2; }));
		_sim->complete(JOB);
		CPPUNIT_ASSERT_EQUAL(Result::SUCCEEDED, waiting->get().outcome);
		// Resumed from the last version: one GET only.
		CPPUNIT_ASSERT_EQUAL(std::uint64_t(1), _sim->server().stats().count("get", "jobs"));
	}

	void testExpiredWatchReadsTheJobAgain()
	{
		_sim->server().faults().expireNextWatches(1);
		auto waiting = startWait();
		CPPUNIT_ASSERT(waitUntil([&]() { return _sim->server().stats().count("watch", "jobs") >= 2; }));
		_sim->complete(JOB);
		CPPUNIT_ASSERT_EQUAL(Result::SUCCEEDED, waiting->get().outcome);
		CPPUNIT_ASSERT_EQUAL(std::uint64_t(2), _sim->server().stats().count("get", "jobs"));
	}

	void testServerErrorsAreRetried()
	{
		kubesim::FaultRule rule;
		rule.verb = "watch";
		rule.code = 503;
		rule.count = 8;
		rule.retryAfterSeconds = -1;
		_sim->server().faults().addRule(rule);
		auto waiting = startWait();
		CPPUNIT_ASSERT(waitUntil([&]() { return _sim->server().stats().count("watch", "jobs") >= 9; }));
		_sim->complete(JOB);
		CPPUNIT_ASSERT_EQUAL(Result::SUCCEEDED, waiting->get().outcome);
	}

	void testForbiddenWatchEndsWithError()
	{
		kubesim::FaultRule rule;
		rule.verb = "watch";
		rule.code = 403;
		rule.count = -1;
		_sim->server().faults().addRule(rule);
		const Result result = startWait()->get();
		CPPUNIT_ASSERT_EQUAL(Result::ERROR, result.outcome);
		CPPUNIT_ASSERT(!result.error.empty());
		CPPUNIT_ASSERT(_sim->job(JOB));
	}

	void testCancelEndsTheWaitAndLeavesTheJob()
	{
		auto waiting = startWait();
		waitForWatch();
		waiting->stop().requestStop();
		CPPUNIT_ASSERT_EQUAL(Result::CANCELLED, waiting->get().outcome);
		CPPUNIT_ASSERT(_sim->job(JOB));
	}

private:
	std::unique_ptr<Background<Result>> startWait()
	{
		return std::unique_ptr<Background<Result>>(new Background<Result>([this](StopToken& stop)
			{
				JobWatcher watcher(_sim->client(), quietLogger(), kube::Backoff(Poco::Timespan(1000), Poco::Timespan(5000)));
				return watcher.wait(OPERATOR_NAMESPACE, JOB, _uid, stop);
			}));
	}

	void waitForWatch()
	{
		CPPUNIT_ASSERT(waitUntil([&]() { return _sim->server().stats().count("watch", "jobs") >= 1; }));
	}

	std::unique_ptr<JobSim> _sim;
	std::string _uid;
};

CPPUNIT_TEST_SUITE_NAMED_REGISTRATION(JobWatcherTest, "JobImage");
