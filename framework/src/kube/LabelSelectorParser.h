//
// LabelSelectorParser.h
//
// Internal to LabelSelector: the lexer and recursive-descent parser of the
// Kubernetes label selector grammar.
//

#ifndef SBOMOP_Kube_LabelSelectorParser_INCLUDED
#define SBOMOP_Kube_LabelSelectorParser_INCLUDED

#include "sbomop/kube/LabelSelector.h"
#include <cstdint>
#include <string>
#include <vector>

namespace sbomop {
namespace kube {

class LabelSelectorParser
	/// A port of k8s.io/apimachinery pkg/labels/selector.go `Parse` (v1.28).
	/// Stateless; safe to call from any thread.
{
public:
	static std::vector<LabelSelector::Requirement> parse(const std::string& text);
		/// Returns the requirements in written order. Throws
		/// InvalidSelectorException with the API server's message.

	static bool parseInteger(const std::string& text, std::int64_t* value);
		/// strconv.ParseInt(text, 10, 64): optional sign, decimal digits, 64-bit
		/// range. Stores the result in `value` when it is not null.
};

} } // namespace sbomop::kube

#endif // SBOMOP_Kube_LabelSelectorParser_INCLUDED
