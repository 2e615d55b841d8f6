//
// JobOutcomeBadInputTest.cpp
//
// Job objects with missing, malformed or contradictory status: JobState
// never throws, never calls an unfinished Job finished, and names the
// deciding condition.
//

#include "BadInputTable.h"
#include "sbomop/jobimage/JobState.h"
#include <Poco/JSON/Parser.h>
#include <vector>

using sbomop::jobimage::JobState;

namespace {

struct JobRow
{
	const char* what;
	std::string status;   ///< JSON of the Job's `status`, or "" for none.
	JobState::Phase phase;
	std::string description;
};


Poco::JSON::Object::Ptr job(const std::string& status)
{
	const std::string json = "{\"kind\":\"Job\",\"metadata\":{\"name\":\"scan-1\"}" + (status.empty() ? std::string() : ",\"status\":" + status) + "}";
	return Poco::JSON::Parser().parse(json).extract<Poco::JSON::Object::Ptr>();
}

} // namespace


class JobOutcomeBadInputTest: public CppUnit::TestFixture
{
	CPPUNIT_TEST_SUITE(JobOutcomeBadInputTest);
	CPPUNIT_TEST(testDecidesEveryOutcomeFromConditionsOnly);
	CPPUNIT_TEST(testNullJobIsRunning);
	CPPUNIT_TEST_SUITE_END();

public:
	void testDecidesEveryOutcomeFromConditionsOnly()
	{
		const std::vector<JobRow> rows = {
			{"no status", "", JobState::RUNNING, "running"},
			{"empty status", "{}", JobState::RUNNING, "running"},
			{"status as a string", "\"Complete\"", JobState::RUNNING, "running"},
			{"conditions as an object", "{\"conditions\":{\"type\":\"Complete\",\"status\":\"True\"}}", JobState::RUNNING, "running"},
			{"conditions of strings", "{\"conditions\":[\"Complete\",\"Failed\"]}", JobState::RUNNING, "running"},
			{"condition status as a boolean", "{\"conditions\":[{\"type\":\"Complete\",\"status\":true}]}", JobState::RUNNING, "running"},
			{"condition status lowercase", "{\"conditions\":[{\"type\":\"Complete\",\"status\":\"true\"}]}", JobState::RUNNING, "running"},
			{"condition without type", "{\"conditions\":[{\"status\":\"True\",\"reason\":\"X\"}]}", JobState::RUNNING, "running"},
			{"type as a number", "{\"conditions\":[{\"type\":1,\"status\":\"True\"}]}", JobState::RUNNING, "running"},
			{"Complete False", "{\"conditions\":[{\"type\":\"Complete\",\"status\":\"False\"}],\"succeeded\":1}", JobState::RUNNING, "running"},
			{"counters only", "{\"succeeded\":1,\"failed\":0,\"active\":0}", JobState::RUNNING, "running"},
			{"unknown condition", "{\"conditions\":[{\"type\":\"Exploded\",\"status\":\"True\"}]}", JobState::RUNNING, "running"},
			{"Failed by deadline", "{\"conditions\":[{\"type\":\"Failed\",\"status\":\"True\",\"reason\":\"DeadlineExceeded\","
				"\"message\":\"Job was active longer than specified deadline\"}]}", JobState::FAILED,
				"Failed (DeadlineExceeded: Job was active longer than specified deadline)"},
			{"Failed with a numeric reason", "{\"conditions\":[{\"type\":\"Failed\",\"status\":\"True\",\"reason\":42}]}", JobState::FAILED, "Failed"},
			{"FailureTarget only", "{\"conditions\":[{\"type\":\"FailureTarget\",\"status\":\"True\",\"reason\":\"BackoffLimitExceeded\"}]}",
				JobState::FAILING, "FailureTarget (BackoffLimitExceeded)"},
			{"SuccessCriteriaMet only", "{\"conditions\":[{\"type\":\"SuccessCriteriaMet\",\"status\":\"True\"}]}", JobState::SUCCEEDING, "SuccessCriteriaMet"},
			{"Suspended", "{\"conditions\":[{\"type\":\"Suspended\",\"status\":\"True\",\"reason\":\"JobSuspended\"}]}", JobState::SUSPENDED,
				"Suspended (JobSuspended)"},
			{"Failed after FailureTarget", "{\"conditions\":[{\"type\":\"FailureTarget\",\"status\":\"True\"},{\"type\":\"Failed\",\"status\":\"True\","
				"\"reason\":\"BackoffLimitExceeded\"}]}", JobState::FAILED, "Failed (BackoffLimitExceeded)"},
			{"Complete and Failed both True", "{\"conditions\":[{\"type\":\"Failed\",\"status\":\"True\"},{\"type\":\"Complete\",\"status\":\"True\"}]}",
				JobState::SUCCEEDED, "Complete"},
		};
		for (const JobRow& row: rows)
		{
			const JobState state = JobState::of(job(row.status));
			CPPUNIT_ASSERT_EQUAL_MESSAGE(row.what, std::string(JobState::phaseName(row.phase)), std::string(JobState::phaseName(state.phase())));
			CPPUNIT_ASSERT_EQUAL_MESSAGE(row.what, row.description, state.describe());
			CPPUNIT_ASSERT_EQUAL_MESSAGE(row.what, row.phase == JobState::SUCCEEDED || row.phase == JobState::FAILED, state.finished());
		}
	}

	void testNullJobIsRunning()
	{
		const JobState state = JobState::of(Poco::JSON::Object::Ptr());
		CPPUNIT_ASSERT_EQUAL(std::string("running"), state.describe());
		CPPUNIT_ASSERT(!state.finished());
	}
};

CPPUNIT_TEST_SUITE_NAMED_REGISTRATION(JobOutcomeBadInputTest, "BadInput");
