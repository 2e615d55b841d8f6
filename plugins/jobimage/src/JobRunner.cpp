//
// JobRunner.cpp
//

#include "sbomop/jobimage/JobRunner.h"
#include "sbomop/core/StopToken.h"
#include "sbomop/jobimage/ImageConfig.h"
#include "sbomop/jobimage/JobNaming.h"
#include "sbomop/jobimage/ObjectFields.h"
#include "sbomop/jobimage/SecretSpecBuilder.h"
#include <Poco/Exception.h>
#include <Poco/Logger.h>
#include <Poco/Stopwatch.h>

namespace sbomop {
namespace jobimage {

using Result = JobWatcher::Result;

bool JobRunner::Outcome::succeeded() const
{
	return result == Result::SUCCEEDED;
}


JobRunner::JobRunner(JobApi& api, const Settings& settings, JobMetrics& metrics, Poco::Logger& logger):
	_api(api),
	_settings(settings),
	_jobs(settings.job, settings.environment),
	_metrics(metrics),
	_logger(logger)
{
}


JobRunner::Outcome JobRunner::run(const std::string& cycleId, const std::vector<const plugin::ImageTask*>& images, StopToken& cancel)
{
	if (images.empty())
	{
		Outcome outcome;
		outcome.result = Result::SUCCEEDED;
		return outcome;
	}
	if (cancel.stopRequested())
	{
		Outcome outcome;
		outcome.result = Result::CANCELLED;
		outcome.message = "cancelled before a Job was started";
		return outcome;
	}
	const ImageConfig::Document config = ImageConfig::render(images, _settings.clusterId, _settings.maxConfigBytes);
	std::vector<std::string> imageIds;
	for (std::size_t i = 0; i < config.imageCount; ++i) imageIds.push_back(images[i]->imageId);
	if (config.imageCount == 0)
	{
		return error("the image-config.json entry of " + images.front()->imageId + " alone exceeds "
			+ std::to_string(_settings.maxConfigBytes) + " bytes", {images.front()->imageId});
	}

	const std::string jobName = JobNaming::jobName(cycleId);
	const std::string secretName = JobNaming::secretName(cycleId);
	try
	{
		_api.createSecret(SecretSpecBuilder::build(_api.ns(), cycleId, config.json, _settings.environment));
	}
	catch (Poco::Exception& exc)
	{
		return error("cannot create Secret " + qualified(secretName) + ": " + exc.displayText(), imageIds);
	}
	std::string uid;
	try
	{
		uid = ObjectFields::metadata(_api.createJob(_jobs.build(_api.ns(), cycleId)), "uid");
	}
	catch (Poco::Exception& exc)
	{
		_api.deleteSecret(secretName);
		return error("cannot create Job " + qualified(jobName) + ": " + exc.displayText(), imageIds);
	}
	try
	{
		_api.setSecretOwner(secretName, jobName, uid);
	}
	catch (Poco::Exception& exc)
	{
		// Not fatal: the Secret is deleted explicitly when the Job ends, and
		// the cleanup of leftovers catches it after a crash.
		_logger.warning("cannot make Job %s the owner of Secret %s: %s", qualified(jobName), secretName, exc.displayText());
	}
	_metrics.observeImages(imageIds.size());
	_logger.information("started Job %s with %z images (job image %s)", qualified(jobName), imageIds.size(), _settings.job.image);
	return finish(jobName, uid, secretName, imageIds, cancel);
}


JobRunner::Outcome JobRunner::adopt(const LeftoverJobs::RunningJob& job, StopToken& cancel)
{
	_logger.information("adopting running Job %s with %z images", qualified(job.name), job.imageIds.size());
	return finish(job.name, job.uid, job.secretName, job.imageIds, cancel);
}


JobRunner::Outcome JobRunner::finish(const std::string& name, const std::string& uid, const std::string& secretName,
	const std::vector<std::string>& imageIds, StopToken& cancel)
{
	Poco::Stopwatch stopwatch;
	stopwatch.start();
	JobWatcher watcher(_api.client(), _logger, _settings.watchBackoff);
	const Result result = watcher.wait(_api.ns(), name, uid, cancel);
	const double seconds = static_cast<double>(stopwatch.elapsed()) / 1e6;

	Outcome outcome;
	outcome.result = result.outcome;
	outcome.imageIds = imageIds;
	const std::string job = "Job " + qualified(name);
	switch (result.outcome)
	{
	case Result::SUCCEEDED:
		break;
	case Result::FAILED:
		outcome.message = job + " failed";
		if (!result.state.reason().empty()) outcome.message += ": " + result.state.reason();
		if (!result.state.message().empty()) outcome.message += ": " + result.state.message();
		break;
	case Result::DELETED:
		outcome.message = job + " was deleted before it finished";
		break;
	case Result::CANCELLED:
		outcome.message = "stopped waiting for " + job + "; it keeps running and is adopted by the next cycle";
		break;
	case Result::ERROR:
		outcome.message = "cannot watch " + job + ": " + result.error;
		break;
	}
	_metrics.countRun(JobWatcher::outcomeName(result.outcome));
	if (result.outcome == Result::CANCELLED)
	{
		// Keep Job and Secret: the Job may finish its work, and a restarted
		// operator adopts it (the Secret tells which images it covers).
		_logger.information("%s (waited %.1f s)", outcome.message, seconds);
		return outcome;
	}
	_metrics.observeDuration(seconds);
	if (outcome.succeeded()) _logger.information("%s succeeded after %.1f s (%z images)", job, seconds, imageIds.size());
	else _logger.warning("%s after %.1f s (%z images)", outcome.message, seconds, imageIds.size());
	if (!secretName.empty()) _api.deleteSecret(secretName);
	if (_settings.job.ttlSecondsAfterFinished < 0) _api.deleteJob(name);
	return outcome;
}


JobRunner::Outcome JobRunner::error(const std::string& message, const std::vector<std::string>& imageIds)
{
	_logger.error("%s", message);
	_metrics.countRun("error");
	Outcome outcome;
	outcome.result = Result::ERROR;
	outcome.message = message;
	outcome.imageIds = imageIds;
	return outcome;
}


std::string JobRunner::qualified(const std::string& name) const
{
	return _api.ns() + "/" + name;
}

} } // namespace sbomop::jobimage
