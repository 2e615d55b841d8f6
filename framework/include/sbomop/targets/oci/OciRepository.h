//
// OciRepository.h
//
// The repository named by the `oci-registry` key: where the OCI target pushes
// the SBOM artifacts.
//

#ifndef SBOMOP_Targets_OciRepository_INCLUDED
#define SBOMOP_Targets_OciRepository_INCLUDED

#include "sbomop/Sbomop.h"
#include <Poco/Types.h>
#include <string>

namespace sbomop {
namespace targets {

class SBOMOP_API OciRepository
	/// A registry endpoint plus a repository path, parsed from a value such as
	/// `registry.example.com/sboms`, `127.0.0.1:5000/team/sboms` or
	/// `https://registry.example.com/sboms`:
	///
	///   - an optional `https://` or `http://` prefix selects the scheme
	///     (default `https`; plain `http` only when written explicitly);
	///   - the first path component is the registry when it contains a `.`
	///     or a `:` or is `localhost`; otherwise the repository is on Docker
	///     Hub (`docker.io`, served by `registry-1.docker.io`) and a single
	///     component gets the `library/` prefix, as with image references;
	///   - the repository must follow the distribution grammar (lowercase
	///     components of `[a-z0-9]` separated by `.`, `_`, `__` or dashes,
	///     joined by `/`).
	///
	/// This is the repository the Go sbom-operator pushed to as well: the
	/// value is used as is, without the scanned image's path.
	///
	/// Immutable value; safe to share between threads.
{
public:
	OciRepository();
		/// An empty repository (isEmpty()).

	static OciRepository parse(const std::string& value);
		/// Parses `value`. Throws Poco::SyntaxException with the reason
		/// (empty value, no repository path, bad port, invalid characters).

	bool isEmpty() const;
	const std::string& scheme() const;
		/// "https" or "http".
	const std::string& registry() const;
		/// The registry as written (`host[:port]`), `docker.io` for Docker Hub.
	const std::string& host() const;
		/// The host to connect to (`registry-1.docker.io` for Docker Hub).
	Poco::UInt16 port() const;
		/// The port to connect to (443/80 when not written).
	const std::string& repository() const;
		/// The repository path, e.g. `team/sboms`.
	std::string toString() const;
		/// `registry/repository`, e.g. `127.0.0.1:5000/team/sboms`.

private:
	std::string _scheme;
	std::string _registry;
	std::string _host;
	Poco::UInt16 _port;
	std::string _repository;
};


//
// inlines
//
inline bool OciRepository::isEmpty() const
{
	return _repository.empty();
}

inline const std::string& OciRepository::scheme() const
{
	return _scheme;
}

inline const std::string& OciRepository::registry() const
{
	return _registry;
}

inline const std::string& OciRepository::host() const
{
	return _host;
}

inline Poco::UInt16 OciRepository::port() const
{
	return _port;
}

inline const std::string& OciRepository::repository() const
{
	return _repository;
}

} } // namespace sbomop::targets

#endif // SBOMOP_Targets_OciRepository_INCLUDED
