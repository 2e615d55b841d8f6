//
// LineEncoding.h
//
// Building blocks shared by the line formatters (internal to libsbomop's
// logging module): time stamps, string escaping and the thread id.
//

#ifndef SBOMOP_Logging_LineEncoding_INCLUDED
#define SBOMOP_Logging_LineEncoding_INCLUDED

#include <Poco/Timestamp.h>
#include <string>

namespace sbomop {
namespace logging {

class LineEncoding
	/// Stateless helpers; all functions are thread-safe and never throw
	/// (apart from std::bad_alloc).
{
public:
	static void appendTime(std::string& out, const Poco::Timestamp& time);
		/// Appends the time in RFC 3339 UTC with milliseconds:
		/// 2026-01-02T03:04:05.678Z.

	static void appendJsonString(std::string& out, const std::string& value);
		/// Appends value as a quoted JSON string. Quotes, backslashes and
		/// control characters are escaped, U+2028/U+2029 too (they end lines
		/// in JavaScript); bytes that are not valid UTF-8 become U+FFFD, so
		/// the result is valid JSON and valid UTF-8 for any input.

	static void appendLineText(std::string& out, const std::string& text);
		/// Appends text for a plain-text log line: control characters other
		/// than tab are escaped (\n, \r, \u00XX) so one entry stays on one
		/// line; invalid UTF-8 becomes U+FFFD; everything else is unchanged.

	static void appendLineValue(std::string& out, const std::string& value);
		/// Appends a parameter value for a plain-text log line: unchanged when
		/// it is non-empty printable ASCII without blanks, '"', '\\' or '=';
		/// as a quoted JSON string otherwise.

	static long currentThreadId();
		/// Returns the operating system's id of the calling thread (the id
		/// `ps -L` and /proc/self/task show).

	LineEncoding() = delete;
};

} } // namespace sbomop::logging

#endif // SBOMOP_Logging_LineEncoding_INCLUDED
