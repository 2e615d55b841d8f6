//
// RegistryCredentials.cpp
//

#include "sbomop/registry/RegistryCredentials.h"
#include <ostream>
#include <tuple>

namespace sbomop {
namespace registry {


RegistryCredentials::RegistryCredentials()
{
}


RegistryCredentials::RegistryCredentials(const std::string& registry, const std::string& username, const std::string& password, const std::string& token):
	_registry(registry),
	_username(username),
	_password(password),
	_token(token)
{
}


bool RegistryCredentials::empty() const
{
	return _username.empty() && _password.empty() && _token.empty();
}


RegistryCredentials RegistryCredentials::withRegistry(const std::string& registry) const
{
	return RegistryCredentials(registry, _username, _password, _token);
}


std::string RegistryCredentials::toString() const
{
	std::string result = _registry.empty() ? std::string("<any registry>") : _registry;
	result += " (";
	result += _username.empty() ? std::string("no username") : "username \"" + _username + "\"";
	result += _password.empty() ? ", no password" : ", password ***";
	result += _token.empty() ? ", no token" : ", token ***";
	result += ")";
	return result;
}


bool RegistryCredentials::operator == (const RegistryCredentials& other) const
{
	return std::tie(_registry, _username, _password, _token) == std::tie(other._registry, other._username, other._password, other._token);
}


std::ostream& operator << (std::ostream& ostr, const RegistryCredentials& credentials)
{
	return ostr << credentials.toString();
}


} } // namespace sbomop::registry
