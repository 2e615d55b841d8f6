//
// JobState.cpp
//

#include "sbomop/jobimage/JobState.h"
#include "sbomop/jobimage/ObjectFields.h"
#include <Poco/JSON/Array.h>
#include <map>

namespace sbomop {
namespace jobimage {

namespace
{
	struct Condition
	{
		std::string reason;
		std::string message;
	};

	std::string text(const Poco::JSON::Object::Ptr& object, const std::string& key)
	{
		return ObjectFields::string(object, key);
	}

	std::map<std::string, Condition> trueConditions(const Poco::JSON::Object::Ptr& job)
	{
		std::map<std::string, Condition> conditions;
		Poco::JSON::Object::Ptr status = job ? job->getObject("status") : nullptr;
		Poco::JSON::Array::Ptr list = status ? status->getArray("conditions") : nullptr;
		if (!list) return conditions;
		for (std::size_t i = 0; i < list->size(); ++i)
		{
			Poco::JSON::Object::Ptr condition = list->getObject(static_cast<unsigned>(i));
			if (!condition || text(condition, "status") != "True") continue;
			conditions[text(condition, "type")] = Condition{text(condition, "reason"), text(condition, "message")};
		}
		return conditions;
	}
}


JobState::JobState():
	_phase(RUNNING)
{
}


JobState::JobState(Phase phase, const std::string& condition, const std::string& reason, const std::string& message):
	_phase(phase),
	_condition(condition),
	_reason(reason),
	_message(message)
{
}


JobState JobState::of(const Poco::JSON::Object::Ptr& job)
{
	const std::map<std::string, Condition> conditions = trueConditions(job);
	// In order of precedence: terminal conditions first, then the interim ones.
	static const std::pair<const char*, Phase> RULES[] = {
		{"Complete", SUCCEEDED},
		{"Failed", FAILED},
		{"SuccessCriteriaMet", SUCCEEDING},
		{"FailureTarget", FAILING},
		{"Suspended", SUSPENDED}
	};
	for (const auto& rule: RULES)
	{
		auto it = conditions.find(rule.first);
		if (it != conditions.end()) return JobState(rule.second, rule.first, it->second.reason, it->second.message);
	}
	return JobState();
}


std::string JobState::describe() const
{
	if (_condition.empty()) return phaseName(_phase);
	std::string detail = _reason;
	if (!_message.empty()) detail += (detail.empty() ? "" : ": ") + _message;
	return detail.empty() ? _condition : _condition + " (" + detail + ")";
}


const char* JobState::phaseName(Phase phase)
{
	switch (phase)
	{
	case RUNNING: return "running";
	case SUSPENDED: return "suspended";
	case SUCCEEDING: return "succeeding";
	case FAILING: return "failing";
	case SUCCEEDED: return "succeeded";
	case FAILED: return "failed";
	}
	return "unknown";
}

} } // namespace sbomop::jobimage
