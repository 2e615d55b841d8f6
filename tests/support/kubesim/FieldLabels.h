//
// FieldLabels.h
//
// The API server's per-type side of field selectors (`fieldSelector=`):
// which labels a type supports (the v1.28 conversion functions), how it
// words a refusal, and the selectable values of an object. The grammar
// itself is sbomop::kube::FieldSelector.
//

#ifndef SBOMOP_KubeSim_FieldLabels_INCLUDED
#define SBOMOP_KubeSim_FieldLabels_INCLUDED

#include "kubesim/ResourceCatalog.h"
#include "sbomop/kube/FieldSelector.h"
#include <Poco/JSON/Object.h>
#include <map>
#include <set>
#include <string>

namespace sbomop {
namespace kubesim {

class FieldLabels
	/// Stateless, thread-safe.
{
public:
	static sbomop::kube::FieldSelector parse(const std::string& text, const ResourceInfo& resource);
		/// Parses `text` and converts its labels for the type (`spec.host` is
		/// `spec.nodeName` for Pods). Throws sbomop::kube::InvalidSelectorException
		/// with the API server's message for bad syntax or a label the type
		/// does not support (e.g. `field label not supported: foo`).

	static std::map<std::string, std::string> values(const Poco::JSON::Object::Ptr& object, const std::set<std::string>& fields);
		/// The selectable values of `fields` in `object` as the API server
		/// computes them ("" when unset; booleans and numbers as text).

	static std::string value(const Poco::JSON::Object::Ptr& object, const std::string& field);
		/// The selectable value of one field.
};

} } // namespace sbomop::kubesim

#endif // SBOMOP_KubeSim_FieldLabels_INCLUDED
