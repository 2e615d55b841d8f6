//
// RegistryProxyMap.h
//
// Registry proxies (`registry-proxy` option, entries `source=proxy`): images
// from a source registry are pulled through a proxy or mirror registry.
//

#ifndef SBOMOP_Registry_RegistryProxyMap_INCLUDED
#define SBOMOP_Registry_RegistryProxyMap_INCLUDED

#include "sbomop/Sbomop.h"
#include "sbomop/image/ImageReference.h"
#include <map>
#include <string>
#include <vector>

namespace sbomop {
namespace registry {

class SBOMOP_API RegistryProxyMap
	/// Maps source registry hosts to proxy registries. The rewrite only
	/// changes where an image is pulled from; the image's identity (names in
	/// reports, annotations, targets) stays the original reference, and
	/// credentials are looked up for the rewritten (proxy) reference.
	///
	/// apply() follows the Go operator (`ApplyProxyRegistry`):
	///   - the source is compared with the image's registry host (Docker
	///     Hub's aliases are one registry; hosts are case-insensitive; a
	///     port is part of the host);
	///   - for Docker Hub the implicit `library/` prefix is dropped:
	///     `alpine:3.17` with `docker.io=ghcr.io` becomes
	///     `ghcr.io/alpine:3.17`; `bitnami/redis:7` becomes
	///     `ghcr.io/bitnami/redis:7`;
	///   - a digest wins over a tag (`name@digest`); without either the
	///     implied `latest` tag is written out;
	///   - no mapping: the reference is returned unchanged.
	/// Unlike the Go operator, `library/` is kept for other source registries
	/// (where it is an ordinary path component), and only the host is
	/// replaced, never text inside the path.
	///
	/// The proxy may carry a path prefix (`docker.io=harbor.example.com/hub`
	/// gives `harbor.example.com/hub/alpine:3.17`).
	///
	/// Building is not thread-safe; after that, const methods are safe to
	/// call concurrently.
{
public:
	RegistryProxyMap();
		/// An empty map (apply() changes nothing).

	explicit RegistryProxyMap(const std::vector<std::string>& values);
		/// Adds each value; a value may be a comma-separated list of entries
		/// (the option is repeatable and takes comma lists). Throws
		/// InvalidRegistryProxyException.

	static RegistryProxyMap parse(const std::string& entries);
		/// Parses a comma-separated list of `source=proxy` entries. Throws
		/// InvalidRegistryProxyException.

	void add(const std::string& entry);
		/// Adds one `source=proxy` entry (whitespace around either side is
		/// trimmed; an empty or blank entry is ignored). Throws
		/// InvalidRegistryProxyException naming the entry when `=` is missing
		/// or repeated, a side is empty, the source is not a registry host
		/// (`host[:port]`), the proxy is not `host[:port][/path]`, or the
		/// source is already mapped to a different proxy.

	image::ImageReference apply(const image::ImageReference& image) const;
		/// The reference to pull from; see the class description. Throws
		/// InvalidImageReferenceException when the rewritten reference is
		/// invalid (e.g. longer than 255 characters).

	std::string proxyFor(const std::string& registry) const;
		/// The proxy for a registry host, or an empty string.

	bool empty() const;
	std::size_t size() const;

	const std::map<std::string, std::string>& entries() const;
		/// Canonical source host (lowercase, Docker Hub as `docker.io`) to
		/// proxy as configured.

private:
	void addEntries(const std::string& list);

	std::map<std::string, std::string> _proxies;
};


//
// inlines
//
inline bool RegistryProxyMap::empty() const
{
	return _proxies.empty();
}


inline std::size_t RegistryProxyMap::size() const
{
	return _proxies.size();
}


inline const std::map<std::string, std::string>& RegistryProxyMap::entries() const
{
	return _proxies;
}


} } // namespace sbomop::registry

#endif // SBOMOP_Registry_RegistryProxyMap_INCLUDED
