//
// CycleRunnerOrphanTest.cpp
//
// The end of a cycle: orphan removal, cancellation, metrics and cycle ids.
//

#include "CycleRunnerHarness.h"
#include <Poco/NumberParser.h>
#include <Poco/RegularExpression.h>
#include <set>
#include <cppunit/extensions/HelperMacros.h>

using sbomop::StopToken;
using sbomop::controller::CycleReport;
using sbomop::controller::CycleRunner;
using sbomop::controller::CycleSettings;
using sbomop::controller::OperatorMetrics;
using sbomop::image::ImageFilter;
using sbomop::kube::PodInfo;
using sbomop::plugin::ImageBatch;
using sbomop::plugin::ImageTask;
using sbomop::registry::RegistryProxyMap;
using namespace sbomop::controller::test;


class CycleRunnerOrphanTest: public CppUnit::TestFixture
{
	CPPUNIT_TEST_SUITE(CycleRunnerOrphanTest);
	CPPUNIT_TEST(testOrphansAreRemovedWhenBackendSupportsThem);
	CPPUNIT_TEST(testNoOrphanRemovalWhenDisabledOrUnsupported);
	CPPUNIT_TEST(testNoOrphanRemovalWhenBackendCannotList);
	CPPUNIT_TEST(testNoOrphanRemovalWhenAnImageCouldNotBeRead);
	CPPUNIT_TEST(testFailedOrphanRemovalIsCounted);
	CPPUNIT_TEST(testStdExceptionFromStoredImagesSkipsOrphanRemoval);
	CPPUNIT_TEST(testCancelledCycleSkipsBackendAndOrphans);
	CPPUNIT_TEST(testMetricsDescribeTheCycles);
	CPPUNIT_TEST(testCycleIdIsSortableLowerCaseDnsLabelPart);
	CPPUNIT_TEST_SUITE_END();

public:
	void testOrphansAreRemovedWhenBackendSupportsThem()
	{
		Harness h;
		h.backend.orphans = true;
		const std::string oldNginx = NGINX + digestOf("nginx:1.24.0");
		const std::string oldApi = API + digestOf("registry.example.com/team/api:2.2.0");
		h.backend.stored = { oldNginx, NGINX + NGINX_DIGEST, oldApi, "registry.k8s.io/pause@" + PAUSE_DIGEST };
		// Excluded images that still run are not orphans.
		h.settings.exclude = ImageFilter::parse("*/pause:*");
		const CycleReport report = h.run({
			nginxPod("web-1"),
			makePod("kube-system", "sandbox", { container("pause", "registry.k8s.io/pause:3.9", "registry.k8s.io/pause@" + PAUSE_DIGEST) }),
		});

		CPPUNIT_ASSERT_EQUAL(std::size_t(1), h.backend.removals.size());
		CPPUNIT_ASSERT_EQUAL((std::vector<std::string>{ oldNginx, oldApi }), h.backend.removals[0]);
		CPPUNIT_ASSERT_EQUAL(std::size_t(2), report.orphansRemoved);
		CPPUNIT_ASSERT_EQUAL(std::size_t(0), report.orphanFailures);
		CPPUNIT_ASSERT(report.ok());
		CPPUNIT_ASSERT_EQUAL(std::string("2"), h.metric("sbomop_orphan_images_total{result=\"removed\"}"));

		// Nothing stored that is not running: no removal call.
		h.backend.stored = { NGINX + NGINX_DIGEST };
		h.run({ annotated(nginxPod("web-1"), "nginx", NGINX + NGINX_DIGEST) });
		CPPUNIT_ASSERT_EQUAL(std::size_t(1), h.backend.removals.size());
		CPPUNIT_ASSERT_EQUAL(std::size_t(2), h.backend.listCalls);
	}

	void testNoOrphanRemovalWhenDisabledOrUnsupported()
	{
		struct Case
		{
			bool deleteOrphans;
			bool supported;
		};
		const Case cases[] = { { false, true }, { true, false }, { false, false } };
		for (const auto& c: cases)
		{
			Harness h;
			h.settings.deleteOrphans = c.deleteOrphans;
			h.backend.orphans = c.supported;
			h.backend.stored = { NGINX + digestOf("nginx:1.24.0") };
			const CycleReport report = h.run({ nginxPod("web-1") });
			CPPUNIT_ASSERT_EQUAL(std::size_t(0), h.backend.listCalls);
			CPPUNIT_ASSERT(h.backend.removals.empty());
			CPPUNIT_ASSERT_EQUAL(std::size_t(0), report.orphansRemoved);
		}
	}

	void testNoOrphanRemovalWhenBackendCannotList()
	{
		Harness h;
		h.backend.orphans = true;
		h.backend.stored = { NGINX + digestOf("nginx:1.24.0") };
		h.backend.listThrows = RecordingBackend::Throw::POCO;
		const CycleReport report = h.run({ nginxPod("web-1") });
		CPPUNIT_ASSERT_EQUAL(std::size_t(1), h.backend.listCalls);
		CPPUNIT_ASSERT(h.backend.removals.empty());
		CPPUNIT_ASSERT_EQUAL(std::size_t(0), report.orphansRemoved);
		CPPUNIT_ASSERT(h.log.channel().contains("storage unreachable"));
		// The images themselves were processed and annotated.
		CPPUNIT_ASSERT_EQUAL(std::size_t(1), report.podsAnnotated);
	}

	void testNoOrphanRemovalWhenAnImageCouldNotBeRead()
	{
		Harness h;
		h.backend.orphans = true;
		h.backend.stored = { NGINX + digestOf("nginx:1.24.0"), REDIS + REDIS_DIGEST };
		const CycleReport report = h.run({
			nginxPod("web-1"),
			// Perhaps the stored redis image: its imageID cannot be read.
			makePod("shop", "cache-0", { container("redis", "bitnami/redis:7.2.4", "docker-pullable://bitnami/redis:7.2.4") }),
		});
		CPPUNIT_ASSERT_EQUAL(std::size_t(0), h.backend.listCalls);
		CPPUNIT_ASSERT(h.backend.removals.empty());
		CPPUNIT_ASSERT_EQUAL(std::size_t(0), report.orphansRemoved);
		CPPUNIT_ASSERT_EQUAL(std::size_t(1), report.succeeded);
	}

	void testFailedOrphanRemovalIsCounted()
	{
		Harness h;
		h.backend.orphans = true;
		const std::string oldNginx = NGINX + digestOf("nginx:1.24.0");
		const std::string oldApi = API + digestOf("registry.example.com/team/api:2.2.0");
		h.backend.stored = { oldNginx, oldApi };
		h.backend.removalFails = { oldApi };
		const CycleReport report = h.run({ nginxPod("web-1") });
		CPPUNIT_ASSERT_EQUAL(std::size_t(1), report.orphansRemoved);
		CPPUNIT_ASSERT_EQUAL(std::size_t(1), report.orphanFailures);
		CPPUNIT_ASSERT(!report.ok());
		CPPUNIT_ASSERT_EQUAL(std::string("1"), h.metric("sbomop_orphan_images_total{result=\"failed\"}"));
		CPPUNIT_ASSERT_EQUAL(std::string("1"), h.metric("sbomop_cycles_total{result=\"failure\"}"));
	}

	void testStdExceptionFromStoredImagesSkipsOrphanRemoval()
	{
		// Backend.h: exceptions from any backend call are caught and logged.
		Harness h;
		h.backend.orphans = true;
		h.backend.stored = { NGINX + digestOf("nginx:1.24.0") };
		h.backend.listThrows = RecordingBackend::Throw::STD;
		CycleReport report;
		CPPUNIT_ASSERT_NO_THROW(report = h.run({ nginxPod("web-1") }));
		CPPUNIT_ASSERT(h.backend.removals.empty());
		CPPUNIT_ASSERT_EQUAL(std::size_t(1), report.podsAnnotated);
	}

	void testCancelledCycleSkipsBackendAndOrphans()
	{
		Harness h;
		h.backend.orphans = true;
		h.backend.stored = { NGINX + digestOf("nginx:1.24.0") };
		h.cancel.requestStop();
		const CycleReport report = h.run({ nginxPod("web-1") });
		CPPUNIT_ASSERT(h.backend.batches.empty());
		CPPUNIT_ASSERT_EQUAL(std::size_t(0), h.backend.listCalls);
		CPPUNIT_ASSERT(h.patcher.calls.empty());
		CPPUNIT_ASSERT_EQUAL(std::size_t(1), report.pending);
		CPPUNIT_ASSERT_EQUAL(std::size_t(0), report.succeeded);
	}

	void testMetricsDescribeTheCycles()
	{
		Harness h;
		h.backend.fail(REDIS + REDIS_DIGEST, "syft: unauthorized");
		h.run({ webPod("shop", "web-1"), nginxPod("web-2") });

		CPPUNIT_ASSERT_EQUAL(std::string("2"), h.metric("sbomop_images_known"));
		CPPUNIT_ASSERT_EQUAL(std::string("1"), h.metric("sbomop_images_pending"));
		CPPUNIT_ASSERT_EQUAL(std::string("1"), h.metric("sbomop_cycles_total{result=\"failure\"}"));
		CPPUNIT_ASSERT_EQUAL(std::string("1"), h.metric("sbomop_backend_images_total{backend=\"recording\",result=\"succeeded\"}"));
		CPPUNIT_ASSERT_EQUAL(std::string("1"), h.metric("sbomop_backend_images_total{backend=\"recording\",result=\"failed\"}"));
		CPPUNIT_ASSERT_EQUAL(std::string("2"), h.metric("sbomop_pods_annotated_total"));
		CPPUNIT_ASSERT_EQUAL(std::string("0"), h.metric("sbomop_annotation_failures_total"));
		CPPUNIT_ASSERT_EQUAL(std::string("0"), h.metric("sbomop_last_successful_cycle_timestamp_seconds"));
		CPPUNIT_ASSERT_EQUAL(std::string("1"), h.metric("sbomop_cycle_duration_seconds_count"));

		h.backend.succeed(REDIS + REDIS_DIGEST);
		h.run({ annotated(webPod("shop", "web-1"), "nginx", NGINX + NGINX_DIGEST), annotated(nginxPod("web-2"), "nginx", NGINX + NGINX_DIGEST) });
		CPPUNIT_ASSERT_EQUAL(std::string("0"), h.metric("sbomop_images_pending"));
		CPPUNIT_ASSERT_EQUAL(std::string("1"), h.metric("sbomop_cycles_total{result=\"success\"}"));
		CPPUNIT_ASSERT_EQUAL(std::string("2"), h.metric("sbomop_backend_images_total{backend=\"recording\",result=\"succeeded\"}"));
		CPPUNIT_ASSERT_EQUAL(std::string("3"), h.metric("sbomop_pods_annotated_total"));
		CPPUNIT_ASSERT_EQUAL(std::string("2"), h.metric("sbomop_cycle_duration_seconds_count"));
		CPPUNIT_ASSERT(Poco::NumberParser::parseFloat(h.metric("sbomop_last_successful_cycle_timestamp_seconds")) > 1.5e9);
	}

	void testCycleIdIsSortableLowerCaseDnsLabelPart()
	{
		// Backends put the id into object names (Secrets, Jobs): [a-z0-9-] only.
		Poco::RegularExpression shape("^[0-9]{8}-[0-9]{6}-[0-9a-f]{4}$");
		std::set<std::string> ids;
		for (int i = 0; i < 200; ++i)
		{
			const std::string id = CycleRunner::newCycleId();
			CPPUNIT_ASSERT_MESSAGE(id, shape.match(id));
			ids.insert(id);
		}
		CPPUNIT_ASSERT(ids.size() > 150);
	}
};

CPPUNIT_TEST_SUITE_NAMED_REGISTRATION(CycleRunnerOrphanTest, "Controller");
