//
// JobImageBackend.cpp
//

#include "sbomop/jobimage/JobImageBackend.h"
#include "sbomop/config/ConfigLoader.h"
#include "sbomop/core/StopToken.h"
#include "sbomop/jobimage/ImageConfig.h"
#include "sbomop/jobimage/JobNaming.h"
#include "sbomop/kube/KubeClient.h"
#include "sbomop/plugin/PluginApi.h"
#include <Poco/Exception.h>
#include <Poco/Logger.h>
#include <Poco/Util/AbstractConfiguration.h>

namespace sbomop {
namespace jobimage {

JobImageBackend::JobImageBackend()
{
}


JobImageBackend::JobImageBackend(const std::map<std::string, std::string>& environment):
	_environment(new std::map<std::string, std::string>(environment))
{
}


JobImageBackend::~JobImageBackend() = default;


std::string JobImageBackend::name() const
{
	return "jobimage";
}


std::string JobImageBackend::description() const
{
	return "jobimage backend: per cycle, one Kubernetes Job runs job-image over /sbom/image-config.json "
		"(a Secret with the pending images, their pods and pull credentials); the job image generates and stores "
		"the SBOMs, and the pods of its images are annotated when the Job completes";
}


void JobImageBackend::validate(const Poco::Util::AbstractConfiguration& config) const
{
	JobSettings::fromConfig(config);
}


void JobImageBackend::start(plugin::BackendContext& context)
{
	Poco::Logger& logger = context.logger();
	logger.information("%s", description());

	JobRunner::Settings settings;
	settings.job = JobSettings::fromConfig(context.config());
	settings.environment = JobEnvironment(_environment ? *_environment : config::ConfigLoader::processEnvironment());
	settings.clusterId = context.clusterId();
	settings.maxConfigBytes = ImageConfig::MAX_BYTES;
	for (const std::string& skipped: settings.environment.skipped())
	{
		logger.warning("environment variable %s is not passed to the Job: Kubernetes cannot carry its name or value unchanged", skipped);
	}
	if (!settings.environment.hasOwnerPod())
	{
		logger.information("POD_NAME/POD_UID are not set: scan Jobs get no owner and are removed only by the operator");
	}

	_metrics.reset(new JobMetrics(context.metrics()));
	kube::KubeClient* client = context.kubeClient();
	if (!client)
	{
		logger.warning("no Kubernetes client: every image will be reported as failed");
		return;
	}
	const std::string ns = context.operatorNamespace().empty() ? client->defaultNamespace() : context.operatorNamespace();
	_api.reset(new JobApi(*client, ns, logger));
	_runner.reset(new JobRunner(*_api, settings, *_metrics, logger));
	_leftovers.reset(new LeftoverJobs(*_api, settings.job.ttlSecondsAfterFinished >= 0, logger));
	try
	{
		const LeftoverJobs::Findings findings = _leftovers->scan();
		_completedImages = findings.succeededImages;
		logger.information("leftovers in namespace %s: %z running scan Jobs (adopted by the next cycle), %z finished Jobs and %z Secrets deleted",
			ns, findings.running.size(), findings.deletedJobs, findings.deletedSecrets);
	}
	catch (Poco::Exception& exc)
	{
		logger.warning("cannot look for leftover scan Jobs in namespace %s: %s; trying again in the next cycle", ns, exc.displayText());
	}
}


std::vector<plugin::ImageResult> JobImageBackend::process(const plugin::ImageBatch& batch, StopToken& cancel)
{
	if (batch.images.empty()) return {};
	if (!_runner) return allFailed(batch, "the jobimage backend has no Kubernetes client");

	LeftoverJobs::Findings findings;
	try
	{
		findings = _leftovers->scan();
	}
	catch (Poco::Exception& exc)
	{
		// Without the list a Job of ours might be running: never start a second one.
		return allFailed(batch, "cannot list scan Jobs in namespace " + _api->ns() + ": " + exc.displayText());
	}

	std::set<std::string> batchIds;
	for (const auto& image: batch.images) batchIds.insert(image.imageId);
	Results results;
	_completedImages.insert(findings.succeededImages.begin(), findings.succeededImages.end());
	record(results, batchIds, std::vector<std::string>(_completedImages.begin(), _completedImages.end()), true, "");
	_completedImages.clear();

	adoptRunning(findings.running, batchIds, results, cancel);

	std::vector<const plugin::ImageTask*> remaining;
	for (const auto& image: batch.images)
	{
		if (results.count(image.imageId) > 0) continue;
		remaining.push_back(&image);
	}
	if (!remaining.empty() && !cancel.stopRequested())
	{
		const JobRunner::Outcome outcome = _runner->run(batch.cycleId, remaining, cancel);
		record(results, batchIds, outcome.imageIds, outcome.succeeded(), outcome.message);
	}

	std::vector<plugin::ImageResult> ordered;
	ordered.reserve(batch.images.size());
	for (const auto& image: batch.images)
	{
		auto it = results.find(image.imageId);
		if (it != results.end())
		{
			ordered.push_back(it->second);
			continue;
		}
		const std::string message = cancel.stopRequested()
			? "cancelled before a Job was started for this image"
			: "did not fit into this cycle's image-config.json (limit " + std::to_string(ImageConfig::MAX_BYTES) + " bytes); retried next cycle";
		ordered.push_back({ image.imageId, false, message });
	}
	return ordered;
}


void JobImageBackend::adoptRunning(const std::vector<LeftoverJobs::RunningJob>& jobs, const std::set<std::string>& batchIds,
	Results& results, StopToken& cancel)
{
	for (const auto& job: jobs)
	{
		// Block like for our own Job: one scan Job at a time, and none for
		// images a running Job already covers.
		const JobRunner::Outcome outcome = _runner->adopt(job, cancel);
		record(results, batchIds, outcome.imageIds, outcome.succeeded(), outcome.message);
		if (outcome.result == JobWatcher::Result::CANCELLED) return;
	}
}


void JobImageBackend::record(Results& results, const std::set<std::string>& batchIds, const std::vector<std::string>& imageIds,
	bool succeeded, const std::string& message)
{
	for (const std::string& id: imageIds)
	{
		if (batchIds.count(id) == 0 || results.count(id) > 0) continue;
		results[id] = plugin::ImageResult{ id, succeeded, succeeded ? std::string() : message };
	}
}


std::vector<plugin::ImageResult> JobImageBackend::allFailed(const plugin::ImageBatch& batch, const std::string& message)
{
	std::vector<plugin::ImageResult> results;
	results.reserve(batch.images.size());
	for (const auto& image: batch.images) results.push_back({ image.imageId, false, message });
	return results;
}


void JobImageBackend::stop()
{
	_leftovers.reset();
	_runner.reset();
	_api.reset();
	_metrics.reset();
}

} } // namespace sbomop::jobimage

SBOMOP_EXPORT_BACKEND(sbomop::jobimage::JobImageBackend)
