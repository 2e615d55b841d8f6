//
// FaultInjector.cpp
//

#include "dtrack/FaultInjector.h"
#include <Poco/Exception.h>
#include <Poco/JSON/Array.h>

using Poco::JSON::Array;
using Poco::JSON::Object;

namespace sbomop {
namespace dtracksim {

FaultInjector::FaultInjector():
	_down(false)
{
}

void FaultInjector::failNext(int count, int status, const std::string& path, const std::string& method)
{
	FaultRule rule;
	rule.count = count;
	rule.status = status;
	rule.path = path;
	rule.method = method;
	addRule(rule);
}

void FaultInjector::addRule(const FaultRule& rule)
{
	if (rule.status < 100 || rule.status > 599) throw Poco::InvalidArgumentException("fault status", std::to_string(rule.status));
	Entry entry;
	entry.rule = rule;
	if (!rule.path.empty()) entry.pattern = std::make_shared<Poco::RegularExpression>(rule.path);
	std::lock_guard<std::mutex> lock(_mutex);
	_rules.push_back(entry);
}

bool FaultInjector::take(const std::string& method, const std::string& path, FaultRule& matched)
{
	std::lock_guard<std::mutex> lock(_mutex);
	for (auto it = _rules.begin(); it != _rules.end(); ++it)
	{
		if (!it->rule.method.empty() && it->rule.method != method) continue;
		Poco::RegularExpression::Match found;
		if (it->pattern && it->pattern->match(path, 0, found) == 0) continue;
		matched = it->rule;
		if (it->rule.count > 0 && --it->rule.count == 0) _rules.erase(it);
		return true;
	}
	return false;
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

void FaultInjector::setDown(bool down)
{
	std::lock_guard<std::mutex> lock(_mutex);
	_down = down;
}

bool FaultInjector::down() const
{
	std::lock_guard<std::mutex> lock(_mutex);
	return _down;
}

void FaultInjector::clear()
{
	std::lock_guard<std::mutex> lock(_mutex);
	_rules.clear();
	_latency = 0;
	_down = false;
}

void FaultInjector::configure(const Object::Ptr& config)
{
	if (!config) throw Poco::InvalidArgumentException("fault configuration must be a JSON object");
	if (config->has("rules"))
	{
		Array::Ptr rules = config->getArray("rules");
		if (!rules) throw Poco::InvalidArgumentException("rules must be an array");
		for (std::size_t i = 0; i < rules->size(); ++i)
		{
			Object::Ptr item = rules->getObject(static_cast<unsigned>(i));
			if (!item) throw Poco::InvalidArgumentException("each rule must be an object");
			FaultRule rule;
			rule.count = item->optValue<int>("count", 1);
			rule.status = item->optValue<int>("status", 500);
			rule.method = item->optValue<std::string>("method", "");
			rule.path = item->optValue<std::string>("path", "");
			rule.body = item->optValue<std::string>("body", "");
			if (rule.count == 0 || rule.count < -1) throw Poco::InvalidArgumentException("count must be positive or -1");
			addRule(rule);
		}
	}
	if (config->has("latencyMs"))
	{
		const int ms = config->getValue<int>("latencyMs");
		if (ms < 0) throw Poco::InvalidArgumentException("latencyMs must not be negative");
		setLatency(Poco::Timespan(static_cast<Poco::Timespan::TimeDiff>(ms) * 1000));
	}
	if (config->has("down")) setDown(config->getValue<bool>("down"));
}

Object::Ptr FaultInjector::toJson() const
{
	std::lock_guard<std::mutex> lock(_mutex);
	Object::Ptr json = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
	Array::Ptr rules = new Array;
	for (const auto& entry: _rules)
	{
		Object::Ptr rule = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
		rule->set("count", entry.rule.count);
		rule->set("status", entry.rule.status);
		rule->set("method", entry.rule.method);
		rule->set("path", entry.rule.path);
		rules->add(rule);
	}
	json->set("rules", rules);
	json->set("latencyMs", static_cast<Poco::Int64>(_latency.totalMilliseconds()));
	json->set("down", _down);
	return json;
}

} } // namespace sbomop::dtracksim
