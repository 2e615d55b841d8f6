//
// FieldSelector.cpp
//
// Port of k8s.io/apimachinery pkg/fields/selector.go ParseSelector: terms
// split at unescaped commas, sorted, split at the first operator, values
// unescaped. No whitespace trimming, as in Kubernetes.
//

#include "sbomop/kube/FieldSelector.h"
#include "sbomop/kube/KubeException.h"
#include <algorithm>

namespace sbomop {
namespace kube {

namespace {

std::vector<std::string> splitTerms(const std::string& text)
{
	std::vector<std::string> terms;
	if (text.empty()) return terms;
	std::size_t start = 0;
	bool escaped = false;
	for (std::size_t i = 0; i < text.size(); ++i)
	{
		if (escaped)
			escaped = false;
		else if (text[i] == '\\')
			escaped = true;
		else if (text[i] == ',')
		{
			terms.push_back(text.substr(start, i - start));
			start = i + 1;
		}
	}
	terms.push_back(text.substr(start));
	return terms;
}

bool splitTerm(const std::string& term, std::string& field, std::string& op, std::string& value)
{
	// The first position where any operator starts wins; "!=" and "==" are
	// tried before "=" at each position.
	static const char* const OPERATORS[] = {"!=", "==", "="};
	for (std::size_t i = 0; i < term.size(); ++i)
	{
		for (const char* candidate: OPERATORS)
		{
			if (term.compare(i, std::char_traits<char>::length(candidate), candidate) == 0)
			{
				field = term.substr(0, i);
				op = candidate;
				value = term.substr(i + op.size());
				return true;
			}
		}
	}
	return false;
}

std::size_t utf8SequenceLength(unsigned char lead)
{
	if (lead >= 0xF0 && lead <= 0xF4) return 4;
	if (lead >= 0xE0) return lead <= 0xEF ? 3 : 1;
	if (lead >= 0xC2) return 2;
	return 1;
}

} // namespace


FieldSelector::FieldSelector()
{
}


FieldSelector FieldSelector::parse(const std::string& text)
{
	std::vector<std::string> terms = splitTerms(text);
	std::sort(terms.begin(), terms.end());
	FieldSelector selector;
	for (const auto& term: terms)
	{
		if (term.empty()) continue;
		std::string field;
		std::string op;
		std::string value;
		if (!splitTerm(term, field, op, value))
			throw InvalidSelectorException("invalid selector: '" + text + "'; can't understand '" + term + "'");
		selector._requirements.push_back({field, op == "!=" ? Operator::NotEquals : Operator::Equals, unescapeValue(value)});
	}
	return selector;
}


bool FieldSelector::matches(const std::map<std::string, std::string>& fields) const
{
	for (const auto& requirement: _requirements)
	{
		const auto it = fields.find(requirement.field);
		const std::string& actual = it == fields.end() ? std::string() : it->second;
		if ((actual == requirement.value) != (requirement.op == Operator::Equals)) return false;
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


std::set<std::string> FieldSelector::fields() const
{
	std::set<std::string> names;
	for (const auto& requirement: _requirements) names.insert(requirement.field);
	return names;
}


bool FieldSelector::requiresExactMatch(const std::string& field, std::string& value) const
{
	for (const auto& requirement: _requirements)
	{
		if (requirement.field == field && requirement.op == Operator::Equals)
		{
			value = requirement.value;
			return true;
		}
	}
	return false;
}


std::string FieldSelector::toString() const
{
	std::string text;
	for (const auto& requirement: _requirements)
	{
		if (!text.empty()) text += ",";
		text += requirement.field + (requirement.op == Operator::Equals ? "=" : "!=") + escapeValue(requirement.value);
	}
	return text;
}


std::string FieldSelector::escapeValue(const std::string& value)
{
	std::string escaped;
	escaped.reserve(value.size());
	for (const char ch: value)
	{
		if (ch == '\\' || ch == ',' || ch == '=') escaped += '\\';
		escaped += ch;
	}
	return escaped;
}


std::string FieldSelector::unescapeValue(const std::string& value)
{
	std::string unescaped;
	unescaped.reserve(value.size());
	for (std::size_t i = 0; i < value.size(); ++i)
	{
		const char ch = value[i];
		if (ch == '\\')
		{
			if (i + 1 == value.size())
				throw InvalidSelectorException("invalid field selector: invalid escape sequence: \\");
			const char next = value[i + 1];
			if (next != '\\' && next != ',' && next != '=')
			{
				// Go reports the whole escaped rune, not just its first byte.
				const std::size_t length = std::min(utf8SequenceLength(static_cast<unsigned char>(next)), value.size() - i - 1);
				throw InvalidSelectorException("invalid field selector: invalid escape sequence: \\" + value.substr(i + 1, length));
			}
			unescaped += next;
			++i;
		}
		else if (ch == ',' || ch == '=')
		{
			// Go prints the rune with %v, i.e. as its code point number.
			throw InvalidSelectorException("invalid field selector: unescaped character in value: " + std::to_string(static_cast<int>(ch)));
		}
		else
		{
			unescaped += ch;
		}
	}
	return unescaped;
}


} } // namespace sbomop::kube
