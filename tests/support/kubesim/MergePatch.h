//
// MergePatch.h
//
// RFC 7386 JSON Merge Patch (`application/merge-patch+json`): objects merge
// recursively, null deletes a key, everything else (arrays included)
// replaces.
//

#ifndef SBOMOP_KubeSim_MergePatch_INCLUDED
#define SBOMOP_KubeSim_MergePatch_INCLUDED

#include <Poco/Dynamic/Var.h>

namespace sbomop {
namespace kubesim {

class MergePatch
	/// Stateless, thread-safe.
{
public:
	static Poco::Dynamic::Var apply(const Poco::Dynamic::Var& target, const Poco::Dynamic::Var& patch);
		/// Returns the merge of `patch` into a deep copy of `target`; neither
		/// argument is modified.
};

} } // namespace sbomop::kubesim

#endif // SBOMOP_KubeSim_MergePatch_INCLUDED
