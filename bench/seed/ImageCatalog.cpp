//
// ImageCatalog.cpp
//

#include "ImageCatalog.h"
#include <Poco/DigestEngine.h>
#include <Poco/Exception.h>
#include <Poco/SHA2Engine.h>

namespace sbomop {
namespace bench {

namespace {

const std::vector<std::string> APP_KINDS = { "api", "worker", "gateway", "web", "consumer", "scheduler", "proxy", "exporter" };
const std::vector<std::string> SIDECAR_REPOSITORIES = { "docker.io/istio/proxyv2", "cr.fluentbit.io/fluent/fluent-bit",
	"docker.io/envoyproxy/envoy", "quay.io/prometheus/node-exporter", "ghcr.io/open-telemetry/opentelemetry-collector" };
const std::vector<std::string> INIT_REPOSITORIES = { "docker.io/library/busybox", "docker.io/library/alpine",
	"docker.io/istio/proxyv2-init", "ghcr.io/groundnuty/k8s-wait-for" };

SeedImage makeImage(const std::string& repository, const std::string& tag)
{
	return { repository, tag, "sha256:" + ImageCatalog::sha256Hex(repository + ":" + tag) };
}

// Versions 1.<major>.<minor> that differ for every index of one repository.
std::string version(std::size_t index)
{
	return "1." + std::to_string(index / 20) + "." + std::to_string(index % 20);
}

void fillShared(std::vector<SeedImage>& images, std::size_t count, const std::vector<std::string>& repositories)
{
	for (std::size_t i = 0; i < count; ++i)
	{
		images.push_back(makeImage(repositories[i % repositories.size()], version(i / repositories.size())));
	}
}

} // namespace

const std::string ImageCatalog::PRIVATE_REGISTRY = "registry.example.com";

std::string SeedImage::specImage() const
{
	return repository + ":" + tag;
}

std::string SeedImage::imageId() const
{
	return repository + "@" + digest;
}

ImageCatalog::ImageCatalog(std::size_t total, const std::vector<std::string>& namespaces)
{
	if (total < 20) throw Poco::InvalidArgumentException("the benchmark cluster needs at least 20 images");
	if (namespaces.empty()) throw Poco::InvalidArgumentException("the benchmark cluster needs at least one namespace");
	const std::size_t sidecars = total * 6 / 100;
	const std::size_t inits = total * 4 / 100;
	const std::size_t apps = total - sidecars - inits;
	for (std::size_t i = 0; i < apps; ++i)
	{
		const std::string& ns = namespaces[i % namespaces.size()];
		const std::string name = APP_KINDS[(i / namespaces.size()) % APP_KINDS.size()] + "-" + std::to_string(i);
		_appNamespaces.push_back(ns);
		_appNames.push_back(name);
		_apps.push_back(makeImage(PRIVATE_REGISTRY + "/" + ns + "/" + name, "1.4." + std::to_string(i % 50)));
	}
	fillShared(_sidecars, sidecars, SIDECAR_REPOSITORIES);
	fillShared(_inits, inits, INIT_REPOSITORIES);
}

std::size_t ImageCatalog::appCount() const
{
	return _apps.size();
}

std::size_t ImageCatalog::sidecarCount() const
{
	return _sidecars.size();
}

std::size_t ImageCatalog::initCount() const
{
	return _inits.size();
}

const SeedImage& ImageCatalog::app(std::size_t index) const
{
	return _apps.at(index);
}

const SeedImage& ImageCatalog::sidecar(std::size_t index) const
{
	return _sidecars.at(index);
}

const SeedImage& ImageCatalog::init(std::size_t index) const
{
	return _inits.at(index);
}

const std::string& ImageCatalog::appNamespace(std::size_t index) const
{
	return _appNamespaces.at(index);
}

const std::string& ImageCatalog::appName(std::size_t index) const
{
	return _appNames.at(index);
}

std::string ImageCatalog::sha256Hex(const std::string& text)
{
	Poco::SHA2Engine engine(Poco::SHA2Engine::SHA_256);
	engine.update(text);
	return Poco::DigestEngine::digestToHex(engine.digest());
}

} } // namespace sbomop::bench
