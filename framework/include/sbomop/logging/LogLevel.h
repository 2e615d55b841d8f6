//
// LogLevel.h
//
// The operator's log level names and their mapping to Poco message priorities.
//

#ifndef SBOMOP_Logging_LogLevel_INCLUDED
#define SBOMOP_Logging_LogLevel_INCLUDED

#include "sbomop/Sbomop.h"
#include <string>

namespace sbomop {
namespace logging {

class SBOMOP_API LogLevel
	/// Converts between the level names used on the command line and in log
	/// output (trace, debug, info, warn, error, fatal) and Poco::Message
	/// priorities. All functions are stateless and thread-safe.
{
public:
	static int parse(const std::string& name);
		/// Returns the Poco::Message::Priority for a level name: trace,
		/// debug, info, warn, error or fatal. Matching ignores case and
		/// surrounding blanks; "warning" is accepted as an alias of "warn"
		/// (the spelling the predecessor's --verbosity flag accepted).
		/// Throws LoggingConfigException for any other name.

	static const std::string& name(int priority);
		/// Returns the level name printed for a message priority. Poco's two
		/// extra priorities fold into the next less severe level, so that a
		/// printed level always passes the threshold of the same name:
		/// PRIO_NOTICE prints as "info", PRIO_CRITICAL as "error". Priorities
		/// outside Poco's range print as "info" (never throws).

	static const std::string& names();
		/// Returns the accepted names for messages and help texts:
		/// "trace|debug|info|warn|error|fatal".

	LogLevel() = delete;
};

} } // namespace sbomop::logging

#endif // SBOMOP_Logging_LogLevel_INCLUDED
