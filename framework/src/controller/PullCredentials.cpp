//
// PullCredentials.cpp
//

#include "sbomop/controller/PullCredentials.h"
#include "sbomop/registry/CredentialResolver.h"
#include <Poco/Logger.h>

namespace sbomop {
namespace controller {

PullCredentials::PullCredentials(Fetch fetch, const std::string& fallbackNamespace, const std::string& fallbackSecret, Poco::Logger& logger):
	_fetch(std::move(fetch)),
	_fallbackNamespace(fallbackNamespace),
	_fallbackSecret(fallbackSecret),
	_logger(logger)
{
}

const registry::DockerConfig* PullCredentials::config(const std::string& ns, const std::string& name)
{
	const auto key = std::make_pair(ns, name);
	auto it = _cache.find(key);
	if (it != _cache.end()) return it->second.get();

	// A failed read is cached too: one warning per secret and cycle is enough.
	std::unique_ptr<registry::DockerConfig> parsed;
	++_fetches;
	try
	{
		auto secret = _fetch(ns, name);
		if (!secret)
		{
			_logger.warning("pull secret %s/%s not found; its images are pulled without its credentials", ns, name);
		}
		else
		{
			parsed.reset(new registry::DockerConfig(registry::DockerConfig::parse(secret->type, secret->data)));
		}
	}
	catch (Poco::Exception& exc)
	{
		_logger.warning("pull secret %s/%s is unusable: %s; its images are pulled without its credentials", ns, name, exc.message());
	}
	catch (std::exception& exc)
	{
		_logger.warning("pull secret %s/%s is unusable: %s; its images are pulled without its credentials", ns, name, std::string(exc.what()));
	}
	return _cache.emplace(key, std::move(parsed)).first->second.get();
}

registry::RegistryCredentials PullCredentials::resolve(const kube::PodInfo& pod, const image::ImageReference& pullReference)
{
	registry::CredentialResolver resolver;
	for (const auto& name: pod.imagePullSecrets)
	{
		if (const auto* docker = config(pod.namespaceName, name)) resolver.addSource(pod.namespaceName + "/" + name, *docker);
	}
	if (!_fallbackSecret.empty())
	{
		if (const auto* docker = config(_fallbackNamespace, _fallbackSecret)) resolver.addSource(_fallbackNamespace + "/" + _fallbackSecret, *docker);
	}
	return resolver.resolve(pullReference);
}

std::size_t PullCredentials::fetchCount() const
{
	return _fetches;
}

} } // namespace sbomop::controller
