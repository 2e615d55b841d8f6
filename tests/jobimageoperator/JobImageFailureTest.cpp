//
// JobImageFailureTest.cpp
//
// Jobs that do not complete: the real trivy job with a wrong registry
// password in the pull secret fails (BackoffLimitExceeded), a job that hangs
// past job-timeout is stopped (DeadlineExceeded). Either way no pod is
// annotated, Job and Secret are removed, and the reason is logged with the
// Job's name; a fixed pull secret makes the next cycle succeed.
//

#include "JobCluster.h"
#include <cppunit/extensions/HelperMacros.h>
#include <signal.h>

using sbomop::testing::JobCluster;

class JobImageFailureTest: public CppUnit::TestFixture
{
	CPPUNIT_TEST_SUITE(JobImageFailureTest);
	CPPUNIT_TEST(testWrongRegistryPasswordFailsTheJobAndTheFixedSecretSucceedsNextCycle);
	CPPUNIT_TEST(testJobPastItsDeadlineAnnotatesNothing);
	CPPUNIT_TEST_SUITE_END();

public:
	void testWrongRegistryPasswordFailsTheJobAndTheFixedSecretSucceedsNextCycle()
	{
		JobCluster c("wrong-password");
		const auto& env = c.env();
		const std::string wrong = "wrong-" + env.registryPassword();
		c.addNamespace("shop");
		c.addPullSecret("shop", "regcred", wrong);
		c.addPod("shop", "app", { { "app", "demo/debian" } }, "regcred");

		auto op = c.startOperator({ "--job-image=" + JobCluster::TRIVY_JOB });
		CPPUNIT_ASSERT_MESSAGE(op->err(), c.waitFor([&] { return c.jobsCreated() == 1; }, 60000));
		const std::string job = c.jobsEverCreated().at(0);
		CPPUNIT_ASSERT_MESSAGE(op->err(), op->waitForOutput("Job " + JobCluster::OPERATOR_NAMESPACE + "/" + job + " failed: BackoffLimitExceeded", 120000));
		CPPUNIT_ASSERT_EQUAL(wrong, c.imageConfigOf(job)->getObject(0)->getValue<std::string>("registry-password"));
		CPPUNIT_ASSERT_MESSAGE(op->err(), c.waitFor([&] { return c.jobs().empty() && c.secrets().empty(); }, 20000));
		CPPUNIT_ASSERT_EQUAL(std::string(""), c.annotation("shop", "app", "app"));
		CPPUNIT_ASSERT_EQUAL(std::size_t(0), c.dtrack().projects().size());
		CPPUNIT_ASSERT_EQUAL(1.0, JobCluster::metric(*op, "sbomop_job_runs_total{result=\"failed\"}"));
		CPPUNIT_ASSERT_EQUAL(0.0, JobCluster::metric(*op, "sbomop_job_runs_total{result=\"succeeded\"}"));

		// Fix the secret; a new pod is the next cycle's trigger. The failed
		// pod is not lost: both are covered by the one next Job.
		c.addPullSecret("shop", "regcred", env.registryPassword());
		c.addPod("shop", "app-2", { { "app", "demo/debian" } }, "regcred");
		const std::string expected = env.imageId("demo/debian");
		CPPUNIT_ASSERT_MESSAGE(op->err(), c.waitFor([&] { return c.annotation("shop", "app", "app") == expected; }, 120000));
		CPPUNIT_ASSERT_MESSAGE(op->err(), c.waitFor([&] { return c.annotation("shop", "app-2", "app") == expected; }, 20000));
		CPPUNIT_ASSERT_EQUAL(std::uint64_t(2), c.jobsCreated());
		const std::string second = c.jobsEverCreated().at(1);
		CPPUNIT_ASSERT_EQUAL(env.registryPassword(), c.imageConfigOf(second)->getObject(0)->getValue<std::string>("registry-password"));
		CPPUNIT_ASSERT(c.annotatedAt("shop", "app", "app") > c.completedAt(second));
		CPPUNIT_ASSERT_EQUAL(std::size_t(1), c.dtrack().projects().size());
		CPPUNIT_ASSERT_MESSAGE(op->err(), c.waitFor([&] { return c.jobs().empty() && c.secrets().empty(); }, 20000));
		CPPUNIT_ASSERT_EQUAL(1.0, JobCluster::metric(*op, "sbomop_job_runs_total{result=\"succeeded\"}"));
		CPPUNIT_ASSERT_EQUAL(1.0, JobCluster::metric(*op, "sbomop_job_runs_total{result=\"failed\"}"));
		CPPUNIT_ASSERT(op->err().find(env.registryPassword()) == std::string::npos);
		CPPUNIT_ASSERT(op->err().find(wrong) == std::string::npos);

		op->signal(SIGTERM);
		CPPUNIT_ASSERT_EQUAL(0, op->wait(20000));
	}

	void testJobPastItsDeadlineAnnotatesNothing()
	{
		JobCluster c("deadline");
		const auto& env = c.env();
		c.addNamespace("shop");
		c.addPullSecret("shop", "regcred", env.registryPassword());
		c.addPod("shop", "app", { { "app", "demo/node" } }, "regcred");

		std::string log;
		const int code = c.runOnce({ "--job-image=" + JobCluster::HANGING_JOB, "--job-timeout=3" }, log);
		CPPUNIT_ASSERT_EQUAL_MESSAGE(log, 1, code);
		CPPUNIT_ASSERT_EQUAL(std::uint64_t(1), c.jobsCreated());
		const std::string job = c.jobsEverCreated().at(0);
		CPPUNIT_ASSERT_MESSAGE(log, log.find("Job " + JobCluster::OPERATOR_NAMESPACE + "/" + job + " failed: DeadlineExceeded") != std::string::npos);
		CPPUNIT_ASSERT_EQUAL(std::string(""), c.annotation("shop", "app", "app"));
		CPPUNIT_ASSERT_EQUAL(std::uint64_t(0), c.completedAt(job));
		CPPUNIT_ASSERT(c.waitFor([&] { return c.jobs().empty() && c.secrets().empty(); }, 20000));
	}
};

CPPUNIT_TEST_SUITE_NAMED_REGISTRATION(JobImageFailureTest, "JobImageOperator");
