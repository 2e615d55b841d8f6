//
// SyftBackend.cpp
//

#include "sbomop/syft/SyftBackend.h"
#include "sbomop/targets/TargetRegistry.h"
#include "sbomop/syft/ScanWorkspace.h"
#include "sbomop/syft/TargetRequirements.h"
#include "sbomop/syft/WorkerPool.h"
#include <Poco/Exception.h>
#include <Poco/Logger.h>
#include <Poco/Path.h>
#include <Poco/String.h>

namespace sbomop {
namespace syft {

namespace {

// The storage targets named in `targets`, from the registry that also holds
// the targets other in-process backends register.
std::unique_ptr<targets::Target> builtinTarget(const std::string& name)
{
	return targets::TargetRegistry::builtin().create(name);
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


SyftBackend::SyftBackend(const targets::TargetSet::Factory& targetFactory, const std::string& workRoot):
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
	if (!_settings) return text;
	if (_targets.empty())
	{
		text += "; none of the configured storage targets is available in this build, so every image "
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
	targets::TargetSet::create(settings.targets(), _targetFactory, unavailable).validate(config);
}


void SyftBackend::start(plugin::BackendContext& context)
{
	_context = &context;
	_settings.reset(new SyftSettings(SyftSettings::load(context.config())));
	std::vector<std::string> unavailable;
	_targets = targets::TargetSet::create(_settings->targets(), _targetFactory, unavailable);

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
	// A killed predecessor cannot clean up: its scan directories hold Syft
	// configurations with registry credentials.
	const std::size_t abandoned = ScanWorkspace::removeAbandoned(_workRoot.empty() ? Poco::Path::temp() : _workRoot);
	if (abandoned > 0) logger.information("removed %z scan directories left behind by an earlier run", abandoned);
	_metrics.reset(new ScanMetrics(context.metrics()));
	_targets.initialise(context);
}


std::vector<plugin::ImageResult> SyftBackend::process(const plugin::ImageBatch& batch, StopToken& cancel)
{
	if (!_runner) throw Poco::IllegalStateException("the syft backend was not started");
	std::vector<plugin::ImageResult> results(batch.images.size());
	_targets.beginBatch(batch.cycleId);
	WorkerPool::run(batch.images.size(), static_cast<std::size_t>(_settings->concurrency()), [&](std::size_t index) {
		results[index] = processImage(batch.images[index], cancel);
	});
	// Targets that keep one change per cycle (git) settle their images here;
	// their failures are logged now, the others were logged per image.
	std::vector<bool> deferred(results.size());
	for (std::size_t index = 0; index < results.size(); ++index) deferred[index] = _targets.deferred(results[index].imageId);
	_targets.finishBatch(results);
	for (std::size_t index = 0; index < results.size(); ++index)
	{
		if (deferred[index] && !results[index].succeeded)
		{
			_context->logger().warning("SBOM of %s not stored: %s", results[index].imageId, results[index].message);
		}
	}
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
	if (!result.succeeded && !_targets.empty() && !_targets.deferred(image.imageId))
	{
		logger.warning("SBOM of %s not stored: %s", image.imageId, result.message);
	}
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
