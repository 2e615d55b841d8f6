//
// LeftoverJobs.cpp
//

#include "sbomop/jobimage/LeftoverJobs.h"
#include "sbomop/jobimage/JobNaming.h"
#include "sbomop/jobimage/JobSpecBuilder.h"
#include "sbomop/jobimage/JobState.h"
#include "sbomop/jobimage/ObjectFields.h"
#include <Poco/Exception.h>
#include <Poco/Logger.h>
#include <algorithm>

namespace sbomop {
namespace jobimage {

namespace
{
	std::string secretOf(const Poco::JSON::Object::Ptr& job)
	{
		// Jobs of older builds may lack the volume name; the cycle label still
		// names the Secret.
		const std::string mounted = JobSpecBuilder::secretNameOf(job);
		if (!mounted.empty()) return mounted;
		const std::string cycle = ObjectFields::label(job, JobNaming::CYCLE_LABEL);
		return cycle.empty() ? std::string() : JobNaming::secretName(cycle);
	}
}


LeftoverJobs::LeftoverJobs(JobApi& api, bool keepFinishedJobs, Poco::Logger& logger):
	_api(api),
	_keepFinishedJobs(keepFinishedJobs),
	_logger(logger)
{
}


LeftoverJobs::Findings LeftoverJobs::scan()
{
	Findings findings;
	std::vector<Poco::JSON::Object::Ptr> jobs = _api.listJobs();
	const std::vector<Poco::JSON::Object::Ptr> secrets = _api.listSecrets();
	std::sort(jobs.begin(), jobs.end(), [](const Poco::JSON::Object::Ptr& a, const Poco::JSON::Object::Ptr& b)
		{ return ObjectFields::metadata(a, "name") < ObjectFields::metadata(b, "name"); });

	std::set<std::string> existingSecrets;
	for (const auto& secret: secrets) existingSecrets.insert(ObjectFields::metadata(secret, "name"));
	std::set<std::string> mountedSecrets;
	for (const auto& job: jobs)
	{
		const std::string name = ObjectFields::metadata(job, "name");
		const std::string secretName = secretOf(job);
		mountedSecrets.insert(secretName);
		const JobState state = JobState::of(job);
		if (state.finished() || !ObjectFields::metadata(job, "deletionTimestamp").empty())
		{
			// A finished Job kept for its TTL has no Secret any more: nothing to read or delete.
			collectFinished(job, existingSecrets.count(secretName) > 0 ? secretName : std::string(), findings);
			continue;
		}
		RunningJob running;
		running.name = name;
		running.uid = ObjectFields::metadata(job, "uid");
		running.secretName = secretName;
		try
		{
			running.imageIds = _api.coveredImages(secretName);
			running.coverageKnown = true;
		}
		catch (Poco::Exception& exc)
		{
			_logger.warning("Job %s/%s is still running, but the images it covers are unknown (Secret %s: %s)",
				_api.ns(), name, secretName, exc.displayText());
		}
		findings.running.push_back(running);
	}

	for (const auto& secret: secrets)
	{
		const std::string name = ObjectFields::metadata(secret, "name");
		if (mountedSecrets.count(name) > 0 || !ObjectFields::metadata(secret, "deletionTimestamp").empty()) continue;
		_logger.information("deleting Secret %s/%s: no scan Job uses it", _api.ns(), name);
		if (_api.deleteSecret(name)) ++findings.deletedSecrets;
	}
	return findings;
}


void LeftoverJobs::collectFinished(const Poco::JSON::Object::Ptr& job, const std::string& secretName, Findings& findings)
{
	const std::string name = ObjectFields::metadata(job, "name");
	const JobState state = JobState::of(job);
	if (state.phase() == JobState::SUCCEEDED && !secretName.empty())
	{
		try
		{
			// The job image stored these SBOMs while nobody waited: report them
			// instead of scanning the images again.
			for (const std::string& id: _api.coveredImages(secretName)) findings.succeededImages.insert(id);
		}
		catch (Poco::Exception& exc)
		{
			_logger.debug("completed Job %s/%s: images unknown (Secret %s: %s)", _api.ns(), name, secretName, exc.displayText());
		}
	}
	if (!secretName.empty() && _api.deleteSecret(secretName)) ++findings.deletedSecrets;
	const bool deleting = !ObjectFields::metadata(job, "deletionTimestamp").empty();
	if (deleting || _keepFinishedJobs) return;
	_logger.information("deleting finished Job %s/%s (%s)", _api.ns(), name, state.describe());
	if (_api.deleteJob(name)) ++findings.deletedJobs;
}

} } // namespace sbomop::jobimage
