//
// LabelSelector.cpp
//

#include "sbomop/kube/LabelSelector.h"
#include "LabelSelectorParser.h"
#include <algorithm>
#include <cstdint>

namespace sbomop {
namespace kube {

namespace {

bool requirementMatches(const LabelSelector::Requirement& requirement, const std::map<std::string, std::string>& labels)
{
	const auto it = labels.find(requirement.key);
	const bool present = it != labels.end();
	switch (requirement.op)
	{
	case LabelSelector::Operator::Exists:
		return present;
	case LabelSelector::Operator::DoesNotExist:
		return !present;
	case LabelSelector::Operator::Equals:
	case LabelSelector::Operator::In:
		return present && requirement.values.count(it->second) > 0;
	case LabelSelector::Operator::NotEquals:
	case LabelSelector::Operator::NotIn:
		// Objects without the key match, as in Kubernetes.
		return !present || requirement.values.count(it->second) == 0;
	case LabelSelector::Operator::GreaterThan:
	case LabelSelector::Operator::LessThan:
	{
		std::int64_t actual = 0;
		std::int64_t bound = 0;
		if (!present || requirement.values.size() != 1) return false;
		if (!LabelSelectorParser::parseInteger(it->second, &actual)) return false;
		if (!LabelSelectorParser::parseInteger(*requirement.values.begin(), &bound)) return false;
		return requirement.op == LabelSelector::Operator::GreaterThan ? actual > bound : actual < bound;
	}
	}
	return false;
}

std::string requirementText(const LabelSelector::Requirement& requirement)
{
	std::string text = requirement.op == LabelSelector::Operator::DoesNotExist ? "!" : "";
	text += requirement.key;
	std::string open;
	std::string close;
	switch (requirement.op)
	{
	case LabelSelector::Operator::Exists:
	case LabelSelector::Operator::DoesNotExist:
		return text;
	case LabelSelector::Operator::Equals: text += "="; break;
	case LabelSelector::Operator::NotEquals: text += "!="; break;
	case LabelSelector::Operator::GreaterThan: text += ">"; break;
	case LabelSelector::Operator::LessThan: text += "<"; break;
	case LabelSelector::Operator::In: text += " in ("; close = ")"; break;
	case LabelSelector::Operator::NotIn: text += " notin ("; close = ")"; break;
	}
	bool first = true;
	for (const auto& value: requirement.values)
	{
		if (!first) text += ",";
		text += value;
		first = false;
	}
	return text + close;
}

} // namespace


LabelSelector::LabelSelector()
{
}


LabelSelector LabelSelector::parse(const std::string& text)
{
	LabelSelector selector;
	selector._requirements = LabelSelectorParser::parse(text);
	// Kubernetes sorts by key for a deterministic form; stable keeps the
	// written order of repeated keys.
	std::stable_sort(selector._requirements.begin(), selector._requirements.end(),
		[](const Requirement& a, const Requirement& b) { return a.key < b.key; });
	return selector;
}


bool LabelSelector::matches(const std::map<std::string, std::string>& labels) const
{
	for (const auto& requirement: _requirements)
	{
		if (!requirementMatches(requirement, labels)) return false;
	}
	return true;
}


bool LabelSelector::empty() const
{
	return _requirements.empty();
}


const std::vector<LabelSelector::Requirement>& LabelSelector::requirements() const
{
	return _requirements;
}


std::string LabelSelector::toString() const
{
	std::string text;
	for (const auto& requirement: _requirements)
	{
		if (!text.empty()) text += ",";
		text += requirementText(requirement);
	}
	return text;
}



} } // namespace sbomop::kube
