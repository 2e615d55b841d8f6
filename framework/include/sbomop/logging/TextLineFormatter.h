//
// TextLineFormatter.h
//
// Formats log messages as human-readable lines for a terminal or kubectl logs.
//

#ifndef SBOMOP_Logging_TextLineFormatter_INCLUDED
#define SBOMOP_Logging_TextLineFormatter_INCLUDED

#include "sbomop/Sbomop.h"
#include <Poco/AutoPtr.h>
#include <Poco/Formatter.h>

namespace sbomop {
namespace logging {

class SBOMOP_API TextLineFormatter: public Poco::Formatter
	/// Produces one line per message, without a trailing newline (the output
	/// channel ends the line), like a PatternFormatter with the pattern
	/// "%Y-%m-%dT%H:%M:%S.%iZ %p %s: %t" but with the LogLevel names padded
	/// to five characters:
	///
	///     2026-01-02T03:04:05.678Z info  sbomop.kube.client: watch restarted namespace=default
	///
	/// Times are UTC. Named parameters of the message follow the text as
	/// ` name=value`, ordered by name; values that are empty or contain blanks,
	/// quotes, '\\', '=' or non-ASCII characters are written as JSON strings.
	/// Control characters in the text other than tab are escaped (\n, \r,
	/// \u00XX) so that a message can never forge a second log entry, and
	/// bytes that are not UTF-8 become U+FFFD.
	///
	/// Stateless: format() may be called from several threads at once.
{
public:
	using Ptr = Poco::AutoPtr<TextLineFormatter>;

	TextLineFormatter();

	void format(const Poco::Message& msg, std::string& text) override;
		/// Appends the line for msg to text.

protected:
	~TextLineFormatter() override;
};

} } // namespace sbomop::logging

#endif // SBOMOP_Logging_TextLineFormatter_INCLUDED
