//
// NamespaceBuilder.h
//
// Fills a NamespaceInfo from SchemaHandler events; the per-kind half of the
// streaming namespace parser.
//

#ifndef SBOMOP_Kube_NamespaceBuilder_INCLUDED
#define SBOMOP_Kube_NamespaceBuilder_INCLUDED

#include "sbomop/kube/NamespaceInfo.h"
#include "sbomop/kube/ObjectBuilder.h"

namespace sbomop {
namespace kube {

class SBOMOP_API NamespaceBuilder: public ObjectBuilder
	/// Keeps name, uid, resourceVersion and labels; skips everything else.
	/// Not thread-safe.
{
public:
	NamespaceBuilder();
	~NamespaceBuilder() override;

	const SchemaNode& schema() const override;

	const NamespaceInfo& object() const;
		/// The namespace built by the last parse.

	NamespaceInfo take();
		/// Moves the namespace out and leaves the builder empty.

protected:
	void clear() override;

private:
	NamespaceInfo _namespace;
};

} } // namespace sbomop::kube

#endif // SBOMOP_Kube_NamespaceBuilder_INCLUDED
