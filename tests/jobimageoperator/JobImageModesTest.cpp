//
// JobImageModesTest.cpp
//
// Cron mode and --once use the job as well (informer mode: see
// JobImageInformerTest); with nothing pending no Secret and no Job is made.
//

#include "JobCluster.h"
#include <cppunit/extensions/HelperMacros.h>
#include <signal.h>

using sbomop::testing::JobCluster;

class JobImageModesTest: public CppUnit::TestFixture
{
	CPPUNIT_TEST_SUITE(JobImageModesTest);
	CPPUNIT_TEST(testCronModeRunsTheJob);
	CPPUNIT_TEST(testOnceRunsTheJobAndNothingWhenNothingIsPending);
	CPPUNIT_TEST_SUITE_END();

public:
	void testCronModeRunsTheJob()
	{
		JobCluster c("cron");
		const auto& env = c.env();
		c.addNamespace("shop");
		c.addPullSecret("shop", "regcred", env.registryPassword());
		c.addPod("shop", "app", { { "app", "demo/node" } }, "regcred");

		auto op = c.startOperator({ "--job-image=" + JobCluster::TRIVY_JOB, "--cron=*/2 * * * * *" });
		CPPUNIT_ASSERT_MESSAGE(op->err(), c.waitFor([&] { return c.annotation("shop", "app", "app") == env.imageId("demo/node"); }, 120000));
		const std::string job = c.jobsEverCreated().at(0);
		CPPUNIT_ASSERT(c.annotatedAt("shop", "app", "app") > c.completedAt(job));
		CPPUNIT_ASSERT(c.completedAt(job) > 0);
		CPPUNIT_ASSERT(c.dtrack().project(env.registryHost() + "/demo/node", env.imageId("demo/node").substr(env.imageId("demo/node").find('@') + 1)));

		// Later cron cycles find nothing pending: no further Job.
		const auto scheduled = [&]
		{
			const std::string log = op->err();
			std::size_t count = 0;
			for (auto at = log.find("next cycle at "); at != std::string::npos; at = log.find("next cycle at ", at + 1)) ++count;
			return count;
		};
		const std::size_t before = scheduled();
		CPPUNIT_ASSERT_MESSAGE(op->err(), c.waitFor([&] { return scheduled() >= before + 2; }, 20000));
		CPPUNIT_ASSERT_EQUAL_MESSAGE(op->err(), std::uint64_t(1), c.jobsCreated());
		CPPUNIT_ASSERT(c.waitFor([&] { return c.jobs().empty() && c.secrets().empty(); }, 20000));

		op->signal(SIGTERM);
		CPPUNIT_ASSERT_EQUAL(0, op->wait(20000));
	}

	void testOnceRunsTheJobAndNothingWhenNothingIsPending()
	{
		JobCluster c("once");
		const auto& env = c.env();
		c.addNamespace("shop");
		c.addPullSecret("shop", "regcred", env.registryPassword());
		c.addPod("shop", "app", { { "app", "demo/python" } }, "regcred");

		std::string log;
		const int first = c.runOnce({ "--job-image=" + JobCluster::TRIVY_JOB }, log);
		CPPUNIT_ASSERT_EQUAL_MESSAGE(log, 0, first);
		CPPUNIT_ASSERT_EQUAL_MESSAGE(log, env.imageId("demo/python"), c.annotation("shop", "app", "app"));
		CPPUNIT_ASSERT_EQUAL(std::uint64_t(1), c.jobsCreated());
		CPPUNIT_ASSERT_EQUAL(std::uint64_t(1), c.sim().stats().count("create", "secrets"));
		CPPUNIT_ASSERT(c.jobs().empty());
		CPPUNIT_ASSERT(c.secrets().empty());
		CPPUNIT_ASSERT_EQUAL(std::size_t(1), c.dtrack().projects().size());

		// Everything annotated (and the scan Job's pod gone with its Job):
		// the second run creates neither Secret nor Job.
		CPPUNIT_ASSERT(c.waitFor([&] { return c.operatorNamespacePods() == 0; }, 20000));
		const int second = c.runOnce({ "--job-image=" + JobCluster::TRIVY_JOB }, log);
		CPPUNIT_ASSERT_EQUAL_MESSAGE(log, 0, second);
		CPPUNIT_ASSERT_EQUAL(std::uint64_t(1), c.jobsCreated());
		CPPUNIT_ASSERT_EQUAL(std::uint64_t(1), c.sim().stats().count("create", "secrets"));
	}
};

CPPUNIT_TEST_SUITE_NAMED_REGISTRATION(JobImageModesTest, "JobImageOperator");
