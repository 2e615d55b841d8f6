//
// FieldValidation.cpp
//

#include "kubesim/FieldValidation.h"
#include "kubesim/Json.h"
#include "kubesim/SchemaValidator.h"
#include "kubesim/StatusError.h"

using Poco::JSON::Object;

namespace sbomop {
namespace kubesim {

namespace
{
	std::string join(const std::vector<std::string>& parts, const std::string& separator)
	{
		std::string text;
		for (std::size_t i = 0; i < parts.size(); ++i) text += (i ? separator : "") + parts[i];
		return text;
	}

	// transformDecodeError() of the create and update handlers.
	std::string cannotHandle(const ResourceInfo& resource, const std::string& error)
	{
		return resource.kind + " in version " + StatusError::quote(resource.version) + " cannot be handled as a " + resource.kind + ": " + error;
	}

	// The structured-merge-diff conversion of an apply configuration.
	StatusError typedPatchError(const ResourceInfo& resource, const Object::Ptr& object, const std::vector<std::string>& errors)
	{
		Object::Ptr metadata = Json::object(object, "metadata");
		const std::string target = Json::string(metadata, "namespace") + "/" + Json::string(metadata, "name") + "; "
			+ resource.group + "/" + resource.version + ", Kind=" + resource.kind;
		const std::string detail = errors.size() == 1 ? errors.front() : "errors:\n  " + join(errors, "\n  ");
		return StatusError::badRequest("failed to create typed patch object (" + target + "): " + detail);
	}
}

FieldValidation::Directive FieldValidation::parse(const std::string& value, const std::string& optionsKind)
{
	if (value.empty() || value == "Warn") return Directive::Warn;
	if (value == "Ignore") return Directive::Ignore;
	if (value == "Strict") return Directive::Strict;
	throw StatusError::invalidOptions(optionsKind, {{"FieldValueNotSupported", StatusError::causeBody("FieldValueNotSupported",
		StatusError::quote(value) + ": supported values: \"\", \"Ignore\", \"Strict\", \"Warn\""), "fieldValidation"}});
}

void FieldValidation::decode(const SchemaValidator* schema, const ResourceInfo& resource, const Object::Ptr& object,
	Directive directive, Source source, std::vector<std::string>& warnings)
{
	if (!schema || !schema->covers(resource)) return;
	const std::string before = source == Source::Patch ? Json::stringify(object) : std::string();
	const SchemaValidator::Findings findings = schema->inspect(resource, object);
	if (source == Source::Apply)
	{
		// Server-side apply converts the whole configuration to the typed
		// schema: an undeclared field fails whatever fieldValidation says.
		std::vector<std::string> errors;
		for (const auto& path: findings.undeclaredFields) errors.push_back(path + ": field not declared in schema");
		if (!findings.applyTypeError.empty()) errors.push_back(findings.applyTypeError);
		if (!errors.empty()) throw typedPatchError(resource, object, errors);
		return;
	}
	if (!findings.typeError.empty())
	{
		if (source == Source::Body) throw StatusError::badRequest(cannotHandle(resource, findings.typeError));
		throw StatusError::invalidPatch(before, findings.typeError);
	}
	if (findings.unknownFields.empty() || directive == Directive::Ignore) return;
	std::vector<std::string> problems;
	for (const auto& path: findings.unknownFields) problems.push_back("unknown field " + StatusError::quote(path));
	if (directive == Directive::Warn)
	{
		warnings.insert(warnings.end(), problems.begin(), problems.end());
		return;
	}
	const std::string error = "strict decoding error: " + join(problems, ", ");
	throw StatusError::badRequest(source == Source::Body ? cannotHandle(resource, error) : error);
}

void FieldValidation::requireFields(const SchemaValidator* schema, const ResourceInfo& resource, const Object::Ptr& object)
{
	if (!schema) return;
	std::vector<FieldCause> causes;
	for (const auto& path: schema->missingRequired(resource, object))
		causes.push_back({"FieldValueRequired", StatusError::causeBody("FieldValueRequired", ""), path});
	if (!causes.empty()) throw StatusError::invalid(resource, Json::string(Json::object(object, "metadata"), "name"), causes);
}

} } // namespace sbomop::kubesim
