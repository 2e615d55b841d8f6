//
// DeleteOptions.h
//
// metav1.DeleteOptions as DELETE requests carry them: in the JSON body and/or
// as query parameters (propagationPolicy, orphanDependents,
// gracePeriodSeconds, preconditions, dryRun).
//

#ifndef SBOMOP_KubeSim_DeleteOptions_INCLUDED
#define SBOMOP_KubeSim_DeleteOptions_INCLUDED

#include "kubesim/ListOptions.h"
#include <string>

namespace sbomop {
namespace kubesim {

struct DeleteOptions
	/// Parsed and validated delete options. Value type.
{
	std::string propagationPolicy;   ///< "", "Foreground", "Background" or "Orphan"
	bool hasOrphanDependents = false;
	bool orphanDependents = false;
	std::string preconditionUid;
	std::string preconditionResourceVersion;
	bool dryRun = false;

	static DeleteOptions parse(const std::string& body, const QueryParameters& query);
		/// Body fields win over query parameters. Throws StatusError 400 for a
		/// malformed body, 422 (details.kind DeleteOptions) for an unsupported
		/// propagationPolicy or one combined with orphanDependents.

	std::string effectivePolicy(bool orphanByDefault) const;
		/// The policy to apply: explicit policy, else orphanDependents, else the
		/// type's default.

	bool policyGiven() const;
		/// True when the client chose a policy (explicitly or via orphanDependents).
};

} } // namespace sbomop::kubesim

#endif // SBOMOP_KubeSim_DeleteOptions_INCLUDED
