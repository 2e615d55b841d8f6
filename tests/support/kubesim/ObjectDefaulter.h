//
// ObjectDefaulter.h
//
// The defaults the real API server fills in on create (a practical subset of
// the v1 defaulting functions and the Job/Namespace strategies), so objects
// read back from kube-sim look like objects from a cluster.
//

#ifndef SBOMOP_KubeSim_ObjectDefaulter_INCLUDED
#define SBOMOP_KubeSim_ObjectDefaulter_INCLUDED

#include "kubesim/ResourceCatalog.h"
#include <Poco/JSON/Object.h>

namespace sbomop {
namespace kubesim {

class ObjectDefaulter
	/// Stateless, thread-safe. Mutates the object passed in.
{
public:
	static void applyDefaults(const ResourceInfo& resource, Poco::JSON::Object::Ptr object);
		/// Field defaults applied on every write (create and update): Pod and
		/// Job pod-template spec defaults, Secret type, Namespace finalizers and
		/// name label, Job spec counters.

	static void prepareForCreate(const ResourceInfo& resource, Poco::JSON::Object::Ptr object);
		/// What the type's create strategy does besides defaulting: Pod status
		/// reset to Pending (with qosClass), Job status cleared and selector and
		/// template labels derived from the Job's uid, Namespace phase Active.
		/// Requires metadata.uid to be set.

private:
	static void defaultPodSpec(Poco::JSON::Object::Ptr spec, bool template_);
	static std::string qosClass(const Poco::JSON::Object::Ptr& spec);
};

} } // namespace sbomop::kubesim

#endif // SBOMOP_KubeSim_ObjectDefaulter_INCLUDED
