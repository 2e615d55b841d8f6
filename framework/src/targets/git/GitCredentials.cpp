//
// GitCredentials.cpp
//

#include "sbomop/targets/git/GitCredentials.h"
#include "sbomop/targets/git/GitHubAppTokenSource.h"
#include "sbomop/config/BuiltinKeys.h"
#include "sbomop/config/ConfigException.h"
#include <vector>

namespace sbomop {
namespace targets {

using config::BuiltinKeys;

const std::string GitCredentials::TOKEN_USER("<token>");

namespace {

bool isSet(const Poco::Util::AbstractConfiguration& config, const char* key)
{
	return !config.getString(key, "").empty();
}

} // namespace


GitCredentials::GitCredentials():
	_method(NONE)
{
}


GitCredentials GitCredentials::accessToken(const std::string& token)
{
	GitCredentials credentials;
	credentials._method = ACCESS_TOKEN;
	credentials._username = TOKEN_USER;
	credentials._password = token;
	return credentials;
}


GitCredentials GitCredentials::usernamePassword(const std::string& username, const std::string& password)
{
	GitCredentials credentials;
	credentials._method = USERNAME_PASSWORD;
	credentials._username = username;
	credentials._password = password;
	return credentials;
}


GitCredentials GitCredentials::gitHubApp(std::shared_ptr<GitHubAppTokenSource> source)
{
	GitCredentials credentials;
	credentials._method = GITHUB_APP;
	credentials._username = GitHubAppTokenSource::USER_NAME;
	credentials._pAppSource = std::move(source);
	return credentials;
}


GitCredentials::Method GitCredentials::selectMethod(const Poco::Util::AbstractConfiguration& config)
{
	std::vector<Method> methods;
	if (isSet(config, BuiltinKeys::GIT_ACCESS_TOKEN)) methods.push_back(ACCESS_TOKEN);

	const bool user = isSet(config, BuiltinKeys::GIT_USERNAME);
	const bool password = isSet(config, BuiltinKeys::GIT_PASSWORD);
	if (user && !password)
		throw config::ConfigException::missingValue(BuiltinKeys::GIT_PASSWORD, std::string("required when ") + BuiltinKeys::GIT_USERNAME + " is set");
	if (password && !user)
		throw config::ConfigException::missingValue(BuiltinKeys::GIT_USERNAME, std::string("required when ") + BuiltinKeys::GIT_PASSWORD + " is set");
	if (user) methods.push_back(USERNAME_PASSWORD);

	const char* appKeys[] = { BuiltinKeys::GITHUB_APP_ID, BuiltinKeys::GITHUB_APP_INSTALLATION_ID, BuiltinKeys::GITHUB_APP_PRIVATE_KEY };
	bool anyApp = false;
	for (const char* key: appKeys) anyApp = anyApp || isSet(config, key);
	if (anyApp)
	{
		for (const char* key: appKeys)
		{
			if (!isSet(config, key))
				throw config::ConfigException::missingValue(key, "the GitHub App needs github-app-id, github-app-installation-id and github-app-private-key");
		}
		methods.push_back(GITHUB_APP);
	}

	if (methods.size() > 1)
	{
		std::string names;
		for (Method method: methods)
		{
			if (!names.empty()) names += ", ";
			names += methodName(method);
		}
		throw config::ConfigException("the git target accepts one authentication method, but several are configured (" + names
			+ "); set only one of git-access-token, git-username/git-password or the github-app-* keys",
			BuiltinKeys::GIT_ACCESS_TOKEN, "", "one authentication method", "");
	}
	return methods.empty() ? NONE : methods.front();
}


GitCredentials GitCredentials::fromConfig(const Poco::Util::AbstractConfiguration& config)
{
	switch (selectMethod(config))
	{
	case ACCESS_TOKEN:
		return accessToken(config.getString(BuiltinKeys::GIT_ACCESS_TOKEN));
	case USERNAME_PASSWORD:
		return usernamePassword(config.getString(BuiltinKeys::GIT_USERNAME), config.getString(BuiltinKeys::GIT_PASSWORD));
	case GITHUB_APP:
	{
		auto source = std::make_shared<GitHubAppTokenSource>(
			config.getString(BuiltinKeys::GITHUB_API_URL, "https://api.github.com"),
			config.getString(BuiltinKeys::GITHUB_APP_ID),
			config.getString(BuiltinKeys::GITHUB_APP_INSTALLATION_ID),
			config.getString(BuiltinKeys::GITHUB_APP_PRIVATE_KEY),
			config.getString(BuiltinKeys::GIT_CA_CERT_FILE, ""),
			config.getBool(BuiltinKeys::GIT_INSECURE_SKIP_TLS_VERIFY, false));
		GitCredentials credentials = gitHubApp(source);
		credentials._appDescription = config.getString(BuiltinKeys::GITHUB_APP_ID);
		return credentials;
	}
	case NONE:
		break;
	}
	return GitCredentials();
}


GitCredentials::Method GitCredentials::method() const
{
	return _method;
}


bool GitCredentials::resolve(std::string& username, std::string& password) const
{
	switch (_method)
	{
	case NONE:
		return false;
	case GITHUB_APP:
		username = _username;
		password = _pAppSource->token();
		return true;
	default:
		username = _username;
		password = _password;
		return true;
	}
}


void GitCredentials::refresh() const
{
	if (_pAppSource) _pAppSource->invalidate();
}


std::string GitCredentials::describe() const
{
	switch (_method)
	{
	case ACCESS_TOKEN:
		return "access token";
	case USERNAME_PASSWORD:
		return "user " + _username;
	case GITHUB_APP:
		return _appDescription.empty() ? "GitHub App" : "GitHub App " + _appDescription;
	case NONE:
		break;
	}
	return "no credentials";
}


std::string GitCredentials::methodName(Method method)
{
	switch (method)
	{
	case ACCESS_TOKEN: return "access token";
	case USERNAME_PASSWORD: return "user name and password";
	case GITHUB_APP: return "GitHub App";
	case NONE: break;
	}
	return "none";
}


} } // namespace sbomop::targets
