//
// ApiKeyRegistry.cpp
//

#include "dtrack/ApiKeyRegistry.h"
#include <Poco/Exception.h>
#include <Poco/String.h>

namespace sbomop {
namespace dtracksim {

ApiKeyRegistry::ApiKeyRegistry()
{
}

void ApiKeyRegistry::add(const std::string& key, const PermissionSet& permissions)
{
	if (key.empty()) throw Poco::InvalidArgumentException("API key must not be empty");
	std::lock_guard<std::mutex> lock(_mutex);
	_keys[key] = permissions;
}

void ApiKeyRegistry::remove(const std::string& key)
{
	std::lock_guard<std::mutex> lock(_mutex);
	_keys.erase(key);
}

bool ApiKeyRegistry::authenticate(const Poco::Net::HTTPRequest& request, PermissionSet& permissions) const
{
	if (request.has("X-Api-Key"))
	{
		return lookup(request.get("X-Api-Key"), permissions);
	}
	if (request.has("Authorization"))
	{
		const std::string& value = request.get("Authorization");
		const std::string prefix = "Bearer ";
		if (value.size() > prefix.size() && Poco::icompare(value.substr(0, prefix.size()), prefix) == 0)
		{
			return lookup(Poco::trim(value.substr(prefix.size())), permissions);
		}
	}
	return false;
}

bool ApiKeyRegistry::lookup(const std::string& key, PermissionSet& permissions) const
{
	std::lock_guard<std::mutex> lock(_mutex);
	auto it = _keys.find(key);
	if (it == _keys.end()) return false;
	permissions = it->second;
	return true;
}

} } // namespace sbomop::dtracksim
