//
// CredentialResolver.cpp
//

#include "sbomop/registry/CredentialResolver.h"
#include "sbomop/image/ImageException.h"
#include "sbomop/registry/RegistryHost.h"
#include <Poco/String.h>
#include <Poco/StringTokenizer.h>
#include <algorithm>

namespace sbomop {
namespace registry {

namespace {

std::vector<std::string> splitNonEmpty(const std::string& text, const std::string& separators)
{
	const Poco::StringTokenizer tokens(text, separators, Poco::StringTokenizer::TOK_IGNORE_EMPTY);
	return std::vector<std::string>(tokens.begin(), tokens.end());
}

} // namespace


CredentialResolver::CredentialResolver():
	_sources(0)
{
}


bool CredentialResolver::parseKey(const std::string& key, Entry& entry)
{
	std::string rest = Poco::trim(key);
	const std::string::size_type scheme = rest.find("://");
	if (scheme != std::string::npos) rest.erase(0, scheme + 3);

	const std::string::size_type slash = rest.find('/');
	const std::string hostPort = rest.substr(0, slash);
	if (hostPort.empty()) return false;
	RegistryHost::split(hostPort, entry.host, entry.port);
	entry.host = RegistryHost::canonical(entry.host);

	// Docker and Kubernetes treat `host/v1/` and `host/v2/` as the host itself.
	std::string path = slash == std::string::npos ? std::string() : rest.substr(slash + 1);
	if (path.compare(0, 3, "v1/") == 0 || path.compare(0, 3, "v2/") == 0) path.erase(0, 3);
	entry.path = splitNonEmpty(path, "/");

	if (entry.host.find_first_of("*?[") != std::string::npos)
	{
		try
		{
			for (const auto& label: splitNonEmpty(entry.host, ".")) entry.labels.emplace_back(label);
		}
		catch (image::InvalidImagePatternException&)
		{
			// Kubernetes treats a malformed glob as matching nothing.
			return false;
		}
	}
	return true;
}


void CredentialResolver::addSource(const std::string& name, const DockerConfig& config)
{
	++_sources;
	for (const auto& credentials: config.entries())
	{
		if (credentials.empty()) continue;
		Entry entry;
		entry.source = name;
		entry.key = credentials.registry();
		entry.credentials = credentials;
		if (parseKey(entry.key, entry)) _entries.push_back(std::move(entry));
	}
}


bool CredentialResolver::matches(const Entry& entry, const std::string& host, const std::string& port, const std::vector<std::string>& path)
{
	if (entry.port != port) return false;
	if (entry.labels.empty())
	{
		if (entry.host != host) return false;
	}
	else
	{
		const std::vector<std::string> hostLabels = splitNonEmpty(host, ".");
		if (hostLabels.size() != entry.labels.size()) return false;
		for (std::size_t i = 0; i < hostLabels.size(); ++i)
		{
			if (!entry.labels[i].match(hostLabels[i])) return false;
		}
	}
	if (entry.path.size() > path.size()) return false;
	return std::equal(entry.path.begin(), entry.path.end(), path.begin());
}


std::vector<CredentialResolver::Candidate> CredentialResolver::candidates(const image::ImageReference& image) const
{
	std::string host;
	std::string port;
	RegistryHost::split(image.registry(), host, port);
	host = RegistryHost::canonical(host);
	const std::vector<std::string> path = splitNonEmpty(image.repository(), "/");

	std::vector<const Entry*> found;
	for (const auto& entry: _entries)
	{
		if (matches(entry, host, port, path)) found.push_back(&entry);
	}
	// Entries are in source order already; a stable sort keeps that for ties.
	std::stable_sort(found.begin(), found.end(), [](const Entry* a, const Entry* b)
	{
		if (a->labels.empty() != b->labels.empty()) return a->labels.empty();
		return a->path.size() > b->path.size();
	});

	std::vector<Candidate> result;
	for (const Entry* entry: found)
	{
		result.push_back(Candidate{entry->source, entry->key, entry->credentials.withRegistry(image.registry())});
	}
	return result;
}


RegistryCredentials CredentialResolver::resolve(const image::ImageReference& image) const
{
	const std::vector<Candidate> all = candidates(image);
	return all.empty() ? RegistryCredentials() : all.front().credentials;
}


std::size_t CredentialResolver::sourceCount() const
{
	return _sources;
}


} } // namespace sbomop::registry
