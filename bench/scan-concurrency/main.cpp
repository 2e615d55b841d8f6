//
// main.cpp
//
// bench-scan-concurrency: runs one batch of images through the real
// SyftBackend::process() with the Syft test double and an in-memory
// counting target, at one scan-concurrency, and reports wall time, peak
// memory and the peak number of Syft processes running at once.
//
//   bench-scan-concurrency --syft PATH --concurrency C [--images N] [--record DIR]
//
// The images live in a fake registry on 127.0.0.1 (plain HTTP, Basic auth),
// so every scan authenticates and fetches its manifest as Syft would. The
// double's fixed cost per image comes from SYFT_DOUBLE_DELAY_MS in the
// environment. With --record DIR the double logs start/end events there.
// Prints one line of key=value pairs; exit code 1 when an image failed.
//

#include "CountingTarget.h"
#include "FakeRegistry.h"
#include "ProcessSampler.h"
#include "sbomop/core/StopToken.h"
#include "sbomop/http/MetricsRegistry.h"
#include "sbomop/plugin/BackendContext.h"
#include "sbomop/syft/SyftBackend.h"
#include <Poco/AutoPtr.h>
#include <Poco/ConsoleChannel.h>
#include <Poco/Environment.h>
#include <Poco/Exception.h>
#include <Poco/File.h>
#include <Poco/FileStream.h>
#include <Poco/Logger.h>
#include <Poco/NumberParser.h>
#include <Poco/Path.h>
#include <Poco/Stopwatch.h>
#include <Poco/TemporaryFile.h>
#include <Poco/Util/MapConfiguration.h>
#include <iostream>
#include <set>
#include <sstream>
#include <sys/resource.h>
#include <unistd.h>

using namespace sbomop;

namespace {

const std::string USER = "bench";
const std::string PASSWORD = "bench-registry-password";

// Most `start` events without their `end` at one time in the double's events.log.
std::size_t maxConcurrentRuns(const std::string& recordDir)
{
	if (recordDir.empty() || !Poco::File(recordDir + "/events.log").exists()) return 0;
	Poco::FileInputStream in(recordDir + "/events.log");
	std::set<std::string> running;
	std::size_t peak = 0;
	std::string line;
	while (std::getline(in, line))
	{
		std::istringstream fields(line);
		std::string event, pid;
		fields >> event >> pid;
		if (event == "start") running.insert(pid);
		else if (event == "end") running.erase(pid);
		if (running.size() > peak) peak = running.size();
	}
	return peak;
}

struct Options
{
	std::string syft;
	std::string record;
	int concurrency = 0;
	int images = 200;
};

Options parse(int argc, char** argv)
{
	Options options;
	for (int i = 1; i + 1 < argc; i += 2)
	{
		const std::string name = argv[i];
		const std::string value = argv[i + 1];
		if (name == "--syft") options.syft = value;
		else if (name == "--record") options.record = value;
		else if (name == "--concurrency") options.concurrency = Poco::NumberParser::parse(value);
		else if (name == "--images") options.images = Poco::NumberParser::parse(value);
		else throw Poco::InvalidArgumentException("unknown option", name);
	}
	if (options.syft.empty() || options.concurrency < 1 || options.images < 1 || argc % 2 == 0)
		throw Poco::InvalidArgumentException("usage: bench-scan-concurrency --syft PATH --concurrency C [--images N] [--record DIR]");
	return options;
}

}

int main(int argc, char** argv)
{
	Options options;
	try
	{
		options = parse(argc, argv);
	}
	catch (Poco::Exception& e)
	{
		std::cerr << "bench-scan-concurrency: " << e.displayText() << std::endl;
		return 2;
	}
	Poco::Logger& logger = Poco::Logger::get("sbomop.bench.scan");
	logger.setChannel(new Poco::ConsoleChannel(std::cerr));
	logger.setLevel(Poco::Message::PRIO_WARNING);
	try
	{
		// The double reaches the fake registry over plain HTTP.
		Poco::Environment::set("SYFT_REGISTRY_INSECURE_USE_HTTP", "true");
		if (!options.record.empty()) Poco::Environment::set("SYFT_DOUBLE_RECORD", options.record);
		testing::FakeRegistry registry(USER, PASSWORD);
		plugin::ImageBatch batch;
		batch.cycleId = "bench-scan";
		for (int i = 0; i < options.images; ++i)
		{
			const std::string repository = "bench/app-" + std::to_string(i);
			const std::string digest = registry.addImage(repository, "1.0");
			plugin::ImageTask task;
			task.imageId = task.pullReference = task.originalReference = registry.reference(repository, digest);
			task.digest = digest;
			task.credentials = registry::RegistryCredentials(registry.host(), USER, PASSWORD);
			batch.images.push_back(task);
		}

		const std::string workRoot = Poco::TemporaryFile::tempName();
		Poco::File(workRoot).createDirectories();
		bench::CountingTarget::Counts counts;
		std::vector<plugin::ImageResult> results;
		double seconds = 0;
		bench::ProcessSampler sampler(20);
		{
			syft::SyftBackend backend([&](const std::string& name) {
				return std::unique_ptr<targets::Target>(new bench::CountingTarget(name, counts));
			}, workRoot);
			Poco::AutoPtr<Poco::Util::MapConfiguration> config(new Poco::Util::MapConfiguration);
			config->setString("syft-path", options.syft);
			config->setString("targets", "configmap");
			config->setInt("scan-concurrency", options.concurrency);
			http::MetricsRegistry metrics;
			StopToken shutdown;
			plugin::BackendContext context(*config, logger, metrics, nullptr, "sbom-system", "default", shutdown);
			backend.validate(*config);
			backend.start(context);
			StopToken cancel;
			sampler.start();
			Poco::Stopwatch watch;
			watch.start();
			results = backend.process(batch, cancel);
			seconds = watch.elapsed() / 1e6;
			sampler.stop();
			backend.stop();
		}
		Poco::File(workRoot).remove(true);

		std::size_t failed = 0;
		for (const plugin::ImageResult& result: results)
		{
			if (!result.succeeded && failed++ == 0) std::cerr << "bench-scan-concurrency: " << result.imageId << ": " << result.message << std::endl;
		}
		struct rusage children;
		::getrusage(RUSAGE_CHILDREN, &children);
		std::cout << "images=" << batch.images.size() << " concurrency=" << options.concurrency
			<< " succeeded=" << results.size() - failed << " failed=" << failed << " stored=" << counts.stored
			<< " sbom_bytes=" << counts.bytes << " wall_s=" << seconds
			<< " peak_runs=" << maxConcurrentRuns(options.record) << " peak_children=" << sampler.peakChildren()
			<< " driver_hwm_kib=" << bench::ProcessSampler::rssKiB(static_cast<int>(::getpid()), "VmHWM:")
			<< " family_peak_rss_kib=" << sampler.peakFamilyRssKiB() << " syft_max_rss_kib=" << children.ru_maxrss
			<< " samples=" << sampler.samples() << std::endl;
		return failed == 0 && results.size() == batch.images.size() ? 0 : 1;
	}
	catch (Poco::Exception& e)
	{
		std::cerr << "bench-scan-concurrency: " << e.displayText() << std::endl;
		return 1;
	}
}
