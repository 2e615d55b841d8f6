//
// CredentialResolver.h
//
// Picks the registry credentials for an image from the pull secrets that
// apply to it (the pod's image pull secrets, then the fallback secret),
// following Kubernetes' interpretation of Docker config keys.
//

#ifndef SBOMOP_Registry_CredentialResolver_INCLUDED
#define SBOMOP_Registry_CredentialResolver_INCLUDED

#include "sbomop/Sbomop.h"
#include "sbomop/image/GlobPattern.h"
#include "sbomop/image/ImageReference.h"
#include "sbomop/registry/DockerConfig.h"
#include "sbomop/registry/RegistryCredentials.h"
#include <string>
#include <vector>

namespace sbomop {
namespace registry {

class SBOMOP_API CredentialResolver
	/// Ordered credential sources, each a DockerConfig with a name for logs
	/// (normally the Secret name).
	///
	/// A config key matches an image when, after dropping any `scheme://`
	/// and a leading `v1/` or `v2/` path component:
	///   - the hosts are equal (case-insensitive; `docker.io`,
	///     `index.docker.io` and `registry-1.docker.io` are one registry), or
	///     the key host is a glob that matches per DNS label (`*.example.com`
	///     matches `a.example.com`, not `example.com` or `a.b.example.com`);
	///   - the ports are equal (both absent, or the same number);
	///   - the key path, if any, is a prefix of the image repository by whole
	///     components (`my-registry.example/images` matches
	///     `my-registry.example/images/app`, not `.../images2/app`).
	///
	/// Specificity: a literal host beats a glob host, then the longer path
	/// wins; ties go to the earlier source, then the earlier key. Entries
	/// without username, password or token are ignored, so an empty entry
	/// never hides usable credentials in a later source.
	///
	/// Building (addSource) is not thread-safe; after that, the const
	/// methods are safe to call concurrently.
{
public:
	struct Candidate
		/// One matching entry.
	{
		std::string source;
			/// The name given to addSource().
		std::string key;
			/// The registry key as written in the Docker config.
		RegistryCredentials credentials;
			/// registry() is the image's registry host.
	};

	CredentialResolver();
		/// A resolver without sources: resolve() always returns empty
		/// credentials.

	void addSource(const std::string& name, const DockerConfig& config);
		/// Appends a source; earlier sources win ties.

	RegistryCredentials resolve(const image::ImageReference& image) const;
		/// The most specific matching credentials, with registry() set to
		/// the image's registry; empty credentials when nothing matches.

	std::vector<Candidate> candidates(const image::ImageReference& image) const;
		/// Every match, most specific first; for trying one after another when
		/// the registry rejects the first.

	std::size_t sourceCount() const;

private:
	struct Entry
	{
		std::string source;
		std::string key;
		RegistryCredentials credentials;
		std::string host;
		std::string port;
		std::vector<image::GlobPattern> labels;
			/// Per-label patterns of a glob host; empty for a literal host.
		std::vector<std::string> path;
	};

	static bool parseKey(const std::string& key, Entry& entry);
	static bool matches(const Entry& entry, const std::string& host, const std::string& port, const std::vector<std::string>& path);

	std::vector<Entry> _entries;
	std::size_t _sources;
};


} } // namespace sbomop::registry

#endif // SBOMOP_Registry_CredentialResolver_INCLUDED
