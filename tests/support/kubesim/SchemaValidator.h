//
// SchemaValidator.h
//
// The OpenAPI v3 schemas of the served kinds (`components.schemas` of the
// documents kube-sim serves with --openapi-dir), used the way the API
// server's decoders use the Go types: to find fields a kind does not declare
// and values of the wrong JSON type, and, after defaulting, the fields the
// schema lists as required.
//

#ifndef SBOMOP_KubeSim_SchemaValidator_INCLUDED
#define SBOMOP_KubeSim_SchemaValidator_INCLUDED

#include "kubesim/OpenApiDocuments.h"
#include "kubesim/ResourceCatalog.h"
#include <Poco/Dynamic/Var.h>
#include <Poco/JSON/Object.h>
#include <map>
#include <string>
#include <vector>

namespace sbomop {
namespace kubesim {

class SchemaValidator
	/// Resolves `$ref` (also wrapped in a one-element `allOf`) into
	/// `#/components/schemas/...`; knows the types string, integer (int32
	/// range checked), number, boolean, object (declared `properties`,
	/// `additionalProperties` maps, free-form objects) and array, and
	/// `oneOf` alternatives (Quantity, IntOrString). Null values count as
	/// absent. Immutable after load(); thread-safe.
{
public:
	struct Findings
	{
		std::vector<std::string> unknownFields;
			///< decoder notation, e.g. `spec.template.spec.containers[0].foo`
		std::vector<std::string> undeclaredFields;
			///< server-side apply notation, e.g. `.spec.template.spec.containers[name="c"].foo`
		std::string typeError;
			///< the first value of the wrong type as encoding/json words it ("" = none)
		std::string applyTypeError;
			///< the same in server-side apply notation
		std::vector<std::string> missingRequired;
			///< decoder notation; only filled by missingRequired()
	};

	SchemaValidator();

	void load(const OpenApiDocuments& documents);
		/// Reads the component schemas of every document. Throws
		/// Poco::JSON::JSONException for a malformed document.

	bool covers(const ResourceInfo& resource) const;
		/// True when a schema declares the kind (x-kubernetes-group-version-kind).

	Findings inspect(const ResourceInfo& resource, const Poco::JSON::Object::Ptr& object) const;
		/// Checks `object` against its kind's schema and removes the unknown
		/// fields from it, in place. Nothing is found for kinds not covered.

	std::vector<std::string> missingRequired(const ResourceInfo& resource, const Poco::JSON::Object::Ptr& object) const;
		/// Absent fields the schema lists as required, in decoder notation.

private:
	struct Cursor;
	struct Resolved
	{
		Poco::JSON::Object::Ptr schema;
		std::string name;   ///< component name when reached through $ref
	};

	Resolved resolve(const Poco::JSON::Object::Ptr& schema) const;
	void walk(const Poco::Dynamic::Var& value, const Poco::JSON::Object::Ptr& schema, const Cursor& cursor, bool decode, Findings& findings) const;
	void walkObject(Poco::JSON::Object::Ptr object, const Resolved& node, const Cursor& cursor, bool decode, Findings& findings) const;
	void walkArray(const Poco::JSON::Array::Ptr& array, const Poco::JSON::Object::Ptr& schema, const Resolved& node, const Cursor& cursor, bool decode, Findings& findings) const;
	bool typeMatches(const Poco::Dynamic::Var& value, const Resolved& node) const;
	std::string goType(const Resolved& node) const;
	Findings check(const ResourceInfo& resource, const Poco::JSON::Object::Ptr& object, bool decode) const;

	std::map<std::string, Poco::JSON::Object::Ptr> _schemas;   ///< by component name
	std::map<std::string, std::string> _kinds;                 ///< "group/version/Kind" -> component name
};

} } // namespace sbomop::kubesim

#endif // SBOMOP_KubeSim_SchemaValidator_INCLUDED
