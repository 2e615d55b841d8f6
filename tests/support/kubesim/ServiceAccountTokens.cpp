//
// ServiceAccountTokens.cpp
//

#include "kubesim/ServiceAccountTokens.h"
#include <Poco/Exception.h>
#include <Poco/RandomStream.h>
#include <iomanip>
#include <sstream>

namespace sbomop {
namespace kubesim {

ServiceAccountTokens::ServiceAccountTokens()
{
}

std::string ServiceAccountTokens::userName(const std::string& ns, const std::string& name)
{
	return "system:serviceaccount:" + ns + ":" + name;
}

std::string ServiceAccountTokens::mint(const std::string& ns, const std::string& name)
{
	if (ns.empty() || name.empty()) throw Poco::InvalidArgumentException("a service account needs a namespace and a name");
	Poco::RandomInputStream random;
	std::ostringstream token;
	for (int i = 0; i < 24; ++i)
	{
		token << std::hex << std::setw(2) << std::setfill('0') << (static_cast<unsigned>(random.get()) & 0xffu);
	}
	std::lock_guard<std::mutex> lock(_mutex);
	_users[token.str()] = userName(ns, name);
	return token.str();
}

bool ServiceAccountTokens::find(const std::string& token, std::string& user) const
{
	std::lock_guard<std::mutex> lock(_mutex);
	auto it = _users.find(token);
	if (it == _users.end()) return false;
	user = it->second;
	return true;
}

} } // namespace sbomop::kubesim
