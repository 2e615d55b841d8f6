//
// JobImageRestartTest.cpp
//
// Restart safety: the operator is SIGKILLed while its Job runs; the restarted
// operator adopts that Job instead of creating a second one, annotates from
// that run's image-config once it completes, and removes the leftovers of
// finished runs and Secrets no Job uses.
//

#include "JobCluster.h"
#include <Poco/JSON/Parser.h>
#include <cppunit/extensions/HelperMacros.h>
#include <signal.h>

using sbomop::testing::JobCluster;
using Poco::JSON::Object;

namespace {

const std::string LABELS_OF = R"("app.kubernetes.io/managed-by":"sbom-operator","sbom-operator.io/cycle":"old-run")";

Object::Ptr parse(const std::string& json)
{
	return Poco::JSON::Parser().parse(json).extract<Object::Ptr>();
}

void seedLeftovers(JobCluster& c)
	// What an older operator left: a failed Job with its Secret, and a Secret
	// whose Job is gone.
{
	const std::string ns = JobCluster::OPERATOR_NAMESPACE;
	c.sim().seed(parse(R"({"apiVersion":"batch/v1","kind":"Job","metadata":{"name":"sbom-operator-job-old-run","namespace":")" + ns
		+ R"(","labels":{)" + LABELS_OF + R"(,"app.kubernetes.io/component":"scan-job"}},
		"spec":{"backoffLimit":0,"template":{"spec":{"restartPolicy":"Never",
		"containers":[{"name":"sbom","image":")" + JobCluster::TRIVY_JOB + R"("}],
		"volumes":[{"name":"image-config","secret":{"secretName":"sbom-operator-job-config-old-run"}}]}}},
		"status":{"failed":1,"conditions":[{"type":"Failed","status":"True","reason":"BackoffLimitExceeded"}]}})"));
	for (const std::string name: { "old-run", "orphan" })
	{
		c.sim().seed(parse(R"({"apiVersion":"v1","kind":"Secret","type":"Opaque","metadata":{"name":"sbom-operator-job-config-)" + name
			+ R"(","namespace":")" + ns + R"(","labels":{)" + LABELS_OF + R"(,"app.kubernetes.io/component":"job-config"}},
			"data":{"image-config.json":"W10="}})"));
	}
}

} // namespace

class JobImageRestartTest: public CppUnit::TestFixture
{
	CPPUNIT_TEST_SUITE(JobImageRestartTest);
	CPPUNIT_TEST(testRestartedOperatorAdoptsTheRunningJobAndCleansUpLeftovers);
	CPPUNIT_TEST_SUITE_END();

public:
	void testRestartedOperatorAdoptsTheRunningJobAndCleansUpLeftovers()
	{
		JobCluster c("restart");
		const auto& env = c.env();
		c.addNamespace("shop");
		c.addPullSecret("shop", "regcred", env.registryPassword());
		c.addPod("shop", "a", { { "app", "demo/debian" } }, "regcred");
		c.addPod("shop", "b", { { "app", "demo/python" } }, "regcred");
		const std::vector<std::string> args = { "--job-image=" + JobCluster::GATED_JOB };

		auto first = c.startOperator(args);
		const std::string job = c.waitForRunningJob(60000);
		CPPUNIT_ASSERT_MESSAGE(first->err(), !job.empty());
		first->signal(SIGKILL);
		CPPUNIT_ASSERT_EQUAL(128 + SIGKILL, first->wait(10000));
		CPPUNIT_ASSERT_EQUAL(std::size_t(1), c.secrets().size());
		const std::string secret = c.secrets().at(0);
		seedLeftovers(c);

		auto second = c.startOperator(args);
		CPPUNIT_ASSERT_MESSAGE(second->err(), second->waitForOutput("adopting running Job " + JobCluster::OPERATOR_NAMESPACE + "/" + job, 30000));
		CPPUNIT_ASSERT_MESSAGE(second->err(), c.waitFor([&] { return c.jobs() == std::vector<std::string>{ job }
			&& c.secrets() == std::vector<std::string>{ secret }; }, 10000));
		CPPUNIT_ASSERT_EQUAL(std::string(""), c.annotation("shop", "a", "app"));

		c.openGate();
		CPPUNIT_ASSERT_MESSAGE(second->err(), c.waitFor([&] { return c.annotation("shop", "a", "app") == env.imageId("demo/debian"); }, 120000));
		CPPUNIT_ASSERT_MESSAGE(second->err(), c.waitFor([&] { return c.annotation("shop", "b", "app") == env.imageId("demo/python"); }, 20000));
		CPPUNIT_ASSERT_MESSAGE(second->err(), c.waitFor([&] { return c.jobs().empty() && c.secrets().empty(); }, 20000));

		// Exactly one Job was ever created (the adopted Job's own pod, which
		// runs the job image, never leads to a second one), and the pods were
		// annotated after it completed.
		CPPUNIT_ASSERT_EQUAL_MESSAGE(second->err(), std::uint64_t(1), c.jobsCreated());
		CPPUNIT_ASSERT(c.completedAt(job) > 0);
		CPPUNIT_ASSERT(c.annotatedAt("shop", "a", "app") > c.completedAt(job));
		CPPUNIT_ASSERT(c.annotatedAt("shop", "b", "app") > c.completedAt(job));
		CPPUNIT_ASSERT_EQUAL(std::size_t(2), c.dtrack().projects().size());
		CPPUNIT_ASSERT_EQUAL(1.0, JobCluster::metric(*second, "sbomop_job_runs_total{result=\"succeeded\"}"));

		second->signal(SIGTERM);
		CPPUNIT_ASSERT_EQUAL(0, second->wait(20000));
	}
};

CPPUNIT_TEST_SUITE_NAMED_REGISTRATION(JobImageRestartTest, "JobImageOperator");
