//
// NamespaceInfo.h
//
// The slim view of a Namespace that the operator keeps: identity and labels
// (for `namespace-label-selector`).
//

#ifndef SBOMOP_Kube_NamespaceInfo_INCLUDED
#define SBOMOP_Kube_NamespaceInfo_INCLUDED

#include "sbomop/Sbomop.h"
#include <map>
#include <string>

namespace sbomop {
namespace kube {

class NamespaceBuilder;

struct SBOMOP_API NamespaceInfo
	/// Plain value type; copy and compare freely.
{
	using Builder = NamespaceBuilder;

	std::string name;
	std::string uid;
	std::string resourceVersion;
	std::map<std::string, std::string> labels;

	bool operator == (const NamespaceInfo& other) const;
	bool operator != (const NamespaceInfo& other) const;
};

} } // namespace sbomop::kube

#endif // SBOMOP_Kube_NamespaceInfo_INCLUDED
