//
// DeleteOptions.cpp
//

#include "kubesim/DeleteOptions.h"
#include "kubesim/Json.h"
#include "kubesim/StatusError.h"

using Poco::JSON::Array;
using Poco::JSON::Object;

namespace sbomop {
namespace kubesim {

DeleteOptions DeleteOptions::parse(const std::string& body, const QueryParameters& query)
{
	DeleteOptions options;
	bool present = false;
	options.propagationPolicy = ListOptions::find(query, "propagationPolicy", present);
	std::string orphan = ListOptions::find(query, "orphanDependents", options.hasOrphanDependents);
	if (options.hasOrphanDependents) options.orphanDependents = ListOptions::parseBool("orphanDependents", orphan);
	options.dryRun = ListOptions::find(query, "dryRun", present) == "All";

	std::string trimmed = body;
	trimmed.erase(0, trimmed.find_first_not_of(" \t\r\n"));
	if (!trimmed.empty())
	{
		Object::Ptr object;
		try
		{
			object = Json::parseObject(trimmed);
		}
		catch (Poco::Exception& e)
		{
			throw StatusError::badRequest(e.message());
		}
		if (object->has("propagationPolicy") && !object->isNull("propagationPolicy"))
			options.propagationPolicy = Json::string(object, "propagationPolicy");
		if (object->has("orphanDependents") && !object->isNull("orphanDependents"))
		{
			options.hasOrphanDependents = true;
			options.orphanDependents = Json::string(object, "orphanDependents") == "true";
		}
		Object::Ptr preconditions = Json::object(object, "preconditions");
		options.preconditionUid = Json::string(preconditions, "uid");
		options.preconditionResourceVersion = Json::string(preconditions, "resourceVersion");
		Array::Ptr dryRun = Json::array(object, "dryRun");
		if (dryRun && dryRun->size() > 0 && dryRun->get(0).convert<std::string>() == "All") options.dryRun = true;
	}

	std::vector<FieldCause> causes;
	const std::string& policy = options.propagationPolicy;
	if (!policy.empty() && policy != "Foreground" && policy != "Background" && policy != "Orphan")
	{
		causes.push_back({"FieldValueNotSupported", StatusError::causeBody("FieldValueNotSupported",
			StatusError::quote(policy) + ": supported values: \"Foreground\", \"Background\", \"Orphan\""), "propagationPolicy"});
	}
	if (!policy.empty() && options.hasOrphanDependents)
	{
		causes.push_back({"FieldValueInvalid", StatusError::causeBody("FieldValueInvalid",
			StatusError::quote(policy) + ": orphanDependents and deletionPropagation cannot be both set"), "propagationPolicy"});
	}
	if (!causes.empty()) throw StatusError::invalidOptions("DeleteOptions", causes);
	return options;
}

std::string DeleteOptions::effectivePolicy(bool orphanByDefault) const
{
	if (!propagationPolicy.empty()) return propagationPolicy;
	if (hasOrphanDependents) return orphanDependents ? "Orphan" : "Background";
	return orphanByDefault ? "Orphan" : "Background";
}

bool DeleteOptions::policyGiven() const
{
	return !propagationPolicy.empty() || hasOrphanDependents;
}

} } // namespace sbomop::kubesim
