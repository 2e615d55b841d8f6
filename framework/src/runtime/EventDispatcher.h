//
// EventDispatcher.h
//
// Hands the changes of a Store to the registered ResourceEventHandlers,
// isolating the reflector from handlers that throw.
//

#ifndef SBOMOP_Runtime_EventDispatcher_INCLUDED
#define SBOMOP_Runtime_EventDispatcher_INCLUDED

#include "sbomop/kube/NamespaceInfo.h"
#include "sbomop/kube/PodInfo.h"
#include "sbomop/runtime/ReflectorMetrics.h"
#include "sbomop/runtime/ResourceEventHandler.h"
#include "sbomop/runtime/Store.h"
#include <Poco/Logger.h>
#include <string>
#include <vector>

namespace sbomop {
namespace runtime {

template <class T>
class EventDispatcher
	/// Not thread-safe: handlers are added before dispatching starts, and
	/// dispatch() runs on one thread.
{
public:
	EventDispatcher(ReflectorMetrics& metrics, Poco::Logger& logger, const std::string& source);
		/// `source` names the reflector in log messages.

	void add(const ResourceEventHandler<T>& handler);

	void dispatch(const typename Store<T>::Changes& changes);
		/// Calls every handler for every change, in order, and counts the
		/// changes. An exception from a handler is logged and counted; the
		/// remaining calls still happen.

private:
	void notify(const ResourceEventHandler<T>& handler, const typename Store<T>::Change& change);

	std::vector<ResourceEventHandler<T>> _handlers;
	ReflectorMetrics& _metrics;
	Poco::Logger& _logger;
	std::string _source;
};

extern template class EventDispatcher<kube::PodInfo>;
extern template class EventDispatcher<kube::NamespaceInfo>;

} } // namespace sbomop::runtime

#endif // SBOMOP_Runtime_EventDispatcher_INCLUDED
