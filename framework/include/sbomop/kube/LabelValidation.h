//
// LabelValidation.h
//
// Syntax checks for label keys and values with the API server's messages
// (k8s.io/apimachinery pkg/util/validation), and the formatting of
// field errors (pkg/util/validation/field) that those messages travel in.
//

#ifndef SBOMOP_Kube_LabelValidation_INCLUDED
#define SBOMOP_Kube_LabelValidation_INCLUDED

#include "sbomop/Sbomop.h"
#include <string>
#include <vector>

namespace sbomop {
namespace kube {

class SBOMOP_API LabelValidation
	/// Stateless helpers; safe to call from any thread.
{
public:
	static std::vector<std::string> keyErrors(const std::string& key);
		/// What is wrong with `key` as a label key (qualified name: optional
		/// DNS-1123 subdomain prefix of at most 253 characters and '/', then a
		/// name of at most 63 characters `[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?`),
		/// one message per problem, worded like IsQualifiedName. Empty if valid.

	static std::vector<std::string> valueErrors(const std::string& value);
		/// What is wrong with `value` as a label value (empty, or at most 63
		/// characters of the name syntax), worded like IsValidLabelValue.

	static bool isValidKey(const std::string& key);
	static bool isValidValue(const std::string& value);

	static std::string invalidValueError(const std::string& path, const std::string& value, const std::vector<std::string>& details);
		/// Formats a field.Invalid error: `<path>: Invalid value: "<value>": d1; d2`.

	static std::string aggregate(const std::vector<std::string>& errors);
		/// Formats several errors like utilerrors.Aggregate: a single message
		/// as is, several as "[a, b]" with duplicates removed.

	static std::string quote(const std::string& text);
		/// Go's %q: a double-quoted literal with \" \\ and control bytes escaped.
};

} } // namespace sbomop::kube

#endif // SBOMOP_Kube_LabelValidation_INCLUDED
