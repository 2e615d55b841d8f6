//
// ReflectorMetrics.cpp
//

#include "sbomop/runtime/ReflectorMetrics.h"

namespace sbomop {
namespace runtime {

namespace {

std::size_t eventIndex(kube::WatchEventType type)
{
	switch (type)
	{
	case kube::WatchEventType::Modified: return 1;
	case kube::WatchEventType::Deleted: return 2;
	case kube::WatchEventType::Bookmark: return 3;
	case kube::WatchEventType::Error: return 4;
	case kube::WatchEventType::Added: break;
	}
	return 0;
}

std::size_t changeIndex(ChangeType type)
{
	switch (type)
	{
	case ChangeType::Updated: return 1;
	case ChangeType::Deleted: return 2;
	case ChangeType::Added: break;
	}
	return 0;
}

} // namespace


std::uint64_t ReflectorMetrics::Snapshot::events(kube::WatchEventType type) const
{
	const std::uint64_t values[] = {eventsAdded, eventsModified, eventsDeleted, eventsBookmark, eventsError};
	return values[eventIndex(type)];
}


std::uint64_t ReflectorMetrics::Snapshot::notified(ChangeType type) const
{
	const std::uint64_t values[] = {notifiedAdded, notifiedUpdated, notifiedDeleted};
	return values[changeIndex(type)];
}


ReflectorMetrics::ReflectorMetrics():
	_lists(0),
	_relists(0),
	_listPages(0),
	_listRestarts(0),
	_watches(0),
	_expired(0),
	_errors(0),
	_events{},
	_notified{},
	_handlerErrors(0)
{
}


void ReflectorMetrics::countList(bool relist)
{
	++_lists;
	if (relist) ++_relists;
}


void ReflectorMetrics::countListPages(std::uint64_t pages, std::uint64_t restarts)
{
	_listPages += pages;
	_listRestarts += restarts;
}


void ReflectorMetrics::countWatch()
{
	++_watches;
}


void ReflectorMetrics::countExpired()
{
	++_expired;
}


void ReflectorMetrics::countError()
{
	++_errors;
}


void ReflectorMetrics::countEvent(kube::WatchEventType type)
{
	++_events[eventIndex(type)];
}


void ReflectorMetrics::countNotified(ChangeType type)
{
	++_notified[changeIndex(type)];
}


void ReflectorMetrics::countHandlerError()
{
	++_handlerErrors;
}


ReflectorMetrics::Snapshot ReflectorMetrics::snapshot() const
{
	Snapshot result;
	result.lists = _lists.load();
	result.relists = _relists.load();
	result.listPages = _listPages.load();
	result.listRestarts = _listRestarts.load();
	result.watches = _watches.load();
	result.expired = _expired.load();
	result.errors = _errors.load();
	result.eventsAdded = _events[0].load();
	result.eventsModified = _events[1].load();
	result.eventsDeleted = _events[2].load();
	result.eventsBookmark = _events[3].load();
	result.eventsError = _events[4].load();
	result.notifiedAdded = _notified[0].load();
	result.notifiedUpdated = _notified[1].load();
	result.notifiedDeleted = _notified[2].load();
	result.handlerErrors = _handlerErrors.load();
	return result;
}

} } // namespace sbomop::runtime
