//
// LoggingSetup.h
//
// Configures the operator's log output: level, line format and destination.
//

#ifndef SBOMOP_Logging_LoggingSetup_INCLUDED
#define SBOMOP_Logging_LoggingSetup_INCLUDED

#include "sbomop/Sbomop.h"
#include <Poco/Channel.h>
#include <Poco/Formatter.h>
#include <iosfwd>
#include <string>

namespace sbomop {
namespace logging {

class SBOMOP_API LoggingSetup
	/// Wires all Poco loggers (the root logger and every `sbomop.*` logger,
	/// whether it exists yet or not) to one channel chain:
	///
	///     Logger -> RedactingChannel -> FormattingChannel(text|json) -> ConsoleChannel
	///
	/// The console channel serialises writes with a process-wide mutex, so
	/// lines from concurrent threads never interleave.
{
public:
	static void configure(const std::string& levelName, const std::string& formatName, std::ostream* pOut = nullptr);
		/// Sets the level of all loggers to levelName (see LogLevel::parse)
		/// and their channel to the chain above, formatting with formatName
		/// (see createFormatter). Output goes to pOut, or to standard error
		/// (std::clog) when pOut is null; a given stream must stay alive
		/// until logging is configured again.
		///
		/// May be called again at any time to change level, format or
		/// destination; loggers created earlier follow as well. Both names
		/// are checked before anything changes: on LoggingConfigException
		/// the previous configuration stays in effect. Do not call it
		/// concurrently with itself.

	static Poco::Formatter::Ptr createFormatter(const std::string& formatName);
		/// Returns a TextLineFormatter for "text" or a JsonLineFormatter for
		/// "json" (ignoring case and surrounding blanks). Throws
		/// LoggingConfigException for any other name.

	static Poco::Channel::Ptr createChannel(Poco::Formatter::Ptr pFormatter, std::ostream* pOut = nullptr);
		/// Returns the channel chain configure() installs, for the given
		/// formatter and stream (standard error when pOut is null).

	LoggingSetup() = delete;
};

} } // namespace sbomop::logging

#endif // SBOMOP_Logging_LoggingSetup_INCLUDED
