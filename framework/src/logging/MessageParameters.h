//
// MessageParameters.h
//
// Read access to all named parameters of a Poco::Message (internal to
// libsbomop's logging module).
//

#ifndef SBOMOP_Logging_MessageParameters_INCLUDED
#define SBOMOP_Logging_MessageParameters_INCLUDED

#include <Poco/Message.h>
#include <map>
#include <string>

namespace sbomop {
namespace logging {

class MessageParameters
	/// Poco 1.11's Message offers lookup of a parameter by name but no way to
	/// list them; formatters and the redacting channel need all of them.
{
public:
	using Map = std::map<std::string, std::string>;

	static const Map* of(const Poco::Message& msg);
		/// Returns the message's parameter map ordered by name, or null when
		/// the message has no parameters. The map belongs to the message and
		/// is valid as long as the message is neither destroyed nor changed.

	MessageParameters() = delete;
};

} } // namespace sbomop::logging

#endif // SBOMOP_Logging_MessageParameters_INCLUDED
