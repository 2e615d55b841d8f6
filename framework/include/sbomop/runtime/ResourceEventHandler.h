//
// ResourceEventHandler.h
//
// Callbacks a Reflector invokes for every change it makes to its Store.
//

#ifndef SBOMOP_Runtime_ResourceEventHandler_INCLUDED
#define SBOMOP_Runtime_ResourceEventHandler_INCLUDED

#include "sbomop/Sbomop.h"
#include <functional>

namespace sbomop {
namespace runtime {

template <class T>
struct ResourceEventHandler
	/// Any member may be empty. The reflector calls them on its own thread,
	/// in the order of the changes, after the store already holds the new
	/// state, so they must be quick: enqueue a key for a worker, never call
	/// the API server or block. An exception thrown by a callback is logged
	/// and counted (ReflectorMetrics::handlerErrors); it does not stop the
	/// reflector or the other handlers. Objects passed in may be copied
	/// freely; the references are valid only during the call.
{
	std::function<void(const T& object)> onAdd;
		/// A new object appeared (watch ADDED, or found by a list).
	std::function<void(const T& oldObject, const T& newObject)> onUpdate;
		/// An object changed (watch MODIFIED, or found changed by a relist).
	std::function<void(const T& lastState)> onDelete;
		/// An object is gone: its final state from a DELETED event, or the
		/// last state the store held when a relist no longer returns it.
};

} } // namespace sbomop::runtime

#endif // SBOMOP_Runtime_ResourceEventHandler_INCLUDED
