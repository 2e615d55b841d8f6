//
// FieldSelector.h
//
// Kubernetes field selectors (`fieldSelector=`): the grammar of
// apimachinery's fields.ParseSelector plus the per-type label conversion
// (which labels a type supports and how it words a refusal).
//

#ifndef SBOMOP_KubeSim_FieldSelector_INCLUDED
#define SBOMOP_KubeSim_FieldSelector_INCLUDED

#include "kubesim/ResourceCatalog.h"
#include <Poco/JSON/Object.h>
#include <string>
#include <vector>

namespace sbomop {
namespace kubesim {

class FieldSelector
	/// An AND of `field=value`, `field==value` and `field!=value` terms bound to
	/// one resource type. Immutable after parse(); safe to share.
{
public:
	struct Requirement
	{
		std::string field;
		bool equal;
		std::string value;
	};

	FieldSelector();
		/// The empty selector: matches everything.

	static FieldSelector parse(const std::string& text, const ResourceInfo& resource);
		/// Parses `text` (values may escape `\`, `,` and `=` with a backslash)
		/// and checks every label against the type. Throws
		/// sbomop::kube::InvalidSelectorException with the API server's message
		/// (e.g. `field label not supported: foo`).

	bool matches(const Poco::JSON::Object::Ptr& object) const;
	bool empty() const;
	const std::vector<Requirement>& requirements() const;
		/// Requirements in the parser's (sorted) order.

	static std::string fieldValue(const Poco::JSON::Object::Ptr& object, const std::string& field);
		/// The selectable value of `field` in `object` as the API server
		/// computes it ("" when unset; booleans and numbers as text).

private:
	std::vector<Requirement> _requirements;
};

} } // namespace sbomop::kubesim

#endif // SBOMOP_KubeSim_FieldSelector_INCLUDED
