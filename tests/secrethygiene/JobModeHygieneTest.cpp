//
// JobModeHygieneTest.cpp
//
// Secret hygiene of the jobimage backend: the operator runs the reference
// trivy job through kube-sim's Job controller with a registry password in the
// pull secret, a Dependency-Track API key in an SBOM_JOB_* variable and a
// bearer token for kube-sim; none of them may reach the operator's output in
// either log format, and the job's Secret must be gone after every run.
//

#include "JobCluster.h"
#include <Poco/Base64Encoder.h>
#include <cppunit/extensions/HelperMacros.h>
#include <sstream>

using sbomop::testing::JobCluster;

class JobModeHygieneTest: public CppUnit::TestFixture
{
	CPPUNIT_TEST_SUITE(JobModeHygieneTest);
	CPPUNIT_TEST(testJobModeLeaksNoSecretAndDeletesTheJobSecret);
	CPPUNIT_TEST_SUITE_END();

public:
	void testJobModeLeaksNoSecretAndDeletesTheJobSecret()
	{
		const std::string name = "hygienejob";
		JobCluster c(name);
		c.addNamespace("shop");
		c.addPullSecret("shop", "regcred", c.env().registryPassword());
		c.addPod("shop", "web", { { "web", "demo/node" } }, "regcred");

		std::ostringstream auth;
		Poco::Base64Encoder encoder(auth);
		encoder.rdbuf()->setLineLength(0);
		encoder << c.env().registryUser() << ":" << c.env().registryPassword();
		encoder.close();
		// JobCluster's kube-sim token and Dependency-Track key (SBOM_JOB_DTRACK_API_KEY).
		const std::vector<std::string> secrets = { c.env().registryPassword(), auth.str(), "e2e-token-" + name, "odt_e2e" + name };

		std::size_t jobsBefore = 0;
		for (const std::string format: { "text", "json" })
		{
			std::string log;
			CPPUNIT_ASSERT_EQUAL_MESSAGE(log, 0, c.runOnce({ "--job-image=" + JobCluster::TRIVY_JOB, "--verbosity=trace",
				"--log-format=" + format, "--ignore-annotations" }, log));
			CPPUNIT_ASSERT_EQUAL(c.env().imageId("demo/node"), c.annotation("shop", "web", "web"));
			const auto jobs = c.jobsEverCreated();
			CPPUNIT_ASSERT_EQUAL_MESSAGE(format, jobsBefore + 1, jobs.size());
			jobsBefore = jobs.size();
			// The job had its Secret (with the image list), and it is gone now.
			CPPUNIT_ASSERT_MESSAGE(format, c.imageConfigOf(jobs.back()));
			CPPUNIT_ASSERT_EQUAL_MESSAGE(format, std::size_t(0), c.secrets().size());
			for (const auto& secret: secrets)
			{
				CPPUNIT_ASSERT_MESSAGE(format + " log holds " + secret.substr(0, 3) + "...", log.find(secret) == std::string::npos);
			}
		}
	}
};

CPPUNIT_TEST_SUITE_NAMED_REGISTRATION(JobModeHygieneTest, "SecretHygiene");
