//
// FieldLabels.cpp
//

#include "kubesim/FieldLabels.h"
#include "kubesim/Json.h"
#include "sbomop/kube/KubeException.h"
#include <Poco/StringTokenizer.h>
#include <algorithm>

using Poco::JSON::Object;
using sbomop::kube::FieldSelector;

namespace sbomop {
namespace kubesim {

namespace
{
	std::string unsupported(const ResourceInfo& resource, const std::string& label)
	{
		switch (resource.fieldErrorStyle)
		{
		case ResourceInfo::FieldErrorStyle::Plain:
			return "field label not supported: " + label;
		case ResourceInfo::FieldErrorStyle::KindQuoted:
			return "field label \"" + label + "\" not supported for " + resource.kind;
		default:
			return "\"" + label + "\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\"";
		}
	}
}

FieldSelector FieldLabels::parse(const std::string& text, const ResourceInfo& resource)
{
	const FieldSelector parsed = FieldSelector::parse(text);
	std::string converted;
	bool renamed = false;
	for (const auto& requirement: parsed.requirements())
	{
		std::string label = requirement.field;
		if (label == "spec.host" && resource.kind == "Pod")
		{
			label = "spec.nodeName";
			renamed = true;
		}
		const auto& labels = resource.fieldLabels;
		if (std::find(labels.begin(), labels.end(), label) == labels.end())
			throw sbomop::kube::InvalidSelectorException(unsupported(resource, label));
		if (!converted.empty()) converted += ",";
		converted += label + (requirement.op == FieldSelector::Operator::Equals ? "=" : "!=") + FieldSelector::escapeValue(requirement.value);
	}
	return renamed ? FieldSelector::parse(converted) : parsed;
}

std::map<std::string, std::string> FieldLabels::values(const Object::Ptr& object, const std::set<std::string>& fields)
{
	std::map<std::string, std::string> result;
	for (const auto& field: fields) result[field] = value(object, field);
	return result;
}

std::string FieldLabels::value(const Object::Ptr& object, const std::string& field)
{
	if (field == "status.successful")
	{
		std::string succeeded = Json::string(Json::object(object, "status"), "succeeded");
		return succeeded.empty() ? "0" : succeeded;
	}
	if (field == "spec.hostNetwork")
	{
		return Json::string(Json::object(object, "spec"), "hostNetwork") == "true" ? "true" : "false";
	}
	std::string path = field == "status.podIPs" ? "status.podIP" : field;
	Object::Ptr current = object;
	Poco::StringTokenizer parts(path, ".");
	for (std::size_t i = 0; i + 1 < parts.count(); ++i)
	{
		current = Json::object(current, parts[i]);
		if (!current) return "";
	}
	return Json::string(current, parts[parts.count() - 1]);
}

} } // namespace sbomop::kubesim
