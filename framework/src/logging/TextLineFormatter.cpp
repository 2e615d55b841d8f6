//
// TextLineFormatter.cpp
//

#include "sbomop/logging/TextLineFormatter.h"
#include "sbomop/logging/LogLevel.h"
#include "LineEncoding.h"
#include "MessageParameters.h"
#include <Poco/Message.h>

namespace sbomop {
namespace logging {

namespace {

const std::size_t LEVEL_WIDTH = 5;

} // namespace


TextLineFormatter::TextLineFormatter() = default;


TextLineFormatter::~TextLineFormatter() = default;


void TextLineFormatter::format(const Poco::Message& msg, std::string& text)
{
	LineEncoding::appendTime(text, msg.getTime());
	text += ' ';
	const std::string& level = LogLevel::name(msg.getPriority());
	text += level;
	text.append(level.size() < LEVEL_WIDTH ? LEVEL_WIDTH - level.size() : 0, ' ');
	text += ' ';
	LineEncoding::appendLineText(text, msg.getSource());
	text += ": ";
	LineEncoding::appendLineText(text, msg.getText());

	if (const MessageParameters::Map* pParameters = MessageParameters::of(msg))
	{
		for (const auto& parameter: *pParameters)
		{
			text += ' ';
			LineEncoding::appendLineText(text, parameter.first);
			text += '=';
			LineEncoding::appendLineValue(text, parameter.second);
		}
	}
}


} } // namespace sbomop::logging
