//
// StatusMapper.h
//
// Turns API server error responses (Status objects, or whatever a proxy or
// the priority-and-fairness filter sent instead) into the typed exceptions of
// KubeException.h.
//

#ifndef SBOMOP_Kube_StatusMapper_INCLUDED
#define SBOMOP_Kube_StatusMapper_INCLUDED

#include "sbomop/Sbomop.h"
#include "sbomop/kube/KubeException.h"
#include <Poco/JSON/Object.h>
#include <Poco/Timestamp.h>
#include <memory>
#include <string>

namespace sbomop {
namespace kube {

class SBOMOP_API StatusMapper
	/// Stateless mapping from HTTP error responses to ApiException subclasses:
	///
	///   400 BadRequestException, 401 UnauthorizedException, 403 ForbiddenException,
	///   404 NotFoundException, 409 AlreadyExistsException (reason AlreadyExists)
	///   or ConflictException (any other reason), 410 GoneException,
	///   422 InvalidException, 429 TooManyRequestsException, 5xx ServerErrorException,
	///   any other code: ApiException.
	///
	/// A body that is a `Status` object supplies reason, message and
	/// `details.retryAfterSeconds`. Any other body (plain-text 429 from API
	/// priority and fairness, HTML from a proxy, empty) falls back to the HTTP
	/// status with the reason client-go would use. All functions are thread-safe.
{
public:
	static std::unique_ptr<ApiException> fromResponse(int httpStatus, const std::string& body, int retryAfterHeaderSeconds = -1);
		/// The exception for an HTTP error response. `retryAfterHeaderSeconds`
		/// is the parsed `Retry-After` header (-1 if absent); it wins over
		/// `details.retryAfterSeconds`.

	static std::unique_ptr<ApiException> fromStatus(const Poco::JSON::Object::Ptr& status, int fallbackCode, int retryAfterHeaderSeconds = -1);
		/// The exception for a Status object, e.g. the object of a watch ERROR
		/// event. Uses the Status `code`, or `fallbackCode` when it has none.

	static std::unique_ptr<ApiException> create(int code, const std::string& reason, const std::string& message, int retryAfterSeconds = -1);
		/// The exception class for `code` (and `reason`, for 409).

	[[noreturn]] static void raise(int httpStatus, const std::string& body, int retryAfterHeaderSeconds = -1);
		/// Throws fromResponse(...) with its dynamic type.

	static int parseRetryAfter(const std::string& headerValue, const Poco::Timestamp& now = Poco::Timestamp());
		/// Seconds requested by a `Retry-After` header: delta-seconds or an
		/// HTTP-date (rounded up, never negative). -1 if empty or unparsable.

	static std::string defaultReason(int httpStatus);
		/// The Status reason client-go assumes for a response without a Status
		/// body, e.g. "TooManyRequests" for 429, "InternalError" for 502.
};

} } // namespace sbomop::kube

#endif // SBOMOP_Kube_StatusMapper_INCLUDED
