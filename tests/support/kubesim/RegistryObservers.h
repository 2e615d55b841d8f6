//
// RegistryObservers.h
//
// The controllers a ResourceRegistry tells about its writes, and what each
// write means to them: an object removed, its deletion requested, owner
// references written, an object created by a client.
//

#ifndef SBOMOP_KubeSim_RegistryObservers_INCLUDED
#define SBOMOP_KubeSim_RegistryObservers_INCLUDED

#include "kubesim/ObjectStore.h"
#include <mutex>
#include <vector>

namespace sbomop {
namespace kubesim {

class RegistryObserver;

class RegistryObservers
	/// Thread-safe. Observers are not owned.
{
public:
	RegistryObservers();

	void set(RegistryObserver* observer);
		/// Replaces all observers by `observer` (null: none).

	void add(RegistryObserver* observer);
	void remove(RegistryObserver* observer);

	void notify(const ResourceInfo& resource, const ObjectStore::WriteResult& result, bool created) const;
		/// Tells every observer, in the order they were added, about a write
		/// that changed the store (none for a no-op). Called without the
		/// store lock held.

private:
	mutable std::mutex _mutex;
	std::vector<RegistryObserver*> _observers;
};

} } // namespace sbomop::kubesim

#endif // SBOMOP_KubeSim_RegistryObservers_INCLUDED
