//
// StatusError.cpp
//

#include "kubesim/StatusError.h"
#include "kubesim/Json.h"
#include "kubesim/ResourceCatalog.h"
#include "sbomop/kube/LabelValidation.h"
#include <Poco/JSON/Array.h>
#include <typeinfo>

using Poco::JSON::Array;
using Poco::JSON::Object;

namespace sbomop {
namespace kubesim {

StatusError::StatusError(int code, const std::string& reason, const std::string& message, Object::Ptr details):
	sbomop::SbomopException(std::to_string(code) + " " + reason + ": " + message, code),
	_code(code),
	_reason(reason),
	_statusMessage(message),
	_details(details),
	_retryAfter(-1)
{
}

StatusError::StatusError(const StatusError& other) = default;
StatusError::~StatusError() noexcept = default;
StatusError& StatusError::operator = (const StatusError& other) = default;

const char* StatusError::name() const noexcept { return "Kubernetes API status"; }
const char* StatusError::className() const noexcept { return typeid(*this).name(); }
Poco::Exception* StatusError::clone() const { return new StatusError(*this); }
void StatusError::rethrow() const { throw *this; }

int StatusError::httpCode() const
{
	return _code;
}

const std::string& StatusError::reason() const
{
	return _reason;
}

const std::string& StatusError::statusMessage() const
{
	return _statusMessage;
}

Object::Ptr StatusError::toStatus() const
{
	Object::Ptr status = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
	status->set("kind", "Status");
	status->set("apiVersion", "v1");
	Object::Ptr metadata = new Object;
	if (!_continue.empty()) metadata->set("continue", _continue);
	status->set("metadata", metadata);
	status->set("status", "Failure");
	status->set("message", _statusMessage);
	if (!_reason.empty()) status->set("reason", _reason);
	if (_details || _retryAfter >= 0)
	{
		Object::Ptr details = _details ? Json::deepCopy(_details) : Object::Ptr(new Object);
		if (_retryAfter >= 0) details->set("retryAfterSeconds", _retryAfter);
		status->set("details", details);
	}
	status->set("code", _code);
	return status;
}

void StatusError::setRetryAfter(int seconds)
{
	_retryAfter = seconds;
}

int StatusError::retryAfter() const
{
	return _retryAfter;
}

void StatusError::setContinue(const std::string& token)
{
	_continue = token;
}

Object::Ptr StatusError::resourceDetails(const ResourceInfo& resource, const std::string& name)
{
	Object::Ptr details = new Object;
	details->set("name", name);
	if (!resource.group.empty()) details->set("group", resource.group);
	details->set("kind", resource.plural);
	return details;
}

StatusError StatusError::notFound(const ResourceInfo& resource, const std::string& name)
{
	return StatusError(404, "NotFound", resource.qualifiedResource() + " " + quote(name) + " not found", resourceDetails(resource, name));
}

StatusError StatusError::alreadyExists(const ResourceInfo& resource, const std::string& name)
{
	return StatusError(409, "AlreadyExists", resource.qualifiedResource() + " " + quote(name) + " already exists", resourceDetails(resource, name));
}

StatusError StatusError::conflict(const ResourceInfo& resource, const std::string& name, const std::string& why)
{
	return StatusError(409, "Conflict",
		"Operation cannot be fulfilled on " + resource.qualifiedResource() + " " + quote(name) + ": " + why,
		resourceDetails(resource, name));
}

StatusError StatusError::staleConflict(const ResourceInfo& resource, const std::string& name)
{
	return conflict(resource, name, "the object has been modified; please apply your changes to the latest version and try again");
}

namespace
{
	Array::Ptr causeArray(const std::vector<FieldCause>& causes)
	{
		Array::Ptr array = new Array;
		for (const auto& cause: causes)
		{
			Object::Ptr entry = new Object;
			entry->set("reason", cause.type);
			entry->set("message", cause.message);
			entry->set("field", cause.field);
			array->add(entry);
		}
		return array;
	}

	// field.ErrorList.ToAggregate(): one error prints bare, several in
	// brackets, repeated messages once.
	std::string aggregate(const std::vector<FieldCause>& causes)
	{
		std::vector<std::string> messages;
		for (const auto& cause: causes) messages.push_back(cause.field.empty() ? cause.message : cause.field + ": " + cause.message);
		return sbomop::kube::LabelValidation::aggregate(messages);
	}
}

StatusError StatusError::invalid(const ResourceInfo& resource, const std::string& name, const std::vector<FieldCause>& causes)
{
	Object::Ptr details = new Object;
	details->set("name", name);
	if (!resource.group.empty()) details->set("group", resource.group);
	details->set("kind", resource.kind);
	details->set("causes", causeArray(causes));
	return StatusError(422, "Invalid", resource.qualifiedKind() + " " + quote(name) + " is invalid: " + aggregate(causes), details);
}

StatusError StatusError::invalidOptions(const std::string& kind, const std::vector<FieldCause>& causes)
{
	Object::Ptr details = new Object;
	details->set("group", "meta.k8s.io");
	details->set("kind", kind);
	details->set("causes", causeArray(causes));
	return StatusError(422, "Invalid", kind + ".meta.k8s.io \"\" is invalid: " + aggregate(causes), details);
}

StatusError StatusError::badRequest(const std::string& message)
{
	return StatusError(400, "BadRequest", message);
}

StatusError StatusError::invalidPatch(const std::string& patched, const std::string& error)
{
	const std::vector<FieldCause> causes = {{"FieldValueInvalid", causeBody("FieldValueInvalid", quote(patched) + ": " + error), "patch"}};
	Object::Ptr details = new Object;
	details->set("causes", causeArray(causes));
	// errors.NewInvalid with an empty GroupKind and name, as the patch handler calls it.
	return StatusError(422, "Invalid", " \"\" is invalid: " + aggregate(causes), details);
}

StatusError StatusError::forbidden(const ResourceInfo& resource, const std::string& name, const std::string& why)
{
	return StatusError(403, "Forbidden", resource.qualifiedResource() + " " + quote(name) + " is forbidden: " + why,
		resourceDetails(resource, name));
}

StatusError StatusError::expired(const std::string& message)
{
	return StatusError(410, "Expired", message);
}

StatusError StatusError::pathNotFound()
{
	return StatusError(404, "NotFound", "the server could not find the requested resource", new Object);
}

StatusError StatusError::methodNotAllowed()
{
	return StatusError(405, "MethodNotAllowed", "the server does not allow this method on the requested resource", new Object);
}

StatusError StatusError::unsupportedMediaType(const std::string& message)
{
	return StatusError(415, "UnsupportedMediaType", message);
}

StatusError StatusError::notAcceptable(const std::string& message)
{
	return StatusError(406, "NotAcceptable", message);
}

StatusError StatusError::tooLarge(const std::string& message)
{
	return StatusError(413, "RequestEntityTooLarge", "Request entity too large: " + message);
}

StatusError StatusError::unauthorized()
{
	return StatusError(401, "Unauthorized", "Unauthorized");
}

StatusError StatusError::internalError(const std::string& message)
{
	Object::Ptr details = new Object;
	Array::Ptr causes = new Array;
	Object::Ptr cause = new Object;
	cause->set("message", message);
	causes->add(cause);
	details->set("causes", causes);
	return StatusError(500, "InternalError", "Internal error occurred: " + message, details);
}

StatusError StatusError::serviceUnavailable(const std::string& message)
{
	return StatusError(503, "ServiceUnavailable", message);
}

StatusError StatusError::timeout(const std::string& message, int retryAfterSeconds)
{
	StatusError error(504, "Timeout", "Timeout: " + message, new Object);
	error.setRetryAfter(retryAfterSeconds);
	return error;
}

StatusError StatusError::forCode(int code, const std::string& message)
{
	switch (code)
	{
	case 400: return badRequest(message);
	case 401: return unauthorized();
	case 404: return StatusError(404, "NotFound", message);
	case 409: return StatusError(409, "Conflict", message);
	case 410: return expired(message);
	case 500: return internalError(message);
	case 503: return serviceUnavailable(message);
	case 504: return timeout(message, 1);
	default: return StatusError(code, code >= 500 ? "InternalError" : "BadRequest", message);
	}
}

Object::Ptr StatusError::successStatus(Object::Ptr details)
{
	Object::Ptr status = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
	status->set("kind", "Status");
	status->set("apiVersion", "v1");
	status->set("metadata", Object::Ptr(new Object));
	status->set("status", "Success");
	if (details) status->set("details", details);
	return status;
}

std::string StatusError::causeBody(const std::string& type, const std::string& detail)
{
	std::string prefix;
	if (type == "FieldValueRequired") prefix = "Required value";
	else if (type == "FieldValueInvalid") prefix = "Invalid value";
	else if (type == "FieldValueTooLong") prefix = "Too long";
	else if (type == "FieldValueNotSupported") prefix = "Unsupported value";
	else if (type == "FieldValueForbidden") prefix = "Forbidden";
	else if (type == "FieldValueDuplicate") prefix = "Duplicate value";
	else if (type == "FieldValueTooMany") prefix = "Too many";
	else prefix = "Internal error";
	return detail.empty() ? prefix : prefix + ": " + detail;
}

std::string StatusError::quote(const std::string& value)
{
	return sbomop::kube::LabelValidation::quote(value);
}

} } // namespace sbomop::kubesim
