//
// MetricsRegistryTest.cpp
//

#include "sbomop/http/MetricsRegistry.h"
#include "PrometheusTextParser.h"
#include <Poco/Exception.h>
#include <Poco/Runnable.h>
#include <Poco/Thread.h>
#include <cppunit/extensions/HelperMacros.h>
#include <cmath>
#include <memory>
#include <stdexcept>

using sbomop::http::CounterFamily;
using sbomop::http::MetricSnapshot;
using sbomop::http::MetricsRegistry;
using sbomop::http::PrometheusTextParser;

class MetricsRegistryTest: public CppUnit::TestFixture
{
	CPPUNIT_TEST_SUITE(MetricsRegistryTest);
	CPPUNIT_TEST(testRendersCounterWithLabelsExactly);
	CPPUNIT_TEST(testRendersGaugeWithoutLabelsBeforeItsFirstUpdate);
	CPPUNIT_TEST(testRendersHistogramBucketsCumulativelyWithSumAndCount);
	CPPUNIT_TEST(testCountsNaNObservationsOnlyInTheInfBucket);
	CPPUNIT_TEST(testEscapesLabelValuesAndHelp);
	CPPUNIT_TEST(testOrdersFamiliesByNameAndChildrenByLabelValues);
	CPPUNIT_TEST(testLeavesOutFamiliesWithoutChildren);
	CPPUNIT_TEST(testRejectsInvalidMetricAndLabelNames);
	CPPUNIT_TEST(testRejectsWrongNumberOfLabelValues);
	CPPUNIT_TEST(testRejectsNegativeCounterIncrements);
	CPPUNIT_TEST(testRejectsInvalidHistogramBounds);
	CPPUNIT_TEST(testReturnsTheSameFamilyForTheSameDefinition);
	CPPUNIT_TEST(testRejectsAConflictingDefinition);
	CPPUNIT_TEST(testCollectorsAreCalledAtEachScrape);
	CPPUNIT_TEST(testRemovedCollectorIsNotCalledAnyMore);
	CPPUNIT_TEST(testFaultyCollectorsDoNotBreakTheScrape);
	CPPUNIT_TEST(testConcurrentIncrementsAreNotLost);
	CPPUNIT_TEST(testDefaultRegistryIsProcessWide);
	CPPUNIT_TEST_SUITE_END();

public:
	void testRendersCounterWithLabelsExactly()
	{
		MetricsRegistry registry;
		CounterFamily& requests = registry.counter("sbomop_http_requests_total", "Requests served.", {"path", "code"});
		requests.labels({"/health", "200"}).inc();
		requests.labels({"/health", "200"}).inc();
		requests.labels({"/metrics", "200"}).inc(2.5);

		CPPUNIT_ASSERT_EQUAL(std::string(
			"# HELP sbomop_http_requests_total Requests served.\n"
			"# TYPE sbomop_http_requests_total counter\n"
			"sbomop_http_requests_total{path=\"/health\",code=\"200\"} 2\n"
			"sbomop_http_requests_total{path=\"/metrics\",code=\"200\"} 2.5\n"),
			registry.render());
		CPPUNIT_ASSERT_EQUAL(2.0, requests.labels({"/health", "200"}).value());
	}

	void testRendersGaugeWithoutLabelsBeforeItsFirstUpdate()
	{
		MetricsRegistry registry;
		auto& queue = registry.gauge("sbomop_queue_length", "Images waiting for a scan.");
		const std::string header("# HELP sbomop_queue_length Images waiting for a scan.\n# TYPE sbomop_queue_length gauge\n");

		CPPUNIT_ASSERT_EQUAL(header + "sbomop_queue_length 0\n", registry.render());

		queue.labels().set(-3.5);
		queue.labels().inc();
		queue.labels().dec(0.5);
		CPPUNIT_ASSERT_EQUAL(header + "sbomop_queue_length -3\n", registry.render());

		queue.labels().set(1e21);
		CPPUNIT_ASSERT_EQUAL(header + "sbomop_queue_length 1e+21\n", registry.render());
	}

	void testRendersHistogramBucketsCumulativelyWithSumAndCount()
	{
		MetricsRegistry registry;
		auto& durations = registry.histogram("sbomop_scan_duration_seconds", "Scan durations.", {"backend"}, {0.5, 1, 5});
		for (double value: {0.25, 1.0, 3.0, 10.0}) durations.labels({"git"}).observe(value);

		const std::string text = registry.render();
		CPPUNIT_ASSERT_EQUAL(std::string(
			"# HELP sbomop_scan_duration_seconds Scan durations.\n"
			"# TYPE sbomop_scan_duration_seconds histogram\n"
			"sbomop_scan_duration_seconds_bucket{backend=\"git\",le=\"0.5\"} 1\n"
			"sbomop_scan_duration_seconds_bucket{backend=\"git\",le=\"1\"} 2\n"
			"sbomop_scan_duration_seconds_bucket{backend=\"git\",le=\"5\"} 3\n"
			"sbomop_scan_duration_seconds_bucket{backend=\"git\",le=\"+Inf\"} 4\n"
			"sbomop_scan_duration_seconds_sum{backend=\"git\"} 14.25\n"
			"sbomop_scan_duration_seconds_count{backend=\"git\"} 4\n"),
			text);
		CPPUNIT_ASSERT_EQUAL(std::size_t(6), PrometheusTextParser::parse(text)["sbomop_scan_duration_seconds"].samples.size());
	}

	void testCountsNaNObservationsOnlyInTheInfBucket()
	{
		MetricsRegistry registry;
		auto& histogram = registry.histogram("h", "", {}, {1}).labels();
		histogram.observe(std::nan(""));

		CPPUNIT_ASSERT_EQUAL(std::string(
			"# HELP h \n"
			"# TYPE h histogram\n"
			"h_bucket{le=\"1\"} 0\n"
			"h_bucket{le=\"+Inf\"} 1\n"
			"h_sum NaN\n"
			"h_count 1\n"),
			registry.render());
	}

	void testEscapesLabelValuesAndHelp()
	{
		MetricsRegistry registry;
		registry.gauge("sbomop_image_info", "Images by \"reference\".\nOne line\\ per image.", {"image"})
			.labels({"evil\"}\\ \nname"}).set(1);

		const std::string text = registry.render();
		CPPUNIT_ASSERT_EQUAL(std::string(
			"# HELP sbomop_image_info Images by \"reference\".\\nOne line\\\\ per image.\n"
			"# TYPE sbomop_image_info gauge\n"
			"sbomop_image_info{image=\"evil\\\"}\\\\ \\nname\"} 1\n"),
			text);
		const auto families = PrometheusTextParser::parse(text);
		CPPUNIT_ASSERT_EQUAL(std::string("Images by \"reference\".\nOne line\\ per image."), families.at("sbomop_image_info").help);
		CPPUNIT_ASSERT_EQUAL(1.0, PrometheusTextParser::value(families, "sbomop_image_info", {{"image", "evil\"}\\ \nname"}}));
	}

	void testOrdersFamiliesByNameAndChildrenByLabelValues()
	{
		MetricsRegistry registry;
		auto& zeta = registry.counter("zeta_total", "z", {"kind"});
		registry.gauge("alpha", "a");
		zeta.labels({"b"}).inc();
		zeta.labels({"a"}).inc(3);
		registry.addCollector([](std::vector<MetricSnapshot>& families) {
			families.push_back({"middle", "m", MetricSnapshot::GAUGE, {{"middle", {}, 7}}});
		});

		CPPUNIT_ASSERT_EQUAL(std::string(
			"# HELP alpha a\n# TYPE alpha gauge\nalpha 0\n"
			"# HELP middle m\n# TYPE middle gauge\nmiddle 7\n"
			"# HELP zeta_total z\n# TYPE zeta_total counter\nzeta_total{kind=\"a\"} 3\nzeta_total{kind=\"b\"} 1\n"),
			registry.render());
	}

	void testLeavesOutFamiliesWithoutChildren()
	{
		MetricsRegistry registry;
		registry.counter("sbomop_errors_total", "Errors.", {"kind"});

		CPPUNIT_ASSERT_EQUAL(std::string(), registry.render());
		CPPUNIT_ASSERT_EQUAL(std::size_t(1), registry.collect().size());
	}

	void testRejectsInvalidMetricAndLabelNames()
	{
		MetricsRegistry registry;
		CPPUNIT_ASSERT_THROW(registry.counter("", "h"), Poco::InvalidArgumentException);
		CPPUNIT_ASSERT_THROW(registry.counter("1st_total", "h"), Poco::InvalidArgumentException);
		CPPUNIT_ASSERT_THROW(registry.gauge("sbomop-queue", "h"), Poco::InvalidArgumentException);
		CPPUNIT_ASSERT_THROW(registry.gauge("sbomop queue", "h"), Poco::InvalidArgumentException);
		CPPUNIT_ASSERT_THROW(registry.gauge("g", "h", {"a:b"}), Poco::InvalidArgumentException);
		CPPUNIT_ASSERT_THROW(registry.gauge("g", "h", {"__name"}), Poco::InvalidArgumentException);
		CPPUNIT_ASSERT_THROW(registry.gauge("g", "h", {"9lives"}), Poco::InvalidArgumentException);
		CPPUNIT_ASSERT_THROW(registry.gauge("g", "h", {"code", "code"}), Poco::InvalidArgumentException);
		CPPUNIT_ASSERT_THROW(registry.histogram("h", "h", {"le"}), Poco::InvalidArgumentException);

		registry.gauge("sbomop:ratio_total:_", "h", {"_private", "Upper9"});
		registry.gauge("g", "h", {"le"});
		CPPUNIT_ASSERT_EQUAL(std::size_t(2), registry.collect().size());
	}

	void testRejectsWrongNumberOfLabelValues()
	{
		MetricsRegistry registry;
		auto& requests = registry.counter("requests_total", "h", {"path", "code"});
		CPPUNIT_ASSERT_THROW(requests.labels({"/health"}), Poco::InvalidArgumentException);
		CPPUNIT_ASSERT_THROW(requests.labels({"/health", "200", "GET"}), Poco::InvalidArgumentException);
		CPPUNIT_ASSERT_THROW(requests.labels(), Poco::InvalidArgumentException);
		CPPUNIT_ASSERT_EQUAL(std::size_t(0), requests.size());
	}

	void testRejectsNegativeCounterIncrements()
	{
		MetricsRegistry registry;
		auto& counter = registry.counter("c_total", "h").labels();
		CPPUNIT_ASSERT_THROW(counter.inc(-1), Poco::InvalidArgumentException);
		CPPUNIT_ASSERT_THROW(counter.inc(std::nan("")), Poco::InvalidArgumentException);
		counter.inc(0);
		CPPUNIT_ASSERT_EQUAL(0.0, counter.value());
	}

	void testRejectsInvalidHistogramBounds()
	{
		MetricsRegistry registry;
		CPPUNIT_ASSERT_THROW(registry.histogram("h1", "h", {}, {1, 0.5}), Poco::InvalidArgumentException);
		CPPUNIT_ASSERT_THROW(registry.histogram("h2", "h", {}, {1, 1}), Poco::InvalidArgumentException);
		CPPUNIT_ASSERT_THROW(registry.histogram("h3", "h", {}, {std::nan("")}), Poco::InvalidArgumentException);
		CPPUNIT_ASSERT_THROW(registry.histogram("h4", "h", {}, {1, HUGE_VAL, HUGE_VAL}), Poco::InvalidArgumentException);

		auto& trailingInf = registry.histogram("h5", "h", {}, {1, HUGE_VAL});
		CPPUNIT_ASSERT(trailingInf.upperBounds() == std::vector<double>{1});
		auto& defaults = registry.histogram("h6", "h");
		CPPUNIT_ASSERT(defaults.upperBounds() == (std::vector<double>{.005, .01, .025, .05, .1, .25, .5, 1, 2.5, 5, 10}));
	}

	void testReturnsTheSameFamilyForTheSameDefinition()
	{
		MetricsRegistry registry;
		auto& first = registry.counter("sbomop_scans_total", "Scans.", {"result"});
		first.labels({"ok"}).inc();
		auto& second = registry.counter("sbomop_scans_total", "Scans.", {"result"});

		CPPUNIT_ASSERT(&first == &second);
		CPPUNIT_ASSERT_EQUAL(1.0, second.labels({"ok"}).value());
		CPPUNIT_ASSERT(&registry.histogram("d", "h", {}, {1, 2}) == &registry.histogram("d", "h", {}, {1, 2}));
	}

	void testRejectsAConflictingDefinition()
	{
		MetricsRegistry registry;
		registry.counter("sbomop_scans_total", "Scans.", {"result"});
		registry.histogram("d", "h", {}, {1, 2});

		CPPUNIT_ASSERT_THROW(registry.gauge("sbomop_scans_total", "Scans.", {"result"}), Poco::ExistsException);
		CPPUNIT_ASSERT_THROW(registry.counter("sbomop_scans_total", "Other help.", {"result"}), Poco::ExistsException);
		CPPUNIT_ASSERT_THROW(registry.counter("sbomop_scans_total", "Scans.", {"outcome"}), Poco::ExistsException);
		CPPUNIT_ASSERT_THROW(registry.histogram("d", "h", {}, {1, 3}), Poco::ExistsException);
	}

	void testCollectorsAreCalledAtEachScrape()
	{
		MetricsRegistry registry;
		double images = 3;
		registry.addCollector([&images](std::vector<MetricSnapshot>& families) {
			families.push_back({"sbomop_images", "Images known.", MetricSnapshot::GAUGE,
				{{"sbomop_images", {{"namespace", "default"}}, images}}});
		});
		const std::string header("# HELP sbomop_images Images known.\n# TYPE sbomop_images gauge\n");

		CPPUNIT_ASSERT_EQUAL(header + "sbomop_images{namespace=\"default\"} 3\n", registry.render());
		images = 4;
		CPPUNIT_ASSERT_EQUAL(header + "sbomop_images{namespace=\"default\"} 4\n", registry.render());
	}

	void testRemovedCollectorIsNotCalledAnyMore()
	{
		MetricsRegistry registry;
		int calls = 0;
		const std::size_t id = registry.addCollector([&calls](std::vector<MetricSnapshot>&) { ++calls; });
		registry.render();
		registry.removeCollector(id);
		registry.removeCollector(id);
		registry.render();

		CPPUNIT_ASSERT_EQUAL(1, calls);
	}

	void testFaultyCollectorsDoNotBreakTheScrape()
	{
		MetricsRegistry registry;
		registry.gauge("sbomop_up", "Up.").labels().set(1);
		registry.addCollector([](std::vector<MetricSnapshot>& families) {
			families.push_back({"partial", "p", MetricSnapshot::GAUGE, {{"partial", {}, 1}}});
			throw Poco::IOException("cannot read");
		});
		registry.addCollector([](std::vector<MetricSnapshot>&) { throw std::runtime_error("boom"); });
		registry.addCollector([](std::vector<MetricSnapshot>& families) {
			families.push_back({"bad-name", "b", MetricSnapshot::GAUGE, {{"bad-name", {}, 1}}});
			families.push_back({"bad_label", "b", MetricSnapshot::GAUGE, {{"bad_label", {{"a-b", "x"}}, 1}}});
			families.push_back({"sbomop_up", "shadow", MetricSnapshot::GAUGE, {{"sbomop_up", {}, 0}}});
			families.push_back({"good", "g", MetricSnapshot::COUNTER, {{"good", {}, 2}}});
		});

		CPPUNIT_ASSERT_EQUAL(std::string(
			"# HELP good g\n# TYPE good counter\ngood 2\n"
			"# HELP sbomop_up Up.\n# TYPE sbomop_up gauge\nsbomop_up 1\n"),
			registry.render());
	}

	class Incrementer: public Poco::Runnable
	{
	public:
		explicit Incrementer(CounterFamily& family): _family(family)
		{
		}

		void run() override
		{
			for (int i = 0; i < 20000; ++i) _family.labels({i % 2 ? "odd" : "even"}).inc();
		}

	private:
		CounterFamily& _family;
	};

	void testConcurrentIncrementsAreNotLost()
	{
		MetricsRegistry registry;
		auto& family = registry.counter("c_total", "h", {"parity"});
		Incrementer incrementer(family);
		std::vector<std::unique_ptr<Poco::Thread>> threads;
		for (int i = 0; i < 4; ++i)
		{
			threads.push_back(std::make_unique<Poco::Thread>());
			threads.back()->start(incrementer);
		}
		for (int i = 0; i < 50; ++i) PrometheusTextParser::parse(registry.render());
		for (auto& pThread: threads) pThread->join();

		CPPUNIT_ASSERT_EQUAL(40000.0, family.labels({"odd"}).value());
		CPPUNIT_ASSERT_EQUAL(40000.0, family.labels({"even"}).value());
	}

	void testDefaultRegistryIsProcessWide()
	{
		CPPUNIT_ASSERT(&MetricsRegistry::defaultRegistry() == &MetricsRegistry::defaultRegistry());
	}
};

CPPUNIT_TEST_SUITE_NAMED_REGISTRATION(MetricsRegistryTest, "Http");
