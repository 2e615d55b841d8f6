//
// FaultInjector.h
//
// Faults dtrack-sim can inject into /api requests, set in-process or through
// `POST /_sim/faults`: error answers for the next N requests matching a
// method and a path pattern, added latency, and "down" (every connection is
// reset without an answer, as when the server is gone).
//

#ifndef SBOMOP_DtrackSim_FaultInjector_INCLUDED
#define SBOMOP_DtrackSim_FaultInjector_INCLUDED

#include <Poco/JSON/Object.h>
#include <Poco/RegularExpression.h>
#include <Poco/Timespan.h>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace sbomop {
namespace dtracksim {

struct FaultRule
	/// One error fault. `method` is an HTTP method or "" for any; `path` a
	/// regular expression searched in the request path ("" = any).
{
	int count = 1;        ///< requests still to fail; -1 = every matching request
	int status = 500;     ///< the HTTP status answered
	std::string method;
	std::string path;
	std::string body;     ///< text/plain body ("" = none, as DT's 500s)
};

class FaultInjector
	/// Thread-safe.
{
public:
	FaultInjector();

	void failNext(int count, int status = 500, const std::string& path = "", const std::string& method = "");
		/// Shorthand for addRule(). Throws Poco::RegularExpressionException
		/// for an invalid path pattern.

	void addRule(const FaultRule& rule);
		/// Rules are tried in the order they were added. Throws
		/// Poco::RegularExpressionException for an invalid path pattern and
		/// Poco::InvalidArgumentException for a status outside 100-599.

	bool take(const std::string& method, const std::string& path, FaultRule& matched);
		/// True when a rule matches; consumes one of its requests.

	void setLatency(const Poco::Timespan& latency);
		/// Every /api request waits this long before it is handled.
	Poco::Timespan latency() const;

	void setDown(bool down);
	bool down() const;

	void clear();
		/// Removes every rule, the latency and the down state.

	void configure(const Poco::JSON::Object::Ptr& config);
		/// Applies `{"rules":[{"count","status","method","path","body"}],
		/// "latencyMs":N,"down":bool}`; absent keys keep their value, rules
		/// are added. Throws Poco::InvalidArgumentException (or a
		/// Poco::JSON/regex exception) for malformed input.

	Poco::JSON::Object::Ptr toJson() const;

private:
	struct Entry
	{
		FaultRule rule;
		std::shared_ptr<Poco::RegularExpression> pattern;
	};

	mutable std::mutex _mutex;
	std::vector<Entry> _rules;
	Poco::Timespan _latency;
	bool _down;
};

} } // namespace sbomop::dtracksim

#endif // SBOMOP_DtrackSim_FaultInjector_INCLUDED
