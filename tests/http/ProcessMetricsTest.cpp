//
// ProcessMetricsTest.cpp
//

#include "sbomop/http/ProcessMetrics.h"
#include "sbomop/core/BuildInfo.h"
#include "sbomop/http/MetricsRegistry.h"
#include "PrometheusTextParser.h"
#include <Poco/File.h>
#include <Poco/FileStream.h>
#include <Poco/Path.h>
#include <Poco/TemporaryFile.h>
#include <Poco/Timestamp.h>
#include <cppunit/extensions/HelperMacros.h>
#include <cmath>
#include <stdexcept>
#include <unistd.h>

using sbomop::http::MetricSnapshot;
using sbomop::http::MetricsRegistry;
using sbomop::http::ProcessMetrics;
using sbomop::http::PrometheusTextParser;

class ProcessMetricsTest: public CppUnit::TestFixture
{
	CPPUNIT_TEST_SUITE(ProcessMetricsTest);
	CPPUNIT_TEST(testReportsSaneValuesForThisProcess);
	CPPUNIT_TEST(testReadsEveryValueFromTheProcFiles);
	CPPUNIT_TEST(testReportsAnUnlimitedFdLimitAsInfinity);
	CPPUNIT_TEST(testMissingOrBrokenProcFilesDropOnlyTheirMetrics);
	CPPUNIT_TEST(testBuildInfoCarriesVersionCompilerAndBuildType);
	CPPUNIT_TEST(testRegisteredCollectorRendersValidText);
	CPPUNIT_TEST_SUITE_END();

public:
	void setUp() override
	{
		_root = Poco::TemporaryFile::tempName();
	}

	void tearDown() override
	{
		Poco::File root(_root);
		if (root.exists()) root.remove(true);
	}

	static const MetricSnapshot& family(const std::vector<MetricSnapshot>& families, const std::string& name)
	{
		for (const auto& family: families)
		{
			if (family.name == name) return family;
		}
		throw std::runtime_error("no family " + name);
	}

	static double value(const std::vector<MetricSnapshot>& families, const std::string& name)
	{
		const MetricSnapshot& snapshot = family(families, name);
		CPPUNIT_ASSERT_EQUAL(std::size_t(1), snapshot.samples.size());
		return snapshot.samples[0].value;
	}

	void write(const std::string& path, const std::string& content)
	{
		Poco::File(Poco::Path(_root + "/" + path).parent()).createDirectories();
		Poco::FileOutputStream out(_root + "/" + path);
		out << content;
	}

	void writeProcTree(const std::string& maxOpenFiles)
	{
		write("self/stat", "4242 (sbom (op) x) S 1 4242 4242 0 -1 4194560 1000 0 0 0 250 50 0 0 20 0 7 0 12345 104857600 2560 "
			"18446744073709551615 1 1 0 0 0 0 0 0 0 0 0 0 17 1 0 0 0 0 0\n");
		write("stat", "cpu  1 2 3 4\nintr 5\nbtime 1700000000\nprocesses 99\n");
		write("self/status", "Name:\tsbom (op) x\nState:\tS (sleeping)\nThreads:\t7\nVmRSS:\t10240 kB\n");
		write("self/limits", "Limit                     Soft Limit           Hard Limit           Units     \n"
			"Max cpu time              unlimited            unlimited            seconds   \n"
			"Max open files            " + maxOpenFiles + "                 4096                 files     \n");
		for (const char* fd: {"0", "1", "2"}) write(std::string("self/fd/") + fd, "");
	}

	void testReportsSaneValuesForThisProcess()
	{
		std::vector<MetricSnapshot> families;
		ProcessMetrics::collect(families);
		const double now = static_cast<double>(Poco::Timestamp().epochMicroseconds()) / 1e6;

		CPPUNIT_ASSERT(value(families, "process_resident_memory_bytes") > 0);
		CPPUNIT_ASSERT(value(families, "process_virtual_memory_bytes") >= value(families, "process_resident_memory_bytes"));
		CPPUNIT_ASSERT(value(families, "process_open_fds") >= 3);
		CPPUNIT_ASSERT(value(families, "process_max_fds") >= value(families, "process_open_fds"));
		CPPUNIT_ASSERT(value(families, "process_cpu_seconds_total") >= 0);
		CPPUNIT_ASSERT(value(families, "process_threads") >= 1);
		// btime has whole seconds and the start time clock ticks, hence the slack.
		CPPUNIT_ASSERT(value(families, "process_start_time_seconds") > now - 86400);
		CPPUNIT_ASSERT(value(families, "process_start_time_seconds") < now + 2);
		CPPUNIT_ASSERT_EQUAL(MetricSnapshot::COUNTER, family(families, "process_cpu_seconds_total").type);
		CPPUNIT_ASSERT_EQUAL(MetricSnapshot::GAUGE, family(families, "process_open_fds").type);
	}

	void testReadsEveryValueFromTheProcFiles()
	{
		writeProcTree("1024");
		const double ticks = static_cast<double>(::sysconf(_SC_CLK_TCK));
		const double pageSize = static_cast<double>(::sysconf(_SC_PAGESIZE));

		std::vector<MetricSnapshot> families;
		ProcessMetrics::collect(families, _root);

		CPPUNIT_ASSERT_EQUAL(std::size_t(8), families.size());
		CPPUNIT_ASSERT_EQUAL((250.0 + 50.0) / ticks, value(families, "process_cpu_seconds_total"));
		CPPUNIT_ASSERT_EQUAL(1700000000.0 + 12345.0 / ticks, value(families, "process_start_time_seconds"));
		CPPUNIT_ASSERT_EQUAL(104857600.0, value(families, "process_virtual_memory_bytes"));
		CPPUNIT_ASSERT_EQUAL(2560.0 * pageSize, value(families, "process_resident_memory_bytes"));
		CPPUNIT_ASSERT_EQUAL(7.0, value(families, "process_threads"));
		CPPUNIT_ASSERT_EQUAL(3.0, value(families, "process_open_fds"));
		CPPUNIT_ASSERT_EQUAL(1024.0, value(families, "process_max_fds"));
	}

	void testReportsAnUnlimitedFdLimitAsInfinity()
	{
		writeProcTree("unlimited");
		std::vector<MetricSnapshot> families;
		ProcessMetrics::collect(families, _root);

		CPPUNIT_ASSERT_EQUAL(HUGE_VAL, value(families, "process_max_fds"));
	}

	void testMissingOrBrokenProcFilesDropOnlyTheirMetrics()
	{
		write("self/stat", "4242 (truncated) S 1 2 3\n");
		write("self/status", "Threads:\t5\n");

		std::vector<MetricSnapshot> families;
		ProcessMetrics::collect(families, _root);

		CPPUNIT_ASSERT_EQUAL(std::size_t(2), families.size());
		CPPUNIT_ASSERT_EQUAL(5.0, value(families, "process_threads"));
		CPPUNIT_ASSERT_EQUAL(1.0, value(families, "sbomop_build_info"));
	}

	void testBuildInfoCarriesVersionCompilerAndBuildType()
	{
		std::vector<MetricSnapshot> families;
		ProcessMetrics::collect(families, _root);

		const MetricSnapshot& info = family(families, "sbomop_build_info");
		CPPUNIT_ASSERT_EQUAL(MetricSnapshot::GAUGE, info.type);
		CPPUNIT_ASSERT_EQUAL(std::size_t(1), info.samples.size());
		CPPUNIT_ASSERT(info.samples[0].labels == (MetricSnapshot::Labels{
			{"version", SBOMOP_VERSION}, {"compiler", SBOMOP_COMPILER}, {"build_type", SBOMOP_BUILD_TYPE}}));
		CPPUNIT_ASSERT(!std::string(SBOMOP_VERSION).empty());
	}

	void testRegisteredCollectorRendersValidText()
	{
		MetricsRegistry registry;
		const std::size_t id = ProcessMetrics::registerWith(registry);

		const auto families = PrometheusTextParser::parse(registry.render());
		CPPUNIT_ASSERT_EQUAL(std::string("counter"), families.at("process_cpu_seconds_total").type);
		CPPUNIT_ASSERT(PrometheusTextParser::value(families, "process_resident_memory_bytes") > 0);
		CPPUNIT_ASSERT_EQUAL(1.0, PrometheusTextParser::value(families, "sbomop_build_info",
			{{"version", SBOMOP_VERSION}, {"compiler", SBOMOP_COMPILER}, {"build_type", SBOMOP_BUILD_TYPE}}));

		registry.removeCollector(id);
		CPPUNIT_ASSERT_EQUAL(std::string(), registry.render());
	}

private:
	std::string _root;
};

CPPUNIT_TEST_SUITE_NAMED_REGISTRATION(ProcessMetricsTest, "Http");
