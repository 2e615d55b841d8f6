//
// ObjectPreparer.h
//
// Turns request bodies into the objects the store keeps: kind/apiVersion and
// namespace normalisation, Secret stringData, server-owned metadata on create
// (uid, creationTimestamp, generation) and the carry-over rules of updates
// (server-owned fields and status kept, generation bumped on spec change,
// status writes touching nothing but status).
//

#ifndef SBOMOP_KubeSim_ObjectPreparer_INCLUDED
#define SBOMOP_KubeSim_ObjectPreparer_INCLUDED

#include "kubesim/ObjectStore.h"
#include <Poco/JSON/Object.h>
#include <string>

namespace sbomop {
namespace kubesim {

class ObjectPreparer
	/// Stateless, thread-safe. Functions returning an object work on a copy
	/// unless stated otherwise.
{
public:
	static Poco::JSON::Object::Ptr normalize(const ResourceInfo& resource, const std::string& ns, const Poco::JSON::Object::Ptr& body);
		/// A deep copy of `body` with kind/apiVersion set, metadata.namespace set
		/// to `ns` (removed for cluster-scoped types) and stringData merged.
		/// Throws StatusError 400 for another kind or a different body namespace.

	static void prepareCreate(const ResourceInfo& resource, Poco::JSON::Object::Ptr object);
		/// In place: replaces server-owned metadata (new uid, creationTimestamp,
		/// generation 1) and applies defaults and the type's create strategy.

	static Poco::JSON::Object::Ptr prepareUpdate(const ResourceInfo& resource, const StoredObject& current, const Poco::JSON::Object::Ptr& incoming, bool statusOnly);
		/// The object to store for an update of `current` with `incoming`
		/// (which may be modified and returned).

	static void mergeStringData(Poco::JSON::Object::Ptr object);
		/// In place: Secret stringData base64-encoded into data (winning) and removed.

	static bool beingDeleted(const Poco::JSON::Object::Ptr& object);
		/// True when metadata.deletionTimestamp is set.

	static bool hasFinalizers(const Poco::JSON::Object::Ptr& object);
};

} } // namespace sbomop::kubesim

#endif // SBOMOP_KubeSim_ObjectPreparer_INCLUDED
