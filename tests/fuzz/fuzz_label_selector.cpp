//
// fuzz_label_selector.cpp
//
// LabelSelector::parse on arbitrary text: only InvalidSelectorException may
// escape; an accepted selector's canonical text parses to the same
// requirements, and matching never throws.
//

#include "FuzzCheck.h"
#include "sbomop/kube/KubeException.h"
#include "sbomop/kube/LabelSelector.h"
#include <cstddef>
#include <cstdint>
#include <map>
#include <string>

using sbomop::fuzz::check;
using sbomop::kube::InvalidSelectorException;
using sbomop::kube::LabelSelector;

namespace {

bool sameRequirements(const LabelSelector& a, const LabelSelector& b)
{
	if (a.requirements().size() != b.requirements().size()) return false;
	for (std::size_t i = 0; i < a.requirements().size(); ++i)
	{
		const LabelSelector::Requirement& x = a.requirements()[i];
		const LabelSelector::Requirement& y = b.requirements()[i];
		if (x.key != y.key || x.op != y.op || x.values != y.values) return false;
	}
	return true;
}


// Labels built from the selector itself, so that matching walks every
// operator's true and false branches.
std::map<std::string, std::string> labelsFor(const LabelSelector& selector, bool useFirstValue)
{
	std::map<std::string, std::string> labels;
	for (const auto& requirement: selector.requirements())
	{
		if (requirement.values.empty()) labels[requirement.key] = "";
		else labels[requirement.key] = useFirstValue ? *requirement.values.begin() : *requirement.values.rbegin() + "x";
	}
	return labels;
}

} // namespace


extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
	const std::string input(reinterpret_cast<const char*>(data), size);
	LabelSelector selector;
	try
	{
		selector = LabelSelector::parse(input);
	}
	catch (InvalidSelectorException&)
	{
		return 0;
	}

	const std::string canonical = selector.toString();
	check(selector.empty() == canonical.empty(), "only the empty selector prints as empty", input + " -> " + canonical);
	LabelSelector again;
	try
	{
		again = LabelSelector::parse(canonical);
	}
	catch (InvalidSelectorException& exc)
	{
		sbomop::fuzz::invariantFailed("the canonical text parses again", input + " -> " + canonical + ": " + exc.displayText());
	}
	check(sameRequirements(selector, again), "the canonical text parses to the same requirements", input + " -> " + canonical + " -> " + again.toString());
	check(again.toString() == canonical, "the canonical text is stable", canonical + " -> " + again.toString());

	check(selector.matches(labelsFor(selector, true)) || !selector.empty(), "the empty selector matches everything", input);
	selector.matches(labelsFor(selector, false));
	selector.matches(std::map<std::string, std::string>());
	return 0;
}
