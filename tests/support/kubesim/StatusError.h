//
// StatusError.h
//
// The error kube-sim answers with: an exception carrying a complete
// Kubernetes `Status` body (code, reason, message, details), plus factory
// functions that shape each error exactly as the real API server does.
//

#ifndef SBOMOP_KubeSim_StatusError_INCLUDED
#define SBOMOP_KubeSim_StatusError_INCLUDED

#include "sbomop/core/Exception.h"
#include <Poco/JSON/Object.h>
#include <string>
#include <vector>

namespace sbomop {
namespace kubesim {

struct ResourceInfo;

struct FieldCause
	/// One entry of `details.causes`: the cause type (serialised as `reason`),
	/// the message body and the field path.
{
	std::string type;
	std::string message;
	std::string field;
};

class StatusError: public sbomop::SbomopException
	/// An API error with its Status body. Copyable; the body is immutable
	/// after construction.
{
public:
	StatusError(int code, const std::string& reason, const std::string& message, Poco::JSON::Object::Ptr details = nullptr);
	StatusError(const StatusError& other);
	~StatusError() noexcept override;
	StatusError& operator = (const StatusError& other);
	const char* name() const noexcept override;
	const char* className() const noexcept override;
	Poco::Exception* clone() const override;
	void rethrow() const override;

	int httpCode() const;
	const std::string& reason() const;
	const std::string& statusMessage() const;

	Poco::JSON::Object::Ptr toStatus() const;
		/// A fresh `{"kind":"Status",...}` object for this error.

	void setRetryAfter(int seconds);
		/// Adds `details.retryAfterSeconds`; the HTTP layer also sends `Retry-After`.
	int retryAfter() const;

	void setContinue(const std::string& token);
		/// Sets `metadata.continue` (used by the 410 of an expired continue token).

	static StatusError notFound(const ResourceInfo& resource, const std::string& name);
		/// 404 `<resource> "<name>" not found`, details.kind = plural resource.
	static StatusError alreadyExists(const ResourceInfo& resource, const std::string& name);
	static StatusError conflict(const ResourceInfo& resource, const std::string& name, const std::string& why);
		/// 409 `Operation cannot be fulfilled on <resource> "<name>": <why>`.
	static StatusError staleConflict(const ResourceInfo& resource, const std::string& name);
		/// The conflict of a write carrying an outdated resourceVersion.
	static StatusError invalid(const ResourceInfo& resource, const std::string& name, const std::vector<FieldCause>& causes);
		/// 422 `<Kind[.group]> "<name>" is invalid: <causes>`, details.kind = Kind.
	static StatusError invalidOptions(const std::string& kind, const std::vector<FieldCause>& causes);
		/// 422 for ListOptions/DeleteOptions (group meta.k8s.io).
	static StatusError badRequest(const std::string& message);
	static StatusError invalidPatch(const std::string& patched, const std::string& error);
		/// 422 of a patch whose result cannot be decoded: ` "" is invalid:
		/// patch: Invalid value: "<patched object>": <error>` (no kind, no name).
	static StatusError forbidden(const ResourceInfo& resource, const std::string& name, const std::string& why);
	static StatusError expired(const std::string& message);
		/// 410 reason Expired.
	static StatusError pathNotFound();
		/// 404 `the server could not find the requested resource`.
	static StatusError methodNotAllowed();
	static StatusError unsupportedMediaType(const std::string& message);
	static StatusError notAcceptable(const std::string& message);
	static StatusError tooLarge(const std::string& message);
	static StatusError unauthorized();
	static StatusError internalError(const std::string& message);
	static StatusError serviceUnavailable(const std::string& message);
	static StatusError timeout(const std::string& message, int retryAfterSeconds);
	static StatusError forCode(int code, const std::string& message);
		/// A Status for an arbitrary code (fault injection), reason from the code.

	static Poco::JSON::Object::Ptr successStatus(Poco::JSON::Object::Ptr details);
		/// `{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Success",...}`.

	static std::string causeBody(const std::string& type, const std::string& detail);
		/// The message body of a field error of `type` (FieldValueRequired,
		/// FieldValueInvalid, ...) with the given detail appended after ": ".

	static std::string quote(const std::string& value);
		/// Go's %q formatting of a string (sbomop::kube::LabelValidation::quote).

private:
	static Poco::JSON::Object::Ptr resourceDetails(const ResourceInfo& resource, const std::string& name);

	int _code;
	std::string _reason;
	std::string _statusMessage;
	Poco::JSON::Object::Ptr _details;
	std::string _continue;
	int _retryAfter;
};

} } // namespace sbomop::kubesim

#endif // SBOMOP_KubeSim_StatusError_INCLUDED
