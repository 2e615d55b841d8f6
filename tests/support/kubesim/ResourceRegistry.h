//
// ResourceRegistry.h
//
// The API semantics of kube-sim on top of the ObjectStore, shaped after the
// API server's generic registry: create/get/list/update/patch/delete with
// server-owned metadata, defaulting, validation, optimistic concurrency,
// stringData, generateName, list pagination and resourceVersion rules,
// finalizers and deletion propagation. Used by the HTTP layer and directly
// by tests (seeding and assertions).
//

#ifndef SBOMOP_KubeSim_ResourceRegistry_INCLUDED
#define SBOMOP_KubeSim_ResourceRegistry_INCLUDED

#include "kubesim/DeleteOptions.h"
#include "kubesim/FieldValidation.h"
#include "kubesim/ListOptions.h"
#include "kubesim/ListReader.h"
#include "kubesim/ObjectStore.h"
#include "kubesim/RegistryObservers.h"
#include <Poco/JSON/Object.h>
#include <functional>
#include <string>
#include <vector>

namespace sbomop {
namespace kubesim {

class RegistryObserver;
class SchemaValidator;

class ResourceRegistry
	/// Thread-safe; every write is atomic in the store. All operations throw
	/// StatusError with the Status the real API server would answer.
{
public:
	struct WriteOptions
	{
		bool dryRun = false;
		std::string fieldManager;
		bool hasForce = false;
		FieldValidation::Directive fieldValidation = FieldValidation::Directive::Warn;
	};

	struct WriteResult
	{
		StoredObjectPtr object;
		bool created = false;
		std::vector<std::string> warnings;   ///< `Warning` header texts (unknown fields with Warn)
	};

	struct DeleteResult
	{
		StoredObjectPtr object;    ///< the removed object, or the one now waiting for finalizers
		bool removed = false;      ///< false: deletionTimestamp set, object still present
		std::vector<std::string> warnings;
	};

	using ListPage = ListReader::Page;

	explicit ResourceRegistry(ObjectStore& store);
	~ResourceRegistry();

	void setObserver(RegistryObserver* observer);
		/// Replaces all observers by `observer` (null: none). Not owned; an
		/// observer must outlive the registry or be removed first.

	void addObserver(RegistryObserver* observer);
	void removeObserver(RegistryObserver* observer);
		/// Observers are told about every write in the order they were added.

	void setSchemaValidator(const SchemaValidator* schema);
		/// The OpenAPI schemas writes are checked against (fieldValidation,
		/// required fields); null (the default) checks nothing. Not owned.

	ListReader& lister();
		/// The list semantics and their settings (continue token TTL, ...).

	WriteResult create(const ResourceInfo& resource, const std::string& ns, const Poco::JSON::Object::Ptr& body, const WriteOptions& options);
		/// POST. 404 when the namespace is missing, 403 when it terminates, 409
		/// AlreadyExists, 422 Invalid, 400 for a body namespace that differs;
		/// with a schema also the fieldValidation errors (see FieldValidation).

	StoredObjectPtr get(const ResourceInfo& resource, const std::string& ns, const std::string& name) const;
		/// GET; 404 when absent.

	ListPage list(const ResourceInfo& resource, const std::string& ns, const ListOptions& options) const;
		/// LIST with selectors, limit/continue (consistent snapshot) and the
		/// resourceVersion/resourceVersionMatch rules (410, 504, 400, 422).

	WriteResult update(const ResourceInfo& resource, const std::string& ns, const std::string& name, const Poco::JSON::Object::Ptr& body, bool statusOnly, const WriteOptions& options);
		/// PUT (main resource or /status). 409 on a stale resourceVersion, 422
		/// for a Lease without one, 201 semantics (created) for a Lease PUT to a
		/// missing name.

	WriteResult patch(const ResourceInfo& resource, const std::string& ns, const std::string& name, const std::string& contentType, const std::string& body, bool statusOnly, const WriteOptions& options);
		/// PATCH with merge, JSON, strategic merge or apply (create allowed)
		/// patches; 415 for other content types.

	DeleteResult remove(const ResourceInfo& resource, const std::string& ns, const std::string& name, const DeleteOptions& options);
		/// DELETE with preconditions and propagation (Background removes at
		/// once; Foreground/Orphan and finalizers set deletionTimestamp).

	std::vector<StoredObjectPtr> removeCollection(const ResourceInfo& resource, const std::string& ns, const ListOptions& selection, const DeleteOptions& options, std::vector<std::string>& warnings);
		/// DELETE on a collection: deletes every selected object.

	StoredObjectPtr seed(const Poco::JSON::Object::Ptr& object);
		/// Stores a fixture object as `kubectl get -o json` prints it, keeping
		/// uid, creationTimestamp and status, creating its namespace when
		/// missing and replacing an existing object of the same name. Throws
		/// Poco::InvalidArgumentException for a kind that is not served,
		/// StatusError 422 for an invalid object.

	void seedList(const Poco::JSON::Object::Ptr& list);
		/// seed() for every item of a `List` (Namespaces first).

	ObjectStore& store();

	static std::string generateName(const std::string& prefix);
		/// prefix (truncated to 58 characters) + 5 random characters from
		/// "bcdfghjklmnpqrstvwxz2456789".

private:
	ObjectStore::Change finishUpdate(const ResourceInfo& resource, const StoredObjectPtr& current, const Poco::JSON::Object::Ptr& object) const;
	WriteResult writeExisting(const ResourceInfo& resource, const std::string& ns, const std::string& name, const Poco::JSON::Object::Ptr& createBody, const std::function<Poco::JSON::Object::Ptr(const StoredObject&)>& change, const WriteOptions& options);
	void checkNamespace(const ResourceInfo& resource, const std::string& ns, const std::string& name) const;
	void notifyWritten(const ResourceInfo& resource, const ObjectStore::WriteResult& result, bool created) const;
	void validate(const ResourceInfo& resource, const Poco::JSON::Object::Ptr& object, const Poco::JSON::Object::Ptr& old) const;

	ObjectStore& _store;
	ListReader _lister;
	RegistryObservers _observers;
	const SchemaValidator* _schema;
};

} } // namespace sbomop::kubesim

#endif // SBOMOP_KubeSim_ResourceRegistry_INCLUDED
