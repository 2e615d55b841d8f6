//
// LogLevel.cpp
//

#include "sbomop/logging/LogLevel.h"
#include "sbomop/logging/LoggingException.h"
#include <Poco/Message.h>
#include <Poco/String.h>

namespace sbomop {
namespace logging {

namespace {

struct LevelName
{
	const char* name;
	Poco::Message::Priority priority;
};

const LevelName LEVELS[] = {
	{"trace",   Poco::Message::PRIO_TRACE},
	{"debug",   Poco::Message::PRIO_DEBUG},
	{"info",    Poco::Message::PRIO_INFORMATION},
	{"warn",    Poco::Message::PRIO_WARNING},
	{"warning", Poco::Message::PRIO_WARNING},
	{"error",   Poco::Message::PRIO_ERROR},
	{"fatal",   Poco::Message::PRIO_FATAL},
};

} // namespace


int LogLevel::parse(const std::string& name)
{
	const std::string key = Poco::toLower(Poco::trim(name));
	for (const auto& level: LEVELS)
	{
		if (key == level.name) return level.priority;
	}
	throw LoggingConfigException("unknown log level '" + name + "'", "expected one of " + names());
}


const std::string& LogLevel::name(int priority)
{
	static const std::string TRACE("trace");
	static const std::string DEBUG("debug");
	static const std::string INFO("info");
	static const std::string WARN("warn");
	static const std::string ERROR("error");
	static const std::string FATAL("fatal");

	switch (priority)
	{
	case Poco::Message::PRIO_TRACE:    return TRACE;
	case Poco::Message::PRIO_DEBUG:    return DEBUG;
	case Poco::Message::PRIO_WARNING:  return WARN;
	case Poco::Message::PRIO_ERROR:
	case Poco::Message::PRIO_CRITICAL: return ERROR;
	case Poco::Message::PRIO_FATAL:    return FATAL;
	default:                           return INFO;
	}
}


const std::string& LogLevel::names()
{
	static const std::string NAMES("trace|debug|info|warn|error|fatal");
	return NAMES;
}


} } // namespace sbomop::logging
