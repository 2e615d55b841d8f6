//
// OpenApiChecker.h
//
// Checks a JSON object against a schema of the Kubernetes OpenAPI v3
// documents: field names, value types, integer formats and required fields,
// following $ref, allOf and oneOf.
//

#ifndef SBOMOP_Tests_JobImage_OpenApiChecker_INCLUDED
#define SBOMOP_Tests_JobImage_OpenApiChecker_INCLUDED

#include <Poco/Dynamic/Var.h>
#include <Poco/JSON/Object.h>
#include <string>
#include <vector>

namespace sbomop {
namespace jobimage {
namespace test {

class OpenApiChecker
{
public:
	void load(const std::string& path);
		/// Adds the `components.schemas` of an OpenAPI v3 document.

	std::vector<std::string> check(const Poco::JSON::Object::Ptr& object, const std::string& schemaName) const;
		/// Every violation as "<path>: <problem>", e.g.
		/// "spec.template.spec.containers[0].comand: unknown field". Empty when valid.

private:
	Poco::JSON::Object::Ptr resolve(const Poco::JSON::Object::Ptr& schema) const;
	void checkValue(const Poco::Dynamic::Var& value, const Poco::JSON::Object::Ptr& schema, const std::string& path,
		std::vector<std::string>& problems) const;
	void checkObject(const Poco::JSON::Object::Ptr& object, const Poco::JSON::Object::Ptr& schema, const std::string& path,
		std::vector<std::string>& problems) const;

	Poco::JSON::Object::Ptr _schemas = new Poco::JSON::Object;
};

} } } // namespace sbomop::jobimage::test

#endif // SBOMOP_Tests_JobImage_OpenApiChecker_INCLUDED
