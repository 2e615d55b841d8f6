//
// JobApi.cpp
//

#include "sbomop/jobimage/JobApi.h"
#include "sbomop/jobimage/ImageConfig.h"
#include "sbomop/jobimage/JobNaming.h"
#include "sbomop/jobimage/SecretSpecBuilder.h"
#include "sbomop/kube/KubeClient.h"
#include "sbomop/kube/KubeException.h"
#include <Poco/JSON/Array.h>
#include <Poco/Logger.h>

namespace sbomop {
namespace jobimage {

using kube::ResourceType;

JobApi::JobApi(kube::KubeClient& client, const std::string& ns, Poco::Logger& logger):
	_client(client),
	_ns(ns),
	_logger(logger)
{
}


const std::string& JobApi::ns() const
{
	return _ns;
}


kube::KubeClient& JobApi::client() const
{
	return _client;
}


Poco::JSON::Object::Ptr JobApi::createSecret(const Poco::JSON::Object::Ptr& secret)
{
	return _client.create(ResourceType::SECRETS, _ns, secret);
}


Poco::JSON::Object::Ptr JobApi::createJob(const Poco::JSON::Object::Ptr& job)
{
	return _client.create(ResourceType::JOBS, _ns, job);
}


void JobApi::setSecretOwner(const std::string& secretName, const std::string& jobName, const std::string& jobUid)
{
	kube::WriteOptions options;
	// Setting the same owner twice is harmless, so a broken connection may retry.
	options.idempotent = true;
	_client.patch(ResourceType::SECRETS, _ns, secretName, kube::PatchType::Merge,
		SecretSpecBuilder::ownerPatch(jobName, jobUid), options);
}


std::vector<std::string> JobApi::coveredImages(const std::string& secretName)
{
	return ImageConfig::imageIds(SecretSpecBuilder::imageConfig(_client.get(ResourceType::SECRETS, _ns, secretName)));
}


std::vector<Poco::JSON::Object::Ptr> JobApi::listJobs()
{
	return list(true);
}


std::vector<Poco::JSON::Object::Ptr> JobApi::listSecrets()
{
	return list(false);
}


std::vector<Poco::JSON::Object::Ptr> JobApi::list(bool jobs)
{
	kube::ListOptions options;
	options.labelSelector = JobNaming::selector(jobs ? JobNaming::JOB_COMPONENT : JobNaming::CONFIG_COMPONENT);
	const Poco::JSON::Object::Ptr list = _client.listObjects(jobs ? ResourceType::JOBS : ResourceType::SECRETS, _ns, options);
	std::vector<Poco::JSON::Object::Ptr> items;
	Poco::JSON::Array::Ptr array = list ? list->getArray("items") : nullptr;
	if (!array) return items;
	for (std::size_t i = 0; i < array->size(); ++i)
	{
		Poco::JSON::Object::Ptr item = array->getObject(static_cast<unsigned>(i));
		if (item) items.push_back(item);
	}
	return items;
}


bool JobApi::deleteJob(const std::string& name)
{
	return remove(true, name);
}


bool JobApi::deleteSecret(const std::string& name)
{
	return remove(false, name);
}


bool JobApi::remove(bool job, const std::string& name)
{
	const char* kind = job ? "Job" : "Secret";
	try
	{
		_client.remove(job ? ResourceType::JOBS : ResourceType::SECRETS, _ns, name, kube::PropagationPolicy::Background);
		_logger.debug("deleted %s %s/%s", std::string(kind), _ns, name);
		return true;
	}
	catch (kube::NotFoundException&)
	{
		return false;
	}
	catch (Poco::Exception& exc)
	{
		_logger.warning("cannot delete %s %s/%s: %s; retried when leftovers are next cleaned up", std::string(kind), _ns, name, exc.displayText());
		return false;
	}
}

} } // namespace sbomop::jobimage
