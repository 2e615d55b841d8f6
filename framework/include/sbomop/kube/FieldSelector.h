//
// FieldSelector.h
//
// Kubernetes field selectors (`fieldSelector=`): parser with the API server's
// grammar and messages (k8s.io/apimachinery pkg/fields/selector.go) and a
// matcher over a map of field values. Used by the operator for its requests
// and by kube-sim to answer them.
//

#ifndef SBOMOP_Kube_FieldSelector_INCLUDED
#define SBOMOP_Kube_FieldSelector_INCLUDED

#include "sbomop/Sbomop.h"
#include <map>
#include <set>
#include <string>
#include <vector>

namespace sbomop {
namespace kube {

class SBOMOP_API FieldSelector
	/// An AND of `field=value`, `field==value` (same meaning) and
	/// `field!=value` terms, separated by commas. In values, `\`, `,` and `=`
	/// are escaped with a backslash. The field names are not checked here:
	/// which fields a resource supports is the server's business (see
	/// fields()). The empty selector matches everything.
	/// Immutable after parse(); safe to share between threads.
{
public:
	enum class Operator { Equals, NotEquals };

	struct Requirement
	{
		std::string field;
		Operator op;
		std::string value; ///< Unescaped.
	};

	FieldSelector();
		/// The empty selector.

	static FieldSelector parse(const std::string& text);
		/// Parses `text`. Throws InvalidSelectorException (kube/KubeException.h)
		/// with the API server's message: "invalid selector: '<text>'; can't
		/// understand '<term>'" for a term without operator, "invalid field
		/// selector: invalid escape sequence: \\x" and "invalid field selector:
		/// unescaped character in value: <code point>" for bad values.

	bool matches(const std::map<std::string, std::string>& fields) const;
		/// True if every term holds. A field missing from `fields` has the
		/// value "" (so `f=` matches it and `f!=` does not), as in Kubernetes.

	bool empty() const;

	const std::vector<Requirement>& requirements() const;
		/// Terms in the order Kubernetes keeps them (sorted by their text).

	std::set<std::string> fields() const;
		/// The field names used, so that a server can reject unsupported ones.

	bool requiresExactMatch(const std::string& field, std::string& value) const;
		/// True and the value if a `field=value` term exists (the first one).

	std::string toString() const;
		/// Canonical text (`==` written as `=`, values escaped).

	static std::string escapeValue(const std::string& value);
		/// Escapes `\`, `,` and `=` with a backslash.

	static std::string unescapeValue(const std::string& value);
		/// Reverses escapeValue(). Throws InvalidSelectorException on an
		/// unknown escape, a trailing backslash or an unescaped `,` or `=`.

private:
	std::vector<Requirement> _requirements;
};

} } // namespace sbomop::kube

#endif // SBOMOP_Kube_FieldSelector_INCLUDED
