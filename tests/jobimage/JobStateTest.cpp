//
// JobStateTest.cpp
//
// The decision rule on Job conditions, for every outcome.
//

#include "JobImageTestSupport.h"
#include "sbomop/jobimage/JobState.h"
#include <cppunit/extensions/HelperMacros.h>

using namespace sbomop::jobimage;
using sbomop::jobimage::test::parse;

namespace {

JobState stateOf(const std::string& conditions)
{
	return JobState::of(parse("{\"metadata\":{\"name\":\"j\"},\"status\":{\"conditions\":" + conditions + "}}"));
}

} // namespace


class JobStateTest: public CppUnit::TestFixture
{
	CPPUNIT_TEST_SUITE(JobStateTest);
	CPPUNIT_TEST(testJobWithoutStatusIsRunning);
	CPPUNIT_TEST(testCompleteIsSuccess);
	CPPUNIT_TEST(testFailedWithBackoffLimitExceededIsFailure);
	CPPUNIT_TEST(testFailedWithDeadlineExceededIsFailure);
	CPPUNIT_TEST(testFailureTargetAloneIsNotFinished);
	CPPUNIT_TEST(testFailureTargetThenFailedIsFailure);
	CPPUNIT_TEST(testSuccessCriteriaMetAloneIsNotFinished);
	CPPUNIT_TEST(testSuccessCriteriaMetThenCompleteIsSuccess);
	CPPUNIT_TEST(testConditionsWithStatusFalseAreIgnored);
	CPPUNIT_TEST(testSuspendedJobIsNotFinished);
	CPPUNIT_TEST(testCountersAreNeverUsed);
	CPPUNIT_TEST(testMalformedConditionsCountAsAbsent);
	CPPUNIT_TEST_SUITE_END();

public:
	void testJobWithoutStatusIsRunning()
	{
		const JobState state = JobState::of(parse("{\"metadata\":{\"name\":\"j\"}}"));
		CPPUNIT_ASSERT_EQUAL(JobState::RUNNING, state.phase());
		CPPUNIT_ASSERT(!state.finished());
		CPPUNIT_ASSERT_EQUAL(std::string("running"), state.describe());
	}

	void testCompleteIsSuccess()
	{
		const JobState state = stateOf("[{\"type\":\"Complete\",\"status\":\"True\"}]");
		CPPUNIT_ASSERT_EQUAL(JobState::SUCCEEDED, state.phase());
		CPPUNIT_ASSERT(state.finished());
		CPPUNIT_ASSERT_EQUAL(std::string("Complete"), state.describe());
	}

	void testFailedWithBackoffLimitExceededIsFailure()
	{
		const JobState state = stateOf("[{\"type\":\"Failed\",\"status\":\"True\",\"reason\":\"BackoffLimitExceeded\","
			"\"message\":\"Job has reached the specified backoff limit\"}]");
		CPPUNIT_ASSERT_EQUAL(JobState::FAILED, state.phase());
		CPPUNIT_ASSERT(state.finished());
		CPPUNIT_ASSERT_EQUAL(std::string("BackoffLimitExceeded"), state.reason());
		CPPUNIT_ASSERT_EQUAL(std::string("Job has reached the specified backoff limit"), state.message());
		CPPUNIT_ASSERT_EQUAL(std::string("Failed (BackoffLimitExceeded: Job has reached the specified backoff limit)"), state.describe());
	}

	void testFailedWithDeadlineExceededIsFailure()
	{
		const JobState state = stateOf("[{\"type\":\"Failed\",\"status\":\"True\",\"reason\":\"DeadlineExceeded\","
			"\"message\":\"Job was active longer than specified deadline\"}]");
		CPPUNIT_ASSERT_EQUAL(JobState::FAILED, state.phase());
		CPPUNIT_ASSERT_EQUAL(std::string("DeadlineExceeded"), state.reason());
	}

	void testFailureTargetAloneIsNotFinished()
	{
		const JobState state = stateOf("[{\"type\":\"FailureTarget\",\"status\":\"True\",\"reason\":\"BackoffLimitExceeded\"}]");
		CPPUNIT_ASSERT_EQUAL(JobState::FAILING, state.phase());
		CPPUNIT_ASSERT(!state.finished());
	}

	void testFailureTargetThenFailedIsFailure()
	{
		const JobState state = stateOf("[{\"type\":\"FailureTarget\",\"status\":\"True\",\"reason\":\"DeadlineExceeded\",\"message\":\"interim\"},"
			"{\"type\":\"Failed\",\"status\":\"True\",\"reason\":\"DeadlineExceeded\",\"message\":\"final\"}]");
		CPPUNIT_ASSERT_EQUAL(JobState::FAILED, state.phase());
		CPPUNIT_ASSERT_EQUAL(std::string("final"), state.message());
	}

	void testSuccessCriteriaMetAloneIsNotFinished()
	{
		const JobState state = stateOf("[{\"type\":\"SuccessCriteriaMet\",\"status\":\"True\",\"reason\":\"CompletionsReached\"}]");
		CPPUNIT_ASSERT_EQUAL(JobState::SUCCEEDING, state.phase());
		CPPUNIT_ASSERT(!state.finished());
	}

	void testSuccessCriteriaMetThenCompleteIsSuccess()
	{
		const JobState state = stateOf("[{\"type\":\"SuccessCriteriaMet\",\"status\":\"True\"},{\"type\":\"Complete\",\"status\":\"True\"}]");
		CPPUNIT_ASSERT_EQUAL(JobState::SUCCEEDED, state.phase());
	}

	void testConditionsWithStatusFalseAreIgnored()
	{
		const JobState state = stateOf("[{\"type\":\"Complete\",\"status\":\"False\"},{\"type\":\"Failed\",\"status\":\"Unknown\"}]");
		CPPUNIT_ASSERT_EQUAL(JobState::RUNNING, state.phase());
	}

	void testSuspendedJobIsNotFinished()
	{
		const JobState state = stateOf("[{\"type\":\"Suspended\",\"status\":\"True\",\"reason\":\"JobSuspended\"}]");
		CPPUNIT_ASSERT_EQUAL(JobState::SUSPENDED, state.phase());
		CPPUNIT_ASSERT(!state.finished());
	}

	void testCountersAreNeverUsed()
	{
		// succeeded >= completions and active == 0 look done, but only conditions decide.
		const JobState state = JobState::of(parse("{\"status\":{\"succeeded\":1,\"active\":0,\"failed\":0}}"));
		CPPUNIT_ASSERT_EQUAL(JobState::RUNNING, state.phase());
	}

	void testMalformedConditionsCountAsAbsent()
	{
		CPPUNIT_ASSERT_EQUAL(JobState::RUNNING, JobState::of(parse("{\"status\":{\"conditions\":{\"type\":\"Complete\"}}}")).phase());
		CPPUNIT_ASSERT_EQUAL(JobState::RUNNING, JobState::of(parse("{\"status\":{\"conditions\":[7,\"x\",{\"type\":1,\"status\":\"True\"}]}}")).phase());
		CPPUNIT_ASSERT_EQUAL(JobState::RUNNING, JobState::of(nullptr).phase());
	}
};

CPPUNIT_TEST_SUITE_NAMED_REGISTRATION(JobStateTest, "JobImage");
