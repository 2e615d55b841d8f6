//
// JsonLineFormatter.h
//
// Formats log messages as one JSON object per line, for log collectors.
//

#ifndef SBOMOP_Logging_JsonLineFormatter_INCLUDED
#define SBOMOP_Logging_JsonLineFormatter_INCLUDED

#include "sbomop/Sbomop.h"
#include <Poco/AutoPtr.h>
#include <Poco/Formatter.h>

namespace sbomop {
namespace logging {

class SBOMOP_API JsonLineFormatter: public Poco::Formatter
	/// Produces one JSON object per message, without a trailing newline (the
	/// output channel ends the line):
	///
	///     {"time":"2026-01-02T03:04:05.678Z","level":"info","logger":"sbomop.kube.client",
	///      "message":"watch restarted","thread":4711,"namespace":"default"}
	///
	/// `time` is the message time in RFC 3339 UTC with milliseconds, `level`
	/// one of the LogLevel names, `logger` the Poco logger name, `thread` the
	/// operating system id of the thread that formats the message (the
	/// logging thread when the channel chain is synchronous, as LoggingSetup
	/// builds it). Every named parameter of the message follows as a string
	/// field, ordered by name; a parameter whose name equals one of the
	/// standard fields is written as "param.<name>" so no key repeats.
	///
	/// Any byte sequence yields valid JSON: control characters are escaped
	/// and bytes that are not UTF-8 become U+FFFD.
	///
	/// Stateless: format() may be called from several threads at once.
{
public:
	using Ptr = Poco::AutoPtr<JsonLineFormatter>;

	JsonLineFormatter();

	void format(const Poco::Message& msg, std::string& text) override;
		/// Appends the JSON object for msg to text.

protected:
	~JsonLineFormatter() override;
};

} } // namespace sbomop::logging

#endif // SBOMOP_Logging_JsonLineFormatter_INCLUDED
