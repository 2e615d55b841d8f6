//
// RequestLog.cpp
//

#include "dtrack/RequestLog.h"
#include <Poco/DateTimeFormat.h>
#include <Poco/DateTimeFormatter.h>
#include <Poco/JSON/Object.h>

namespace sbomop {
namespace dtracksim {

RequestLog::RequestLog(std::size_t capacity):
	_capacity(capacity)
{
}

void RequestLog::add(const RequestRecord& record)
{
	std::lock_guard<std::mutex> lock(_mutex);
	_records.push_back(record);
	while (_records.size() > _capacity) _records.pop_front();
}

std::vector<RequestRecord> RequestLog::entries() const
{
	std::lock_guard<std::mutex> lock(_mutex);
	return std::vector<RequestRecord>(_records.begin(), _records.end());
}

std::size_t RequestLog::count(const std::string& method, const std::string& pathPrefix) const
{
	std::lock_guard<std::mutex> lock(_mutex);
	std::size_t n = 0;
	for (const auto& record: _records)
	{
		if ((method.empty() || record.method == method) && record.uri.compare(0, pathPrefix.size(), pathPrefix) == 0) ++n;
	}
	return n;
}

void RequestLog::clear()
{
	std::lock_guard<std::mutex> lock(_mutex);
	_records.clear();
}

Poco::JSON::Array::Ptr RequestLog::toJson() const
{
	Poco::JSON::Array::Ptr list = new Poco::JSON::Array;
	for (const auto& record: entries())
	{
		Poco::JSON::Object::Ptr entry = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
		entry->set("time", Poco::DateTimeFormatter::format(record.time, Poco::DateTimeFormat::ISO8601_FRAC_FORMAT));
		entry->set("method", record.method);
		entry->set("uri", record.uri);
		if (!record.contentType.empty()) entry->set("contentType", record.contentType);
		entry->set("status", record.status);
		list->add(entry);
	}
	return list;
}

} } // namespace sbomop::dtracksim
