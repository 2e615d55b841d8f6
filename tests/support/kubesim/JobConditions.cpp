//
// JobConditions.cpp
//

#include "kubesim/JobConditions.h"
#include "kubesim/Json.h"
#include <Poco/JSON/Array.h>

using Poco::JSON::Array;
using Poco::JSON::Object;

namespace sbomop {
namespace kubesim {

const std::string JobConditions::COMPLETIONS_REACHED = "CompletionsReached";
const std::string JobConditions::BACKOFF_LIMIT_EXCEEDED = "BackoffLimitExceeded";
const std::string JobConditions::DEADLINE_EXCEEDED = "DeadlineExceeded";

std::string JobConditions::message(const std::string& reason)
{
	if (reason == COMPLETIONS_REACHED) return "Reached expected number of succeeded pods";
	if (reason == DEADLINE_EXCEEDED) return "Job was active longer than specified deadline";
	if (reason == BACKOFF_LIMIT_EXCEEDED) return "Job has reached the specified backoff limit";
	return "";
}

bool JobConditions::has(const Object::Ptr& status, const std::string& type)
{
	Array::Ptr conditions = Json::array(status, "conditions");
	for (unsigned i = 0; conditions && i < conditions->size(); ++i)
	{
		if (Json::string(conditions->getObject(i), "type") == type) return true;
	}
	return false;
}

void JobConditions::add(Object::Ptr status, const std::string& type, const std::string& reason)
{
	if (has(status, type)) return;
	Array::Ptr conditions = Json::array(status, "conditions");
	if (!conditions)
	{
		conditions = new Array;
		status->set("conditions", conditions);
	}
	const std::string now = Json::nowRfc3339();
	Object::Ptr condition = new Object;
	condition->set("type", type);
	condition->set("status", "True");
	condition->set("lastProbeTime", now);
	condition->set("lastTransitionTime", now);
	if (!reason.empty())
	{
		condition->set("reason", reason);
		condition->set("message", message(reason));
	}
	conditions->add(condition);
}

void JobConditions::setCount(Object::Ptr status, const std::string& field, int value)
{
	if (value > 0) status->set(field, value);
	else status->remove(field);
}

} } // namespace sbomop::kubesim
