//
// WatchEvent.cpp
//

#include "sbomop/kube/WatchEvent.h"

namespace sbomop {
namespace kube {

namespace {

const std::pair<WatchEventType, const char*> NAMES[] = {
	{WatchEventType::Added, "ADDED"},
	{WatchEventType::Modified, "MODIFIED"},
	{WatchEventType::Deleted, "DELETED"},
	{WatchEventType::Bookmark, "BOOKMARK"},
	{WatchEventType::Error, "ERROR"}
};

} // namespace


const char* watchEventTypeName(WatchEventType type)
{
	for (const auto& entry: NAMES)
	{
		if (entry.first == type) return entry.second;
	}
	return "UNKNOWN";
}


bool parseWatchEventType(const std::string& name, WatchEventType& type)
{
	for (const auto& entry: NAMES)
	{
		if (name == entry.second)
		{
			type = entry.first;
			return true;
		}
	}
	return false;
}


} } // namespace sbomop::kube
