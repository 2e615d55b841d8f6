//
// GitTransport.cpp
//

#include "sbomop/targets/git/GitTransport.h"
#include "sbomop/core/StopToken.h"
#include <Poco/Exception.h>
#include <git2.h>

namespace sbomop {
namespace targets {


const std::string GitTransport::CANCELLED("cancelled: the operator is shutting down");


GitTransport::GitTransport(const GitCredentials& credentials, bool insecureSkipTlsVerify, const StopToken* pShutdown):
	_credentials(credentials),
	_pShutdown(pShutdown),
	_insecure(insecureSkipTlsVerify),
	_authAttempts(0)
{
}


void GitTransport::install(git_remote_callbacks& callbacks)
{
	callbacks.credentials = credentials;
	callbacks.certificate_check = certificateCheck;
	callbacks.push_update_reference = pushUpdateReference;
	callbacks.transfer_progress = transferProgress;
	callbacks.push_transfer_progress = pushTransferProgress;
	callbacks.sideband_progress = sidebandProgress;
	callbacks.payload = this;
}


const std::string& GitTransport::error() const
{
	return _error;
}


const std::string& GitTransport::rejection() const
{
	return _rejection;
}


int GitTransport::credentials(git_credential** out, const char* /*url*/, const char* /*userFromUrl*/, unsigned int allowed, void* payload)
{
	auto* self = static_cast<GitTransport*>(payload);
	if (int rc = self->cancelIfStopping()) return rc;
	if (!(allowed & GIT_CREDENTIAL_USERPASS_PLAINTEXT))
	{
		git_error_set_str(GIT_ERROR_NET, "the server asks for an authentication method other than user name and password");
		return GIT_EAUTH;
	}
	// libgit2 asks again after every 401: stop instead of looping for ever,
	// and set a message (libgit2's last error would be a stale one).
	if (++self->_authAttempts > MAX_AUTH_ATTEMPTS)
	{
		git_error_set_str(GIT_ERROR_NET, ("authentication failed: the server refused the credentials (" + self->_credentials.describe() + ")").c_str());
		return GIT_EAUTH;
	}
	if (self->_authAttempts > 1) self->_credentials.refresh();
	std::string user, password;
	try
	{
		if (!self->_credentials.resolve(user, password))
		{
			git_error_set_str(GIT_ERROR_NET, "authentication failed: the server requires credentials, but none are configured");
			return GIT_EAUTH;
		}
	}
	catch (Poco::Exception& exc)
	{
		self->_error = exc.displayText();
		git_error_set_str(GIT_ERROR_NET, self->_error.c_str());
		return GIT_EAUTH;
	}
	return git_credential_userpass_plaintext_new(out, user.c_str(), password.c_str());
}


int GitTransport::certificateCheck(git_cert* /*cert*/, int /*valid*/, const char* /*host*/, void* payload)
{
	auto* self = static_cast<GitTransport*>(payload);
	if (int rc = self->cancelIfStopping()) return rc;
	// GIT_PASSTHROUGH keeps libgit2's own verdict and its error message.
	return self->_insecure ? 0 : GIT_PASSTHROUGH;
}


int GitTransport::pushUpdateReference(const char* refname, const char* status, void* payload)
{
	if (status)
	{
		auto* self = static_cast<GitTransport*>(payload);
		self->_rejection = std::string(refname) + ": " + status;
	}
	return 0;
}


int GitTransport::transferProgress(const git_indexer_progress* /*stats*/, void* payload)
{
	return static_cast<GitTransport*>(payload)->cancelIfStopping();
}


int GitTransport::pushTransferProgress(unsigned int /*current*/, unsigned int /*total*/, size_t /*bytes*/, void* payload)
{
	return static_cast<GitTransport*>(payload)->cancelIfStopping();
}


int GitTransport::sidebandProgress(const char* /*text*/, int /*length*/, void* payload)
{
	return static_cast<GitTransport*>(payload)->cancelIfStopping();
}


int GitTransport::cancelIfStopping()
{
	if (!_pShutdown || !_pShutdown->stopRequested()) return 0;
	_error = CANCELLED;
	git_error_set_str(GIT_ERROR_NET, CANCELLED.c_str());
	return GIT_EUSER;
}


} } // namespace sbomop::targets
