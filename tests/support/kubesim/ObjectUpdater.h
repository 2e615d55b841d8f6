//
// ObjectUpdater.h
//
// How kube-sim's controllers write: read the object, change a copy, update it
// through the registry conditional on the resourceVersion read (main
// resource or /status), and start over on a conflict. Every write is a
// normal API write: validated, with a new resourceVersion and a watch event.
//

#ifndef SBOMOP_KubeSim_ObjectUpdater_INCLUDED
#define SBOMOP_KubeSim_ObjectUpdater_INCLUDED

#include "kubesim/ResourceRegistry.h"
#include <Poco/JSON/Object.h>
#include <functional>
#include <string>

namespace sbomop {
namespace kubesim {

class ObjectUpdater
	/// Thread-safe (the registry is).
{
public:
	using Change = std::function<bool(Poco::JSON::Object::Ptr object)>;
		///< changes the copy it is given; false: nothing to write

	explicit ObjectUpdater(ResourceRegistry& registry);

	bool update(const ResourceInfo& resource, const std::string& ns, const std::string& name, const std::string& uid,
		const Change& change, bool statusOnly) const;
		/// Applies `change` to the current object with uid `uid` (any uid when
		/// empty) and writes it. Returns false when the object is gone, has
		/// another uid, or `change` declined. Other API errors propagate as
		/// StatusError.

	bool removeFinalizer(const ResourceInfo& resource, const std::string& ns, const std::string& name, const std::string& uid,
		const std::string& finalizer) const;
		/// Removes one finalizer (which lets an object being deleted go).

private:
	ResourceRegistry& _registry;
};

} } // namespace sbomop::kubesim

#endif // SBOMOP_KubeSim_ObjectUpdater_INCLUDED
