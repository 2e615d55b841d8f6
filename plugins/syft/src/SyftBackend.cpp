//
// SyftBackend.cpp
//

#include "sbomop/syft/SyftBackend.h"
#include "sbomop/syft/TargetRequirements.h"
#include "sbomop/syft/WorkerPool.h"
#include <Poco/Exception.h>
#include <Poco/Logger.h>
#include <Poco/String.h>

namespace sbomop {
namespace syft {

namespace {

// The targets this build implements: none yet. Implementations are added
// here by name ("git", "dtrack", "oci", "configmap").
std::unique_ptr<Target> builtinTarget(const std::string&)
{
	return nullptr;
}

std::string join(const std::vector<std::string>& items)
{
	return Poco::cat(std::string(", "), items.begin(), items.end());
}

} // namespace


SyftBackend::SyftBackend():
	_targetFactory(builtinTarget)
{
}


SyftBackend::SyftBackend(const TargetSet::Factory& targetFactory, const std::string& workRoot):
	_targetFactory(targetFactory),
	_workRoot(workRoot)
{
}


SyftBackend::~SyftBackend()
{
}


std::string SyftBackend::name() const
{
	return "syft";
}


std::string SyftBackend::description() const
{
	std::string text = "syft backend: generates an SBOM per pending image with the Syft CLI";
	if (_settings)
	{
		text += " (" + _settings->syftPath() + ", " + _settings->format().outputOption(_settings->formatVersion()) +
			", platform " + _settings->platform() + ", " + std::to_string(_settings->concurrency()) +
			" at a time, " + std::to_string(_settings->timeoutSeconds()) + " s per image)";
	}
	if (_targets.empty())
	{
		text += "; no storage target (git, dtrack, oci, configmap) is implemented in this build, so every image "
			"is reported as failed after its scan and no pod is annotated";
	}
	else
	{
		text += " and stores it in " + join(_targets.names());
	}
	return text;
}


void SyftBackend::validate(const Poco::Util::AbstractConfiguration& config) const
{
	TargetRequirements::check(config);
	const SyftSettings settings = SyftSettings::load(config);
	std::vector<std::string> unavailable;
	TargetSet::create(settings.targets(), _targetFactory, unavailable).validate(config);
}


void SyftBackend::start(plugin::BackendContext& context)
{
	_context = &context;
	_settings.reset(new SyftSettings(SyftSettings::load(context.config())));
	std::vector<std::string> unavailable;
	_targets = TargetSet::create(_settings->targets(), _targetFactory, unavailable);

	Poco::Logger& logger = context.logger();
	// Without targets nothing is ever stored: say so where operators look.
	if (_targets.empty()) logger.warning("%s", description());
	else logger.information("%s", description());
	if (!unavailable.empty())
	{
		logger.warning("configured targets not implemented in this build: %s; their SBOMs are not stored", join(unavailable));
	}
	for (const std::string& warning: _settings->warnings()) logger.warning("%s", warning);

	SyftRunner::Options options;
	options.executable = _settings->syftPath();
	options.platform = _settings->platform();
	options.timeout = Poco::Timespan(_settings->timeoutSeconds(), 0);
	options.workRoot = _workRoot;
	options.environment = SyftRunner::currentEnvironment();
	_runner.reset(new SyftRunner(options, _settings->format(), _settings->formatVersion()));
	_metrics.reset(new ScanMetrics(context.metrics()));
	_targets.initialise(context);
}


std::vector<plugin::ImageResult> SyftBackend::process(const plugin::ImageBatch& batch, StopToken& cancel)
{
	if (!_runner) throw Poco::IllegalStateException("the syft backend was not started");
	std::vector<plugin::ImageResult> results(batch.images.size());
	WorkerPool::run(batch.images.size(), static_cast<std::size_t>(_settings->concurrency()), [&](std::size_t index) {
		results[index] = processImage(batch.images[index], cancel);
	});
	if (_targets.empty() && !batch.images.empty())
	{
		_context->logger().warning("cycle %s: none of the %z images was stored: no storage target is implemented in this build",
			batch.cycleId, batch.images.size());
	}
	return results;
}


plugin::ImageResult SyftBackend::processImage(const plugin::ImageTask& image, const StopToken& cancel)
{
	Poco::Logger& logger = _context->logger();
	const ScanResult scan = _runner->scan(image, cancel);
	_metrics->record(scan);
	if (!scan.succeeded())
	{
		logger.warning("no SBOM for %s: %s", image.imageId, scan.message);
		return { image.imageId, false, scan.message };
	}
	logger.debug("Syft generated an SBOM of %z bytes for %s in %.1f s", scan.document.size(), image.imageId, scan.seconds);
	plugin::ImageResult result = _targets.store(image, scan.document, _settings->format());
	if (!result.succeeded && !_targets.empty()) logger.warning("SBOM of %s not stored: %s", image.imageId, result.message);
	return result;
}


bool SyftBackend::supportsOrphans() const
{
	return !_targets.empty();
}


std::vector<plugin::StoredImage> SyftBackend::storedImages()
{
	return _targets.storedImages();
}


std::vector<plugin::ImageResult> SyftBackend::removeImages(const std::vector<std::string>& imageIds)
{
	return _targets.remove(imageIds);
}


void SyftBackend::stop()
{
	_runner.reset();
	_metrics.reset();
	_context = nullptr;
}


} } // namespace sbomop::syft
