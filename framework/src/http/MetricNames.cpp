//
// MetricNames.cpp
//

#include "sbomop/http/MetricNames.h"
#include <Poco/Exception.h>
#include <set>

namespace sbomop {
namespace http {

namespace {

bool isNameChar(char c, bool first, bool allowColon)
{
	const bool letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
	const bool digit = c >= '0' && c <= '9';
	return letter || (!first && digit) || (allowColon && c == ':');
}


bool matchesNameGrammar(const std::string& name, bool allowColon)
{
	if (name.empty()) return false;
	for (std::size_t i = 0; i < name.size(); ++i)
	{
		if (!isNameChar(name[i], i == 0, allowColon)) return false;
	}
	return true;
}

} // namespace


bool MetricNames::isValidMetricName(const std::string& name)
{
	return matchesNameGrammar(name, true);
}


bool MetricNames::isValidLabelName(const std::string& name)
{
	return matchesNameGrammar(name, false) && name.compare(0, 2, "__") != 0;
}


void MetricNames::checkMetricName(const std::string& name)
{
	if (!isValidMetricName(name))
		throw Poco::InvalidArgumentException("invalid metric name '" + name + "'", "expected [a-zA-Z_:][a-zA-Z0-9_:]*");
}


void MetricNames::checkLabelNames(const std::vector<std::string>& names, const std::string& reserved)
{
	std::set<std::string> seen;
	for (const auto& name: names)
	{
		if (!isValidLabelName(name))
			throw Poco::InvalidArgumentException("invalid label name '" + name + "'", "expected [a-zA-Z_][a-zA-Z0-9_]* not starting with __");
		if (!reserved.empty() && name == reserved)
			throw Poco::InvalidArgumentException("label name '" + name + "' is reserved");
		if (!seen.insert(name).second)
			throw Poco::InvalidArgumentException("duplicate label name '" + name + "'");
	}
}


} } // namespace sbomop::http
