//
// CycleRunner.cpp
//

#include "sbomop/controller/CycleRunner.h"
#include "sbomop/controller/Inventory.h"
#include "sbomop/controller/PendingPlanner.h"
#include <Poco/DateTimeFormatter.h>
#include <Poco/Logger.h>
#include <Poco/NumberFormatter.h>
#include <Poco/Random.h>
#include <Poco/Stopwatch.h>
#include <Poco/String.h>
#include <Poco/Timestamp.h>
#include <iterator>
#include <map>

namespace sbomop {
namespace controller {

namespace {

plugin::ContainerRef containerRef(const ContainerUsage& usage)
{
	plugin::ContainerRef ref;
	ref.namespaceName = usage.pod->namespaceName;
	ref.podName = usage.pod->name;
	ref.podUid = usage.pod->uid;
	ref.containerName = usage.containerName;
	ref.kind = kube::containerKindName(usage.kind);
	ref.specImage = usage.specImage.string();
	ref.podLabels = usage.pod->labels;
	ref.podAnnotations = usage.pod->annotations;
	return ref;
}

void collectAnnotations(const PlannedImage& planned, std::vector<ContainerAnnotation>& annotations)
{
	for (const auto* usage: planned.usages)
	{
		annotations.push_back({ usage->pod->namespaceName, usage->pod->name, usage->containerName, planned.image->id.string() });
	}
}

} // namespace

bool CycleReport::ok() const
{
	return failed == 0 && annotationFailures == 0 && orphanFailures == 0 && !backendError && !cancelled;
}

CycleRunner::CycleRunner(plugin::Backend& backend, const CycleSettings& settings, PullCredentials::Fetch fetchSecret,
	PodAnnotator::Patch patchPod, OperatorMetrics& metrics, Poco::Logger& logger):
	_backend(backend),
	_settings(settings),
	_fetchSecret(std::move(fetchSecret)),
	_annotator(std::move(patchPod), logger),
	_metrics(metrics),
	_logger(logger)
{
}

const std::set<std::string>& CycleRunner::processed() const
{
	return _processed;
}

std::string CycleRunner::newCycleId()
{
	static Poco::Random random;
	static Poco::FastMutex mutex;
	Poco::FastMutex::ScopedLock lock(mutex);
	static bool seeded = false;
	if (!seeded)
	{
		random.seed();
		seeded = true;
	}
	return Poco::DateTimeFormatter::format(Poco::Timestamp(), "%Y%m%d-%H%M%S") + "-" + Poco::toLower(Poco::NumberFormatter::formatHex(random.next(0x10000), 4));
}

CycleReport CycleRunner::run(const PodSnapshot& pods, StopToken& cancel)
{
	Poco::Stopwatch watch;
	watch.start();
	CycleReport report;
	report.cycleId = newCycleId();

	Inventory inventory(_logger);
	for (const auto& pod: pods) inventory.addPod(*pod);
	report.imagesKnown = inventory.images().size();
	_metrics.imagesKnown.labels().set(static_cast<double>(report.imagesKnown));
	// Forget images no pod runs any more: the set stays as large as the
	// cluster, and an image that comes back after its SBOM was removed as an
	// orphan is processed again.
	for (auto it = _processed.begin(); it != _processed.end();)
	{
		it = inventory.images().count(*it) ? std::next(it) : _processed.erase(it);
	}

	const Plan plan = PendingPlanner(_settings.ignoreAnnotations, _settings.exclude).plan(inventory, _processed);
	report.pending = plan.pending.size();
	report.annotateOnly = plan.annotateOnly.size();
	_metrics.imagesPending.labels().set(static_cast<double>(report.pending));
	_logger.information("cycle %s: %z pods, %z images, %z pending, %z already processed, %z excluded",
		report.cycleId, pods.size(), report.imagesKnown, report.pending, report.annotateOnly, plan.excludedImages);

	std::vector<ContainerAnnotation> annotations;
	for (const auto& planned: plan.annotateOnly) collectAnnotations(planned, annotations);

	if (!plan.pending.empty() && cancel.stopRequested())
	{
		// Stopped before the backend ran: the images stay pending, which is not a success.
		report.cancelled = true;
	}
	else if (!plan.pending.empty())
	{
		PullCredentials credentials(_fetchSecret, _settings.operatorNamespace, _settings.fallbackPullSecret, _logger);
		const plugin::ImageBatch batch = buildBatch(plan, credentials, report.cycleId);
		processBatch(batch, plan, cancel, report, annotations);
	}

	const AnnotationOutcome outcome = _annotator.annotate(annotations);
	report.podsAnnotated = outcome.podsAnnotated;
	report.annotationFailures = outcome.podsFailed;
	_metrics.podsAnnotated.labels().inc(static_cast<double>(outcome.podsAnnotated));
	_metrics.annotationFailures.labels().inc(static_cast<double>(outcome.podsFailed));

	if (!cancel.stopRequested()) removeOrphans(inventory, report);

	_metrics.imagesPending.labels().set(static_cast<double>(report.failed));
	_metrics.cycles.labels({ report.ok() ? "success" : "failure" }).inc();
	_metrics.cycleDuration.labels().observe(watch.elapsed() / 1e6);
	if (report.ok()) _metrics.lastSuccess.labels().set(static_cast<double>(Poco::Timestamp().epochMicroseconds()) / 1e6);
	_logger.information("cycle %s done in %.3f s: %z succeeded, %z failed, %z pods annotated, %z annotation failures, %z orphans removed",
		report.cycleId, watch.elapsed() / 1e6, report.succeeded, report.failed, report.podsAnnotated, report.annotationFailures, report.orphansRemoved);
	return report;
}

plugin::ImageBatch CycleRunner::buildBatch(const Plan& plan, PullCredentials& credentials, const std::string& cycleId) const
{
	plugin::ImageBatch batch;
	batch.cycleId = cycleId;
	for (const auto& planned: plan.pending)
	{
		const InventoryImage& image = *planned.image;
		plugin::ImageTask task;
		task.imageId = image.id.string();
		task.digest = image.id.digest();
		task.originalReference = planned.usages.front()->specImage.string();
		const image::ImageReference pull = _settings.proxies.apply(image.id.reference());
		task.pullReference = pull.string();
		for (const auto* usage: planned.usages)
		{
			task.containers.push_back(containerRef(*usage));
			// Pods running the same digest may name different pull secrets;
			// the first that yields credentials for the registry is used.
			if (task.credentials.empty()) task.credentials = credentials.resolve(*usage->pod, pull);
		}
		batch.images.push_back(std::move(task));
	}
	return batch;
}

void CycleRunner::processBatch(const plugin::ImageBatch& batch, const Plan& plan, StopToken& cancel, CycleReport& report,
	std::vector<ContainerAnnotation>& annotations)
{
	std::map<std::string, plugin::ImageResult> results;
	try
	{
		for (auto& result: _backend.process(batch, cancel)) results[result.imageId] = result;
	}
	catch (Poco::Exception& exc)
	{
		report.backendError = true;
		_logger.error("backend '%s' failed on cycle %s: %s; no image of the cycle is annotated", _backend.name(), batch.cycleId, exc.displayText());
	}
	catch (std::exception& exc)
	{
		report.backendError = true;
		_logger.error("backend '%s' failed on cycle %s: %s; no image of the cycle is annotated", _backend.name(), batch.cycleId, std::string(exc.what()));
	}
	if (report.backendError) results.clear();

	for (const auto& planned: plan.pending)
	{
		const std::string& imageId = planned.image->id.string();
		auto it = results.find(imageId);
		if (it != results.end() && it->second.succeeded)
		{
			++report.succeeded;
			_processed.insert(imageId);
			collectAnnotations(planned, annotations);
			continue;
		}
		++report.failed;
		const std::string reason = it == results.end() ? "no result from the backend" : it->second.message;
		_logger.warning("image %s failed in backend '%s': %s; its %z containers stay pending", imageId, _backend.name(), reason, planned.usages.size());
	}
	_metrics.backendImages.labels({ _backend.name(), "succeeded" }).inc(static_cast<double>(report.succeeded));
	_metrics.backendImages.labels({ _backend.name(), "failed" }).inc(static_cast<double>(report.failed));
}

void CycleRunner::removeOrphans(const Inventory& inventory, CycleReport& report)
{
	if (!_settings.deleteOrphans || !_backend.supportsOrphans()) return;
	if (inventory.malformedCount() > 0)
	{
		// An image we could not read might be one the backend stores: never
		// remove on an incomplete picture.
		_logger.warning("skipping orphan removal: %z containers have images that could not be read", inventory.malformedCount());
		return;
	}
	std::vector<std::string> orphans;
	try
	{
		for (const auto& stored: _backend.storedImages())
		{
			if (inventory.images().count(stored.imageId) == 0) orphans.push_back(stored.imageId);
		}
	}
	catch (Poco::Exception& exc)
	{
		_logger.warning("skipping orphan removal: backend '%s' cannot list its stored images: %s", _backend.name(), exc.displayText());
		return;
	}
	catch (std::exception& exc)
	{
		_logger.warning("skipping orphan removal: backend '%s' cannot list its stored images: %s", _backend.name(), std::string(exc.what()));
		return;
	}
	if (orphans.empty()) return;
	_logger.information("removing %z orphan images no longer running", orphans.size());
	try
	{
		for (const auto& result: _backend.removeImages(orphans))
		{
			if (result.succeeded)
				++report.orphansRemoved;
			else
			{
				++report.orphanFailures;
				_logger.warning("cannot remove orphan image %s: %s", result.imageId, result.message);
			}
		}
	}
	catch (Poco::Exception& exc)
	{
		report.orphanFailures += orphans.size();
		_logger.warning("orphan removal failed in backend '%s': %s", _backend.name(), exc.displayText());
	}
	catch (std::exception& exc)
	{
		report.orphanFailures += orphans.size();
		_logger.warning("orphan removal failed in backend '%s': %s", _backend.name(), std::string(exc.what()));
	}
	_metrics.orphans.labels({ "removed" }).inc(static_cast<double>(report.orphansRemoved));
	_metrics.orphans.labels({ "failed" }).inc(static_cast<double>(report.orphanFailures));
}

} } // namespace sbomop::controller
