//
// Reflector.cpp
//

#include "sbomop/runtime/Reflector.h"
#include "EventDispatcher.h"
#include "FailureBackoff.h"
#include "sbomop/kube/RequestCanceller.h"
#include "sbomop/kube/KubeException.h"
#include "sbomop/kube/NamespaceBuilder.h"
#include "sbomop/kube/PodBuilder.h"
#include "sbomop/kube/StatusMapper.h"
#include "sbomop/kube/WatchReader.h"
#include "sbomop/runtime/ListPager.h"
#include "sbomop/runtime/ObjectTraits.h"
#include <Poco/Exception.h>
#include <Poco/NumberFormatter.h>
#include <algorithm>
#include <random>

namespace sbomop {
namespace runtime {

namespace {

ReflectorOptions::Random defaultRandom()
{
	auto engine = std::make_shared<std::mt19937_64>(std::random_device{}());
	return [engine]() { return std::uniform_real_distribution<double>(0.0, 1.0)(*engine); };
}

std::string seconds(const Poco::Timespan& delay)
{
	return Poco::NumberFormatter::format(static_cast<double>(delay.totalMicroseconds()) / Poco::Timespan::SECONDS, 3) + "s";
}

bool isExpired(const kube::ApiStatus& status)
{
	return status.code == 410 || status.reason == "Expired" || status.reason == "Gone";
}

} // namespace


template <class T>
Reflector<T>::Reflector(kube::KubeClient::Ptr client, const ReflectorOptions& options, StorePtr store):
	_client(std::move(client)),
	_options(options),
	_store(store ? std::move(store) : std::make_shared<Store<T>>()),
	_listed(false),
	_running(false),
	_logger(Poco::Logger::get("sbomop.runtime.reflector"))
{
	if (!_client) throw Poco::InvalidArgumentException("Reflector: a KubeClient is required");
	_options.validate();
	if (!_options.random) _options.random = defaultRandom();
	_description = resourceType().qualifiedName();
	if (!_options.namespaceName.empty() && resourceType().namespaced()) _description += " in namespace '" + _options.namespaceName + "'";
	if (!_options.labelSelector.empty()) _description += " with labelSelector '" + _options.labelSelector + "'";
	if (!_options.fieldSelector.empty()) _description += " with fieldSelector '" + _options.fieldSelector + "'";
	_backoff = std::make_unique<FailureBackoff>(_options, _options.random);
	_dispatcher = std::make_unique<EventDispatcher<T>>(_metrics, _logger, _description);
}


template <class T>
Reflector<T>::~Reflector()
{
	try
	{
		stop();
	}
	catch (...)
	{
		// A destructor must not throw; stop() only joins a thread.
	}
}


template <class T>
void Reflector<T>::addHandler(const Handler& handler)
{
	if (_running) throw Poco::IllegalStateException("Reflector for " + describe() + ": handlers must be added before it runs");
	_dispatcher->add(handler);
}


template <class T>
void Reflector<T>::start()
{
	std::lock_guard<std::mutex> lock(_lifecycleMutex);
	if (_thread || _running) throw Poco::IllegalStateException("Reflector for " + describe() + " is already running");
	_stopToken = std::make_unique<StopToken>();
	_thread = std::make_unique<Poco::Thread>("reflector-" + resourceType().plural());
	StopToken& token = *_stopToken;
	_thread->startFunc([this, &token]()
	{
		try
		{
			run(token);
		}
		catch (std::exception& e)
		{
			_logger.critical("Reflector for %s ended unexpectedly: %s", describe(), std::string(e.what()));
		}
		catch (...)
		{
			_logger.critical("Reflector for %s ended unexpectedly", describe());
		}
	});
}


template <class T>
void Reflector<T>::stop()
{
	std::lock_guard<std::mutex> lock(_lifecycleMutex);
	if (!_thread) return;
	_stopToken->requestStop();
	_thread->join();
	_thread.reset();
	_stopToken.reset();
}


template <class T>
void Reflector<T>::run(StopToken& stop)
{
	if (_running.exchange(true)) throw Poco::IllegalStateException("Reflector for " + describe() + " is already running");
	const kube::RequestCanceller::Ptr canceller = kube::RequestCanceller::connect(stop);
	_logger.information("Reflector for %s starting", describe());
	try
	{
		runLoop(stop, *canceller);
	}
	catch (...)
	{
		_running = false;
		throw;
	}
	_running = false;
	_logger.information("Reflector for %s stopped", describe());
}


template <class T>
void Reflector<T>::runLoop(const StopToken& stop, kube::RequestCanceller& canceller)
{
	bool needList = true;
	while (!stop.stopRequested())
	{
		std::string what = "Listing";
		try
		{
			if (needList)
			{
				if (!listAndReplace(stop)) return;
				needList = false;
			}
			what = "Watching";
			std::size_t events = 0;
			const WatchEnd end = watch(stop, canceller, events);
			if (end == WatchEnd::Stopped) return;
			if (end == WatchEnd::Expired)
			{
				_metrics.countExpired();
				needList = true;
				_logger.information("Watch of %s expired (410) at resourceVersion %s: relisting", describe(), lastResourceVersion());
			}
			// A watch that ends before delivering anything must not turn into
			// a tight request loop.
			if (events == 0 && !pause(stop, what, end == WatchEnd::Expired ? "410 Gone before any event" : "ended without any event", -1))
				return;
		}
		catch (kube::GoneException& e)
		{
			_metrics.countExpired();
			needList = true;
			if (!pause(stop, what, e.displayText(), -1)) return;
		}
		catch (kube::ApiException& e)
		{
			if (!pause(stop, what, e.displayText(), e.retryAfterSeconds())) return;
		}
		catch (Poco::Exception& e)
		{
			if (!pause(stop, what, e.displayText(), -1)) return;
		}
		catch (std::exception& e)
		{
			if (!pause(stop, what, e.what(), -1)) return;
		}
	}
}


template <class T>
bool Reflector<T>::listAndReplace(const StopToken& stop)
{
	const bool relist = _listed;
	_logger.information("%s %s", std::string(relist ? "Relisting" : "Listing"), describe());
	kube::ListOptions options;
	options.labelSelector = _options.labelSelector;
	options.fieldSelector = _options.fieldSelector;
	options.limit = _options.pageSize;
	ListPager<T> pager(*_client, resourceType(), _options.namespaceName, options);
	typename ListPager<T>::Result result;
	bool complete = false;
	try
	{
		complete = pager.list(stop, result);
	}
	catch (...)
	{
		_metrics.countListPages(result.pages, result.restarts);
		throw;
	}
	_metrics.countListPages(result.pages, result.restarts);
	if (!complete) return false;

	const std::size_t count = result.objects.size();
	const typename Store<T>::Changes changes = _store->replace(std::move(result.objects));
	setResourceVersion(result.resourceVersion);
	_listed = true;
	_metrics.countList(relist);
	std::size_t counts[3] = {0, 0, 0};
	for (const auto& change: changes) ++counts[static_cast<int>(change.type)];
	_logger.information("Listed %z %s at resourceVersion %s in %?u page(s): %z added, %z updated, %z deleted",
		count, describe(), result.resourceVersion, result.pages, counts[0], counts[1], counts[2]);
	_dispatcher->dispatch(changes);
	// Synced means handlers have seen the first list too, not only the store.
	_store->markSynced();
	return true;
}


template <class T>
typename Reflector<T>::WatchEnd Reflector<T>::watch(const StopToken& stop, kube::RequestCanceller& canceller, std::size_t& events)
{
	kube::WatchOptions options;
	options.resourceVersion = lastResourceVersion();
	options.allowWatchBookmarks = true;
	options.timeoutSeconds = watchTimeoutSeconds();
	options.labelSelector = _options.labelSelector;
	options.fieldSelector = _options.fieldSelector;

	auto token = std::make_shared<kube::KubeClientCancelToken>();
	if (!canceller.arm(token)) return WatchEnd::Stopped;
	struct Disarm
	{
		kube::RequestCanceller& canceller;
		~Disarm() { canceller.disarm(); }
	} disarm{canceller};

	_metrics.countWatch();
	if (_logger.debug())
		_logger.debug("Watching %s from resourceVersion %s (timeout %ds)", describe(), options.resourceVersion, options.timeoutSeconds);
	bool failed = false;
	kube::ApiStatus failure;
	_client->watch(resourceType(), _options.namespaceName, options, [&](std::istream& body)
	{
		kube::WatchReader<T> reader(body);
		kube::WatchEvent<T> event;
		while (reader.next(event))
		{
			_metrics.countEvent(event.type);
			if (event.type == kube::WatchEventType::Error)
			{
				failed = true;
				failure = event.status;
				return;
			}
			if (++events == 1) _backoff->reset();
			applyEvent(event);
		}
	}, token);

	if (stop.stopRequested() || token->isCancelled()) return WatchEnd::Stopped;
	if (!failed) return WatchEnd::Closed;
	if (isExpired(failure)) return WatchEnd::Expired;
	kube::StatusMapper::create(failure.code, failure.reason, "watch ERROR event: " + failure.message)->rethrow();
	return WatchEnd::Closed; // not reached: rethrow() throws
}


template <class T>
void Reflector<T>::applyEvent(kube::WatchEvent<T>& event)
{
	const std::string resourceVersion = event.object.resourceVersion;
	if (_logger.debug())
	{
		_logger.debug("%s event for %s %s at resourceVersion %s", std::string(kube::watchEventTypeName(event.type)),
			resourceType().kind(), ObjectTraits<T>::key(event.object), resourceVersion);
	}
	typename Store<T>::Changes changes;
	switch (event.type)
	{
	case kube::WatchEventType::Added:
	case kube::WatchEventType::Modified:
		changes = _store->upsert(std::make_shared<const T>(std::move(event.object)));
		break;
	case kube::WatchEventType::Deleted:
		changes = _store->remove(std::make_shared<const T>(std::move(event.object)));
		break;
	case kube::WatchEventType::Bookmark:
	case kube::WatchEventType::Error:
		break;
	}
	if (!resourceVersion.empty()) setResourceVersion(resourceVersion);
	_dispatcher->dispatch(changes);
}


template <class T>
bool Reflector<T>::pause(const StopToken& stop, const std::string& what, const std::string& reason, int retryAfterSeconds)
{
	_metrics.countError();
	const Poco::Timespan delay = _backoff->next(retryAfterSeconds);
	_logger.warning("%s %s failed: %s; retrying in %s", what, describe(), reason, seconds(delay));
	return !_backoff->wait(delay, stop) && !stop.stopRequested();
}


template <class T>
int Reflector<T>::watchTimeoutSeconds()
{
	const int span = _options.maxWatchTimeoutSeconds - _options.minWatchTimeoutSeconds;
	const int offset = static_cast<int>(_options.random() * span);
	return _options.minWatchTimeoutSeconds + std::clamp(offset, 0, span - 1);
}


template <class T>
void Reflector<T>::setResourceVersion(const std::string& resourceVersion)
{
	std::lock_guard<std::mutex> lock(_mutex);
	_resourceVersion = resourceVersion;
}


template <class T>
bool Reflector<T>::running() const
{
	return _running.load();
}


template <class T>
typename Reflector<T>::StorePtr Reflector<T>::store() const
{
	return _store;
}


template <class T>
ReflectorMetrics::Snapshot Reflector<T>::metrics() const
{
	return _metrics.snapshot();
}


template <class T>
std::string Reflector<T>::lastResourceVersion() const
{
	std::lock_guard<std::mutex> lock(_mutex);
	return _resourceVersion;
}


template <class T>
const kube::ResourceType& Reflector<T>::resourceType() const
{
	return ObjectTraits<T>::resourceType();
}


template <class T>
const std::string& Reflector<T>::describe() const
{
	return _description;
}


template class Reflector<kube::PodInfo>;
template class Reflector<kube::NamespaceInfo>;

} } // namespace sbomop::runtime
