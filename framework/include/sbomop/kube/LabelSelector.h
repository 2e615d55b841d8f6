//
// LabelSelector.h
//
// Kubernetes label selectors: parser with the API server's grammar and error
// messages, and a matcher for local filtering. Used for `pod-label-selector` /
// `namespace-label-selector` (sent as `labelSelector=`) and by kube-sim.
//

#ifndef SBOMOP_Kube_LabelSelector_INCLUDED
#define SBOMOP_Kube_LabelSelector_INCLUDED

#include "sbomop/Sbomop.h"
#include <map>
#include <set>
#include <string>
#include <vector>

namespace sbomop {
namespace kube {

class SBOMOP_API LabelSelector
	/// An AND of requirements: `k`, `!k`, `k=v`, `k==v`, `k!=v`, `k in (a,b)`,
	/// `k notin (a,b)`, `k>n`, `k<n`. The empty selector matches everything.
	/// Immutable after parse(); safe to share between threads.
{
public:
	enum class Operator { Exists, DoesNotExist, Equals, NotEquals, In, NotIn, GreaterThan, LessThan };

	struct Requirement
	{
		std::string key;
		Operator op;
		std::set<std::string> values;
	};

	LabelSelector();
		/// The empty selector.

	static LabelSelector parse(const std::string& text);
		/// Parses `text`. Throws InvalidSelectorException (kube/KubeException.h)
		/// with the API server's message (e.g. "unable to parse requirement:
		/// ...", "for 'in', 'notin' operators, values set can't be empty").

	bool matches(const std::map<std::string, std::string>& labels) const;
	bool empty() const;
	const std::vector<Requirement>& requirements() const;
	std::string toString() const;
		/// Canonical text, suitable for the `labelSelector` query parameter.

private:
	std::vector<Requirement> _requirements;
};

} } // namespace sbomop::kube

#endif // SBOMOP_Kube_LabelSelector_INCLUDED
