//
// KubeException.cpp
//

#include "sbomop/kube/KubeException.h"
#include <typeinfo>

namespace sbomop {
namespace kube {

POCO_IMPLEMENT_EXCEPTION(KubeException, sbomop::SbomopException, "Kubernetes error")
POCO_IMPLEMENT_EXCEPTION(TransportException, KubeException, "Kubernetes API unreachable")
POCO_IMPLEMENT_EXCEPTION(KubeConfigException, KubeException, "Kubernetes configuration error")
POCO_IMPLEMENT_EXCEPTION(InvalidSelectorException, KubeException, "Invalid selector")
POCO_IMPLEMENT_EXCEPTION(MalformedResponseException, KubeException, "Malformed API response")

ApiException::ApiException(int httpCode, const std::string& reason, const std::string& message, int retryAfterSeconds):
	KubeException(std::to_string(httpCode) + " " + reason + ": " + message, httpCode),
	_httpCode(httpCode),
	_reason(reason),
	_statusMessage(message),
	_retryAfterSeconds(retryAfterSeconds)
{
}

ApiException::ApiException(const ApiException& other) = default;
ApiException::~ApiException() noexcept = default;
ApiException& ApiException::operator = (const ApiException& other) = default;

const char* ApiException::name() const noexcept { return "Kubernetes API error"; }
const char* ApiException::className() const noexcept { return typeid(*this).name(); }
Poco::Exception* ApiException::clone() const { return new ApiException(*this); }
void ApiException::rethrow() const { throw *this; }

#define SBOMOP_IMPLEMENT_API_EXCEPTION(CLS, NAME) \
	const char* CLS::name() const noexcept { return NAME; } \
	const char* CLS::className() const noexcept { return typeid(*this).name(); } \
	Poco::Exception* CLS::clone() const { return new CLS(*this); } \
	void CLS::rethrow() const { throw *this; }

SBOMOP_IMPLEMENT_API_EXCEPTION(BadRequestException, "Bad request")
SBOMOP_IMPLEMENT_API_EXCEPTION(UnauthorizedException, "Unauthorized")
SBOMOP_IMPLEMENT_API_EXCEPTION(ForbiddenException, "Forbidden")
SBOMOP_IMPLEMENT_API_EXCEPTION(NotFoundException, "Not found")
SBOMOP_IMPLEMENT_API_EXCEPTION(AlreadyExistsException, "Already exists")
SBOMOP_IMPLEMENT_API_EXCEPTION(ConflictException, "Conflict")
SBOMOP_IMPLEMENT_API_EXCEPTION(GoneException, "Gone")
SBOMOP_IMPLEMENT_API_EXCEPTION(InvalidException, "Invalid")
SBOMOP_IMPLEMENT_API_EXCEPTION(TooManyRequestsException, "Too many requests")
SBOMOP_IMPLEMENT_API_EXCEPTION(ServerErrorException, "Server error")

} } // namespace sbomop::kube
