//
// PodBuilder.h
//
// Fills a PodInfo from SchemaHandler events; the per-kind half of the
// streaming pod parser.
//

#ifndef SBOMOP_Kube_PodBuilder_INCLUDED
#define SBOMOP_Kube_PodBuilder_INCLUDED

#include "sbomop/kube/ObjectBuilder.h"
#include "sbomop/kube/PodInfo.h"

namespace sbomop {
namespace kube {

class SBOMOP_API PodBuilder: public ObjectBuilder
	/// Keeps metadata, spec.nodeName, spec.imagePullSecrets[].name, the
	/// name and image of spec.containers/initContainers/ephemeralContainers,
	/// status.phase and name/image/imageID of the three status lists.
	/// Everything else in a pod is skipped unread. Not thread-safe.
{
public:
	PodBuilder();
	~PodBuilder() override;

	const SchemaNode& schema() const override;

	const PodInfo& object() const;
		/// The pod built by the last parse.

	PodInfo take();
		/// Moves the pod out and leaves the builder empty.

	void begin(int slot) override;
	void end(int slot) override;
	void string(int slot, const std::string& value) override;

protected:
	void clear() override;

private:
	PodInfo _pod;
	std::string _pendingName;
	std::string _pendingImage;
	std::string _pendingSecret;
};

} } // namespace sbomop::kube

#endif // SBOMOP_Kube_PodBuilder_INCLUDED
