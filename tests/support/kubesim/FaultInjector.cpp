//
// FaultInjector.cpp
//

#include "kubesim/FaultInjector.h"
#include "kubesim/Json.h"
#include <Poco/JSON/Array.h>

using Poco::JSON::Array;
using Poco::JSON::Object;

namespace sbomop {
namespace kubesim {

FaultRule FaultRule::failingEvery(const std::string& path, int code)
{
	FaultRule rule;
	rule.verb = "*";
	rule.path = path;
	rule.count = -1;
	rule.code = code;
	rule.retryAfterSeconds = -1;
	return rule;
}

FaultInjector::FaultInjector():
	_closeWatchesAfter(0),
	_expireWatches(0)
{
}

void FaultInjector::addRule(const FaultRule& rule)
{
	Entry entry;
	entry.rule = rule;
	if (!rule.path.empty()) entry.pattern = std::make_shared<Poco::RegularExpression>(rule.path);
	std::lock_guard<std::mutex> lock(_mutex);
	_rules.push_back(entry);
}

bool FaultInjector::take(const std::string& verb, const std::string& path, FaultRule& matched)
{
	std::lock_guard<std::mutex> lock(_mutex);
	for (auto it = _rules.begin(); it != _rules.end(); ++it)
	{
		if (it->rule.verb != "*" && !it->rule.verb.empty() && it->rule.verb != verb) continue;
		Poco::RegularExpression::Match match;
		if (it->pattern && it->pattern->match(path, 0, match) == 0) continue;
		matched = it->rule;
		if (it->rule.count > 0 && --it->rule.count == 0) _rules.erase(it);
		return true;
	}
	return false;
}

bool FaultInjector::take(const std::string& verb, const std::string& path, Poco::Net::HTTPServerRequest& request, FaultRule& matched)
{
	if (!take(verb, path, matched)) return false;
	// Outside the lock: a slow client must not hold up other requests' faults.
	if (matched.action == FaultRule::Action::Status) discardBody(request);
	return true;
}

void FaultInjector::discardBody(Poco::Net::HTTPServerRequest& request)
{
	if (!request.hasContentLength() && !request.getChunkedTransferEncoding()) return;
	try
	{
		std::istream& body = request.stream();
		char buffer[8192];
		while (body.good()) body.read(buffer, sizeof(buffer));
	}
	catch (...)
	{
		// The reply is still attempted; the server closes the broken connection.
	}
}

void FaultInjector::setLatency(const Poco::Timespan& latency)
{
	std::lock_guard<std::mutex> lock(_mutex);
	_latency = latency;
}

Poco::Timespan FaultInjector::latency() const
{
	std::lock_guard<std::mutex> lock(_mutex);
	return _latency;
}

void FaultInjector::setCloseWatchesAfter(int events)
{
	std::lock_guard<std::mutex> lock(_mutex);
	_closeWatchesAfter = events;
}

int FaultInjector::closeWatchesAfter() const
{
	std::lock_guard<std::mutex> lock(_mutex);
	return _closeWatchesAfter;
}

void FaultInjector::expireNextWatches(int count)
{
	std::lock_guard<std::mutex> lock(_mutex);
	_expireWatches = count;
}

bool FaultInjector::takeWatchExpiry()
{
	std::lock_guard<std::mutex> lock(_mutex);
	if (_expireWatches <= 0) return false;
	--_expireWatches;
	return true;
}

void FaultInjector::clear()
{
	std::lock_guard<std::mutex> lock(_mutex);
	_rules.clear();
	_latency = 0;
	_closeWatchesAfter = 0;
	_expireWatches = 0;
}

namespace
{
	int intValue(const Object::Ptr& object, const std::string& key, int defaultValue)
	{
		if (!object->has(key) || object->isNull(key)) return defaultValue;
		try
		{
			return object->getValue<int>(key);
		}
		catch (Poco::Exception&)
		{
			throw Poco::InvalidArgumentException("not a number", key);
		}
	}
}

void FaultInjector::configure(const Object::Ptr& config)
{
	Array::Ptr rules = Json::array(config, "rules");
	for (unsigned i = 0; rules && i < rules->size(); ++i)
	{
		Object::Ptr entry = rules->getObject(i);
		if (!entry) throw Poco::InvalidArgumentException("fault rule must be an object");
		FaultRule rule;
		rule.verb = Json::string(entry, "verb", "*");
		rule.path = Json::string(entry, "path");
		rule.count = intValue(entry, "count", 1);
		const std::string action = Json::string(entry, "action", "status");
		if (action == "reset") rule.action = FaultRule::Action::Reset;
		else if (action != "status") throw Poco::InvalidArgumentException("unknown fault action", action);
		rule.code = intValue(entry, "code", 429);
		rule.retryAfterSeconds = intValue(entry, "retryAfterSeconds", rule.code == 429 ? 1 : -1);
		rule.message = Json::string(entry, "message");
		addRule(rule);
	}
	if (config->has("latencyMs")) setLatency(Poco::Timespan(static_cast<Poco::Timespan::TimeDiff>(intValue(config, "latencyMs", 0)) * 1000));
	if (config->has("closeWatchesAfterEvents")) setCloseWatchesAfter(intValue(config, "closeWatchesAfterEvents", 0));
	if (config->has("expireWatches")) expireNextWatches(intValue(config, "expireWatches", 0));
}

Object::Ptr FaultInjector::toJson() const
{
	std::lock_guard<std::mutex> lock(_mutex);
	Object::Ptr result = new Object;
	Array::Ptr rules = new Array;
	for (const auto& entry: _rules)
	{
		Object::Ptr rule = new Object;
		rule->set("verb", entry.rule.verb);
		rule->set("path", entry.rule.path);
		rule->set("count", entry.rule.count);
		rule->set("action", entry.rule.action == FaultRule::Action::Reset ? "reset" : "status");
		rule->set("code", entry.rule.code);
		rule->set("retryAfterSeconds", entry.rule.retryAfterSeconds);
		if (!entry.rule.message.empty()) rule->set("message", entry.rule.message);
		rules->add(rule);
	}
	result->set("rules", rules);
	result->set("latencyMs", static_cast<Poco::Int64>(_latency.totalMilliseconds()));
	result->set("closeWatchesAfterEvents", _closeWatchesAfter);
	result->set("expireWatches", _expireWatches);
	return result;
}

} } // namespace sbomop::kubesim
