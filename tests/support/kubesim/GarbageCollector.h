//
// GarbageCollector.h
//
// The controllers kube-sim runs behind its API: the garbage collector
// (ownerReferences by uid in the dependent's namespace; Background, Foreground
// and Orphan propagation; dependents whose owners are all gone) and the
// namespace controller (a terminating namespace is emptied, then removed).
//

#ifndef SBOMOP_KubeSim_GarbageCollector_INCLUDED
#define SBOMOP_KubeSim_GarbageCollector_INCLUDED

#include "kubesim/RegistryObserver.h"
#include "kubesim/TaskScheduler.h"
#include <Poco/JSON/Object.h>
#include <Poco/Timespan.h>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

namespace sbomop {
namespace kubesim {

class ResourceRegistry;

class GarbageCollector: public RegistryObserver
	/// Works asynchronously on its own thread, each task `delay` after the
	/// change that caused it (like the real controllers, "shortly after").
	/// Thread-safe.
{
public:
	explicit GarbageCollector(ResourceRegistry& registry);
	~GarbageCollector() override;

	void start();
		/// Starts the worker thread (idempotent).
	void stop();
		/// Stops the worker; pending tasks are dropped.

	void setDelay(const Poco::Timespan& delay);
		/// Delay between a change and its processing (default 100 ms).

	void setVerifyOwners(bool verify);
		/// When true (default) objects written with ownerReferences whose
		/// served owners are all absent (or have another uid) are collected.

	bool waitIdle(const Poco::Timespan& timeout);
		/// Waits until no task is pending or running; false on timeout.

	void objectRemoved(const ResourceInfo& resource, const StoredObjectPtr& object) override;
	void deletionRequested(const ResourceInfo& resource, const StoredObjectPtr& object) override;
	void ownerReferencesWritten(const ResourceInfo& resource, const StoredObjectPtr& object) override;
		/// RegistryObserver: each schedules the matching task.

private:
	struct Task
	{
		enum Kind { Dependents, Finalize, VerifyOwners };
		Kind kind;
		const ResourceInfo* resource;
		std::string ns;
		std::string name;
		std::string uid;
	};

	void enqueue(const Task& task);
	void process(const Task& task);
	std::vector<std::pair<const ResourceInfo*, StoredObjectPtr>> dependentsOf(const std::string& ownerUid, const std::string& ownerNs) const;
	void handleDependent(const ResourceInfo& resource, const StoredObject& dependent, const std::string& ownerUid, bool orphan);
	void finalize(const Task& task);
	void finalizeNamespace(const Task& task);
	bool ownerAlive(const Poco::JSON::Object::Ptr& reference, const std::string& ns) const;
	bool patchMetadata(const ResourceInfo& resource, const StoredObject& object, const std::string& field, const Poco::JSON::Array::Ptr& values);
	void deleteObject(const ResourceInfo& resource, const std::string& ns, const std::string& name);

	ResourceRegistry& _registry;
	mutable std::mutex _mutex;
	bool _verifyOwners;
	Poco::Timespan _delay;
	TaskScheduler _scheduler;
};

} } // namespace sbomop::kubesim

#endif // SBOMOP_KubeSim_GarbageCollector_INCLUDED
