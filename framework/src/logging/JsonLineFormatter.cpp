//
// JsonLineFormatter.cpp
//

#include "sbomop/logging/JsonLineFormatter.h"
#include "sbomop/logging/LogLevel.h"
#include "LineEncoding.h"
#include "MessageParameters.h"
#include <Poco/Message.h>
#include <Poco/NumberFormatter.h>

namespace sbomop {
namespace logging {

namespace {

bool isStandardField(const std::string& name)
{
	return name == "time" || name == "level" || name == "logger" || name == "message" || name == "thread";
}


void appendKey(std::string& text, const std::string& key)
{
	text += ',';
	LineEncoding::appendJsonString(text, key);
	text += ':';
}

} // namespace


JsonLineFormatter::JsonLineFormatter() = default;


JsonLineFormatter::~JsonLineFormatter() = default;


void JsonLineFormatter::format(const Poco::Message& msg, std::string& text)
{
	text += "{\"time\":\"";
	LineEncoding::appendTime(text, msg.getTime());
	text += '"';
	appendKey(text, "level");
	LineEncoding::appendJsonString(text, LogLevel::name(msg.getPriority()));
	appendKey(text, "logger");
	LineEncoding::appendJsonString(text, msg.getSource());
	appendKey(text, "message");
	LineEncoding::appendJsonString(text, msg.getText());
	appendKey(text, "thread");
	Poco::NumberFormatter::append(text, LineEncoding::currentThreadId());

	if (const MessageParameters::Map* pParameters = MessageParameters::of(msg))
	{
		for (const auto& parameter: *pParameters)
		{
			appendKey(text, isStandardField(parameter.first) ? "param." + parameter.first : parameter.first);
			LineEncoding::appendJsonString(text, parameter.second);
		}
	}
	text += '}';
}


} } // namespace sbomop::logging
