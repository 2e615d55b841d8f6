//
// FieldSelector.cpp
//

#include "kubesim/FieldSelector.h"
#include "kubesim/Json.h"
#include "sbomop/kube/KubeException.h"
#include <Poco/StringTokenizer.h>
#include <algorithm>

using Poco::JSON::Object;

namespace sbomop {
namespace kubesim {

namespace
{
	// Splits on separators that are not escaped with a backslash.
	std::vector<std::string> splitTerms(const std::string& text)
	{
		std::vector<std::string> terms;
		std::string current;
		for (std::size_t i = 0; i < text.size(); ++i)
		{
			if (text[i] == '\\' && i + 1 < text.size())
			{
				current += text[i];
				current += text[++i];
			}
			else if (text[i] == ',')
			{
				terms.push_back(current);
				current.clear();
			}
			else current += text[i];
		}
		terms.push_back(current);
		return terms;
	}

	bool splitTerm(const std::string& term, std::string& lhs, bool& equal, std::string& rhs)
	{
		for (std::size_t i = 0; i < term.size(); ++i)
		{
			if (term[i] == '\\') { ++i; continue; }
			if (term.compare(i, 2, "!=") == 0) { lhs = term.substr(0, i); equal = false; rhs = term.substr(i + 2); return true; }
			if (term.compare(i, 2, "==") == 0) { lhs = term.substr(0, i); equal = true; rhs = term.substr(i + 2); return true; }
			if (term[i] == '=') { lhs = term.substr(0, i); equal = true; rhs = term.substr(i + 1); return true; }
		}
		return false;
	}

	std::string unescape(const std::string& value)
	{
		std::string out;
		for (std::size_t i = 0; i < value.size(); ++i)
		{
			char c = value[i];
			if (c == '\\')
			{
				if (i + 1 >= value.size()) throw sbomop::kube::InvalidSelectorException("invalid field selector: trailing escape character in " + value);
				char next = value[++i];
				if (next != '\\' && next != ',' && next != '=')
					throw sbomop::kube::InvalidSelectorException(std::string("invalid field selector: invalid escape sequence: \\") + next);
				out += next;
			}
			else if (c == ',' || c == '=')
			{
				throw sbomop::kube::InvalidSelectorException(std::string("invalid field selector: unescaped character ") + c + " in " + value);
			}
			else out += c;
		}
		return out;
	}

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

FieldSelector::FieldSelector()
{
}

FieldSelector FieldSelector::parse(const std::string& text, const ResourceInfo& resource)
{
	FieldSelector selector;
	std::vector<std::string> terms = splitTerms(text);
	std::sort(terms.begin(), terms.end());
	for (const auto& raw: terms)
	{
		std::string term = raw;
		term.erase(0, term.find_first_not_of(' '));
		if (term.empty()) continue;
		Requirement requirement;
		std::string value;
		if (!splitTerm(term, requirement.field, requirement.equal, value))
			throw sbomop::kube::InvalidSelectorException("invalid selector: '" + text + "'; can't understand '" + term + "'");
		requirement.field.erase(requirement.field.find_last_not_of(' ') + 1);
		requirement.value = unescape(value);
		if (requirement.field == "spec.host" && resource.kind == "Pod") requirement.field = "spec.nodeName";
		const auto& labels = resource.fieldLabels;
		if (std::find(labels.begin(), labels.end(), requirement.field) == labels.end())
			throw sbomop::kube::InvalidSelectorException(unsupported(resource, requirement.field));
		selector._requirements.push_back(requirement);
	}
	return selector;
}

bool FieldSelector::matches(const Object::Ptr& object) const
{
	for (const auto& requirement: _requirements)
	{
		bool same = fieldValue(object, requirement.field) == requirement.value;
		if (same != requirement.equal) return false;
	}
	return true;
}

bool FieldSelector::empty() const
{
	return _requirements.empty();
}

const std::vector<FieldSelector::Requirement>& FieldSelector::requirements() const
{
	return _requirements;
}

std::string FieldSelector::fieldValue(const Object::Ptr& object, const std::string& field)
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
