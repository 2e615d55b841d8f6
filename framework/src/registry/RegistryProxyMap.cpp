//
// RegistryProxyMap.cpp
//

#include "sbomop/registry/RegistryProxyMap.h"
#include "sbomop/registry/RegistryException.h"
#include "sbomop/registry/RegistryHost.h"
#include <Poco/String.h>
#include <Poco/StringTokenizer.h>

namespace sbomop {
namespace registry {

namespace {

const std::string OFFICIAL_REPO_PREFIX = "library/";


[[noreturn]] void fail(const std::string& entry, const std::string& problem)
{
	throw InvalidRegistryProxyException("\"" + entry + "\": " + problem);
}


bool isValidProxy(const std::string& proxy)
{
	const std::string::size_type slash = proxy.find('/');
	if (!image::ImageReference::isValidRegistryHost(proxy.substr(0, slash))) return false;
	return slash == std::string::npos || image::ImageReference::isValidRepositoryPath(proxy.substr(slash + 1));
}

} // namespace


RegistryProxyMap::RegistryProxyMap()
{
}


RegistryProxyMap::RegistryProxyMap(const std::vector<std::string>& values)
{
	for (const auto& value: values) addEntries(value);
}


RegistryProxyMap RegistryProxyMap::parse(const std::string& entries)
{
	RegistryProxyMap map;
	map.addEntries(entries);
	return map;
}


void RegistryProxyMap::addEntries(const std::string& list)
{
	const Poco::StringTokenizer entries(list, ",", Poco::StringTokenizer::TOK_TRIM | Poco::StringTokenizer::TOK_IGNORE_EMPTY);
	for (const auto& entry: entries) add(entry);
}


void RegistryProxyMap::add(const std::string& entry)
{
	const std::string trimmed = Poco::trim(entry);
	if (trimmed.empty()) return;

	const std::string::size_type equals = trimmed.find('=');
	if (equals == std::string::npos || trimmed.find('=', equals + 1) != std::string::npos)
	{
		fail(entry, "expected <registry>=<proxy>");
	}
	const std::string source = Poco::trim(trimmed.substr(0, equals));
	std::string proxy = Poco::trim(trimmed.substr(equals + 1));
	while (!proxy.empty() && proxy.back() == '/') proxy.pop_back();

	if (source.empty()) fail(entry, "empty source registry");
	if (proxy.empty()) fail(entry, "empty proxy registry");
	if (!image::ImageReference::isValidRegistryHost(source)) fail(entry, "invalid source registry \"" + source + "\" (expected host[:port])");
	if (!isValidProxy(proxy)) fail(entry, "invalid proxy registry \"" + proxy + "\" (expected host[:port][/path])");

	const std::string key = RegistryHost::canonical(source);
	const auto it = _proxies.find(key);
	if (it != _proxies.end() && it->second != proxy)
	{
		fail(entry, key + " is already mapped to \"" + it->second + "\"");
	}
	_proxies[key] = proxy;
}


std::string RegistryProxyMap::proxyFor(const std::string& registry) const
{
	const auto it = _proxies.find(RegistryHost::canonical(registry));
	return it == _proxies.end() ? std::string() : it->second;
}


image::ImageReference RegistryProxyMap::apply(const image::ImageReference& image) const
{
	if (image.isEmpty()) return image;
	const std::string proxy = proxyFor(image.registry());
	if (proxy.empty()) return image;

	std::string path = image.repository();
	if (RegistryHost::isDockerHub(image.registry()) && path.compare(0, OFFICIAL_REPO_PREFIX.size(), OFFICIAL_REPO_PREFIX) == 0)
	{
		path.erase(0, OFFICIAL_REPO_PREFIX.size());
	}
	std::string rewritten = proxy + "/" + path;
	if (image.hasDigest()) rewritten += "@" + image.digest();
	else rewritten += ":" + (image.hasTag() ? image.tag() : image::ImageReference::DEFAULT_TAG);
	return image::ImageReference::parse(rewritten);
}


} } // namespace sbomop::registry
