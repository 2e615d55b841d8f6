//
// PodAnnotatorTest.cpp
//

#include "ControllerTestSupport.h"
#include "sbomop/controller/PodAnnotator.h"
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <cppunit/extensions/HelperMacros.h>

using sbomop::controller::AnnotationOutcome;
using sbomop::controller::ContainerAnnotation;
using sbomop::controller::PodAnnotator;
using namespace sbomop::controller::test;

namespace {

const std::string KEY = "ckotzbauer.sbom-operator.io/";

std::vector<ContainerAnnotation> webAndCache()
{
	const std::string nginx = "docker.io/library/nginx@" + NGINX_DIGEST;
	const std::string redis = "docker.io/bitnami/redis@" + REDIS_DIGEST;
	return {
		{ "shop", "web-1", "nginx", nginx },
		{ "shop", "web-1", "cache", redis },
		{ "shop", "web-2", "nginx", nginx },
		{ "blog", "web-1", "nginx", nginx },
	};
}

} // namespace


class PodAnnotatorTest: public CppUnit::TestFixture
{
	CPPUNIT_TEST_SUITE(PodAnnotatorTest);
	CPPUNIT_TEST(testMergePatchTouchesOnlyOurAnnotations);
	CPPUNIT_TEST(testEachPodIsPatchedOnceWithAllItsContainers);
	CPPUNIT_TEST(testGonePodIsSkipped);
	CPPUNIT_TEST(testFailuresAreCountedNotThrown);
	CPPUNIT_TEST(testNothingToAnnotateSendsNothing);
	CPPUNIT_TEST(testStdExceptionFromPatchIsCountedAsFailure);
	CPPUNIT_TEST_SUITE_END();

public:
	void testMergePatchTouchesOnlyOurAnnotations()
	{
		const auto annotations = webAndCache();
		const std::string body = PodAnnotator::mergePatch({ &annotations[0], &annotations[1] });

		Poco::JSON::Parser parser;
		auto root = parser.parse(body).extract<Poco::JSON::Object::Ptr>();
		CPPUNIT_ASSERT_EQUAL(std::size_t(1), root->size());
		auto metadata = root->getObject("metadata");
		CPPUNIT_ASSERT(!metadata.isNull());
		CPPUNIT_ASSERT_EQUAL(std::size_t(1), metadata->size());
		auto values = metadata->getObject("annotations");
		CPPUNIT_ASSERT(!values.isNull());
		CPPUNIT_ASSERT_EQUAL(std::size_t(2), values->size());
		CPPUNIT_ASSERT_EQUAL("docker.io/library/nginx@" + NGINX_DIGEST, values->getValue<std::string>(KEY + "nginx"));
		CPPUNIT_ASSERT_EQUAL("docker.io/bitnami/redis@" + REDIS_DIGEST, values->getValue<std::string>(KEY + "cache"));
	}

	void testEachPodIsPatchedOnceWithAllItsContainers()
	{
		CapturedLogger log;
		RecordingPatcher patcher;
		PodAnnotator annotator(patcher.function(), log.logger());

		const AnnotationOutcome outcome = annotator.annotate(webAndCache());
		CPPUNIT_ASSERT_EQUAL(std::size_t(3), outcome.podsAnnotated);
		CPPUNIT_ASSERT_EQUAL(std::size_t(4), outcome.containers);
		CPPUNIT_ASSERT_EQUAL(std::size_t(0), outcome.podsGone);
		CPPUNIT_ASSERT_EQUAL(std::size_t(0), outcome.podsFailed);
		CPPUNIT_ASSERT_EQUAL(std::size_t(3), patcher.calls.size());

		const std::map<std::string, std::string> web1 = {
			{ KEY + "cache", "docker.io/bitnami/redis@" + REDIS_DIGEST },
			{ KEY + "nginx", "docker.io/library/nginx@" + NGINX_DIGEST },
		};
		CPPUNIT_ASSERT(web1 == patcher.annotationsOf("shop", "web-1"));
		const std::map<std::string, std::string> nginxOnly = { { KEY + "nginx", "docker.io/library/nginx@" + NGINX_DIGEST } };
		CPPUNIT_ASSERT(nginxOnly == patcher.annotationsOf("shop", "web-2"));
		CPPUNIT_ASSERT(nginxOnly == patcher.annotationsOf("blog", "web-1"));
	}

	void testGonePodIsSkipped()
	{
		CapturedLogger log;
		RecordingPatcher patcher;
		patcher.gone.insert("shop/web-2");
		PodAnnotator annotator(patcher.function(), log.logger());

		const AnnotationOutcome outcome = annotator.annotate(webAndCache());
		CPPUNIT_ASSERT_EQUAL(std::size_t(2), outcome.podsAnnotated);
		CPPUNIT_ASSERT_EQUAL(std::size_t(1), outcome.podsGone);
		CPPUNIT_ASSERT_EQUAL(std::size_t(0), outcome.podsFailed);
		CPPUNIT_ASSERT_EQUAL(std::size_t(3), outcome.containers);
		CPPUNIT_ASSERT_EQUAL(std::size_t(0), log.channel().texts(Poco::Message::PRIO_WARNING).size());
	}

	void testFailuresAreCountedNotThrown()
	{
		CapturedLogger log;
		RecordingPatcher patcher;
		patcher.failing.insert("shop/web-1");
		PodAnnotator annotator(patcher.function(), log.logger());

		const AnnotationOutcome outcome = annotator.annotate(webAndCache());
		CPPUNIT_ASSERT_EQUAL(std::size_t(2), outcome.podsAnnotated);
		CPPUNIT_ASSERT_EQUAL(std::size_t(1), outcome.podsFailed);
		CPPUNIT_ASSERT_EQUAL(std::size_t(2), outcome.containers);
		// Every pod was still tried.
		CPPUNIT_ASSERT_EQUAL(std::size_t(3), patcher.calls.size());
		const auto warnings = log.channel().texts(Poco::Message::PRIO_WARNING);
		CPPUNIT_ASSERT_EQUAL(std::size_t(1), warnings.size());
		CPPUNIT_ASSERT_MESSAGE(warnings[0], warnings[0].find("shop/web-1") != std::string::npos);
	}

	void testNothingToAnnotateSendsNothing()
	{
		CapturedLogger log;
		RecordingPatcher patcher;
		PodAnnotator annotator(patcher.function(), log.logger());
		const AnnotationOutcome outcome = annotator.annotate({});
		CPPUNIT_ASSERT_EQUAL(std::size_t(0), outcome.podsAnnotated);
		CPPUNIT_ASSERT(patcher.calls.empty());
	}

	void testStdExceptionFromPatchIsCountedAsFailure()
	{
		CapturedLogger log;
		RecordingPatcher patcher;
		patcher.failingStd.insert("shop/web-1");
		PodAnnotator annotator(patcher.function(), log.logger());

		AnnotationOutcome outcome;
		CPPUNIT_ASSERT_NO_THROW(outcome = annotator.annotate(webAndCache()));
		CPPUNIT_ASSERT_EQUAL(std::size_t(2), outcome.podsAnnotated);
		CPPUNIT_ASSERT_EQUAL(std::size_t(1), outcome.podsFailed);
	}
};

CPPUNIT_TEST_SUITE_NAMED_REGISTRATION(PodAnnotatorTest, "Controller");
