//
// StrategicMergePatch.h
//
// Strategic merge patch (`application/strategic-merge-patch+json`) for the
// built-in types kube-sim serves: a merge patch whose lists with a merge key
// (containers/env/volumes/imagePullSecrets by `name`, conditions by `type`,
// ownerReferences by `uid`, ...) merge element by element, `finalizers`
// merge as a set, and the `$patch` (replace/delete), `$retainKeys`,
// `$deleteFromPrimitiveList/<list>` and `$setElementOrder/<list>` directives.
//

#ifndef SBOMOP_KubeSim_StrategicMergePatch_INCLUDED
#define SBOMOP_KubeSim_StrategicMergePatch_INCLUDED

#include <Poco/Dynamic/Var.h>
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <string>

namespace sbomop {
namespace kubesim {

class StrategicMergePatch
	/// Stateless, thread-safe. The merge keys are looked up by field name,
	/// which is exact for the types served here.
{
public:
	static Poco::JSON::Object::Ptr apply(const Poco::JSON::Object::Ptr& original, const Poco::JSON::Object::Ptr& patch);
		/// Returns the patched deep copy of `original`. A `$patch: delete` at the
		/// top level yields an empty object.

	static std::string mergeKey(const std::string& field);
		/// The merge key of a list field ("" when the list is replaced atomically).

	static bool isSetList(const std::string& field);
		/// True for lists of scalars merged as a set (finalizers).

private:
	static Poco::JSON::Object::Ptr mergeObject(const Poco::JSON::Object::Ptr& original, const Poco::JSON::Object::Ptr& patch);
	static Poco::JSON::Array::Ptr mergeList(const Poco::JSON::Array::Ptr& original, const Poco::JSON::Array::Ptr& patch, const std::string& field);
	static Poco::Dynamic::Var mergeValue(const Poco::Dynamic::Var& original, const Poco::Dynamic::Var& patch, const std::string& field);
};

} } // namespace sbomop::kubesim

#endif // SBOMOP_KubeSim_StrategicMergePatch_INCLUDED
