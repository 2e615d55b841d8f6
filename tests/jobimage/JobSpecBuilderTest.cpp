//
// JobSpecBuilderTest.cpp
//
// The Job and Secret objects, field by field.
//

#include "JobImageTestSupport.h"
#include "sbomop/jobimage/ImageConfig.h"
#include "sbomop/jobimage/JobSpecBuilder.h"
#include "sbomop/jobimage/SecretSpecBuilder.h"
#include <Poco/Base64Decoder.h>
#include <Poco/Exception.h>
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Stringifier.h>
#include <Poco/StreamCopier.h>
#include <cppunit/extensions/HelperMacros.h>
#include <sstream>

using namespace sbomop::jobimage;
using namespace sbomop::jobimage::test;
using Poco::JSON::Array;
using Poco::JSON::Object;

namespace {

const std::string CYCLE = "20240102-030405-0a1b";

Object::Ptr buildJob(const std::map<std::string, std::string>& config, const std::map<std::string, std::string>& environment = {})
{
	return JobSpecBuilder(JobSettings::fromConfig(*configuration(config)), JobEnvironment(environment)).build("sbom-system", CYCLE);
}

Object::Ptr podSpecOf(const Object::Ptr& job)
{
	return job->getObject("spec")->getObject("template")->getObject("spec");
}

Object::Ptr containerOf(const Object::Ptr& job)
{
	Array::Ptr containers = podSpecOf(job)->getArray("containers");
	CPPUNIT_ASSERT_EQUAL(std::size_t(1), containers->size());
	return containers->getObject(0);
}

std::string text(const Poco::Dynamic::Var& value)
{
	std::ostringstream out;
	Poco::JSON::Stringifier::stringify(value, out);
	return out.str();
}

std::string names(const Object::Ptr& object)
{
	std::string joined;
	for (const auto& name: object->getNames()) joined += (joined.empty() ? "" : ",") + name;
	return joined;
}

std::string expectedLabels()
{
	return "{\"app.kubernetes.io/managed-by\":\"sbom-operator\",\"app.kubernetes.io/component\":\"scan-job\","
		"\"sbom-operator.io/cycle\":\"" + CYCLE + "\"}";
}

} // namespace


class JobSpecBuilderTest: public CppUnit::TestFixture
{
	CPPUNIT_TEST_SUITE(JobSpecBuilderTest);
	CPPUNIT_TEST(testJobMetadata);
	CPPUNIT_TEST(testJobSpecDefaults);
	CPPUNIT_TEST(testContainerRunsTheImageWithoutCommandOrArgs);
	CPPUNIT_TEST(testSecretIsMountedReadOnlyAtSbom);
	CPPUNIT_TEST(testRestrictedSecurityContextByDefault);
	CPPUNIT_TEST(testPrivilegedSecurityContext);
	CPPUNIT_TEST(testOptionalPodSettings);
	CPPUNIT_TEST(testOptionalSettingsAreOmittedWhenUnset);
	CPPUNIT_TEST(testEnvironmentIsPassedByteForByte);
	CPPUNIT_TEST(testOwnerReferenceToOperatorPod);
	CPPUNIT_TEST(testSecretSpec);
	CPPUNIT_TEST(testSecretWithoutOwnerPod);
	CPPUNIT_TEST(testOwnerPatchPointsAtTheJob);
	CPPUNIT_TEST(testImageConfigIsReadBackFromASecret);
	CPPUNIT_TEST(testSecretNameOfAJob);
	CPPUNIT_TEST_SUITE_END();

public:
	void testJobMetadata()
	{
		const Object::Ptr job = buildJob({});
		CPPUNIT_ASSERT_EQUAL(std::string("batch/v1"), job->getValue<std::string>("apiVersion"));
		CPPUNIT_ASSERT_EQUAL(std::string("Job"), job->getValue<std::string>("kind"));
		const Object::Ptr metadata = job->getObject("metadata");
		CPPUNIT_ASSERT_EQUAL(std::string("sbom-operator-job-" + CYCLE), metadata->getValue<std::string>("name"));
		CPPUNIT_ASSERT_EQUAL(std::string("sbom-system"), metadata->getValue<std::string>("namespace"));
		CPPUNIT_ASSERT_EQUAL(expectedLabels(), text(metadata->get("labels")));
		CPPUNIT_ASSERT_EQUAL(expectedLabels(), text(job->getObject("spec")->getObject("template")->getObject("metadata")->get("labels")));
		CPPUNIT_ASSERT(!metadata->has("ownerReferences"));
	}

	void testJobSpecDefaults()
	{
		const Object::Ptr spec = buildJob({})->getObject("spec");
		CPPUNIT_ASSERT_EQUAL(0, spec->getValue<int>("backoffLimit"));
		CPPUNIT_ASSERT_EQUAL(3600, spec->getValue<int>("activeDeadlineSeconds"));
		CPPUNIT_ASSERT(!spec->has("ttlSecondsAfterFinished"));
		const Object::Ptr podSpec = spec->getObject("template")->getObject("spec");
		CPPUNIT_ASSERT_EQUAL(std::string("Never"), podSpec->getValue<std::string>("restartPolicy"));
		CPPUNIT_ASSERT_EQUAL(std::string("restartPolicy,automountServiceAccountToken,securityContext,containers,volumes"), names(podSpec));
		CPPUNIT_ASSERT_EQUAL(false, podSpec->getValue<bool>("automountServiceAccountToken"));

		const Object::Ptr timed = buildJob({{"job-timeout", "120"}, {"job-ttl-seconds", "0"}})->getObject("spec");
		CPPUNIT_ASSERT_EQUAL(120, timed->getValue<int>("activeDeadlineSeconds"));
		CPPUNIT_ASSERT_EQUAL(0, timed->getValue<int>("ttlSecondsAfterFinished"));
	}

	void testContainerRunsTheImageWithoutCommandOrArgs()
	{
		const Object::Ptr container = containerOf(buildJob({}));
		CPPUNIT_ASSERT_EQUAL(std::string("sbom"), container->getValue<std::string>("name"));
		CPPUNIT_ASSERT_EQUAL(std::string("registry.example.com/scanner:1.0"), container->getValue<std::string>("image"));
		CPPUNIT_ASSERT(!container->has("command"));
		CPPUNIT_ASSERT(!container->has("args"));
		CPPUNIT_ASSERT(!container->has("env"));
		CPPUNIT_ASSERT(!container->has("resources"));
	}

	void testSecretIsMountedReadOnlyAtSbom()
	{
		const Object::Ptr job = buildJob({});
		CPPUNIT_ASSERT_EQUAL(std::string("[{\"name\":\"image-config\",\"mountPath\":\"/sbom\",\"readOnly\":true}]"),
			text(containerOf(job)->get("volumeMounts")));
		CPPUNIT_ASSERT_EQUAL(std::string("[{\"name\":\"image-config\",\"secret\":{\"secretName\":\"sbom-operator-job-config-" + CYCLE + "\"}}]"),
			text(podSpecOf(job)->get("volumes")));
	}

	void testRestrictedSecurityContextByDefault()
	{
		const Object::Ptr job = buildJob({});
		CPPUNIT_ASSERT_EQUAL(std::string("{\"allowPrivilegeEscalation\":false,\"capabilities\":{\"drop\":[\"ALL\"]}}"),
			text(containerOf(job)->get("securityContext")));
		CPPUNIT_ASSERT_EQUAL(std::string("{\"seccompProfile\":{\"type\":\"RuntimeDefault\"}}"), text(podSpecOf(job)->get("securityContext")));
	}

	void testPrivilegedSecurityContext()
	{
		const Object::Ptr job = buildJob({{"job-privileged", "true"}});
		CPPUNIT_ASSERT_EQUAL(std::string("{\"privileged\":true}"), text(containerOf(job)->get("securityContext")));
		CPPUNIT_ASSERT(!podSpecOf(job)->has("securityContext"));
	}

	void testOptionalPodSettings()
	{
		const Object::Ptr job = buildJob({
			{"job-image-pull-secret", "scanner-pull"},
			{"job-service-account", "sbom-scanner"},
			{"job-resources", "{\"limits\":{\"memory\":\"2Gi\"},\"requests\":{\"cpu\":\"500m\",\"memory\":\"1Gi\"}}"},
			{"job-node-selector", "kubernetes.io/os=linux,node.example.com/pool=scan"},
			{"job-tolerations", "[{\"key\":\"scan\",\"operator\":\"Exists\",\"effect\":\"NoSchedule\"},"
				"{\"key\":\"x\",\"value\":\"y\",\"effect\":\"NoExecute\",\"tolerationSeconds\":30}]"}});
		const Object::Ptr podSpec = podSpecOf(job);
		CPPUNIT_ASSERT_EQUAL(std::string("[{\"name\":\"scanner-pull\"}]"), text(podSpec->get("imagePullSecrets")));
		CPPUNIT_ASSERT_EQUAL(std::string("sbom-scanner"), podSpec->getValue<std::string>("serviceAccountName"));
		CPPUNIT_ASSERT(!podSpec->has("automountServiceAccountToken"));
		CPPUNIT_ASSERT_EQUAL(std::string("{\"kubernetes.io/os\":\"linux\",\"node.example.com/pool\":\"scan\"}"), text(podSpec->get("nodeSelector")));
		CPPUNIT_ASSERT_EQUAL(std::string("[{\"key\":\"scan\",\"operator\":\"Exists\",\"effect\":\"NoSchedule\"},"
			"{\"key\":\"x\",\"value\":\"y\",\"effect\":\"NoExecute\",\"tolerationSeconds\":30}]"), text(podSpec->get("tolerations")));
		CPPUNIT_ASSERT_EQUAL(std::string("{\"requests\":{\"cpu\":\"500m\",\"memory\":\"1Gi\"},\"limits\":{\"memory\":\"2Gi\"}}"),
			text(containerOf(job)->get("resources")));
	}

	void testOptionalSettingsAreOmittedWhenUnset()
	{
		const Object::Ptr podSpec = podSpecOf(buildJob({{"job-node-selector", " "}, {"job-tolerations", "[]"}, {"job-resources", "{}"}}));
		for (const char* field: {"imagePullSecrets", "serviceAccountName", "nodeSelector", "tolerations"})
		{
			CPPUNIT_ASSERT_MESSAGE(field, !podSpec->has(field));
		}
		CPPUNIT_ASSERT(!podSpec->getArray("containers")->getObject(0)->has("resources"));
	}

	void testEnvironmentIsPassedByteForByte()
	{
		const std::string hostile = "k=v==/a:b+c/d e\nline2\t\xC3\xBC\xE6\x97\xA5\xF0\x9F\x94\x91\"\\";
		const Object::Ptr job = buildJob({}, {{"SBOM_JOB_TOKEN", hostile}, {"SBOM_JOB_URL", "https://x.example.com:443/p?q=1"}, {"OTHER", "no"}});
		// Through the wire format and back, as the API server sees it.
		const Object::Ptr parsed = parse(stringify(job));
		const Array::Ptr env = parsed->getObject("spec")->getObject("template")->getObject("spec")
			->getArray("containers")->getObject(0)->getArray("env");
		CPPUNIT_ASSERT_EQUAL(std::size_t(2), env->size());
		CPPUNIT_ASSERT_EQUAL(std::string("TOKEN"), env->getObject(0)->getValue<std::string>("name"));
		CPPUNIT_ASSERT_EQUAL(hostile, env->getObject(0)->getValue<std::string>("value"));
		CPPUNIT_ASSERT_EQUAL(std::string("URL"), env->getObject(1)->getValue<std::string>("name"));
		CPPUNIT_ASSERT_EQUAL(std::string("https://x.example.com:443/p?q=1"), env->getObject(1)->getValue<std::string>("value"));
	}

	void testOwnerReferenceToOperatorPod()
	{
		const Object::Ptr job = buildJob({}, {{"POD_NAME", "sbom-operator-7d9f"}, {"POD_UID", "6f1c-22"}});
		CPPUNIT_ASSERT_EQUAL(std::string("[{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"name\":\"sbom-operator-7d9f\",\"uid\":\"6f1c-22\",\"controller\":false}]"),
			text(job->getObject("metadata")->get("ownerReferences")));
	}

	void testSecretSpec()
	{
		const std::string config = "[{\"image\":\"x\",\"registry-password\":\"p\\u00e4ss\"}]";
		const Object::Ptr secret = SecretSpecBuilder::build("sbom-system", CYCLE, config, JobEnvironment({{"POD_NAME", "op"}, {"POD_UID", "u1"}}));
		CPPUNIT_ASSERT_EQUAL(std::string("v1"), secret->getValue<std::string>("apiVersion"));
		CPPUNIT_ASSERT_EQUAL(std::string("Secret"), secret->getValue<std::string>("kind"));
		CPPUNIT_ASSERT_EQUAL(std::string("Opaque"), secret->getValue<std::string>("type"));
		CPPUNIT_ASSERT_EQUAL(true, secret->getValue<bool>("immutable"));
		const Object::Ptr metadata = secret->getObject("metadata");
		CPPUNIT_ASSERT_EQUAL(std::string("sbom-operator-job-config-" + CYCLE), metadata->getValue<std::string>("name"));
		CPPUNIT_ASSERT_EQUAL(std::string("sbom-system"), metadata->getValue<std::string>("namespace"));
		CPPUNIT_ASSERT_EQUAL(std::string("{\"app.kubernetes.io/managed-by\":\"sbom-operator\",\"app.kubernetes.io/component\":\"job-config\","
			"\"sbom-operator.io/cycle\":\"" + CYCLE + "\"}"), text(metadata->get("labels")));
		CPPUNIT_ASSERT_EQUAL(std::string("[{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"name\":\"op\",\"uid\":\"u1\",\"controller\":false}]"),
			text(metadata->get("ownerReferences")));
		const Object::Ptr data = secret->getObject("data");
		CPPUNIT_ASSERT_EQUAL(std::size_t(1), data->size());
		std::istringstream encoded(data->getValue<std::string>("image-config.json"));
		CPPUNIT_ASSERT(encoded.str().find('\n') == std::string::npos);
		Poco::Base64Decoder decoder(encoded);
		std::string decoded;
		Poco::StreamCopier::copyToString(decoder, decoded);
		CPPUNIT_ASSERT_EQUAL(config, decoded);
	}

	void testSecretWithoutOwnerPod()
	{
		const Object::Ptr secret = SecretSpecBuilder::build("ns", CYCLE, "[]", JobEnvironment());
		CPPUNIT_ASSERT(!secret->getObject("metadata")->has("ownerReferences"));
	}

	void testOwnerPatchPointsAtTheJob()
	{
		CPPUNIT_ASSERT_EQUAL(std::string("{\"metadata\":{\"ownerReferences\":[{\"apiVersion\":\"batch/v1\",\"kind\":\"Job\","
			"\"name\":\"sbom-operator-job-c\",\"uid\":\"j-uid\",\"controller\":false}]}}"),
			SecretSpecBuilder::ownerPatch("sbom-operator-job-c", "j-uid"));
	}

	void testImageConfigIsReadBackFromASecret()
	{
		const std::string config = "[{\"image\":\"docker.io/library/a@" + digest('a') + "\"}]";
		const Object::Ptr secret = parse(stringify(SecretSpecBuilder::build("ns", CYCLE, config, JobEnvironment())));
		CPPUNIT_ASSERT_EQUAL(config, SecretSpecBuilder::imageConfig(secret));
		CPPUNIT_ASSERT_THROW(SecretSpecBuilder::imageConfig(parse("{\"data\":{}}")), Poco::NotFoundException);
		CPPUNIT_ASSERT_THROW(SecretSpecBuilder::imageConfig(parse("{}")), Poco::NotFoundException);
		CPPUNIT_ASSERT_THROW(SecretSpecBuilder::imageConfig(parse("{\"data\":{\"image-config.json\":\"!!not*base64\"}}")), Poco::DataFormatException);
	}

	void testSecretNameOfAJob()
	{
		CPPUNIT_ASSERT_EQUAL(std::string("sbom-operator-job-config-" + CYCLE), JobSpecBuilder::secretNameOf(buildJob({})));
		CPPUNIT_ASSERT_EQUAL(std::string(), JobSpecBuilder::secretNameOf(parse("{\"spec\":{\"template\":{\"spec\":{\"volumes\":[{\"name\":\"other\",\"secret\":{\"secretName\":\"s\"}}]}}}}")));
		CPPUNIT_ASSERT_EQUAL(std::string(), JobSpecBuilder::secretNameOf(parse("{}")));
	}
};

CPPUNIT_TEST_SUITE_NAMED_REGISTRATION(JobSpecBuilderTest, "JobImage");
