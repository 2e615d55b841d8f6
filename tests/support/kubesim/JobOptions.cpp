//
// JobOptions.cpp
//

#include "kubesim/JobOptions.h"
#include <Poco/Exception.h>
#include <Poco/NumberParser.h>

namespace sbomop {
namespace kubesim {

JobOutcome JobOptions::parseOutcome(const std::string& text)
{
	if (text == "succeed") return JobOutcome::Succeed;
	if (text == "fail") return JobOutcome::Fail;
	if (text == "hang") return JobOutcome::Hang;
	throw Poco::InvalidArgumentException("job outcome must be succeed, fail or hang", text);
}

JobConditionStyle JobOptions::parseConditions(const std::string& text)
{
	if (text == "legacy") return JobConditionStyle::Legacy;
	if (text == "1.31") return JobConditionStyle::V1_31;
	throw Poco::InvalidArgumentException("job conditions must be legacy or 1.31", text);
}

std::pair<std::string, std::string> JobOptions::parseRunner(const std::string& text)
{
	const std::size_t equals = text.find('=');
	if (equals == std::string::npos || equals == 0 || equals + 1 == text.size())
		throw Poco::InvalidArgumentException("job runner must be IMAGE=DIR", text);
	return {text.substr(0, equals), text.substr(equals + 1)};
}

Poco::Timespan JobOptions::parseSeconds(const std::string& text)
{
	double seconds = 0;
	if (!Poco::NumberParser::tryParseFloat(text, seconds) || seconds < 0 || seconds > 86400.0 * 365)
		throw Poco::InvalidArgumentException("seconds must be a non-negative number", text);
	return Poco::Timespan(static_cast<Poco::Timespan::TimeDiff>(seconds * 1000000.0));
}

std::string JobOptions::outcomeName(JobOutcome outcome)
{
	switch (outcome)
	{
	case JobOutcome::Fail: return "fail";
	case JobOutcome::Hang: return "hang";
	default: return "succeed";
	}
}

} } // namespace sbomop::kubesim
