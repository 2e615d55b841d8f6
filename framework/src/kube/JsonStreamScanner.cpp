//
// JsonStreamScanner.cpp
//

#include "sbomop/kube/JsonStreamScanner.h"
#include "sbomop/kube/KubeException.h"
#include <Poco/Format.h>
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Parser.h>
#include <Poco/NumberFormatter.h>

namespace sbomop {
namespace kube {

namespace {

bool isSpace(int c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

bool isScalarByte(int c)
{
	// Digits, sign, fraction/exponent and the letters of true/false/null.
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || c == '-' || c == '+' || c == '.' || c == 'E';
}

} // namespace


const std::size_t JsonStreamScanner::DEFAULT_MAX_VALUE_BYTES;
const std::size_t JsonStreamScanner::MAX_DEPTH;


JsonStreamScanner::JsonStreamScanner(std::istream& in, std::size_t maxValueBytes):
	_buffer(in.rdbuf()),
	_offset(0),
	_maxValueBytes(maxValueBytes)
{
	if (!_buffer) throw MalformedResponseException("no response stream to read");
}


int JsonStreamScanner::get()
{
	const int c = _buffer->sbumpc();
	if (c == std::char_traits<char>::eof()) return -1;
	++_offset;
	return c;
}


int JsonStreamScanner::look()
{
	const int c = _buffer->sgetc();
	return c == std::char_traits<char>::eof() ? -1 : c;
}


int JsonStreamScanner::peek()
{
	int c = look();
	while (isSpace(c))
	{
		get();
		c = look();
	}
	return c;
}


void JsonStreamScanner::expect(char c)
{
	const int next = peek();
	if (next != static_cast<unsigned char>(c))
		fail("expected '" + std::string(1, c) + "', found " + describe(next));
	get();
}


std::string JsonStreamScanner::readString(const std::string& what)
{
	const int c = peek();
	if (c != '"') fail("expected a string for " + what + ", found " + describe(c));
	std::string raw = "[";
	readValue(&raw);
	raw += "]";
	// Decoded by the JSON parser itself: Poco::UTF8::unescape misses \".
	try
	{
		Poco::JSON::Parser parser;
		return parser.parse(raw).extract<Poco::JSON::Array::Ptr>()->getElement<std::string>(0);
	}
	catch (const Poco::Exception& exc)
	{
		fail("invalid string for " + what + " (" + exc.message() + ")");
	}
}


void JsonStreamScanner::readValue(std::string* text)
{
	const std::size_t start = text ? text->size() : 0;
	const int c = peek();
	if (c == '{' || c == '[')
		readContainer(text, start);
	else if (c == '"')
		readStringToken(text, start);
	else if (isScalarByte(c))
		readScalar(text, start);
	else
		fail("expected a JSON value, found " + describe(c));
}


void JsonStreamScanner::append(std::string* text, std::size_t start, char c)
{
	if (!text) return;
	if (text->size() - start >= _maxValueBytes)
		fail(Poco::format("JSON value larger than %z bytes", _maxValueBytes));
	text->push_back(c);
}


void JsonStreamScanner::readContainer(std::string* text, std::size_t start)
{
	std::string closers;
	bool inString = false;
	bool escaped = false;
	for (;;)
	{
		const int c = get();
		if (c < 0)
			fail(inString ? "unexpected end of stream inside a string" : "unexpected end of stream inside an object or array");
		append(text, start, static_cast<char>(c));
		if (inString)
		{
			if (escaped)
				escaped = false;
			else if (c == '\\')
				escaped = true;
			else if (c == '"')
				inString = false;
			continue;
		}
		switch (c)
		{
		case '"':
			inString = true;
			break;
		case '{':
		case '[':
			closers.push_back(c == '{' ? '}' : ']');
			if (closers.size() > MAX_DEPTH) fail(Poco::format("JSON nested deeper than %z levels", MAX_DEPTH));
			break;
		case '}':
		case ']':
			if (closers.empty() || closers.back() != c) fail("unexpected " + describe(c));
			closers.pop_back();
			if (closers.empty()) return;
			break;
		default:
			break;
		}
	}
}


void JsonStreamScanner::readStringToken(std::string* text, std::size_t start)
{
	append(text, start, static_cast<char>(get()));
	bool escaped = false;
	for (;;)
	{
		const int c = get();
		if (c < 0) fail("unexpected end of stream inside a string");
		append(text, start, static_cast<char>(c));
		if (escaped)
			escaped = false;
		else if (c == '\\')
			escaped = true;
		else if (c == '"')
			return;
	}
}


void JsonStreamScanner::readScalar(std::string* text, std::size_t start)
{
	// Ends at the first byte that cannot belong to it, which is left unread.
	while (isScalarByte(look())) append(text, start, static_cast<char>(get()));
}


std::uint64_t JsonStreamScanner::offset() const
{
	return _offset;
}


void JsonStreamScanner::fail(const std::string& message) const
{
	throw MalformedResponseException(Poco::format("%s at byte %Lu", message, static_cast<Poco::UInt64>(_offset)));
}


std::string JsonStreamScanner::describe(int c)
{
	if (c < 0) return "end of stream";
	if (c >= 0x20 && c < 0x7f) return "'" + std::string(1, static_cast<char>(c)) + "'";
	return "byte 0x" + Poco::NumberFormatter::formatHex(c, 2);
}


} } // namespace sbomop::kube
