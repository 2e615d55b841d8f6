//
// EventDispatcher.cpp
//

#include "EventDispatcher.h"
#include <Poco/Exception.h>
#include <exception>

namespace sbomop {
namespace runtime {

template <class T>
EventDispatcher<T>::EventDispatcher(ReflectorMetrics& metrics, Poco::Logger& logger, const std::string& source):
	_metrics(metrics),
	_logger(logger),
	_source(source)
{
}


template <class T>
void EventDispatcher<T>::add(const ResourceEventHandler<T>& handler)
{
	_handlers.push_back(handler);
}


template <class T>
void EventDispatcher<T>::dispatch(const typename Store<T>::Changes& changes)
{
	for (const auto& change: changes)
	{
		_metrics.countNotified(change.type);
		for (const auto& handler: _handlers)
		{
			std::string error;
			try
			{
				notify(handler, change);
				continue;
			}
			catch (Poco::Exception& e)
			{
				error = e.displayText();
			}
			catch (std::exception& e)
			{
				error = e.what();
			}
			catch (...)
			{
				error = "unknown exception";
			}
			_metrics.countHandlerError();
			_logger.error("Event handler for %s failed on a change (%s): %s", _source, std::string(changeTypeName(change.type)), error);
		}
	}
}


template <class T>
void EventDispatcher<T>::notify(const ResourceEventHandler<T>& handler, const typename Store<T>::Change& change)
{
	switch (change.type)
	{
	case ChangeType::Added:
		if (handler.onAdd) handler.onAdd(*change.newObject);
		break;
	case ChangeType::Updated:
		if (handler.onUpdate) handler.onUpdate(*change.oldObject, *change.newObject);
		break;
	case ChangeType::Deleted:
		if (handler.onDelete) handler.onDelete(*change.oldObject);
		break;
	}
}


template class EventDispatcher<kube::PodInfo>;
template class EventDispatcher<kube::NamespaceInfo>;

} } // namespace sbomop::runtime
