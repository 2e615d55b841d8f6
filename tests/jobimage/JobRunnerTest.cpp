//
// JobRunnerTest.cpp
//
// JobRunner against kube-sim: size-limited image-config.json, and the cases
// in which no Job must be started.
//

#include "JobImageTestSupport.h"
#include "sbomop/http/MetricsRegistry.h"
#include "sbomop/jobimage/ImageConfig.h"
#include "sbomop/jobimage/JobRunner.h"
#include "sbomop/jobimage/ObjectFields.h"
#include <Poco/Logger.h>
#include <cppunit/extensions/HelperMacros.h>
#include <memory>

using namespace sbomop;
using namespace sbomop::jobimage;
using namespace sbomop::jobimage::test;

namespace {

Poco::Logger& quietLogger()
{
	Poco::Logger& logger = Poco::Logger::get("test.jobimage.runner");
	logger.setLevel(Poco::Message::PRIO_FATAL);
	return logger;
}

} // namespace


class JobRunnerTest: public CppUnit::TestFixture
{
	CPPUNIT_TEST_SUITE(JobRunnerTest);
	CPPUNIT_TEST(testImagesBeyondTheSizeLimitAreLeftOut);
	CPPUNIT_TEST(testImageTooLargeForAnyJobIsAnError);
	CPPUNIT_TEST(testNoJobForNoImages);
	CPPUNIT_TEST(testNoJobWhenAlreadyCancelled);
	CPPUNIT_TEST_SUITE_END();

public:
	void setUp()
	{
		_sim.reset(new JobSim);
		_metrics.reset(new http::MetricsRegistry);
		_jobMetrics.reset(new JobMetrics(*_metrics));
		_api.reset(new JobApi(_sim->client(), OPERATOR_NAMESPACE, quietLogger()));
	}

	void tearDown()
	{
		_api.reset();
		_jobMetrics.reset();
		_metrics.reset();
		_sim.reset();
	}

	void testImagesBeyondTheSizeLimitAreLeftOut()
	{
		const plugin::ImageTask a = imageTask("docker.io/library/a", '1');
		const plugin::ImageTask b = imageTask("docker.io/library/b", '2');
		const std::size_t one = stringify(ImageConfig::entry(a, "c")).size() + 2;
		JobRunner runner(*_api, settings(one), *_jobMetrics, quietLogger());
		Background<JobRunner::Outcome> running([&](StopToken& stop) { return runner.run("c-limit", {&a, &b}, stop); });
		const Poco::JSON::Object::Ptr job = _sim->waitForJob();
		CPPUNIT_ASSERT_EQUAL(std::size_t(1), _sim->imageIdsOf(job).size());
		CPPUNIT_ASSERT_EQUAL(a.imageId, _sim->imageIdsOf(job)[0]);
		_sim->complete(ObjectFields::metadata(job, "name"));
		const JobRunner::Outcome outcome = running.get();
		CPPUNIT_ASSERT(outcome.succeeded());
		CPPUNIT_ASSERT_EQUAL(std::size_t(1), outcome.imageIds.size());
		CPPUNIT_ASSERT_EQUAL(a.imageId, outcome.imageIds[0]);
	}

	void testImageTooLargeForAnyJobIsAnError()
	{
		const plugin::ImageTask a = imageTask("docker.io/library/a", '1');
		JobRunner runner(*_api, settings(20), *_jobMetrics, quietLogger());
		StopToken stop;
		const JobRunner::Outcome outcome = runner.run("c-huge", {&a}, stop);
		CPPUNIT_ASSERT_EQUAL(JobWatcher::Result::ERROR, outcome.result);
		CPPUNIT_ASSERT_EQUAL(std::string("the image-config.json entry of " + a.imageId + " alone exceeds 20 bytes"), outcome.message);
		CPPUNIT_ASSERT_EQUAL(std::size_t(1), outcome.imageIds.size());
		CPPUNIT_ASSERT_EQUAL(std::uint64_t(0), _sim->server().stats().count("create", "secrets"));
	}

	void testNoJobForNoImages()
	{
		JobRunner runner(*_api, settings(ImageConfig::MAX_BYTES), *_jobMetrics, quietLogger());
		StopToken stop;
		const JobRunner::Outcome outcome = runner.run("c-none", {}, stop);
		CPPUNIT_ASSERT(outcome.succeeded());
		CPPUNIT_ASSERT(outcome.imageIds.empty());
		CPPUNIT_ASSERT_EQUAL(std::uint64_t(0), _sim->server().stats().count("create", "jobs"));
	}

	void testNoJobWhenAlreadyCancelled()
	{
		const plugin::ImageTask a = imageTask("docker.io/library/a", '1');
		JobRunner runner(*_api, settings(ImageConfig::MAX_BYTES), *_jobMetrics, quietLogger());
		StopToken stop;
		stop.requestStop();
		const JobRunner::Outcome outcome = runner.run("c-stopped", {&a}, stop);
		CPPUNIT_ASSERT_EQUAL(JobWatcher::Result::CANCELLED, outcome.result);
		CPPUNIT_ASSERT(outcome.imageIds.empty());
		CPPUNIT_ASSERT_EQUAL(std::uint64_t(0), _sim->server().stats().count("create", "secrets"));
		CPPUNIT_ASSERT_EQUAL(std::uint64_t(0), _sim->server().stats().count("create", "jobs"));
	}

private:
	static JobRunner::Settings settings(std::size_t maxConfigBytes)
	{
		JobRunner::Settings settings;
		settings.job = JobSettings::fromConfig(*configuration());
		settings.clusterId = "c";
		settings.maxConfigBytes = maxConfigBytes;
		return settings;
	}

	std::unique_ptr<JobSim> _sim;
	std::unique_ptr<http::MetricsRegistry> _metrics;
	std::unique_ptr<JobMetrics> _jobMetrics;
	std::unique_ptr<JobApi> _api;
};

CPPUNIT_TEST_SUITE_NAMED_REGISTRATION(JobRunnerTest, "JobImage");
