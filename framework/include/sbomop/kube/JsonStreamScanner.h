//
// JsonStreamScanner.h
//
// Reads JSON from a byte stream one token or one whole value at a time and
// never reads a byte beyond what it was asked for. It frames the items of a
// list and the events of a watch (concatenated JSON values) so that each can
// be handed to the parser alone, with memory bounded by one item.
//

#ifndef SBOMOP_Kube_JsonStreamScanner_INCLUDED
#define SBOMOP_Kube_JsonStreamScanner_INCLUDED

#include "sbomop/Sbomop.h"
#include <cstdint>
#include <istream>
#include <string>

namespace sbomop {
namespace kube {

class SBOMOP_API JsonStreamScanner
	/// Tracks strings, escapes and bracket nesting only; the full syntax of a
	/// value is checked by whoever parses the text it returns. Reads the
	/// stream's buffer directly (sgetc/sbumpc), so exceptions thrown by the
	/// underlying stream buffer (e.g. a network timeout) pass through
	/// unchanged. Every other problem throws MalformedResponseException with
	/// the byte offset. Not thread-safe; the stream must outlive the scanner.
{
public:
	static const std::size_t DEFAULT_MAX_VALUE_BYTES = 32 * 1024 * 1024;
	static const std::size_t MAX_DEPTH = 512;

	explicit JsonStreamScanner(std::istream& in, std::size_t maxValueBytes = DEFAULT_MAX_VALUE_BYTES);

	int peek();
		/// Skips whitespace and returns the next byte without consuming it,
		/// or -1 at the end of the stream. Blocks until that byte is there.

	void expect(char c);
		/// Skips whitespace and consumes `c`; throws if something else comes.

	std::string readString(const std::string& what);
		/// Reads a JSON string (after whitespace) and returns it unescaped.
		/// `what` names it in the error raised when the next value is no string.

	void readValue(std::string* text);
		/// Reads one complete value (object, array, string, number, literal),
		/// appending its raw text to `text` unless it is null (then the value is
		/// skipped without being stored). Throws when the stream ends inside
		/// it, brackets do not match, nesting exceeds MAX_DEPTH or the stored
		/// text would exceed the maximum value size.

	std::uint64_t offset() const;
		/// Bytes consumed so far.

	[[noreturn]] void fail(const std::string& message) const;
		/// Throws MalformedResponseException: message + " at byte <offset>".

	static std::string describe(int c);
		/// A byte for messages: 'x' when printable, 0xNN otherwise, "end of stream" for -1.

private:
	int get();
	int look();
	void append(std::string* text, std::size_t start, char c);
	void readContainer(std::string* text, std::size_t start);
	void readStringToken(std::string* text, std::size_t start);
	void readScalar(std::string* text, std::size_t start);

	std::streambuf* _buffer;
	std::uint64_t _offset;
	std::size_t _maxValueBytes;
};

} } // namespace sbomop::kube

#endif // SBOMOP_Kube_JsonStreamScanner_INCLUDED
