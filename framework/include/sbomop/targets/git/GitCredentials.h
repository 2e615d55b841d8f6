//
// GitCredentials.h
//
// How the git target authenticates to the repository.
//

#ifndef SBOMOP_Targets_GitCredentials_INCLUDED
#define SBOMOP_Targets_GitCredentials_INCLUDED

#include "sbomop/Sbomop.h"
#include <Poco/Util/AbstractConfiguration.h>
#include <memory>
#include <string>

namespace sbomop {
namespace targets {

class GitHubAppTokenSource;

class SBOMOP_API GitCredentials
	/// One of: no credentials (public repository, or user and password in
	/// the URL), an access token (`git-access-token`, sent as HTTP basic
	/// auth with user "<token>" and the token as password, like the Go
	/// operator), user name and password (`git-username`, `git-password`),
	/// or a GitHub App (`github-app-id`, `github-app-installation-id`,
	/// `github-app-private-key`; user "x-access-token", password an
	/// installation token).
	///
	/// A value type; copies share the GitHub App token source, which is
	/// thread-safe, so resolve() may be called from any thread.
{
public:
	enum Method
	{
		NONE,
		ACCESS_TOKEN,
		USERNAME_PASSWORD,
		GITHUB_APP
	};

	static const std::string TOKEN_USER;
		/// "<token>": the user name the Go operator sends with an access
		/// token (servers ignore it, but it must not be empty).

	GitCredentials();
		/// No credentials.

	static GitCredentials accessToken(const std::string& token);
	static GitCredentials usernamePassword(const std::string& username, const std::string& password);
	static GitCredentials gitHubApp(std::shared_ptr<GitHubAppTokenSource> source);

	static Method selectMethod(const Poco::Util::AbstractConfiguration& config);
		/// The method the git keys select. Throws config::ConfigException
		/// when more than one method is configured, when only one of
		/// `git-username` and `git-password` is set, or when the GitHub App
		/// keys are incomplete (naming the missing key). Never shows a
		/// secret value.

	static GitCredentials fromConfig(const Poco::Util::AbstractConfiguration& config);
		/// The credentials the git keys select (selectMethod()). A GitHub
		/// App token source uses `github-api-url`, `git-ca-cert-file` and
		/// `git-insecure-skip-tls-verify`. Throws config::ConfigException
		/// as selectMethod() and GitHubAppException for an unreadable key.

	Method method() const;

	bool resolve(std::string& username, std::string& password) const;
		/// Sets the user name and password to send; false for NONE. For a
		/// GitHub App this may request a new installation token and throws
		/// GitHubAppException when that fails.

	void refresh() const;
		/// Called when the server refused the credentials: a GitHub App
		/// fetches a new token on the next resolve(). No effect otherwise.

	std::string describe() const;
		/// For logs, without secrets: "no credentials", "access token",
		/// "user <name>", "GitHub App <id>".

	static std::string methodName(Method method);
		/// "none", "access token", "user name and password", "GitHub App".

private:
	Method _method;
	std::string _username;
	std::string _password;
	std::string _appDescription;
	std::shared_ptr<GitHubAppTokenSource> _pAppSource;
};


} } // namespace sbomop::targets

#endif // SBOMOP_Targets_GitCredentials_INCLUDED
