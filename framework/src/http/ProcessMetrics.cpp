//
// ProcessMetrics.cpp
//

#include "sbomop/http/ProcessMetrics.h"
#include "sbomop/core/BuildInfo.h"
#include "sbomop/http/MetricsRegistry.h"
#include <Poco/DirectoryIterator.h>
#include <Poco/Exception.h>
#include <Poco/FileStream.h>
#include <Poco/Logger.h>
#include <Poco/NumberParser.h>
#include <Poco/StreamCopier.h>
#include <Poco/String.h>
#include <Poco/StringTokenizer.h>
#include <cmath>
#include <sstream>
#include <unistd.h>

namespace sbomop {
namespace http {

namespace {

std::string readFile(const std::string& path)
{
	Poco::FileInputStream stream(path);
	std::string content;
	Poco::StreamCopier::copyToString(stream, content);
	return content;
}


void addSample(std::vector<MetricSnapshot>& families, const std::string& name, const std::string& help,
	MetricSnapshot::Type type, double value, const MetricSnapshot::Labels& labels = {})
{
	MetricSnapshot family;
	family.name = name;
	family.help = help;
	family.type = type;
	family.samples.push_back({name, labels, value});
	families.push_back(std::move(family));
}


std::string valueAfterKey(const std::string& content, const std::string& key)
	// The rest of the first line that starts with key (e.g. "btime ").
{
	std::istringstream lines(content);
	for (std::string line; std::getline(lines, line);)
	{
		if (line.compare(0, key.size(), key) == 0) return Poco::trim(line.substr(key.size()));
	}
	throw Poco::DataFormatException("no line starting with '" + key + "'");
}


void collectStat(std::vector<MetricSnapshot>& families, const std::string& procRoot)
{
	// The command name (field 2) is in parentheses and may itself contain
	// blanks and parentheses, so the fields are counted from the last ')'.
	const std::string stat = readFile(procRoot + "/self/stat");
	const std::string::size_type end = stat.rfind(')');
	if (end == std::string::npos) throw Poco::DataFormatException("no command name in stat");
	Poco::StringTokenizer fields(stat.substr(end + 1), " ", Poco::StringTokenizer::TOK_IGNORE_EMPTY | Poco::StringTokenizer::TOK_TRIM);
	const auto field = [&fields](std::size_t number) {
		// Field 3 (state) is the first token after the command name.
		if (number - 3 >= fields.count()) throw Poco::DataFormatException("stat has too few fields");
		return static_cast<double>(Poco::NumberParser::parseUnsigned64(fields[number - 3]));
	};

	const double ticksPerSecond = static_cast<double>(::sysconf(_SC_CLK_TCK));
	const double pageSize = static_cast<double>(::sysconf(_SC_PAGESIZE));
	const double bootTime = Poco::NumberParser::parseFloat(valueAfterKey(readFile(procRoot + "/stat"), "btime "));

	addSample(families, "process_cpu_seconds_total", "Total user and system CPU time spent in seconds.",
		MetricSnapshot::COUNTER, (field(14) + field(15)) / ticksPerSecond);
	addSample(families, "process_start_time_seconds", "Start time of the process since unix epoch in seconds.",
		MetricSnapshot::GAUGE, bootTime + field(22) / ticksPerSecond);
	addSample(families, "process_virtual_memory_bytes", "Virtual memory size in bytes.",
		MetricSnapshot::GAUGE, field(23));
	addSample(families, "process_resident_memory_bytes", "Resident memory size in bytes.",
		MetricSnapshot::GAUGE, field(24) * pageSize);
}


void collectStatus(std::vector<MetricSnapshot>& families, const std::string& procRoot)
{
	const std::string threads = valueAfterKey(readFile(procRoot + "/self/status"), "Threads:");
	addSample(families, "process_threads", "Number of OS threads in the process.",
		MetricSnapshot::GAUGE, Poco::NumberParser::parseFloat(threads));
}


void collectOpenFds(std::vector<MetricSnapshot>& families, const std::string& procRoot)
{
	double count = 0;
	for (Poco::DirectoryIterator it(procRoot + "/self/fd"), end; it != end; ++it) ++count;
	addSample(families, "process_open_fds", "Number of open file descriptors.", MetricSnapshot::GAUGE, count);
}


void collectMaxFds(std::vector<MetricSnapshot>& families, const std::string& procRoot)
{
	Poco::StringTokenizer columns(valueAfterKey(readFile(procRoot + "/self/limits"), "Max open files"), " ",
		Poco::StringTokenizer::TOK_IGNORE_EMPTY | Poco::StringTokenizer::TOK_TRIM);
	if (columns.count() == 0) throw Poco::DataFormatException("no soft limit for open files");
	const double softLimit = columns[0] == "unlimited" ? HUGE_VAL : Poco::NumberParser::parseFloat(columns[0]);
	addSample(families, "process_max_fds", "Maximum number of open file descriptors.", MetricSnapshot::GAUGE, softLimit);
}


using Source = void (*)(std::vector<MetricSnapshot>& families, const std::string& procRoot);


void collectFrom(const char* what, Source source, std::vector<MetricSnapshot>& families, const std::string& procRoot)
{
	// A scratch list keeps a source that fails halfway from leaving some of
	// its metrics behind.
	std::vector<MetricSnapshot> scratch;
	try
	{
		source(scratch, procRoot);
	}
	catch (Poco::Exception& exc)
	{
		Poco::Logger& logger = Poco::Logger::get("sbomop.http.metrics");
		if (logger.debug()) logger.debug(std::string("process metrics from ") + what + " unavailable: " + exc.displayText());
		return;
	}
	families.insert(families.end(), scratch.begin(), scratch.end());
}

} // namespace


void ProcessMetrics::collect(std::vector<MetricSnapshot>& families, const std::string& procRoot)
{
	collectFrom("stat", collectStat, families, procRoot);
	collectFrom("status", collectStatus, families, procRoot);
	collectFrom("fd", collectOpenFds, families, procRoot);
	collectFrom("limits", collectMaxFds, families, procRoot);

	addSample(families, "sbomop_build_info", "Build information of the sbom-operator; the value is always 1.",
		MetricSnapshot::GAUGE, 1, {{"version", SBOMOP_VERSION}, {"compiler", SBOMOP_COMPILER}, {"build_type", SBOMOP_BUILD_TYPE}});
}


std::size_t ProcessMetrics::registerWith(MetricsRegistry& registry)
{
	return registry.addCollector([](std::vector<MetricSnapshot>& families) { collect(families); });
}


} } // namespace sbomop::http
