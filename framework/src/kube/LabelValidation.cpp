//
// LabelValidation.cpp
//
// Hand-written matchers for the validation regular expressions, with the
// exact message texts of k8s.io/apimachinery v1.28 (including the double
// spaces RegexError puts between its examples).
//

#include "sbomop/kube/LabelValidation.h"
#include <Poco/Format.h>
#include <algorithm>

namespace sbomop {
namespace kube {

namespace {

const std::size_t NAME_MAX_LENGTH = 63;
const std::size_t PREFIX_MAX_LENGTH = 253;
const std::size_t VALUE_MAX_LENGTH = 63;

const std::string NAME_FMT = "([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]";
const std::string NAME_ERR = "must consist of alphanumeric characters, '-', '_' or '.', "
	"and must start and end with an alphanumeric character";
const std::string VALUE_FMT = "(" + NAME_FMT + ")?";
const std::string VALUE_ERR = "a valid label must be an empty string or consist of alphanumeric characters, "
	"'-', '_' or '.', and must start and end with an alphanumeric character";
const std::string SUBDOMAIN_FMT = "[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*";
const std::string SUBDOMAIN_ERR = "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, "
	"'-' or '.', and must start and end with an alphanumeric character";

bool isAlnum(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

bool isLowerAlnum(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
}

bool matchesName(const std::string& name)
{
	if (name.empty() || !isAlnum(name.front()) || !isAlnum(name.back())) return false;
	return std::all_of(name.begin(), name.end(), [](char c) { return isAlnum(c) || c == '-' || c == '_' || c == '.'; });
}

bool matchesDnsLabel(const std::string& label)
{
	if (label.empty() || !isLowerAlnum(label.front()) || !isLowerAlnum(label.back())) return false;
	return std::all_of(label.begin(), label.end(), [](char c) { return isLowerAlnum(c) || c == '-'; });
}

bool matchesSubdomain(const std::string& value)
{
	std::size_t start = 0;
	for (;;)
	{
		const std::size_t dot = value.find('.', start);
		if (!matchesDnsLabel(value.substr(start, dot == std::string::npos ? std::string::npos : dot - start))) return false;
		if (dot == std::string::npos) return true;
		start = dot + 1;
	}
}

std::string regexError(const std::string& message, const std::string& format, const std::vector<std::string>& examples)
{
	std::string text = message + " (e.g. ";
	for (std::size_t i = 0; i < examples.size(); ++i)
	{
		if (i > 0) text += " or ";
		text += "'" + examples[i] + "', ";
	}
	return text + "regex used for validation is '" + format + "')";
}

std::string maxLenError(std::size_t length)
{
	return Poco::format("must be no more than %z characters", length);
}

std::string nameRegexError()
{
	return regexError(NAME_ERR, NAME_FMT, {"MyName", "my.name", "123-abc"});
}

} // namespace


std::vector<std::string> LabelValidation::keyErrors(const std::string& key)
{
	std::vector<std::string> errors;
	std::string name = key;
	const std::size_t slash = key.find('/');
	if (slash != std::string::npos)
	{
		if (key.find('/', slash + 1) != std::string::npos)
		{
			errors.push_back("a qualified name " + nameRegexError() +
				" with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')");
			return errors;
		}
		const std::string prefix = key.substr(0, slash);
		name = key.substr(slash + 1);
		if (prefix.empty())
		{
			errors.push_back("prefix part must be non-empty");
		}
		else
		{
			if (prefix.size() > PREFIX_MAX_LENGTH) errors.push_back("prefix part " + maxLenError(PREFIX_MAX_LENGTH));
			if (!matchesSubdomain(prefix))
				errors.push_back("prefix part " + regexError(SUBDOMAIN_ERR, SUBDOMAIN_FMT, {"example.com"}));
		}
	}
	if (name.empty())
		errors.push_back("name part must be non-empty");
	else if (name.size() > NAME_MAX_LENGTH)
		errors.push_back("name part " + maxLenError(NAME_MAX_LENGTH));
	if (!matchesName(name)) errors.push_back("name part " + nameRegexError());
	return errors;
}


std::vector<std::string> LabelValidation::valueErrors(const std::string& value)
{
	std::vector<std::string> errors;
	if (value.size() > VALUE_MAX_LENGTH) errors.push_back(maxLenError(VALUE_MAX_LENGTH));
	if (!value.empty() && !matchesName(value))
		errors.push_back(regexError(VALUE_ERR, VALUE_FMT, {"MyValue", "my_value", "12345"}));
	return errors;
}


bool LabelValidation::isValidKey(const std::string& key)
{
	return keyErrors(key).empty();
}


bool LabelValidation::isValidValue(const std::string& value)
{
	return valueErrors(value).empty();
}


std::string LabelValidation::invalidValueError(const std::string& path, const std::string& value, const std::vector<std::string>& details)
{
	std::string text = path + ": Invalid value: " + quote(value);
	for (std::size_t i = 0; i < details.size(); ++i)
	{
		text += i == 0 ? ": " : "; ";
		text += details[i];
	}
	return text;
}


std::string LabelValidation::aggregate(const std::vector<std::string>& errors)
{
	std::vector<std::string> unique;
	for (const auto& error: errors)
	{
		if (std::find(unique.begin(), unique.end(), error) == unique.end()) unique.push_back(error);
	}
	if (unique.size() == 1) return unique.front();
	std::string text = "[";
	for (std::size_t i = 0; i < unique.size(); ++i)
	{
		if (i > 0) text += ", ";
		text += unique[i];
	}
	return text + "]";
}


std::string LabelValidation::quote(const std::string& text)
{
	// Bytes >= 0x80 pass through: label text that reaches this point came from
	// a selector string, and printable UTF-8 is what Go prints as is.
	static const char HEX[] = "0123456789abcdef";
	std::string out = "\"";
	for (const char ch: text)
	{
		const unsigned char c = static_cast<unsigned char>(ch);
		switch (c)
		{
		case '"': out += "\\\""; break;
		case '\\': out += "\\\\"; break;
		case '\a': out += "\\a"; break;
		case '\b': out += "\\b"; break;
		case '\f': out += "\\f"; break;
		case '\n': out += "\\n"; break;
		case '\r': out += "\\r"; break;
		case '\t': out += "\\t"; break;
		case '\v': out += "\\v"; break;
		default:
			if (c < 0x20 || c == 0x7f)
			{
				out += "\\x";
				out += HEX[c >> 4];
				out += HEX[c & 0x0f];
			}
			else
			{
				out += ch;
			}
		}
	}
	return out + "\"";
}


} } // namespace sbomop::kube
