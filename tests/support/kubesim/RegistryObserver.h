//
// RegistryObserver.h
//
// Notifications from the ResourceRegistry to the controllers behind the API
// (the garbage collector and namespace lifecycle, the Job controller).
//

#ifndef SBOMOP_KubeSim_RegistryObserver_INCLUDED
#define SBOMOP_KubeSim_RegistryObserver_INCLUDED

#include "kubesim/ObjectStore.h"

namespace sbomop {
namespace kubesim {

class RegistryObserver
	/// Callbacks run on the writing thread after the store lock is released;
	/// implementations must not block for long.
{
public:
	virtual ~RegistryObserver();

	virtual void objectRemoved(const ResourceInfo& resource, const StoredObjectPtr& object) = 0;
		/// The object left the store; its dependents may have to be collected.

	virtual void deletionRequested(const ResourceInfo& resource, const StoredObjectPtr& object) = 0;
		/// The object got a deletionTimestamp and waits for finalizers
		/// (orphan, foregroundDeletion) or is a terminating namespace.

	virtual void ownerReferencesWritten(const ResourceInfo& resource, const StoredObjectPtr& object) = 0;
		/// An object with ownerReferences was created or updated.

	virtual void objectCreated(const ResourceInfo& resource, const StoredObjectPtr& object);
		/// A client created the object (POST, or a PUT/apply that creates).
		/// Not called for seeded fixtures or dry runs. Does nothing by default.
};

} } // namespace sbomop::kubesim

#endif // SBOMOP_KubeSim_RegistryObserver_INCLUDED
