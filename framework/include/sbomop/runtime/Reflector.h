//
// Reflector.h
//
// Keeps a Store in step with the API server by list+watch, on its own
// thread, and tells event handlers about every change (client-go's
// reflector and informer, kube-rs's watcher and reflector).
//

#ifndef SBOMOP_Runtime_Reflector_INCLUDED
#define SBOMOP_Runtime_Reflector_INCLUDED

#include "sbomop/Sbomop.h"
#include "sbomop/core/StopToken.h"
#include "sbomop/kube/KubeClient.h"
#include "sbomop/kube/NamespaceInfo.h"
#include "sbomop/kube/PodInfo.h"
#include "sbomop/kube/RequestCanceller.h"
#include "sbomop/kube/WatchEvent.h"
#include "sbomop/runtime/ReflectorMetrics.h"
#include "sbomop/runtime/ReflectorOptions.h"
#include "sbomop/runtime/ResourceEventHandler.h"
#include "sbomop/runtime/Store.h"
#include <Poco/Logger.h>
#include <Poco/Thread.h>
#include <atomic>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace sbomop {
namespace runtime {

template <class T> class EventDispatcher;
class FailureBackoff;

template <class T>
class Reflector
	/// Mirrors one collection (pods or namespaces, optionally one namespace,
	/// optionally filtered by label and field selectors on the server) into a
	/// Store<T> and calls the registered ResourceEventHandlers once per change.
	///
	/// The cycle, as client-go's reflector:
	///   1. List with ListPager (consistent read, pages of `pageSize`). The
	///      pages are buffered and the store is replaced only by a complete
	///      list, in one step: a failed or partial list never changes the
	///      store (and never looks like "no pods"). Handlers get exactly the
	///      differences from what the store held. The first complete list
	///      marks the store synced, once its handlers have run.
	///   2. Watch from the list's resourceVersion with bookmarks and a random
	///      `timeoutSeconds` in [minWatchTimeoutSeconds, maxWatchTimeoutSeconds).
	///      ADDED/MODIFIED/DELETED update the store and notify handlers;
	///      BOOKMARK only advances the resourceVersion.
	///   3. A watch that ends cleanly is re-established from the last
	///      resourceVersion. 410 Gone (HTTP or an ERROR event) means the
	///      server no longer has that history: relist (step 1), which reports
	///      only what changed meanwhile, so no change is lost or repeated.
	///   4. Any other failure (connection errors, 429, 5xx, malformed
	///      responses, 401/403 ...) is logged as a warning and retried after
	///      an exponential backoff with full jitter (or the server's
	///      Retry-After); a failed watch is retried from the last
	///      resourceVersion, a failed list is retried as a list. So is a watch
	///      that ends without delivering any event. The backoff is reset by
	///      the first event of a watch.
	/// Nothing is ever thrown out of the reflector thread.
	///
	/// Threads: start()/stop() run the cycle on a thread of the reflector;
	/// run() runs it on the caller's thread. Handlers and the Sleeper run on
	/// that thread: they must be quick (enqueue work, never block). stop()
	/// cancels a blocked watch at once through the client's cancel token; a
	/// list request in progress is finished first (KubeClient lists cannot be
	/// cancelled), and so are the client's own retry delays.
	///
	/// Logging (logger "sbomop.runtime.reflector"): information for every
	/// list with counts, warning for every failure with its reason,
	/// debug for every event. Never logs credentials.
	///
	/// Supported T: kube::PodInfo and kube::NamespaceInfo.
{
public:
	using Ptr = std::shared_ptr<Reflector>;
	using Handler = ResourceEventHandler<T>;
	using StorePtr = typename Store<T>::Ptr;

	Reflector(kube::KubeClient::Ptr client, const ReflectorOptions& options = ReflectorOptions(), StorePtr store = nullptr);
		/// Mirrors into `store`, or into a new store when null. Throws
		/// Poco::InvalidArgumentException for a null client or invalid options
		/// (ReflectorOptions::validate()).

	~Reflector();
		/// Calls stop().

	Reflector(const Reflector&) = delete;
	Reflector& operator = (const Reflector&) = delete;

	void addHandler(const Handler& handler);
		/// Registers handlers, called in registration order. Only while not
		/// running; throws Poco::IllegalStateException otherwise.

	void start();
		/// Starts the cycle on a new thread. Throws Poco::IllegalStateException
		/// when already running. May be called again after stop(): the store
		/// keeps its content and the next list reports the differences.

	void stop();
		/// Requests a stop and waits for the thread started by start() to end.
		/// Idempotent; does nothing if start() was not called. Must not be
		/// called from a handler (the thread would wait for itself).

	void run(StopToken& stop);
		/// Runs the cycle on the calling thread until `stop` is requested.
		/// Throws Poco::IllegalStateException when already running.

	bool running() const;

	StorePtr store() const;

	ReflectorMetrics::Snapshot metrics() const;

	std::string lastResourceVersion() const;
		/// The resourceVersion the next watch starts from ("" before the first list).

	const kube::ResourceType& resourceType() const;

	const std::string& describe() const;
		/// e.g. "pods in namespace 'a' with labelSelector 'app=x'", for messages.

private:
	enum class WatchEnd { Closed, Expired, Stopped };

	void runLoop(const StopToken& stop, kube::RequestCanceller& canceller);
	bool listAndReplace(const StopToken& stop);
	WatchEnd watch(const StopToken& stop, kube::RequestCanceller& canceller, std::size_t& events);
	void applyEvent(kube::WatchEvent<T>& event);
	bool pause(const StopToken& stop, const std::string& what, const std::string& reason, int retryAfterSeconds);
	int watchTimeoutSeconds();
	void setResourceVersion(const std::string& resourceVersion);

	kube::KubeClient::Ptr _client;
	ReflectorOptions _options;
	std::string _description;
	StorePtr _store;
	ReflectorMetrics _metrics;
	std::unique_ptr<FailureBackoff> _backoff;
	std::unique_ptr<EventDispatcher<T>> _dispatcher;
	bool _listed;
	std::atomic<bool> _running;
	mutable std::mutex _mutex;           // guards _resourceVersion
	std::string _resourceVersion;
	std::mutex _lifecycleMutex;          // serialises start() and stop()
	std::unique_ptr<StopToken> _stopToken;
	std::unique_ptr<Poco::Thread> _thread;
	Poco::Logger& _logger;
};

extern template class Reflector<kube::PodInfo>;
extern template class Reflector<kube::NamespaceInfo>;

using PodReflector = Reflector<kube::PodInfo>;
using NamespaceReflector = Reflector<kube::NamespaceInfo>;

} } // namespace sbomop::runtime

#endif // SBOMOP_Runtime_Reflector_INCLUDED
