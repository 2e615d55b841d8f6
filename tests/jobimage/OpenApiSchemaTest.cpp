//
// OpenApiSchemaTest.cpp
//
// The generated Job and Secret against the real Kubernetes v1.28 OpenAPI
// schemas, when the shared reference folder is there.
//

#include "JobImageTestSupport.h"
#include "OpenApiChecker.h"
#include "sbomop/jobimage/JobSpecBuilder.h"
#include "sbomop/jobimage/SecretSpecBuilder.h"
#include <Poco/Environment.h>
#include <Poco/File.h>
#include <cppunit/extensions/HelperMacros.h>
#include <iostream>

using namespace sbomop::jobimage;
using namespace sbomop::jobimage::test;
using Poco::JSON::Object;

namespace {

std::string openApiDir()
{
	// The project's copy of the v1.28 OpenAPI v3 schemas.
	return SBOMOP_SOURCE_DIR "/tests/fixtures/openapi";
}

std::string join(const std::vector<std::string>& problems)
{
	std::string text;
	for (const auto& problem: problems) text += problem + "\n";
	return text;
}

} // namespace


class OpenApiSchemaTest: public CppUnit::TestFixture
{
	CPPUNIT_TEST_SUITE(OpenApiSchemaTest);
	CPPUNIT_TEST(testJobAndSecretMatchTheKubernetesSchema);
	CPPUNIT_TEST_SUITE_END();

public:
	void testJobAndSecretMatchTheKubernetesSchema()
	{
		const std::string dir = openApiDir();
		if (!Poco::File(dir + "/apis__batch__v1_openapi.json").exists() || !Poco::File(dir + "/api__v1_openapi.json").exists())
		{
			std::cout << "\nnotice: " << dir << " not found; skipping the OpenAPI schema check of Job and Secret" << std::endl;
			return;
		}
		OpenApiChecker checker;
		checker.load(dir + "/apis__batch__v1_openapi.json");
		checker.load(dir + "/api__v1_openapi.json");

		// The checker itself must notice a wrong field, or this test proves nothing.
		CPPUNIT_ASSERT_EQUAL(std::string("spec.backoffLimit: expected an integer\n"
			"spec.template.spec.containers[0].comand: unknown field\n"),
			join(checker.check(parse("{\"apiVersion\":\"batch/v1\",\"kind\":\"Job\",\"spec\":{\"backoffLimit\":\"0\",\"template\":{\"spec\":"
				"{\"containers\":[{\"name\":\"a\",\"comand\":[]}]}}}}"), "io.k8s.api.batch.v1.Job")));

		const std::map<std::string, std::string> everything = {
			{"job-image-pull-secret", "pull"}, {"job-service-account", "scan"}, {"job-ttl-seconds", "600"},
			{"job-resources", "{\"requests\":{\"cpu\":\"250m\"},\"limits\":{\"memory\":\"1Gi\"}}"},
			{"job-node-selector", "kubernetes.io/os=linux"},
			{"job-tolerations", "[{\"key\":\"scan\",\"operator\":\"Equal\",\"value\":\"yes\",\"effect\":\"NoExecute\",\"tolerationSeconds\":60}]"}};
		const JobEnvironment environment({{"SBOM_JOB_A", "1"}, {"POD_NAME", "op"}, {"POD_UID", "u"}});
		for (const bool privileged: {false, true})
		{
			std::map<std::string, std::string> values = everything;
			values["job-privileged"] = privileged ? "true" : "false";
			const Object::Ptr job = JobSpecBuilder(JobSettings::fromConfig(*configuration(values)), environment).build("sbom-system", "c1");
			CPPUNIT_ASSERT_EQUAL(std::string(), join(checker.check(parse(stringify(job)), "io.k8s.api.batch.v1.Job")));
		}
		const Object::Ptr secret = SecretSpecBuilder::build("sbom-system", "c1", "[]", environment);
		CPPUNIT_ASSERT_EQUAL(std::string(), join(checker.check(parse(stringify(secret)), "io.k8s.api.core.v1.Secret")));
		const Object::Ptr patch = parse(SecretSpecBuilder::ownerPatch("sbom-operator-job-c1", "uid-1"));
		CPPUNIT_ASSERT_EQUAL(std::string(), join(checker.check(patch, "io.k8s.api.core.v1.Secret")));
	}
};

CPPUNIT_TEST_SUITE_NAMED_REGISTRATION(OpenApiSchemaTest, "JobImage");
