//
// RequestLog.h
//
// What dtrack-sim was asked: method, request target, request Content-Type
// and the status answered, for test assertions and `GET /_sim/requests`.
// Headers are never recorded (they carry the API key).
//

#ifndef SBOMOP_DtrackSim_RequestLog_INCLUDED
#define SBOMOP_DtrackSim_RequestLog_INCLUDED

#include <Poco/JSON/Array.h>
#include <Poco/Timestamp.h>
#include <deque>
#include <mutex>
#include <string>
#include <vector>

namespace sbomop {
namespace dtracksim {

struct RequestRecord
	/// A plain value.
{
	Poco::Timestamp time;
	std::string method;
	std::string uri;           ///< path and query as sent
	std::string contentType;   ///< of the request ("" if none)
	int status = 0;            ///< 0 = the connection was dropped without an answer
};

class RequestLog
	/// Thread-safe. Keeps the newest `capacity` records.
{
public:
	explicit RequestLog(std::size_t capacity = 10000);

	void add(const RequestRecord& record);

	std::vector<RequestRecord> entries() const;
		/// Oldest first.

	std::size_t count(const std::string& method, const std::string& pathPrefix) const;
		/// Records with that method ("" = any) whose URI starts with the prefix.

	void clear();

	Poco::JSON::Array::Ptr toJson() const;

private:
	mutable std::mutex _mutex;
	std::deque<RequestRecord> _records;
	std::size_t _capacity;
};

} } // namespace sbomop::dtracksim

#endif // SBOMOP_DtrackSim_RequestLog_INCLUDED
