//
// RequestStats.cpp
//

#include "kubesim/RequestStats.h"

using Poco::JSON::Object;

namespace sbomop {
namespace kubesim {

void RequestStats::record(const std::string& verb, const std::string& resource)
{
	std::lock_guard<std::mutex> lock(_mutex);
	++_counts[verb][resource];
	++_total;
}

std::uint64_t RequestStats::count(const std::string& verb, const std::string& resource) const
{
	std::lock_guard<std::mutex> lock(_mutex);
	auto byVerb = _counts.find(verb);
	if (byVerb == _counts.end()) return 0;
	auto byResource = byVerb->second.find(resource);
	return byResource == byVerb->second.end() ? 0 : byResource->second;
}

std::uint64_t RequestStats::total() const
{
	std::lock_guard<std::mutex> lock(_mutex);
	return _total;
}

Object::Ptr RequestStats::toJson() const
{
	std::lock_guard<std::mutex> lock(_mutex);
	Object::Ptr result = new Object;
	result->set("total", static_cast<Poco::UInt64>(_total));
	Object::Ptr requests = new Object;
	for (const auto& verb: _counts)
	{
		Object::Ptr resources = new Object;
		for (const auto& resource: verb.second) resources->set(resource.first, static_cast<Poco::UInt64>(resource.second));
		requests->set(verb.first, resources);
	}
	result->set("requests", requests);
	return result;
}

void RequestStats::reset()
{
	std::lock_guard<std::mutex> lock(_mutex);
	_counts.clear();
	_total = 0;
}

} } // namespace sbomop::kubesim
