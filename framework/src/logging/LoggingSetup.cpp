//
// LoggingSetup.cpp
//

#include "sbomop/logging/LoggingSetup.h"
#include "sbomop/logging/JsonLineFormatter.h"
#include "sbomop/logging/LogLevel.h"
#include "sbomop/logging/LoggingException.h"
#include "sbomop/logging/RedactingChannel.h"
#include "sbomop/logging/TextLineFormatter.h"
#include <Poco/ConsoleChannel.h>
#include <Poco/FormattingChannel.h>
#include <Poco/Logger.h>
#include <Poco/String.h>
#include <iostream>

namespace sbomop {
namespace logging {


void LoggingSetup::configure(const std::string& levelName, const std::string& formatName, std::ostream* pOut)
{
	const int level = LogLevel::parse(levelName);
	Poco::Channel::Ptr pChannel = createChannel(createFormatter(formatName), pOut);

	// The static setters walk every existing logger below the given name; ""
	// is the root, so loggers created before this call are reconfigured too
	// and later ones inherit from the root.
	Poco::Logger::setChannel("", pChannel);
	Poco::Logger::setLevel("", level);
}


Poco::Formatter::Ptr LoggingSetup::createFormatter(const std::string& formatName)
{
	const std::string key = Poco::toLower(Poco::trim(formatName));
	if (key == "text") return new TextLineFormatter;
	if (key == "json") return new JsonLineFormatter;
	throw LoggingConfigException("unknown log format '" + formatName + "'", "expected text or json");
}


Poco::Channel::Ptr LoggingSetup::createChannel(Poco::Formatter::Ptr pFormatter, std::ostream* pOut)
{
	Poco::Channel::Ptr pConsole = pOut ? new Poco::ConsoleChannel(*pOut) : new Poco::ConsoleChannel(std::clog);
	Poco::Channel::Ptr pFormatting = new Poco::FormattingChannel(pFormatter, pConsole);
	return new RedactingChannel(pFormatting);
}


} } // namespace sbomop::logging
