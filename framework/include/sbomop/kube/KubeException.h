//
// KubeException.h
//
// Exceptions of the Kubernetes client. Errors answered by the API server carry
// the HTTP status code, the Status reason and message (ApiException and its
// subclasses, one per reason the operator reacts to); failures to reach the
// server at all are TransportException; bad local input (kubeconfig, selectors)
// has its own types.
//

#ifndef SBOMOP_Kube_KubeException_INCLUDED
#define SBOMOP_Kube_KubeException_INCLUDED

#include "sbomop/core/Exception.h"
#include <string>

namespace sbomop {
namespace kube {

POCO_DECLARE_EXCEPTION(SBOMOP_API, KubeException, sbomop::SbomopException)

/// The API server could not be reached or the connection broke (DNS, refused,
/// reset, TLS handshake, timeout). Always retryable.
POCO_DECLARE_EXCEPTION(SBOMOP_API, TransportException, KubeException)

/// The kubeconfig or in-cluster configuration is missing or malformed.
POCO_DECLARE_EXCEPTION(SBOMOP_API, KubeConfigException, KubeException)

/// A label or field selector does not follow the Kubernetes grammar. The
/// message matches the API server's wording where one exists.
POCO_DECLARE_EXCEPTION(SBOMOP_API, InvalidSelectorException, KubeException)

/// A response body that is not what the API promises (truncated or malformed
/// JSON, wrong types). Retryable: the next read may succeed.
POCO_DECLARE_EXCEPTION(SBOMOP_API, MalformedResponseException, KubeException)

class SBOMOP_API ApiException: public KubeException
	/// The API server answered with an error status. Carries the HTTP code,
	/// the Status `reason` (e.g. "NotFound", "Conflict") and its `message`.
{
public:
	ApiException(int httpCode, const std::string& reason, const std::string& message, int retryAfterSeconds = -1);
	ApiException(const ApiException& other);
	~ApiException() noexcept override;
	ApiException& operator = (const ApiException& other);
	const char* name() const noexcept override;
	const char* className() const noexcept override;
	Poco::Exception* clone() const override;
	void rethrow() const override;

	int httpCode() const { return _httpCode; }
	const std::string& reason() const { return _reason; }
	const std::string& statusMessage() const { return _statusMessage; }
	int retryAfterSeconds() const { return _retryAfterSeconds; }
		/// Seconds from `Retry-After` or `details.retryAfterSeconds`; -1 when absent.

private:
	int _httpCode;
	std::string _reason;
	std::string _statusMessage;
	int _retryAfterSeconds;
};

#define SBOMOP_DECLARE_API_EXCEPTION(CLS) \
	class SBOMOP_API CLS: public ApiException \
	{ \
	public: \
		using ApiException::ApiException; \
		const char* name() const noexcept override; \
		const char* className() const noexcept override; \
		Poco::Exception* clone() const override; \
		void rethrow() const override; \
	};

SBOMOP_DECLARE_API_EXCEPTION(BadRequestException)        // 400
SBOMOP_DECLARE_API_EXCEPTION(UnauthorizedException)      // 401
SBOMOP_DECLARE_API_EXCEPTION(ForbiddenException)         // 403
SBOMOP_DECLARE_API_EXCEPTION(NotFoundException)          // 404
SBOMOP_DECLARE_API_EXCEPTION(AlreadyExistsException)     // 409 AlreadyExists
SBOMOP_DECLARE_API_EXCEPTION(ConflictException)          // 409 Conflict
SBOMOP_DECLARE_API_EXCEPTION(GoneException)              // 410 Expired / Gone
SBOMOP_DECLARE_API_EXCEPTION(InvalidException)           // 422
SBOMOP_DECLARE_API_EXCEPTION(TooManyRequestsException)   // 429
SBOMOP_DECLARE_API_EXCEPTION(ServerErrorException)       // 5xx

#undef SBOMOP_DECLARE_API_EXCEPTION

} } // namespace sbomop::kube

#endif // SBOMOP_Kube_KubeException_INCLUDED
