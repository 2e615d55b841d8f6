//
// FaultInjector.h
//
// Faults kube-sim can inject, controlled in-process or through
// `POST /_sim/faults`: error answers (429 with Retry-After and the real
// plain-text body, 5xx Status) or connection resets for the next N requests
// matching a verb and a path regex, added latency, watch streams closed after
// N events and watches answered with an in-stream 410.
//

#ifndef SBOMOP_KubeSim_FaultInjector_INCLUDED
#define SBOMOP_KubeSim_FaultInjector_INCLUDED

#include <Poco/JSON/Object.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/RegularExpression.h>
#include <Poco/Timespan.h>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace sbomop {
namespace kubesim {

struct FaultRule
	/// One request fault. `verb` is the Kubernetes verb (get, list, watch,
	/// create, update, patch, delete, deletecollection; the lowercase HTTP
	/// method for non-resource paths) or "*"; `path` a regular expression
	/// searched in the request path ("" = any).
{
	enum class Action { Status, Reset };

	std::string verb = "*";
	std::string path;
	int count = 1;                 ///< requests still to fail; -1 = every matching request
	Action action = Action::Status;
	int code = 429;                ///< HTTP status for Action::Status
	int retryAfterSeconds = 1;     ///< Retry-After header; -1 = none
	std::string message;           ///< Status message for 5xx ("" = a default)

	static FaultRule failingEvery(const std::string& path, int code);
		/// A rule that answers every request (any verb, no limit) whose path
		/// matches `path` with status `code` and no Retry-After header: an
		/// API server that keeps failing for one kind of resource.
};

class FaultInjector
	/// Thread-safe.
{
public:
	FaultInjector();

	void addRule(const FaultRule& rule);
		/// Throws Poco::RegularExpressionException for an invalid path pattern.

	bool take(const std::string& verb, const std::string& path, FaultRule& matched);
		/// True when a rule matches; consumes one of its requests. Leaves the
		/// request body unread: see the overload below for a request that gets
		/// an answer on a connection that stays open.

	bool take(const std::string& verb, const std::string& path, Poco::Net::HTTPServerRequest& request, FaultRule& matched);
		/// take(), and when a Status rule matches, reads and discards the
		/// request's body before the caller sends the fault reply: the server
		/// does not skip an unread body, so the next request on the keep-alive
		/// connection would otherwise be parsed from the middle of this one's
		/// body. A Reset rule leaves the body alone (that connection ends
		/// anyway).

	static void discardBody(Poco::Net::HTTPServerRequest& request);
		/// Reads a body announced by Content-Length or chunked encoding to its
		/// end and drops it. A request with neither has no body (RFC 9112):
		/// its stream is not read, it would only end when the client closes.
		/// Never throws: a broken body ends the connection anyway.

	void setLatency(const Poco::Timespan& latency);
	Poco::Timespan latency() const;
		/// Delay added before every API request is handled (0 = none).

	void setCloseWatchesAfter(int events);
		/// Watch streams end after sending this many events (0 = never).
	int closeWatchesAfter() const;

	void expireNextWatches(int count);
		/// The next `count` watches get an in-stream 410 ERROR event at once.
	bool takeWatchExpiry();

	void clear();
		/// Removes every fault.

	void configure(const Poco::JSON::Object::Ptr& config);
		/// Applies `{"rules":[{"verb","path","count","action":"status|reset",
		/// "code","retryAfterSeconds","message"}],"latencyMs":N,
		/// "closeWatchesAfterEvents":N,"expireWatches":N}`; absent keys keep
		/// their value, rules are added. Throws Poco::InvalidArgumentException
		/// for malformed input.

	Poco::JSON::Object::Ptr toJson() const;
		/// The current faults in the configure() format.

private:
	struct Entry
	{
		FaultRule rule;
		std::shared_ptr<Poco::RegularExpression> pattern;
	};

	mutable std::mutex _mutex;
	std::vector<Entry> _rules;
	Poco::Timespan _latency;
	int _closeWatchesAfter;
	int _expireWatches;
};

} } // namespace sbomop::kubesim

#endif // SBOMOP_KubeSim_FaultInjector_INCLUDED
