//
// ApiKeyRegistry.h
//
// The API keys dtrack-sim accepts and the permissions of each, and the
// authentication step of every /api/v1 request: `X-Api-Key: <key>` or
// `Authorization: Bearer <token>` (a bearer token is looked up like a key;
// the real server validates a JWT there).
//

#ifndef SBOMOP_DtrackSim_ApiKeyRegistry_INCLUDED
#define SBOMOP_DtrackSim_ApiKeyRegistry_INCLUDED

#include "dtrack/PermissionSet.h"
#include <Poco/Net/HTTPRequest.h>
#include <map>
#include <mutex>
#include <string>

namespace sbomop {
namespace dtracksim {

class ApiKeyRegistry
	/// Thread-safe. Keys are secrets: they are never logged or returned.
{
public:
	ApiKeyRegistry();

	void add(const std::string& key, const PermissionSet& permissions);
		/// Adds a key or replaces the permissions of an existing one.
		/// Throws Poco::InvalidArgumentException for an empty key.

	void remove(const std::string& key);

	bool authenticate(const Poco::Net::HTTPRequest& request, PermissionSet& permissions) const;
		/// True when the request presents a known key; `permissions` then
		/// holds its permissions. As in Alpine's AuthenticationFilter an
		/// X-Api-Key header that is present but unknown fails even when a
		/// valid bearer token is also sent.

private:
	bool lookup(const std::string& key, PermissionSet& permissions) const;

	mutable std::mutex _mutex;
	std::map<std::string, PermissionSet> _keys;
};

} } // namespace sbomop::dtracksim

#endif // SBOMOP_DtrackSim_ApiKeyRegistry_INCLUDED
