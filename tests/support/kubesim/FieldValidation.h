//
// FieldValidation.h
//
// The `fieldValidation` query parameter of create, update and patch
// (Ignore, Warn - the default - or Strict) and what the API server does with
// the problems a SchemaValidator finds: unknown fields dropped, warned about
// or rejected; wrong types and missing required fields always rejected; the
// messages of the JSON decoder, the patch handler and server-side apply.
//

#ifndef SBOMOP_KubeSim_FieldValidation_INCLUDED
#define SBOMOP_KubeSim_FieldValidation_INCLUDED

#include "kubesim/ResourceCatalog.h"
#include <Poco/JSON/Object.h>
#include <string>
#include <vector>

namespace sbomop {
namespace kubesim {

class SchemaValidator;

class FieldValidation
	/// Stateless, thread-safe. Without a schema (no --openapi-dir) or for a
	/// kind the schema does not cover, every check passes.
{
public:
	enum class Directive { Ignore, Warn, Strict };

	enum class Source
		/// Where the checked object came from; decides the error wording.
	{
		Body,    ///< the body of a create or update
		Patch,   ///< the result of a JSON, merge or strategic merge patch
		Apply    ///< a server-side apply configuration
	};

	static Directive parse(const std::string& value, const std::string& optionsKind);
		/// "" (= Warn), "Ignore", "Warn" or "Strict". Throws StatusError 422
		/// (details.kind `optionsKind`, e.g. CreateOptions) for anything else.

	static void decode(const SchemaValidator* schema, const ResourceInfo& resource, const Poco::JSON::Object::Ptr& object,
		Directive directive, Source source, std::vector<std::string>& warnings);
		/// Checks `object` as the API server's decoder would and drops its
		/// unknown fields (in place). Throws StatusError: 400 for a value of the
		/// wrong type (422 for patches), 400 `strict decoding error: unknown
		/// field "spec.foo"` with Strict, and for Source::Apply 400 `failed to
		/// create typed patch object (...): .spec.foo: field not declared in
		/// schema` whatever the directive. With Warn adds `unknown field
		/// "spec.foo"` to `warnings`.

	static void requireFields(const SchemaValidator* schema, const ResourceInfo& resource, const Poco::JSON::Object::Ptr& object);
		/// After defaulting: throws StatusError 422 Invalid with a
		/// `<path>: Required value` cause for every absent required field.
};

} } // namespace sbomop::kubesim

#endif // SBOMOP_KubeSim_FieldValidation_INCLUDED
